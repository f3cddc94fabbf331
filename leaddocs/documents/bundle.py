"""Every document of a project, built into one folder (``leaddocs build``)."""

from __future__ import annotations

from pathlib import Path

from leaddocs.adr.discover import adr_folder
from leaddocs.adr.log import load_log
from leaddocs.adr.report import as_markdown
from leaddocs.documents import changelog, release_notes
from leaddocs.documents.writer import write_atomic
from leaddocs.errors import OutputError
from leaddocs.history.releases import Progress
from leaddocs.project import Project


def build_bundle(project: Project, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {out_dir}: {exc.strerror}") from exc
    # One read of the history serves both documents: the release notes are the changelog's
    # Unreleased section, or its latest release when HEAD carries the tag.
    tagged, untagged = project.history(progress).releases()
    head_is_tagged = bool(tagged) and tagged[0].to_sha == untagged.to_sha
    views = project.views()
    releases = [views.release(release) for release in tagged]
    unreleased = views.release(untagged)
    notes = releases[0] if head_is_tagged else unreleased
    writer = changelog.ChangelogWriter(project.renderer(), project.config.changelog.title)
    changelog_path = out_dir / "CHANGELOG.md"
    changelog.write_changelog(writer, changelog_path, releases, unreleased)
    documents = {
        out_dir / "release-notes.md": release_notes.render_markdown(project, notes),
        out_dir / "release-notes.json": release_notes.render_json(notes),
        out_dir / "changelog.json": changelog.changelog_json(releases, unreleased),
    }
    decisions = _decision_index(project, out_dir)
    if decisions is not None:
        documents[out_dir / "decisions.md"] = decisions
    for path, text in documents.items():
        write_atomic(path, text)
    return [*documents, changelog_path]


def _decision_index(project: Project, out_dir: Path) -> str | None:
    """The ADR index, when the project keeps ADRs (a project without them is not an error)."""
    folder = adr_folder(project.root, project.config.adr.dir)
    if not folder.is_dir():
        return None
    log = load_log(project.root, folder)
    table = as_markdown(log.adrs, links_from=out_dir)
    return f"# Decisions\n\n{len(log.adrs)} architecture decision records.\n\n{table}"
