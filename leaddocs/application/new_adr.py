"""``adr new``: a new record, drafted from source material when asked, delivered whole."""

from __future__ import annotations

import datetime

from leaddocs.adr import new
from leaddocs.adr.log import DecisionLog
from leaddocs.application.created import Created
from leaddocs.application.decisions import decision_log
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import open_pull_request
from leaddocs.application.requests import NewAdrRequest
from leaddocs.application.source_material import source_and_drafter
from leaddocs.delivery import files
from leaddocs.document import Document, DraftingSummary
from leaddocs.drafting.adr_draft import draft_adr
from leaddocs.errors import OutputError

ADR_CHECKLIST = (
    "The context says why a decision is needed now",
    "The options considered are real, and the outcome names the chosen one and why",
    "The consequences, good and bad, are the ones the team accepts",
    "Decision makers, consulted and informed are filled in",
)

NewAdr = Created  # the name the API has always given it


def new_adr(project: Project, request: NewAdrRequest, *, pr: bool = False) -> NewAdr:
    """Write a new record (and the back-links of the records it supersedes or amends), or
    with ``pr`` propose it as a pull request from ``leaddocs/adr-<slug>``.

    Concurrent runs each get their own number: the folder is locked while a number is chosen
    and the record is created exclusively.
    """
    sections, report, status, notes = _drafted(project, request)
    folder = project.adr_folder
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write into {project.rel(folder)}: it is not a folder")
    made: list[new.NewRecord] = []

    def build() -> list[Document]:
        log = decision_log(project) if folder.is_dir() else DecisionLog(project.root, folder, [])
        record = new.new_record(
            log,
            request.title,
            status=status,
            supersedes=request.supersedes,
            amends=request.amends,
            tags=request.tags,
            decision_makers=request.decision_makers,
            draft=request.draft,
            sections=sections,
            today=request.today or datetime.date.today(),
            templates_dir=project.templates_dir,
        )
        made.append(record)
        return record.documents

    if pr:
        documents = [d.at(d.path.relative_to(project.root)) for d in build()]
        record = made[-1]
        pull = open_pull_request(
            project,
            f"adr-{record.path.stem.split('-', 1)[1]}",
            documents,
            title=f"ADR {record.path.stem}: {' '.join(request.title.split())}",
            source=f"`leaddocs adr new` ({status})",
            checklist=ADR_CHECKLIST,
        )
        return NewAdr(record.path, [], (*notes, *record.notes), report, pull)
    written = files.create_records(folder, build, shown=project.rel, boundary=project.root)
    record = made[-1]
    return NewAdr(record.path, written, (*notes, *record.notes), report)


def _drafted(
    project: Project, request: NewAdrRequest
) -> tuple[dict[str, str], DraftingSummary | None, str, tuple[str, ...]]:
    """The drafted sections (from ``request.source``), the drafting report, the status."""
    found = source_and_drafter(project, request.source, request.drafting)
    if found is None:
        return {}, None, request.status, ()
    drafted = draft_adr(*found)
    notes: tuple[str, ...] = ()
    if request.status != "proposed":
        # A draft from source material is for a person to check and finish (docs/adr.md).
        notes = (f"a record drafted with --from starts as proposed, not {request.status}",)
    return drafted.sections, drafted.report, "proposed", notes
