"""``leaddocs init``: what a repository needs to keep and publish its docs with leaddocs, added
where it is missing and never over what is there (docs/init.md).

Files a person makes their own (leaddocs.yml, mkdocs.yml, docs/index.md, the first ADR) are
created only: no option replaces them. ``.gitignore`` and ``.pre-commit-config.yaml`` only gain
lines. The workflows carry leaddocs' marker, so ``force`` can refresh one nobody edited.
Everything lands through the one delivery step, as one bundle: all of it or none.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from leaddocs import markers
from leaddocs.adr import new
from leaddocs.adr.discover import adr_files
from leaddocs.adr.log import DecisionLog
from leaddocs.application.appended import IgnoredPaths, PreCommitHook
from leaddocs.application.config_file import commented_defaults
from leaddocs.application.project import Project
from leaddocs.config import CONFIG_FILE_NAMES
from leaddocs.delivery import files
from leaddocs.document import Document, Format, WriteMode
from leaddocs.errors import DocumentError, NotARepositoryError
from leaddocs.markup import md_text
from leaddocs.paths import escape_from
from leaddocs.textfile import Source, read_source

FIRST_RECORD_TITLE = "Record architecture decisions"
FIRST_RECORD = {
    "Context and Problem Statement": (
        "Decisions about this project's architecture are made in meetings, chats and pull "
        "requests, and are then hard to find. Someone joining later cannot tell what was "
        "decided, why, or whether it still holds."
    ),
    "Decision Drivers": (
        "* A newcomer can learn why the project is the way it is\n"
        "* A decision is reviewed like code, and its history is kept\n"
        "* Writing one down takes minutes, not a meeting"
    ),
    "Considered Options": (
        "* Architecture decision records in the repository, in MADR format\n"
        "* A wiki page per decision\n"
        "* No written record"
    ),
    "Decision Outcome": (
        'Chosen option: "Architecture decision records in the repository, in MADR format", '
        "because they live beside the code they describe, are reviewed in pull requests, and "
        "are published with the project's site."
    ),
    "Consequences": (
        "* Good, because every significant decision has one place, with its status and date\n"
        "* Good, because superseding a decision links the old record to the new one\n"
        "* Bad, because writing a record is one more step before a change lands"
    ),
    "Confirmation": (
        "`leaddocs adr lint` checks the records on every pull request (the `adr-lint` "
        "workflow and the pre-commit hook)."
    ),
    "Pros and Cons of the Options": (
        "### A wiki page per decision\n\n"
        "* Good, because anyone can edit it\n"
        "* Bad, because it is not reviewed, and drifts away from the code"
    ),
    "More Information": (
        'A new record: `leaddocs adr new "Title"`. The format is MADR 4 '
        "(<https://adr.github.io/madr/>)."
    ),
}
IGNORED = IgnoredPaths(
    # "/site/", not "site/": that would also ignore every folder named site, at any depth.
    (".leaddocs/cache/", "/site/"),
    "leaddocs: its answer cache, and the site `leaddocs site build` makes",
)
# The example workflows (docs/examples/workflows/) under the names they are installed as.
WORKFLOWS = {"leaddocs.yml": "leaddocs-ci.yml", "adr-lint.yml": "adr-lint.yml"}
_WORKFLOW_STATE = {
    "generated": "exists, unedited: --force refreshes it",
    "edited": "edited since leaddocs wrote it",
    "foreign": "exists, not written by leaddocs",
}


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Scaffold:
    documents: list[Document]
    skipped: list[Skipped]


@dataclass(frozen=True, slots=True)
class Initialised:
    written: list[files.Written]
    skipped: list[Skipped]


def open_project(path: Path, config_file: Path | None = None) -> Project:
    """The project to scaffold; a folder outside git is refused with the command to run."""
    try:
        return Project.open(path, config_file)
    except NotARepositoryError as exc:
        raise NotARepositoryError(f"{exc}; run `git init` first, then `leaddocs init`") from exc


def init(
    project: Project, *, force: bool = False, today: datetime.date | None = None
) -> Initialised:
    """Write what ``scaffold`` plans, every file or none."""
    planned = scaffold(project, force=force, today=today)
    written = files.deliver(
        planned.documents, make_folders=True, shown=project.rel, boundary=project.root
    )
    return Initialised(written, planned.skipped)


def scaffold(
    project: Project, *, force: bool = False, today: datetime.date | None = None
) -> Scaffold:
    """The documents ``init`` would deliver, and what it leaves alone and why."""
    root = project.root
    parts = [
        _config_file(project),
        _site_config_file(root),
        _created(root / "docs/index.md", "home-page", _home_page(root), also=("README.md",)),
        _first_record(project, today or datetime.date.today()),
        _gitignore(project),
        _pre_commit(project),
        *(_workflow(project, name, source, force) for name, source in WORKFLOWS.items()),
    ]
    return Scaffold(
        [part for part in parts if isinstance(part, Document)],
        [part for part in parts if isinstance(part, Skipped)],
    )


def _packaged(name: str) -> str:
    return (resources.files("leaddocs.application") / "scaffold_files" / name).read_text("utf-8")


def _exists(path: Path) -> bool:
    return os.path.lexists(path)  # a dangling symlink is something a person put there


def _created(path: Path, kind: str, text: str, *, also: tuple[str, ...] = ()) -> Document | Skipped:
    """A file created only where neither it nor an equivalent (``also``, beside it) exists."""
    for candidate in (path, *(path.with_name(name) for name in also)):
        if _exists(candidate):
            reason = "exists" if candidate == path else f"{candidate.name} is there"
            return Skipped(path, reason)
    return Document(kind, path, text, format=_format(path), mode=WriteMode.CREATE)


def _site_config_file(root: Path) -> Document | Skipped:
    """mkdocs.yml, or, when the person has one without the plugin, how to add it."""
    made = _created(root / "mkdocs.yml", "site-config", _site_config(root), also=("mkdocs.yaml",))
    if isinstance(made, Document):
        return made
    existing = next(p for p in (root / "mkdocs.yml", root / "mkdocs.yaml") if _exists(p))
    try:
        text = "" if escape_from(existing, root) else existing.read_text("utf-8", "replace")
    except OSError:
        text = ""
    if re.search(r"^[^#\n]*(?:-\s*|[\[,]\s*)leaddocs\b", text, re.M):  # - leaddocs, [.., leaddocs]
        return made
    return Skipped(
        made.path,
        f"{made.reason}; add `- leaddocs` under plugins: to publish the "
        "decisions, releases and status pages",
    )


def _format(path: Path) -> Format:
    return "yaml" if path.suffix in (".yml", ".yaml") else "md"


def _config_file(project: Project) -> Document | Skipped:
    path = project.root / CONFIG_FILE_NAMES[0]
    source = project.config.source
    if source is not None and Path(source).resolve() != path.resolve():
        return Skipped(path, f"the configuration is in {project.rel(Path(source))}")
    return _created(path, "config", commented_defaults(), also=CONFIG_FILE_NAMES[1:])


def _site_config(root: Path) -> str:
    # A JSON string is a YAML string: any folder name is quoted safely.
    return Template(_packaged("mkdocs.yml")).substitute(site_name=json.dumps(root.name))


def _home_page(root: Path) -> str:
    return Template(_packaged("index.md")).substitute(title=md_text(root.name))


def _first_record(project: Project, today: datetime.date) -> Document | Skipped:
    """ADR 0001, the decision to keep decision records, made by ``adr new``'s own code: a
    MADR 4 record from the project's template, accepted today."""
    folder = project.adr_folder
    if folder.is_dir() and adr_files(folder):
        return Skipped(folder, "holds decision records already")
    record = new.new_record(
        DecisionLog(project.root, folder, []),
        FIRST_RECORD_TITLE,
        status="accepted",
        sections=FIRST_RECORD,
        today=today,
        templates_dir=project.templates_dir,
    )
    return record.documents[0]


