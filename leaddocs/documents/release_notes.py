"""Release notes for one release, as Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from leaddocs.documents.model import ReleaseView, release_json
from leaddocs.history.releases import Progress
from leaddocs.project import Project


def release_notes_view(
    project: Project,
    *,
    from_ref: str | None,
    to_ref: str,
    version: str | None = None,
    paths: Sequence[str] = (),
    progress: Progress | None = None,
) -> ReleaseView:
    release = project.history(progress).release(from_ref, to_ref, version, paths)
    return project.views().release(release)


def render_markdown(project: Project, view: ReleaseView) -> str:
    return project.renderer().render("release-notes.md.j2", release=view)


def render_json(view: ReleaseView) -> str:
    return json.dumps(release_json(view), indent=2, ensure_ascii=False) + "\n"
