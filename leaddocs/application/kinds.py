"""The registry of document kinds: a kind added here appears in ``build``, in every delivery
and on the site without changes there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leaddocs.application import changelog, decisions, release_notes, stats, status
from leaddocs.application.brief import KIND as BRIEF_KIND
from leaddocs.application.brief import brief_pages
from leaddocs.application.context import BuildContext
from leaddocs.application.enrichment import noted
from leaddocs.application.pages.meetings import meeting_pages
from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.record_sections import (
    RFC_INDEX_KIND,
    RUNBOOK_INDEX_KIND,
    rfc_index_documents,
    rfc_pages,
    runbook_index_documents,
    runbook_pages,
)
from leaddocs.application.pages.sections import decision_pages, release_pages
from leaddocs.application.requests import StatusRequest
from leaddocs.document import Document
from leaddocs.errors import UsageError


@dataclass(frozen=True, slots=True)
class DocumentKind:
    name: str
    summary: str
    build: Callable[[BuildContext], list[Document]]  # the kind's documents, paths relative
    # The kind's pages on the MkDocs site (paths relative to the docs folder); None: it has none.
    site: Callable[[SiteContext], list[Document]] | None = None


def _release_notes(context: BuildContext) -> list[Document]:
    release, view = context.history.latest
    documents = release_notes.notes_documents(
        context.project, release, view, ("md", "json"), context.request.drafting
    )
    return noted(documents, context.history.notes)


def _changelog(context: BuildContext) -> list[Document]:
    read = context.history
    documents = [
        changelog.changelog_document(context.project, read.tagged_views, read.unreleased_view, fmt)
        for fmt in ("md", "json")
    ]
    return noted(documents, read.notes)


def _adr_index(context: BuildContext) -> list[Document]:
    index = decisions.adr_index(context.project, links_from=context.request.out_dir)
    return [] if index is None else [index]


def _status(context: BuildContext) -> list[Document]:
    # This period's page beside the earlier ones in the build folder, and their index.
    request = StatusRequest(drafting=context.request.drafting, progress=context.request.progress)
    folder = Path("status")
    return status.status_documents(
        context.project, request, context.request.out_dir / folder, folder
    )


def _brief(context: BuildContext) -> list[Document]:
    # A brief answers one person's question (which decision, which reader): a build has
    # neither, and a brief of every record for every reader would be noise nobody reads.
    return []


def _stats(context: BuildContext) -> list[Document]:
    # Measured from the history, not drafted: nothing to build into a folder, a page to show.
    return []


def _meetings(context: BuildContext) -> list[Document]:
    # A meeting page is made from its notes (`leaddocs meeting`), not from history: a build
    # has nothing to add, and the site lists the pages there are.
    return []


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        release_notes.KIND,
        "release notes since the latest release (Markdown and JSON)",
        _release_notes,
    ),
    DocumentKind(
        changelog.KIND,
        "every release, newest first, merged into an existing CHANGELOG (Markdown and JSON)",
        _changelog,
        site=release_pages,
    ),
    DocumentKind(
        decisions.INDEX_KIND, "the index of decision records", _adr_index, site=decision_pages
    ),
    DocumentKind(status.KIND, "this week's status page and the index of status pages", _status),
    DocumentKind(
        BRIEF_KIND,
        "plain-language briefs (leaddocs brief; build makes none, the site lists docs/briefs/)",
        _brief,
        site=brief_pages,
    ),
    DocumentKind(
        stats.KIND,
        "what the drafts were worth: drafted, kept in review, time saved (a site page)",
        _stats,
        site=stats.stats_pages,
    ),
    DocumentKind(
        "meeting",
        "meeting pages (made by leaddocs meeting; the site's Meetings index)",
        _meetings,
        site=meeting_pages,
    ),
    DocumentKind(
        RFC_INDEX_KIND,
        "the index of RFCs with their status",
        rfc_index_documents,
        site=rfc_pages,
    ),
    DocumentKind(
        RUNBOOK_INDEX_KIND,
        "the index of runbooks, stale ones flagged",
        runbook_index_documents,
        site=runbook_pages,
    ),
)


def select(names: Sequence[str] = ()) -> list[DocumentKind]:
    """The kinds named (all of them for none), in registry order; an unknown name is refused."""
    known = {kind.name: kind for kind in KINDS}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UsageError(f"unknown document kind {', '.join(unknown)} (known: {', '.join(known)})")
    return [kind for kind in KINDS if not names or kind.name in names]
