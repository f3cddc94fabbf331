"""The CHANGELOG: every release reachable from HEAD, newest first, plus Unreleased."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from leaddocs.application.changelog_parts import changelog_parts
from leaddocs.application.enrichment import enriched_views, noted
from leaddocs.application.project import Project
from leaddocs.application.requests import ChangelogRequest
from leaddocs.document import Document, Format, WriteMode, texts
from leaddocs.documents.changelog import (
    ChangelogMerge,
    ChangelogWriter,
    RenderedRelease,
    ViewsOf,
    changelog_json_parts,
    listed,
    release_json_text,
)
from leaddocs.documents.model import ReleaseView

if TYPE_CHECKING:  # delivery loads only when a file is written (start-up time)
    from leaddocs.delivery.files import Written

KIND = "changelog"


def changelog(project: Project, request: ChangelogRequest) -> Document:
    history = project.history(request.progress)
    writer = _writer(project) if request.format == "md" else None
    parts = changelog_parts(
        project,
        history,
        request.format,
        request.paths,
        writer.section if writer is not None else release_json_text,
        use_cache=request.use_cache,
    )
    if writer is None:
        document = _json_document(parts.tagged, parts.unreleased, in_parts=request.in_parts)
        return noted([document], parts.notes)[0]
    views_of = partial(_views_again, project, request.paths)
    document = _markdown_document(project, writer, parts.tagged, parts.unreleased, views_of)
    return noted([document], parts.notes)[0]


def _views_again(
    project: Project, paths: Sequence[str], anchors: Sequence[str]
) -> dict[str, ReleaseView]:
    """The views of the releases named, made again from the whole history: a release the
    cache gave has none, and a CHANGELOG headed its own way gets the ones it lacks rendered
    again in its style (once, when they are added)."""
    tagged, unreleased = project.history().releases(paths)
    views, _ = enriched_views(project, [unreleased, *tagged])
    wanted = set(anchors)
    return {release.tag: views.release(release) for release in tagged if release.tag in wanted}


def changelog_document(
    project: Project, releases: list[ReleaseView], unreleased: ReleaseView, fmt: Format
) -> Document:
    """Markdown merges into an existing CHANGELOG (new releases in, human edits kept); JSON is
    a whole generated document."""
    if fmt == "json":
        parts = [RenderedRelease(view.anchor, release_json_text(view)) for view in releases]
        return _json_document(parts, unreleased)
    writer = _writer(project)
    rendered = [writer.release(view) for view in releases]
    return _markdown_document(project, writer, rendered, unreleased)


def _writer(project: Project) -> ChangelogWriter:
    return ChangelogWriter(project.renderer(), project.config.changelog.title)


def _json_document(
    releases: Sequence[RenderedRelease], unreleased: ReleaseView, *, in_parts: bool = False
) -> Document:
    parts = changelog_json_parts([release.body for release in releases], unreleased)
    if in_parts:  # streamed one by one: a big history's 50 MB are never joined
        return Document(KIND, Path("changelog.json"), "", "json", parts=parts)
    return Document(KIND, Path("changelog.json"), "".join(texts(parts)), "json")


def _markdown_document(
    project: Project,
    writer: ChangelogWriter,
    releases: Sequence[RenderedRelease],
    unreleased: ReleaseView,
    views_of: ViewsOf | None = None,
) -> Document:
    return Document(
        KIND,
        project.changelog_path,
        writer.render(releases, unreleased),
        mode=WriteMode.MERGE,
        merger=ChangelogMerge(writer, releases, unreleased, views_of),
    )


def changelog_summary(written: Written) -> str:
    """What delivering the CHANGELOG did, in one line for stderr: "291 releases, 12,345
    changes (Unreleased: 17)" for a new file, the releases an update added (named when a few,
    as a span when many), or "no new release"."""
    merge = written.document.merger
    if not isinstance(merge, ChangelogMerge):
        return ""
    waiting = listed(merge.unreleased)
    pending = f"(Unreleased: {waiting:,})" if waiting else "(nothing unreleased)"
    if not merge.releases:
        return f"no release yet {pending}"
    if written.action == "created":
        count = sum(release.items for release in merge.releases)
        return f"{_count(len(merge.releases), 'release')}, {_count(count, 'change')} {pending}"
    if not written.added:
        return f"no new release {pending}"
    by_anchor = {release.anchor: release.items for release in merge.releases}
    count = sum(by_anchor[anchor] for anchor in written.added if anchor in by_anchor)
    added = written.added
    # Newest first in the file: a span reads oldest to newest.
    names = ", ".join(added) if len(added) <= 3 else f"{added[-1]} … {added[0]}"
    return f"added {_count(len(added), 'release')}, {_count(count, 'change')}: {names} {pending}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
