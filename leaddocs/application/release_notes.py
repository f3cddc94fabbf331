"""Release notes for one release: deterministic, or drafted by a model and grounded."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from leaddocs.application.enrichment import enriched_views, noted
from leaddocs.application.project import Project
from leaddocs.application.release_cache import AuthorSets
from leaddocs.application.requests import DraftOptions, ReleaseNotesRequest
from leaddocs.document import Document, DraftingSummary, Format
from leaddocs.documents.model import ReleaseView, release_json
from leaddocs.drafting import release as drafted_notes
from leaddocs.history.releases import Release

KIND = "release-notes"


def release_notes(project: Project, request: ReleaseNotesRequest) -> Document:
    """The notes for ``request``'s range, titled and drafted as it asks."""
    history = project.history(request.progress, AuthorSets.open(project))
    release = history.release(request.from_ref, request.to_ref, request.title, request.paths)
    views, notes = enriched_views(project, [release])
    view = views.release(release)
    [document] = notes_documents(project, release, view, (request.format,), request.drafting)
    return noted([document], (*history.notes, *notes))[0]


def notes_documents(
    project: Project,
    release: Release,
    view: ReleaseView,
    formats: Sequence[Format],
    drafting: DraftOptions,
) -> list[Document]:
    """The notes in each of ``formats``, drafted once (a model is asked at most once)."""
    settings = project.config.llm
    if not drafting.use_llm(settings):
        notes: tuple[str, ...] = ()
        if drafting.model or drafting.audience:
            # Said once, so a forgotten --llm does not pass for a model's draft.
            notes = ("--model and --audience apply only with --llm; drafting without a model",)
        plain = {
            "json": lambda: json.dumps(release_json(view), indent=2, ensure_ascii=False) + "\n",
            "md": lambda: project.renderer().render("release-notes.md.j2", release=view),
        }
        return [_document(view, fmt, plain[fmt](), notes=notes) for fmt in formats]
    drafter = drafting.drafter(project)
    drafted = drafted_notes.draft_release(
        release, view, drafter, drafting.audience or settings.audience
    )
    rendered = {
        "json": lambda: drafted_notes.render_json(drafted),
        "md": lambda: drafted_notes.render_markdown(project.renderer(), drafted),
    }
    return [_document(view, fmt, rendered[fmt](), report=drafted.report) for fmt in formats]


def _document(
    view: ReleaseView,
    fmt: Format,
    body: str,
    *,
    notes: tuple[str, ...] = (),
    report: DraftingSummary | None = None,
) -> Document:
    # What the notes describe, for a PR's branch and body and the site's release pages.
    meta = {
        "release": view.tag or view.next_version or "unreleased",
        "from": view.from_ref,
        "to": view.to_ref,
    }
    path = Path(f"release-notes.{fmt}")
    return Document(KIND, path, body, fmt, front_matter=meta, notes=notes, report=report)
