"""The decision log as plain values: what a page needs to know about each record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leaddocs.adr.lint import record_findings
from leaddocs.adr.log import Reader, load_log, read_file
from leaddocs.adr.model import Adr
from leaddocs.adr.parse import identity
from leaddocs.application.decisions import dated_by_history
from leaddocs.application.project import Project


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    id: str
    number: int | None
    title: str
    status: str  # one of leaddocs.adr.model.STATUSES
    date: str | None  # as the record states it (YYYY-MM-DD), else when git first saw the file
    tags: tuple[str, ...]
    decision_makers: tuple[str, ...]
    path: Path
    rel: str  # from the repository root
    stem: str
    supersedes: tuple[str, ...]  # ids, both directions resolved
    superseded_by: tuple[str, ...]
    amends: tuple[str, ...]
    amended_by: tuple[str, ...]
    date_from_git: bool = False  # the record states no date: ``date`` is its file's first commit


@dataclass(frozen=True, slots=True)
class UnreadableRecord:
    id: str
    stem: str
    rel: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.rel}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class DecisionRecords:
    folder: Path | None  # None: the project keeps no ADRs
    records: tuple[DecisionRecord, ...]
    unreadable: tuple[UnreadableRecord, ...]
    # ``file:line: message`` for what is wrong in a readable record (a status such as
    # 'acepted', a date that is not YYYY-MM-DD): the build warns, so --strict fails.
    problems: tuple[str, ...] = ()

    def by_id(self) -> dict[str, DecisionRecord]:
        return {record.id: record for record in self.records}


def decision_records(
    project: Project, folder: Path | None = None, read: Reader = read_file
) -> DecisionRecords:
    """Every record in ``folder`` (default: the project's ADR folder), sorted by number; a file
    that cannot be read is an ``UnreadableRecord`` with its line, never an exception. ``read``
    reads one file (the site's preview passes one that remembers the files it read)."""
    folder = folder if folder is not None else project.adr_folder
    if not folder.is_dir():
        return DecisionRecords(None, (), ())
    log = load_log(project.root, folder, read)
    dated_by_history(project, log.adrs)
    unreadable = tuple(
        UnreadableRecord(*_name(finding.path), finding.path, finding.line, finding.message)
        for finding in log.unreadable
    )
    problems = tuple(
        str(finding)  # printable: a status may carry escape sequences
        for adr in log.adrs
        for finding in record_findings(adr)
        if finding.severity == "error"
    )
    return DecisionRecords(folder, tuple(map(_record, log.adrs)), unreadable, problems)


def _name(rel: str) -> tuple[str, str]:
    stem = Path(rel).stem
    return identity(stem)[0], stem


def _record(adr: Adr) -> DecisionRecord:
    return DecisionRecord(
        id=adr.id,
        number=adr.number,
        title=adr.title,
        status=adr.status,
        date=adr.date,
        tags=tuple(adr.tags),
        decision_makers=tuple(adr.decision_makers),
        path=adr.path,
        rel=adr.rel,
        stem=adr.stem,
        supersedes=tuple(adr.links["supersedes"]),
        superseded_by=tuple(adr.links["superseded-by"]),
        amends=tuple(adr.links["amends"]),
        amended_by=tuple(adr.links["amended-by"]),
        date_from_git=adr.date_from_git,
    )
