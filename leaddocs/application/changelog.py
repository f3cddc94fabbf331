"""The CHANGELOG: every release reachable from HEAD, newest first, plus Unreleased."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from leaddocs.application.changelog_parts import changelog_parts
from leaddocs.application.enrichment import noted
from leaddocs.application.project import Project
from leaddocs.application.requests import ChangelogRequest
from leaddocs.document import Document, Format, WriteMode
from leaddocs.documents.changelog import (
    ChangelogMerge,
    ChangelogWriter,
    RenderedRelease,
    changelog_json,
    release_json_text,
)
from leaddocs.documents.model import ReleaseView

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
        return noted([_json_document(parts.tagged, parts.unreleased)], parts.notes)[0]
    return noted(
        [_markdown_document(project, writer, parts.tagged, parts.unreleased)], parts.notes
    )[0]


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


def _json_document(releases: Sequence[RenderedRelease], unreleased: ReleaseView) -> Document:
    body = changelog_json([release.body for release in releases], unreleased)
    return Document(KIND, Path("changelog.json"), body, "json")


def _markdown_document(
    project: Project,
    writer: ChangelogWriter,
    releases: Sequence[RenderedRelease],
    unreleased: ReleaseView,
) -> Document:
    return Document(
        KIND,
        project.changelog_path,
        writer.render(releases, unreleased),
        mode=WriteMode.MERGE,
        merger=ChangelogMerge(writer, releases, unreleased),
    )
