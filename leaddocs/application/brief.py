"""``leaddocs brief``: one decision, release or status period in plain language for one reader,
as a document (Markdown, or an e-mail's text), as a pull request, and listed on the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leaddocs.adr.slug import slugify
from leaddocs.application.brief_sources import read_brief
from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.sections import SITE_KIND
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import open_pull_request
from leaddocs.application.requests import BriefRequest
from leaddocs.briefs import render
from leaddocs.briefs.draft import Drafted, as_stated, draft_brief, without_secrets
from leaddocs.briefs.model import AUDIENCES, Audience, Brief
from leaddocs.briefs.site import index_page
from leaddocs.briefs.words import listed
from leaddocs.delivery.pull_request import PrOutcome
from leaddocs.document import Document
from leaddocs.errors import UsageError
from leaddocs.markup import md_text
from leaddocs.records.read import Problem, read_front_matter
from leaddocs.textsafe import printable

KIND = "brief"
BRIEFS_DIR = Path("docs/briefs")  # where --pr puts a brief in the repository
SITE_DIR = Path("briefs")  # ... and so where the site finds them, under the docs folder
CHECKLIST = (
    "Every statement is true, and its source says so",
    "Nothing here should stay internal for this reader",
    "The asks are what the team needs from this reader",
)


def audience_of(value: str) -> Audience:
    if value not in AUDIENCES:
        raise UsageError(
            f"unknown audience {printable(value)!r}: give {', '.join(AUDIENCES[:-1])} or "
            f"{AUDIENCES[-1]}"
        )
    return value


def _check(request: BriefRequest) -> Audience:
    given = [
        option
        for option, value in (
            ("--adr", request.adr),
            ("--release", request.release),
            ("--status", request.status),
        )
        if value is not None
    ]
    if len(given) != 1:
        said = f" (got {' and '.join(given)})" if given else ""
        raise UsageError(f"give one of --adr ID, --release V or --status DATE{said}")
    if request.drafting.audience is not None:
        raise UsageError("a brief's reader is its --audience: leave out the drafting audience")
    return audience_of(request.audience)


def brief(project: Project, request: BriefRequest) -> Document:
    """The brief ``request`` asks for; nothing written."""
    audience = _check(request)
    facts, notes = read_brief(project, request, audience)
    if facts.left_out:
        notes = (*notes, f"left out of the brief for {audience}: {listed(list(facts.left_out))}")
    clean, redactions = without_secrets(facts)
    if redactions:
        notes = (*notes, f"secrets taken out of the brief: {redactions}")
    drafted = _drafted(project, request, clean)
    if drafted.report is None and request.drafting.model:
        # Said, so a forgotten --llm does not pass for a model's draft.
        notes = (*notes, "--model applies only with --llm; written without a model")
    # What the brief is, as data (the body's front matter is the same, escaped for HTML).
    meta = {"title": clean.title, "audience": audience, "about": clean.about, "slug": _slug(clean)}
    email = request.format == "email"
    return Document(
        KIND,
        Path(f"brief-{meta['slug']}.{'txt' if email else 'md'}"),
        render.email(drafted) if email else render.markdown(drafted),
        "text" if email else "md",
        front_matter=meta,
        notes=notes,
        report=drafted.report,
    )


def _drafted(project: Project, request: BriefRequest, facts: Brief) -> Drafted:
    """The facts as they are, or rewritten by the model the request asks for."""
    settings = project.config.llm
    if not request.drafting.use_llm(settings):
        return as_stated(facts)
    return draft_brief(facts, request.drafting.drafter(project))


def _slug(facts: Brief) -> str:
    # A file and branch name from a tag or a record's id: what git and every file system take.
    return slugify(facts.slug) or facts.kind


def brief_pr(project: Project, document: Document) -> PrOutcome:
    """The Markdown brief as ``docs/briefs/<slug>.md`` on its own branch
    ``leaddocs/brief-<slug>``: one pull request per source and reader, so two briefs never
    replace each other."""
    if document.format != "md":
        raise UsageError("--pr delivers the Markdown brief to docs/briefs/: leave out --format")
    meta = document.front_matter
    slug = str(meta["slug"])
    return open_pull_request(
        project,
        f"{KIND}-{slug}",
        [document.at(BRIEFS_DIR / f"{slug}.md")],
        title=f"Brief for {meta['audience']}: {' '.join(str(meta['title']).split())}",
        source=md_text(str(meta["about"])),
        checklist=CHECKLIST,
    )


def brief_pages(context: SiteContext) -> list[Document]:
    """The index of the briefs kept in the docs folder's ``briefs/``, unless a person wrote
    one (or the folder has no briefs)."""
    folder = context.options.docs_dir / SITE_DIR
    if not folder.is_dir() or (folder / "index.md").exists():
        return []
    notes: list[str] = []
    pages = _briefs(folder, context.project.root, notes)
    if not pages and not notes:
        return []
    return [Document(SITE_KIND, SITE_DIR / "index.md", index_page(pages), notes=tuple(notes))]


def _briefs(folder: Path, root: Path, notes: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """(file name, front matter) of each brief in ``folder``; a file that cannot be read
    (``read_front_matter``) is named in ``notes`` and not listed."""
    found = []
    for path in sorted(folder.glob("*.md")):
        if path.name == "index.md":
            continue
        meta = read_front_matter(path, root)
        if isinstance(meta, Problem):
            notes.append(f"{meta} (not listed)")
        elif meta is not None and "audience" in meta:
            found.append((path.name, meta))
    return found
