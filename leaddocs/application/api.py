"""leaddocs as a library: the typed API the CLI, the MkDocs plugin, the Action and scripts use.

Each function takes a ``Project`` and a request and returns ``Document`` values (nothing is
written), or — the functions named for an action (``write``, ``build``, ``new_adr``, …) —
delivers them through the one delivery step and says what it wrote. No Click, no global state;
failures raise ``leaddocs.errors.LeaddocsError`` subclasses, each with its exit code.

    from pathlib import Path
    from leaddocs.application import api

    project = api.open_project(Path("."))
    notes = api.release_notes(project, api.ReleaseNotesRequest(from_ref="v1.2.0"))
    print(notes.body)
    api.write([notes.at(Path("notes.md"))])          # refuses to replace a human's edit
    for written in api.build(project, api.BuildRequest(out_dir=Path("site-docs"))):
        print(written.action, written.path)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from leaddocs.application.brief import brief, brief_pr
from leaddocs.application.build import build, build_documents
from leaddocs.application.changelog import changelog
from leaddocs.application.ci import Plan, plan
from leaddocs.application.decisions import (
    adr_index,
    decision_log,
    link,
    migrate,
    number_drafts,
    renumber,
    set_status,
)
from leaddocs.application.kinds import KINDS, DocumentKind
from leaddocs.application.meeting import MeetingDraft, meeting_draft, meeting_pr, write_meeting
from leaddocs.application.new_adr import NewAdr, new_adr
from leaddocs.application.new_record import new_rfc, new_runbook
from leaddocs.application.pages.links import SiteLinks, rewrite_links
from leaddocs.application.pages.memo import SiteMemo
from leaddocs.application.pages.options import SiteOptions
from leaddocs.application.pages.records import DecisionRecord, DecisionRecords, decision_records
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import changelog_pr, open_pull_request, release_notes_pr
from leaddocs.application.records import rfcs, runbook_findings, runbooks
from leaddocs.application.release_notes import release_notes
from leaddocs.application.requests import (
    BriefRequest,
    BuildRequest,
    ChangelogRequest,
    DraftOptions,
    MeetingRequest,
    NewAdrRequest,
    NewRfcRequest,
    NewRunbookRequest,
    ReleaseNotesRequest,
    StatsRequest,
    StatusRequest,
)
from leaddocs.application.scaffold import init, scaffold
from leaddocs.application.site import site_pages
from leaddocs.application.site_runner import build_site, serve_site
from leaddocs.application.stats import drafting_stats
from leaddocs.application.status import command_documents as status
from leaddocs.application.status import status_pr, status_summary
from leaddocs.delivery.files import Written, deliver
from leaddocs.delivery.pull_request import PrOutcome
from leaddocs.document import Document, WriteMode, drafting_failure
from leaddocs.errors import LeaddocsError

__all__ = [
    "KINDS",
    "BriefRequest",
    "BuildRequest",
    "ChangelogRequest",
    "DecisionRecord",
    "DecisionRecords",
    "Document",
    "DocumentKind",
    "DraftOptions",
    "LeaddocsError",
    "MeetingDraft",
    "MeetingRequest",
    "NewAdr",
    "NewAdrRequest",
    "NewRfcRequest",
    "NewRunbookRequest",
    "Plan",
    "PrOutcome",
    "Project",
    "ReleaseNotesRequest",
    "SiteLinks",
    "SiteMemo",
    "SiteOptions",
    "StatsRequest",
    "StatusRequest",
    "WriteMode",
    "Written",
    "adr_index",
    "brief",
    "brief_pr",
    "build",
    "build_documents",
    "build_site",
    "changelog",
    "changelog_pr",
    "decision_log",
    "decision_records",
    "drafting_failure",
    "drafting_stats",
    "init",
    "link",
    "meeting_draft",
    "meeting_pr",
    "migrate",
    "new_adr",
    "new_rfc",
    "new_runbook",
    "number_drafts",
    "open_project",
    "open_pull_request",
    "plan",
    "release_notes",
    "release_notes_pr",
    "renumber",
    "rewrite_links",
    "rfcs",
    "runbook_findings",
    "runbooks",
    "scaffold",
    "serve_site",
    "set_status",
    "site_pages",
    "status",
    "status_pr",
    "status_summary",
    "write",
    "write_meeting",
]


def open_project(path: Path, config_file: Path | None = None) -> Project:
    """The git repository containing ``path``, with its configuration (or the defaults)."""
    return Project.open(path, config_file)


def write(
    documents: Sequence[Document],
    *,
    force: bool = False,
    make_folders: bool = False,
    boundary: Path | None = None,
) -> list[Written]:
    """Write every document to its path (a relative one from the current folder), or none;
    ``force`` replaces files a human edited, ``make_folders`` creates missing folders, and a
    path inside ``boundary`` (pass the project's root) may not lead out of it by a symlink."""
    return deliver(documents, force=force, make_folders=make_folders, boundary=boundary)
