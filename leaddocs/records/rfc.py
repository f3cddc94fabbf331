"""RFCs: a proposal put up for review, ``NNNN-slug.md`` in ``rfcs.dir``, with its status, its
authors and reviewers and its date in front matter, and six sections."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from leaddocs import yamlio
from leaddocs.adr.slug import titled
from leaddocs.document import Document, WriteMode
from leaddocs.errors import UsageError
from leaddocs.markup import md_text
from leaddocs.records.read import (
    Listing,
    Problem,
    RecordFile,
    as_date,
    clean_names,
    names,
    read_record,
    record_files,
)
from leaddocs.records.template import Filling, render_new

KIND = "rfc"
TEMPLATE = "rfc.md.j2"
STATUSES = ("draft", "review", "accepted", "rejected", "withdrawn")
SECTIONS = ("Summary", "Motivation", "Proposal", "Alternatives", "Risks", "Open questions")
# Other headings a source may use for a section (``--from``, offline), compared as words.
ALIASES = {
    "tl;dr": "Summary",
    "overview": "Summary",
    "abstract": "Summary",
    "background": "Motivation",
    "context": "Motivation",
    "problem": "Motivation",
    "problem statement": "Motivation",
    "why": "Motivation",
    "design": "Proposal",
    "solution": "Proposal",
    "plan": "Proposal",
    "detailed design": "Proposal",
    "options": "Alternatives",
    "considered options": "Alternatives",
    "alternatives considered": "Alternatives",
    "concerns": "Risks",
    "risks and mitigations": "Risks",
    "drawbacks": "Risks",
    "questions": "Open questions",
    "unknowns": "Open questions",
    "unresolved questions": "Open questions",
}
FALLBACK = "Motivation"  # offline, source text under no known heading is quoted here
_NUMBER = re.compile(r"^(\d{1,9})-")


@dataclass(frozen=True, slots=True)
class NewFile:
    """A new record as a document to create, and what its template left to say."""

    path: Path
    document: Document
    notes: tuple[str, ...] = ()


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UsageError(f"unknown RFC status '{status}' (use one of {', '.join(STATUSES)})")
    return status


def next_number(folder: Path) -> int:
    """One more than the highest number a file name in ``folder`` holds (a broken RFC still
    holds its number)."""
    numbers = (_NUMBER.match(path.name) for path in record_files(folder))
    return max((int(found[1]) for found in numbers if found), default=0) + 1


def new_rfc(
    folder: Path,
    title: str,
    filling: Filling,
    *,
    status: str,
    authors: Sequence[str],
    reviewers: Sequence[str],
) -> NewFile:
    """The RFC ``NNNN-slug.md`` numbered after the ones in ``folder``; nothing is written."""
    title, slug = titled(title)
    check_status(status)
    number = f"{next_number(folder):04d}"
    front = yamlio.dump(
        {
            "status": status,
            "authors": yamlio.flow_list(clean_names(authors)),
            "reviewers": yamlio.flow_list(clean_names(reviewers)),
            "date": filling.today,
        }
    )
    context = {"title": md_text(title), "front_matter": front, "number": number}
    text = render_new(TEMPLATE, context, filling)
    path = folder / f"{number}-{slug}.md"
    meta = {"status": status}
    document = Document(KIND, path, text.text, mode=WriteMode.CREATE, front_matter=meta)
    return NewFile(path, document, text.notes)


@dataclass(frozen=True, slots=True)
class Rfc:
    number: int | None
    title: str
    status: str  # as the file states it, lower-cased; "unknown" when it states none
    authors: tuple[str, ...]
    reviewers: tuple[str, ...]
    date: str | None  # YYYY-MM-DD, as stated
    path: Path
    rel: str


def read_rfcs(folder: Path, root: Path) -> Listing[Rfc]:
    """Every RFC in ``folder``, by number; a file that cannot be read is listed in
    ``unreadable`` with its line, a wrong status or date in ``problems``."""
    if not folder.is_dir():
        return Listing(None)
    records: list[Rfc] = []
    unreadable: list[Problem] = []
    problems: list[Problem] = []
    for path in record_files(folder):
        read = read_record(path, root)
        if isinstance(read, Problem):
            unreadable.append(read)
        elif read is not None:
            records.append(_rfc(read, problems))
    records.sort(key=lambda rfc: (rfc.number is None, rfc.number or 0, rfc.rel))
    return Listing(folder, tuple(records), tuple(unreadable), tuple(problems))


def _rfc(read: RecordFile, problems: list[Problem]) -> Rfc:
    meta = read.meta
    status = str(meta.get("status") or "").strip().lower()
    if status not in STATUSES:
        shown = f"unknown status '{status}'" if status else "no status"
        problems.append(Problem(read.rel, read.line("status"), f"{shown} ({', '.join(STATUSES)})"))
        status = status or "unknown"
    people: dict[str, tuple[str, ...]] = {}
    for key in ("authors", "reviewers"):
        found = names(meta.get(key))
        if found is None:
            problems.append(Problem(read.rel, read.line(key), f"{key} is not a list of names"))
        people[key] = found or ()
    date = as_date(meta.get("date"))
    if "date" in meta and date is None:
        problems.append(Problem(read.rel, read.line("date"), "date is not a date (YYYY-MM-DD)"))
    number = _NUMBER.match(read.path.name)
    return Rfc(
        number=int(number[1]) if number else None,
        title=read.title,
        status=status,
        authors=people["authors"],
        reviewers=people["reviewers"],
        date=date.isoformat() if date else None,
        path=read.path,
        rel=read.rel,
    )
