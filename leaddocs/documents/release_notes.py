"""Release notes for one release, as Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from leaddocs.documents.model import ReleaseView, release_json
from leaddocs.history.releases import Progress, Release
from leaddocs.project import Project


def read_release(
    project: Project,
    *,
    from_ref: str | None,
    to_ref: str,
    version: str | None = None,
    paths: Sequence[str] = (),
    progress: Progress | None = None,
) -> tuple[Release, ReleaseView]:
    """The release from history, and the deterministic view of it every drafter starts from."""
    release = project.history(progress).release(from_ref, to_ref, version, paths)
    return release, project.views().release(release)


def render_markdown(project: Project, view: ReleaseView) -> str:
    return project.renderer().render("release-notes.md.j2", release=view)


def render_json(view: ReleaseView) -> str:
    return json.dumps(release_json(view), indent=2, ensure_ascii=False) + "\n"
