"""The CHANGELOG: every release reachable from HEAD, newest first, plus Unreleased."""

from __future__ import annotations

from pathlib import Path

from leaddocs.application.enrichment import enriched_views, noted
from leaddocs.application.project import Project
from leaddocs.application.requests import ChangelogRequest
from leaddocs.delivery.files import Written
from leaddocs.document import Document, Format, WriteMode
from leaddocs.documents.changelog import ChangelogMerge, ChangelogWriter, changelog_json
from leaddocs.documents.model import ReleaseView

KIND = "changelog"


def changelog(project: Project, request: ChangelogRequest) -> Document:
    history = project.history(request.progress)
    releases, unreleased = history.releases(request.paths)
    views, notes = enriched_views(project, [unreleased, *releases])
    document = changelog_document(
        project, [views.release(r) for r in releases], views.release(unreleased), request.format
    )
    return noted([document], (*history.notes, *notes))[0]


def changelog_document(
    project: Project, releases: list[ReleaseView], unreleased: ReleaseView, fmt: Format
) -> Document:
    """Markdown merges into an existing CHANGELOG (new releases in, human edits kept); JSON is
    a whole generated document."""
    if fmt == "json":
        return Document(KIND, Path("changelog.json"), changelog_json(releases, unreleased), "json")
    writer = ChangelogWriter(project.renderer(), project.config.changelog.title)
    merge = ChangelogMerge(writer, releases, unreleased)
    return Document(
        KIND,
        project.changelog_path,
        writer.render(releases, unreleased),
        mode=WriteMode.MERGE,
        merger=merge,
    )


def changelog_summary(written: Written) -> str:
    """What delivering the CHANGELOG did, in one line for stderr: "291 releases, 12,345
    changes (Unreleased: 17)" for a new file, the releases an update added (named when a few,
    as a span when many), or "no new release"."""
    merge = written.document.merger
    if not isinstance(merge, ChangelogMerge):
        return ""
    waiting = _changes(merge.unreleased)
    pending = f"(Unreleased: {waiting:,})" if waiting else "(nothing unreleased)"
    if not merge.releases:
        return f"no release yet {pending}"
    if written.action == "created":
        count = sum(map(_changes, merge.releases))
        return f"{_count(len(merge.releases), 'release')}, {_count(count, 'change')} {pending}"
    if not written.added:
        return f"no new release {pending}"
    by_anchor = {view.anchor: view for view in merge.releases}
    count = sum(_changes(by_anchor[anchor]) for anchor in written.added if anchor in by_anchor)
    added = written.added
    # Newest first in the file: a span reads oldest to newest.
    names = ", ".join(added) if len(added) <= 3 else f"{added[-1]} … {added[0]}"
    return f"added {_count(len(added), 'release')}, {_count(count, 'change')}: {names} {pending}"


def _changes(view: ReleaseView) -> int:
    return sum(len(section.items) for section in view.sections)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
