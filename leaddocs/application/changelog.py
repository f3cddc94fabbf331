"""The CHANGELOG: every release reachable from HEAD, newest first, plus Unreleased."""

from __future__ import annotations

from pathlib import Path

from leaddocs.application.enrichment import enriched_views, noted
from leaddocs.application.project import Project
from leaddocs.application.requests import ChangelogRequest
from leaddocs.document import Document, Format, WriteMode
from leaddocs.documents.changelog import (
    ChangelogMerge,
    ChangelogWriter,
    changelog_json,
    release_json_text,
)
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
        body = changelog_json([release_json_text(view) for view in releases], unreleased)
        return Document(KIND, Path("changelog.json"), body, "json")
    writer = ChangelogWriter(project.renderer(), project.config.changelog.title)
    rendered = [writer.release(view) for view in releases]
    return Document(
        KIND,
        project.changelog_path,
        writer.render(rendered, unreleased),
        mode=WriteMode.MERGE,
        merger=ChangelogMerge(writer, rendered, unreleased),
    )
