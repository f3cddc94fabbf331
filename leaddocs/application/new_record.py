"""``new rfc`` and ``new runbook``: a record from its template, its sections drafted from source
material when asked (with the grounding ADR drafts have), created exclusively under a lock on
its folder, or proposed as a pull request (docs/rfcs-and-runbooks.md)."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leaddocs.adr.slug import titled
from leaddocs.application.created import Created
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import open_pull_request
from leaddocs.application.requests import DraftOptions, NewRfcRequest, NewRunbookRequest
from leaddocs.application.source_material import source_and_drafter
from leaddocs.delivery import files
from leaddocs.document import Document, DraftingSummary
from leaddocs.drafting.source_draft import Shape, draft_sections
from leaddocs.errors import OutputError, UsageError
from leaddocs.markup import md_text
from leaddocs.records import rfc, runbook
from leaddocs.records.rfc import NewFile
from leaddocs.records.template import SOURCE_SECTION, Filling

RFC_SHAPE = Shape("request for comments (RFC)", rfc.SECTIONS, rfc.FALLBACK, aliases=rfc.ALIASES)
RUNBOOK_SHAPE = Shape(
    "operational runbook",
    runbook.SECTIONS,
    runbook.FALLBACK,
    aliases=runbook.ALIASES,
    numbered=runbook.NUMBERED,
    more=SOURCE_SECTION,
)
RFC_CHECKLIST = (
    "The summary says what is proposed in words someone outside the team understands",
    "The alternatives are real, doing nothing among them",
    "The risks name what limits the damage",
    "Authors and reviewers are filled in, and the open questions are the ones to decide",
)
RUNBOOK_CHECKLIST = (
    "Someone walked through the steps and they work as written",
    "Every step says how to tell it worked, and the rollback undoes it",
    "The escalation names a team or a rotation that answers, not one person",
)


def new_rfc(project: Project, request: NewRfcRequest, *, pr: bool = False) -> Created:
    """Write ``NNNN-slug.md`` in ``rfcs.dir`` (numbered after the RFCs there, under a lock),
    or with ``pr`` propose it from ``leaddocs/rfc-<slug>``."""
    title, slug = titled(request.title)
    status = rfc.check_status(request.status)
    folder = project.rfc_folder
    _require_folders(project, folder)
    filling, report = _filling(project, request.source, request.drafting, RFC_SHAPE, request.today)
    notes: tuple[str, ...] = ()
    if report is not None and status != "draft":
        # A draft from source material is for a person to check and finish, like an ADR's.
        notes, status = (f"an RFC drafted with --from starts as draft, not {status}",), "draft"
    name = project.repo.user_name()
    authors = list(request.authors) or ([name] if name else [])
    proposal = _Proposal(
        f"rfc-{slug}",
        lambda made: f"RFC {made.path.stem.split('-', 1)[0]}: {title}",
        _source("rfc", request.source),
        RFC_CHECKLIST,
    )

    def build() -> NewFile:
        reviewers = list(request.reviewers)
        return rfc.new_rfc(
            folder, title, filling, status=status, authors=authors, reviewers=reviewers
        )

    return _create(project, folder, build, report, notes, proposal if pr else None)


def new_runbook(project: Project, request: NewRunbookRequest, *, pr: bool = False) -> Created:
    """Write ``<service>/<slug>.md`` in ``runbooks.dir``, verified today, or with ``pr``
    propose it from ``leaddocs/runbook-<service>-<slug>``."""
    title, slug = titled(request.title)
    if not request.service.strip():
        raise UsageError("a runbook belongs to a service: give --service NAME")
    service, service_slug = titled(request.service, "service")
    folder = project.runbook_folder / service_slug
    _require_folders(project, folder)
    shape = RUNBOOK_SHAPE
    filling, report = _filling(project, request.source, request.drafting, shape, request.today)
    proposal = _Proposal(
        f"runbook-{service_slug}-{slug}",
        lambda _: f"Runbook for {service}: {title}",
        _source("runbook", request.source),
        RUNBOOK_CHECKLIST,
    )

    def build() -> NewFile:
        root = project.runbook_folder
        return runbook.new_runbook(root, title, filling, service=service, owner=request.owner)

    return _create(project, folder, build, report, (), proposal if pr else None)


def _require_folders(project: Project, folder: Path) -> None:
    """Refuse, before anything is drafted, a folder on the way that is a file."""
    for step in (folder, *folder.parents):
        if step.exists() and not step.is_dir():
            raise OutputError(f"cannot write into {project.rel(step)}: it is not a folder")
        if step == project.root:
            return


def _filling(
    project: Project,
    path: Path | None,
    drafting: DraftOptions,
    shape: Shape,
    today: datetime.date | None,
) -> tuple[Filling, DraftingSummary | None]:
    """What the record is made with: its sections drafted from ``path`` when given, today."""
    sections: dict[str, str] = {}
    report: DraftingSummary | None = None
    found = source_and_drafter(project, path, drafting)
    if found is not None:
        drafted = draft_sections(*found, shape)
        sections, report = drafted.sections, drafted.report
    day = today or datetime.date.today()
    return Filling(day, sections, project.templates_dir, project.root), report


def _source(command: str, path: Path | None) -> str:
    """What the pull request says the record was made from."""
    made = f"`leaddocs new {command}`"
    return made if path is None else f"{md_text(path.name)} with {made}"


@dataclass(frozen=True, slots=True)
class _Proposal:
    """The pull request a record is proposed in (``--pr``)."""

    kind: str  # its branch: leaddocs/<kind>
    title: Callable[[NewFile], str]
    source: str
    checklist: Sequence[str]


def _create(
    project: Project,
    folder: Path,
    build: Callable[[], NewFile],
    report: DraftingSummary | None,
    notes: Sequence[str],
    proposal: _Proposal | None,
) -> Created:
    """Create the record exclusively (two runs at once never take one name), or propose it."""
    made: list[NewFile] = []

    def documents() -> list[Document]:
        made.append(build())
        return [dataclasses.replace(made[-1].document, report=report)]

    if proposal is not None:
        placed = [d.at(d.path.relative_to(project.root)) for d in documents()]
        record = made[-1]
        pull = open_pull_request(
            project,
            proposal.kind,
            placed,
            title=proposal.title(record),
            source=proposal.source,
            checklist=proposal.checklist,
        )
        return Created(record.path, [], (*notes, *record.notes), report, pull)
    written = files.create_records(folder, documents, shown=project.rel, boundary=project.root)
    record = made[-1]
    return Created(record.path, written, (*notes, *record.notes), report)
