"""Release notes for one release: deterministic, or drafted by a model and grounded."""

from __future__ import annotations

import json
from pathlib import Path

from leaddocs.application.project import Project
from leaddocs.application.requests import DraftOptions, ReleaseNotesRequest
from leaddocs.document import Document, Format
from leaddocs.documents.model import ReleaseView, release_json
from leaddocs.drafting import release as drafted_notes
from leaddocs.drafting.select import select_drafter
from leaddocs.history.releases import Release

KIND = "release-notes"


def release_notes(project: Project, request: ReleaseNotesRequest) -> Document:
    """The notes for ``request``'s range, titled and drafted as it asks."""
    release = project.history(request.progress).release(
        request.from_ref, request.to_ref, request.title, request.paths
    )
    return notes_document(
        project, release, project.views().release(release), request.format, request.drafting
    )


def notes_document(
    project: Project, release: Release, view: ReleaseView, fmt: Format, drafting: DraftOptions
) -> Document:
    path = Path(f"release-notes.{fmt}")
    settings = project.config.llm
    if not drafting.use_llm(settings):
        notes: tuple[str, ...] = ()
        if drafting.model or drafting.audience:
            # Said once, so a forgotten --llm does not pass for a model's draft.
            notes = ("--model and --audience apply only with --llm; drafting without a model",)
        if fmt == "json":
            body = json.dumps(release_json(view), indent=2, ensure_ascii=False) + "\n"
        else:
            body = project.renderer().render("release-notes.md.j2", release=view)
        return Document(KIND, path, body, fmt, notes=notes)
    drafter = select_drafter(
        settings,
        use_llm=True,
        root=project.root,
        model=drafting.model,
        use_cache=drafting.use_cache,
        progress=drafting.progress,
    )
    drafted = drafted_notes.draft_release(
        release, view, drafter, drafting.audience or settings.audience
    )
    if fmt == "json":
        body = drafted_notes.render_json(drafted)
    else:
        body = drafted_notes.render_markdown(project.renderer(), drafted)
    return Document(KIND, path, body, fmt, report=drafted.report)
