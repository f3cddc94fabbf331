"""``leaddocs meeting``: notes or a transcript in, the meeting's page out (docs/meetings.md).

The page is created, never replacing a file (a person's edited page is theirs); with ``adr``
each decision also becomes a proposed ADR draft (``XXXX-slug.md``), linked both ways. The
bundle lands whole or not at all, as files or as one pull request.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leaddocs.adr import new
from leaddocs.adr.frontmatter import FrontMatterError, load, split
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.slug import slugify
from leaddocs.application.decisions import decision_log
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import open_pull_request
from leaddocs.application.requests import MeetingRequest
from leaddocs.application.source_material import read_source_material
from leaddocs.delivery import files
from leaddocs.delivery.pull_request import PrOutcome
from leaddocs.document import Document, WriteMode
from leaddocs.documents import meeting as render
from leaddocs.drafting.adr_draft import CONTEXT, Source
from leaddocs.drafting.meeting import draft_meeting
from leaddocs.drafting.report import DraftReport
from leaddocs.errors import DocumentError, OutputError, UsageError
from leaddocs.markup import md_link_path, md_text
from leaddocs.meetings.model import Item, Meeting
from leaddocs.meetings.source import TranscriptError, meeting_of, read_source

KIND = render.KIND
MAX_BYTES = 2 * 1024 * 1024  # a three-hour call's transcript is ~0.5 MB
ADR_TITLE_CHARS = 100
# Raw HTML, links, code, emphasis, attribute lists ({: onclick=…}), entities and mentions; an
# underscore inside a word (user_id) is no emphasis and stays.
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_TITLE_MARKUP = re.compile(r"[<>\[\]`*\\{}|~#&]|(?<!\w)_|_(?!\w)|(?<!\w)@(?=\w)")
CHECKLIST = (
    "Every decision and action item is one the meeting made, in words the attendees agree with",
    "Each action item has the right owner and due date; the flagged ones get one or go",
    "Nothing on the page should stay internal, and no secret was pasted into the notes",
)


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    page: Document
    adrs: tuple[Document, ...]  # with ``adr``: a proposed draft per decision

    @property
    def documents(self) -> list[Document]:
        return [self.page, *self.adrs]


def read_meeting(project: Project, request: MeetingRequest) -> tuple[Meeting, tuple[str, ...]]:
    """The meeting the file records, and where secrets were taken out of it. Empty notes, a
    file that is not UTF-8 text or too big, and a malformed transcript are refused, naming
    the file (and the line)."""
    path = request.notes
    shown = project.rel(path)
    text = read_source_material(path, project.root, what="notes file", limit=MAX_BYTES, shown=shown)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise UsageError(f"notes file {shown}: empty: there is nothing to read a meeting from")
    # Secrets stay off the page (it is committed and published) and away from a model;
    # redaction keeps every line, so line N is still line N of the file.
    redacted = Source.of(shown, text)
    clean = "\n".join(redacted.lines) + "\n"
    body, meta, first_line, problems = _front_matter(clean, shown, path.suffix)
    try:
        source = read_source(
            shown, body, suffix=path.suffix, front_matter=meta, first_line=first_line
        )
    except TranscriptError as exc:
        raise DocumentError(f"{shown}:{exc.line}: {exc}") from exc
    if not source.entries and not source.summary:
        raise UsageError(
            f"notes file {shown}: no notes in it, only headings or metadata: nothing to "
            "read a meeting from"
        )
    today = request.today or dt.datetime.now(dt.UTC).date()
    meeting = meeting_of(
        source,
        file_name=path.name,
        given_title=request.title,
        given_date=request.date,
        today=today,
    )
    notes = (*problems, *meeting.notes)
    if meeting.date_from not in ("--date", "today"):
        notes = (*notes, f"meeting date {meeting.date.isoformat()} from the {meeting.date_from}")
    return meeting, (*notes, *_redaction_notes(redacted.redacted))


def _redaction_notes(where: tuple[str, ...]) -> tuple[str, ...]:
    return (f"secrets taken out of the page: {', '.join(where)}",) if where else ()


def _front_matter(
    text: str, shown: str, suffix: str
) -> tuple[str, dict[str, Any], int, tuple[str, ...]]:
    """(the notes after front matter, its data, the line the notes start on, problems)."""
    if suffix.lower() in (".vtt", ".srt"):
        return text, {}, 1, ()
    try:
        parts = split(text)
        if parts.yaml is None:
            return text, {}, 1, ()
        data = load(parts.yaml)[0]
    except FrontMatterError as exc:
        return text, {}, 1, (f"{shown}:{exc.line}: {exc}; read as notes",)
    except ValueError as exc:
        return text, {}, 1, (f"{shown}:1: front matter not read ({exc}); read as notes",)
    return parts.body, data if isinstance(data, dict) else {}, parts.body_line, ()


def meeting_draft(project: Project, request: MeetingRequest) -> MeetingDraft:
    """The page (and, with ``adr``, the ADR drafts), nothing written. Paths are absolute."""
    meeting, notes = read_meeting(project, request)
    folder = project.meetings_folder
    out = request.output
    path = out.absolute() if out is not None and str(out) != "-" else folder / _file_name(meeting)
    report: DraftReport | None = None
    drafted = None
    if request.drafting.use_llm(project.config.llm):
        drafted = draft_meeting(meeting, request.drafting.drafter(project))
        report = drafted.report
    adrs, links = _adr_drafts(project, meeting, path) if request.adr else ((), {})
    page = render.MeetingPage.of(
        meeting,
        summary=drafted.summary if drafted else (),
        phrased=drafted.phrased if drafted else None,
        adrs=links,
        model=report.model if report and drafted and (drafted.summary or drafted.phrased) else None,
    )
    body = render.markdown(project.renderer(), page)
    meta = {
        "date": meeting.date.isoformat(),
        "title": meeting.title,
        "decisions": len(meeting.decisions),
        "open_actions": sum(1 for action in meeting.actions if not action.done),
    }
    document = Document(
        KIND, path, body, mode=WriteMode.CREATE, front_matter=meta, report=report, notes=notes
    )
    return MeetingDraft(document, tuple(adrs))


def _file_name(meeting: Meeting) -> str:
    return f"{meeting.date.isoformat()}-{slugify(meeting.title) or 'meeting'}.md"


def _adr_drafts(
    project: Project, meeting: Meeting, page: Path
) -> tuple[list[Document], dict[str, render.AdrLink]]:
    """A proposed draft ``XXXX-slug.md`` per decision, dated the meeting's day and linking
    back to the page; decisions of the same title share one draft."""
    folder = project.adr_folder
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write into {project.rel(folder)}: it is not a folder")
    log = decision_log(project) if folder.is_dir() else DecisionLog(project.root, folder, [])
    documents: dict[Path, Document] = {}
    links: dict[str, render.AdrLink] = {}
    for decision in meeting.decisions:
        title = _adr_title(decision.text)
        if not slugify(title):
            continue  # nothing to name a record with ("✓"): the page still lists it
        record = new.new_record(
            log,
            title,
            draft=True,
            sections={CONTEXT: _context(meeting, decision, record_to_page(folder, page))},
            today=meeting.date,
            templates_dir=project.templates_dir,
        )
        if record.path.exists():
            raise OutputError(
                f"{project.rel(record.path)} already exists (an ADR draft of the same title): "
                "number the drafts (leaddocs adr number-drafts) or leave out --adr"
            )
        documents.setdefault(record.path, record.documents[0])
        href = md_link_path(os.path.relpath(record.path, page.parent).replace(os.sep, "/"))
        links[decision.entry.id] = render.AdrLink(record.path.name, href)
    return list(documents.values()), links


def record_to_page(folder: Path, page: Path) -> str:
    return md_link_path(os.path.relpath(page, folder).replace(os.sep, "/"))


def _adr_title(text: str) -> str:
    """The decision as a record's title: plain words on one line, a capital first letter, at
    most ``ADR_TITLE_CHARS`` (cut at a word). The ADR file's heading is Markdown that GitHub
    and the site render, and the notes are anyone's: no markup of theirs gets into it (the
    record's context quotes the decision as written)."""
    plain = _TITLE_MARKUP.sub(" ", _TAG.sub("", html.unescape(text)))
    words = " ".join(plain.split()).rstrip(".")
    words = words[:1].upper() + words[1:]
    if len(words) <= ADR_TITLE_CHARS:
        return words
    return words[: ADR_TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"


def _context(meeting: Meeting, decision: Item, link: str) -> str:
    where = render.cite(list(decision.entry.lines))
    return (
        f"Decided in the meeting [{md_text(meeting.title)}]({link}) on "
        f"{meeting.date.isoformat()} ({where} of {md_text(meeting.source.name)}):\n\n"
        f"> {md_text(decision.shown())}\n\n"
        "Drafted by `leaddocs meeting --adr`: write down the options that were weighed and "
        "why this one was chosen, then propose it for acceptance."
    )


def write_meeting(project: Project, draft: MeetingDraft) -> list[files.Written]:
    """The page and its ADR drafts, created together or not at all. A page already there is
    a person's (or an earlier run's, which a person may have edited): never replaced."""
    page = draft.page.path
    if page.exists() or page.is_symlink():
        raise OutputError(
            f"{project.rel(page)} already exists: a meeting page is never replaced; remove "
            "it, or give another --title or --output"
        )
    return files.deliver(
        draft.documents, make_folders=True, boundary=project.root, shown=project.rel
    )


def meeting_pr(project: Project, draft: MeetingDraft) -> PrOutcome:
    """The page (and its ADR drafts) as a pull request from ``leaddocs/meeting-<page>``."""
    documents = [d.at(d.path.relative_to(project.root)) for d in draft.documents]
    page = draft.page
    meta = page.front_matter
    return open_pull_request(
        project,
        f"meeting-{page.path.stem}",
        documents,
        title=f"Meeting notes: {' '.join(str(meta['title']).split())} ({meta['date']})",
        source=f"`leaddocs meeting` ({md_text(page.path.name)})",
        checklist=CHECKLIST,
    )