def _read(project: Project, path: Path) -> Source | Skipped | None:
    """The file's text for a decision about it; None when there is none."""
    if not _exists(path):
        return None
    try:
        return read_source(path, project.rel)
    except DocumentError as exc:
        return Skipped(path, str(exc).removeprefix(f"{project.rel(path)}: "))


def _gitignore(project: Project) -> Document | Skipped:
    path = project.root / ".gitignore"
    found = _read(project, path)
    if isinstance(found, Skipped):
        return found
    if found is not None and not IGNORED.missing(found.text):
        return Skipped(path, f"ignores {' and '.join(IGNORED.entries)} already")
    return Document("gitignore", path, IGNORED.create().text, mode=WriteMode.MERGE, merger=IGNORED)


def _pre_commit(project: Project) -> Document | Skipped:
    path = project.root / ".pre-commit-config.yaml"
    folder = project.rel(project.adr_folder)
    hook = PreCommitHook(files=rf"^{re.escape(folder)}/[^/]+\.md$")
    found = _read(project, path)
    if isinstance(found, Skipped):
        return found
    if found is not None:
        if hook.has_hook(found.text):
            return Skipped(path, "has the leaddocs-adr-lint hook already")
        if hook.appended(found.text) is None:
            return Skipped(path, "has no top-level `repos:` list to add the hook to (docs/init.md)")
    body = hook.create().text
    return Document("pre-commit", path, body, format="yaml", mode=WriteMode.MERGE, merger=hook)


def _workflow(project: Project, name: str, source: str, force: bool) -> Document | Skipped:
    path = project.root / ".github" / "workflows" / name
    document = Document("workflow", path, _packaged(f"workflows/{source}"), format="yaml")
    found = _read(project, path)
    if found is None:
        return document
    if isinstance(found, Skipped):
        return found
    state = markers.document_state(found.text)
    if state == "generated" and force:
        return document  # delivery replaces it only while it is still leaddocs' own output
    return Skipped(path, _WORKFLOW_STATE[state])
