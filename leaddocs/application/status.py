"""The status page: one period's facts gathered, the rules applied, the page and its index as
documents (docs/status-pages.md)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from leaddocs import markers
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import open_pull_request
from leaddocs.application.records import stale_runbooks
from leaddocs.application.requests import StatusRequest
from leaddocs.application.status_sources import (
    decisions,
    in_flight,
    main_line,
    median,
    previous_page,
    read_pages,
    shipped,
)
from leaddocs.delivery import files
from leaddocs.delivery.files import Written
from leaddocs.delivery.pull_request import PrOutcome
from leaddocs.document import Document, DraftingSummary, WriteMode
from leaddocs.documents import status as render
from leaddocs.drafting.status import draft_narrative
from leaddocs.errors import OutputError, UsageError
from leaddocs.status.compare import compare
from leaddocs.status.notes import Notes, parse_notes
from leaddocs.status.period import Period, main_line_span, resolve_period
from leaddocs.status.rules import Facts, note_source, notes_risks, rule_risks, suggested_health
from leaddocs.status.summary import HealthState, Metric, NoteLine, Risk, StatusSummary
from leaddocs.textfile import not_utf8

KIND = "status"
INDEX = "index.md"
_NOTES_MAX = 1 << 20  # a lead's notes are a page or two; a bigger file is not notes


def pages_folder(project: Project) -> Path:
    """Where the repository keeps its status pages (``status.dir``)."""
    return project.root / project.config.status.dir


def period_of(project: Project, request: StatusRequest) -> Period:
    today = request.today or dt.datetime.now(dt.UTC).date()
    return resolve_period(request.since, request.until, project.config.status.cadence_days, today)


def status_summary(
    project: Project, request: StatusRequest, pages_dir: Path
) -> tuple[StatusSummary, DraftingSummary | None]:
    """The page's facts for ``request``'s period; ``pages_dir`` holds the earlier pages."""
    config = project.config.status
    period = period_of(project, request)
    notes = read_notes(project, request.notes) if request.with_notes else None
    main = main_line(project)
    line = project.repo.first_parent_line(main.ref)
    now = shipped(project, period, line, request.progress)
    before = shipped(project, period.previous(), line)
    work = in_flight(project, period, main)
    # A past period (the main line moved on after it) shows the records as they stood then.
    end = main_line_span(line, period)[1]
    as_of = end if end is not None and end != line[0][0] else None
    log = decisions(project, now, request.page_dir or pages_dir, main.name, as_of)
    stale, unlisted = stale_runbooks(project, period.until, request.page_dir or pages_dir)
    facts = Facts(period.until, now.reverts, work.items, log.every, stale)
    risks = [*(notes_risks(notes) if notes else []), *rule_risks(facts, config)]
    skipped: list[str] = []
    previous = previous_page(pages_dir, project.root, period.until.isoformat(), skipped)
    lead_now, lead_before = work.lead_times or (None, None)
    page = StatusSummary(
        repository=project.root.name,
        since=period.since.isoformat(),
        until=period.until.isoformat(),
        health=_health(notes, risks),
        highlights=render.highlights(now.items, config.highlights),
        shipped=now.items,
        in_flight=work.items,
        in_flight_from=work.source,  # type: ignore[arg-type]
        risks=risks,
        decisions=log.changed,
        next=_lines(notes, "next"),
        notes=_lines(notes, "other"),
        metrics=[
            Metric(name="changes merged", current=now.merged, previous=before.merged),
            Metric(name="contributors", current=now.contributors, previous=before.contributors),
            Metric(
                name="median pull request lead time",
                current=median(lead_now),
                previous=median(lead_before),
                unit="days",
            ),
            Metric(name="reverts", current=len(now.reverts), previous=len(before.reverts)),
        ],
        since_last=(
            compare(
                risks,
                previous.risks,
                previous.date,
                previous.health,
                unread=_unread(notes, work.source),
            )
            if previous
            else None
        ),
        warnings=[
            main.note(),
            *now.notes,
            *work.warnings,
            *log.notes,
            *unlisted,
            *skipped,
            *(notes.problems if notes else []),
        ],
    )
    return _narrated(project, request, page)


def _narrated(
    project: Project, request: StatusRequest, page: StatusSummary
) -> tuple[StatusSummary, DraftingSummary | None]:
    settings = project.config.llm
    if not request.drafting.use_llm(settings):
        return page, None
    drafter = request.drafting.drafter(project)
    drafted = draft_narrative(page, drafter, request.drafting.audience or settings.audience)
    return page.model_copy(update={"narrative": drafted.narrative}), drafted.report


def _unread(notes: Notes | None, in_flight_from: str) -> set[str]:
    """The sources of risks this run did not read: the notes, the forge's pull requests."""
    unread = set() if notes is not None else {"notes"}
    if in_flight_from != "forge":
        unread |= {"pr-open", "review-waiting", "label"}
    return unread


def _health(notes: Notes | None, risks: list[Risk]) -> HealthState:
    if notes is not None and notes.health is not None:
        why = notes.health_why
        line = NoteLine(text=why.text, source=note_source(notes.source, why.line)) if why else None
        return HealthState(value=notes.health, by="notes", why=line)
    value, reasons = suggested_health(risks)
    unread = notes.health_unread if notes is not None else None
    return HealthState(
        value=value,
        by="rules",
        reasons=reasons,
        unread=(
            NoteLine(text=unread.text, source=note_source(notes.source, unread.line))
            if notes is not None and unread is not None
            else None
        ),
    )


