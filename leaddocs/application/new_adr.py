"""``adr new``: a new record, drafted from source material when asked, delivered whole."""

from __future__ import annotations

import datetime
import stat
from dataclasses import dataclass
from pathlib import Path

from leaddocs.adr import new
from leaddocs.adr.log import DecisionLog
from leaddocs.application.decisions import decision_log
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import open_pull_request
from leaddocs.application.requests import NewAdrRequest
from leaddocs.delivery import files
from leaddocs.delivery.pull_request import PrOutcome
from leaddocs.document import Document, DraftingSummary
from leaddocs.drafting.adr_draft import Source, draft_adr
from leaddocs.errors import OutputError, UsageError
from leaddocs.paths import escape_from

ADR_CHECKLIST = (
    "The context says why a decision is needed now",
    "The options considered are real, and the outcome names the chosen one and why",
    "The consequences, good and bad, are the ones the team accepts",
    "Decision makers, consulted and informed are filled in",
)


@dataclass(frozen=True, slots=True)
class NewAdr:
    path: Path
    written: list[files.Written]  # empty when delivered as a pull request
    notes: tuple[str, ...]
    report: DraftingSummary | None  # when the body was drafted from a source file
    pull: PrOutcome | None = None  # with ``pr``


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


SOURCE_MAX_BYTES = 1024 * 1024  # notes, an issue, a discussion: far more than a model reads


def read_source_material(
    path: Path,
    boundary: Path,
    *,
    what: str = "--from",
    limit: int = SOURCE_MAX_BYTES,
    shown: str | None = None,
) -> str:
    """The text of ``--from FILE`` (``what`` names it in messages): a regular file of UTF-8
    text, at most ``limit`` bytes (a device or a FIFO would be read forever), not led out of
    the repository by a committed symlink. ``shown``: the path as messages name it."""
    name = shown or str(path)
    outside = escape_from(path, boundary)
    if outside is not None:
        raise UsageError(f"{what} {name}: a symlink to {outside}, outside the repository")
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise UsageError(f"{what} {name}: not a regular file")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from exc
    if len(data) > limit:
        raise UsageError(f"{what} {name}: larger than {limit // 1024} KiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UsageError(
            f"{what} {name}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}): save it as UTF-8"
        ) from exc


def _drafted(
    project: Project, request: NewAdrRequest
) -> tuple[dict[str, str], DraftingSummary | None, str, tuple[str, ...]]:
    """The drafted sections (from ``request.source``), the drafting report, the status."""
    if request.source is None:
        if request.drafting.llm:
            raise UsageError("--llm drafts from source material: add --from FILE")
        return {}, None, request.status, ()
    text = read_source_material(request.source, project.root)
    settings = project.config.llm
    drafter = request.drafting.drafter(
        settings, project.root, use_llm=request.drafting.use_llm(settings)
    )
    drafted = draft_adr(Source.of(request.source.name, text), drafter)
    notes: tuple[str, ...] = ()
    if request.status != "proposed":
        # A draft from source material is for a person to check and finish (docs/adr.md).
        notes = (f"a record drafted with --from starts as proposed, not {request.status}",)
    return drafted.sections, drafted.report, "proposed", notes