def _lines(notes: Notes | None, section: str) -> list[NoteLine]:
    if notes is None:
        return []
    return [
        NoteLine(text=entry.text, source=note_source(notes.source, entry.line))
        for entry in getattr(notes, section)
    ]


def read_notes(project: Project, given: Path | None) -> Notes | None:
    """The lead's notes: ``--notes`` (from the current folder), else ``status.notes`` (from
    the repository root), else none. A missing or binary file is refused, naming it."""
    configured = project.config.status.notes
    path = given if given is not None else (project.root / configured if configured else None)
    if path is None:
        return None
    shown = project.rel(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(_NOTES_MAX + 1)
    except FileNotFoundError as exc:
        raise UsageError(f"notes file {shown} not found: give --notes an existing file") from exc
    except OSError as exc:
        raise UsageError(f"notes file {shown} cannot be read: {exc.strerror}") from exc
    if len(data) > _NOTES_MAX or b"\0" in data:
        raise UsageError(f"notes file {shown} is not a text file of notes: give a Markdown file")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"notes file {shown} is not UTF-8 text ({not_utf8(data, exc)}): save it as UTF-8"
        ) from exc
    return parse_notes(text, Path(shown).name)


def status_documents(
    project: Project, request: StatusRequest, pages_dir: Path, placed: Path
) -> list[Document]:
    """The page (in ``request.format``) and, for Markdown, the index of every page. ``placed``
    is where the documents go (a ``build`` folder's relative ``status``, or ``pages_dir``);
    ``pages_dir`` is where the earlier pages are read from."""
    page, report = status_summary(project, request, pages_dir)
    notes = tuple(page.warnings)
    if request.format == "json":
        return [
            Document(
                KIND,
                placed / f"{page.until}.json",
                render.as_json(page),
                "json",
                notes=notes,
                report=report,
            )
        ]
    if request.format in ("email", "slack"):
        text = render.plain_text(page, slack=request.format == "slack")
        # Text to paste, not a file leaddocs manages: no marker.
        return [
            Document(KIND, placed / f"{page.until}.txt", text, "text", notes=notes, report=report)
        ]
    meta = render.front_matter(page)
    document = Document(
        KIND,
        placed / f"{page.until}.md",
        render.markdown(project.renderer(), page),
        front_matter=meta,
        notes=notes,
        report=report,
    )
    # An unreadable page is already among the page's warnings (previous_page read them all).
    pages = {name: meta for name, meta in read_pages(pages_dir, project.root, [])}
    pages[f"{page.until}.md"] = meta
    return [document, _index(pages_dir / INDEX, placed / INDEX, tuple(pages.items()))]


def _index(existing: Path, placed: Path, pages: tuple[tuple[str, dict[str, Any]], ...]) -> Document:
    """The index: the list leaddocs keeps merged into the file, the person's text around it
    kept. An index an older leaddocs wrote whole is changed in place (only if unchanged since
    it was read), dropping its file-wide marker."""
    merge = render.IndexMerge(pages)
    body = render.index(list(pages))
    try:
        before = existing.read_bytes() if existing.is_file() else None
    except OSError:
        before = None
    if before is not None and placed == existing:
        text = before.decode("utf-8", "replace")
        if markers.document_state(text) != "foreign":
            migrated = merge.migrate(text)
            return Document(
                KIND,
                placed,
                migrated.text,
                mode=WriteMode.EDIT,
                expected_sha256=hashlib.sha256(before).hexdigest(),
                notes=migrated.notes,
            )
    return Document(KIND, placed, body, mode=WriteMode.MERGE, merger=merge)


def command_documents(project: Project, request: StatusRequest) -> list[Document]:
    """``leaddocs status``: the page aimed into ``status.dir`` (with its index, for Markdown)."""
    folder = pages_folder(project)
    return status_documents(project, request, folder, folder)


def write_pages(
    documents: list[Document], root: Path, *, force: bool = False
) -> tuple[list[Written], list[str]]:
    """The page and its index, and what was kept. A page a person edited (or wrote) is kept,
    with a note, and the index is still updated (``--force`` replaces the page)."""
    kept: list[str] = []
    page, *rest = documents
    if not force and page.path.is_file():
        try:
            files.check([page], force=force, boundary=root, shown=_shown(root))
        except OutputError as exc:
            kept.append(f"{exc}; the index is updated all the same")
            documents = rest
    return files.deliver(documents, force=force, make_folders=True, boundary=root), kept


def _shown(root: Path) -> Callable[[Path], str]:
    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    return shown


def status_pr(project: Project, request: StatusRequest) -> PrOutcome:
    """The page and the index as a pull request from ``leaddocs/status``."""
    folder = Path(project.config.status.dir)
    documents = status_documents(project, request, pages_folder(project), folder)
    date = documents[0].path.stem
    return open_pull_request(
        project,
        KIND,
        documents,
        title=f"Status page for {date}",
        source=f"the history, the forge and the notes of {documents[0].front_matter['period']}",
        checklist=(
            "The health is right, and every risk and blocker still stands",
            "Nothing listed should stay internal",
            "Next steps are what the team agreed",
        ),
    )
