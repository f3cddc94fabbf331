"""Runbooks: what to do when something goes wrong with a service, ``<service>/slug.md`` in
``runbooks.dir``, with the service, its owner and the day someone last walked through it
(``last-verified``) in front matter, and five sections. One not verified for
``runbooks.stale_after_days`` is stale: the site flags it and the status page raises it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leaddocs import yamlio
from leaddocs.adr.slug import titled
from leaddocs.document import Document, WriteMode
from leaddocs.markup import md_text
from leaddocs.records.read import (
    Listing,
    Problem,
    RecordFile,
    as_date,
    clean_names,
    read_record,
    record_files,
)
from leaddocs.records.rfc import NewFile
from leaddocs.records.template import Filling, render_new

KIND = "runbook"
TEMPLATE = "runbook.md.j2"
VERIFIED = "last-verified"
SECTIONS = ("When to use", "Symptoms", "Steps", "Rollback", "Escalation")
ALIASES = {
    "trigger": "When to use",
    "triggers": "When to use",
    "purpose": "When to use",
    "context": "When to use",
    "alerts": "Symptoms",
    "signs": "Symptoms",
    "detection": "Symptoms",
    "impact": "Symptoms",
    "procedure": "Steps",
    "actions": "Steps",
    "remediation": "Steps",
    "mitigation": "Steps",
    "fix": "Steps",
    "roll back": "Rollback",
    "revert": "Rollback",
    "undo": "Rollback",
    "rollback plan": "Rollback",
    "contacts": "Escalation",
    "escalate": "Escalation",
    "who to call": "Escalation",
    "owners": "Escalation",
}
FALLBACK = "When to use"
NUMBERED = frozenset({"Steps"})


def new_runbook(
    folder: Path, title: str, filling: Filling, *, service: str, owner: str | None
) -> NewFile:
    """The runbook ``<service>/<slug>.md`` in ``folder``, verified the day it is written;
    nothing is written. The same title twice for one service is one file: the second is
    refused."""
    title, slug = titled(title)
    service, service_slug = titled(service, "service")
    owner = next(iter(clean_names([owner] if owner else [])), None)
    data: dict[str, Any] = {"service": service, "owner": owner, VERIFIED: filling.today}
    context = {
        "title": md_text(title),
        "front_matter": yamlio.dump(data),
        "service": md_text(service),
    }
    text = render_new(TEMPLATE, context, filling)
    path = folder / service_slug / f"{slug}.md"
    meta = {"service": service, VERIFIED: filling.today.isoformat()}
    document = Document(KIND, path, text.text, mode=WriteMode.CREATE, front_matter=meta)
    return NewFile(path, document, text.notes)


@dataclass(frozen=True, slots=True)
class Runbook:
    title: str
    service: str
    owner: str | None
    last_verified: str | None  # YYYY-MM-DD when the file states a date
    stale: str | None  # why it is stale ("last verified 2024-01-02, 400 days ago"), or None
    path: Path
    rel: str
    line: int = 1  # of its last-verified date (or of the file's first line, without one)


def staleness(value: Any, today: dt.date, stale_after_days: int) -> str | None:
    """Why a runbook last verified ``value`` is stale on ``today``, or None when it is not."""
    if value is None or value == "":
        return f"never verified: no {VERIFIED} date"
    day = as_date(value)
    if day is None:
        return f"{VERIFIED} {_shown(value)} is not a date (YYYY-MM-DD)"
    if day > today:
        # 2062 for 2026 would keep it "current" for decades: no walk-through is on record.
        return f"{VERIFIED} {day.isoformat()} is in the future: nobody has verified it yet"
    age = (today - day).days
    if age > stale_after_days:
        return f"last verified {day.isoformat()}, {age} days ago (more than {stale_after_days})"
    return None


def _shown(value: Any) -> str:
    """A front matter value that is not a date, briefly: the start of a text, else its kind."""
    if isinstance(value, str):
        return f"'{value[:40]}\u2026'" if len(value) > 40 else f"'{value}'"
    kinds = {list: "a list", dict: "a mapping", bool: "true or false"}
    return f"({kinds.get(type(value), 'a number')})"


def read_runbooks(
    folder: Path, root: Path, *, today: dt.date, stale_after_days: int
) -> Listing[Runbook]:
    """Every runbook in ``folder`` and its service folders, by service and title, each with
    whether it is stale on ``today``."""
    if not folder.is_dir():
        return Listing(None)
    records: list[Runbook] = []
    unreadable: list[Problem] = []
    problems: list[Problem] = []
    for path in record_files(folder, depth=2):
        read = read_record(path, root)
        if isinstance(read, Problem):
            unreadable.append(read)
        elif read is not None:
            records.append(_runbook(read, folder, today, stale_after_days, problems))
    records.sort(key=lambda book: (book.service.casefold(), book.title.casefold(), book.rel))
    return Listing(folder, tuple(records), tuple(unreadable), tuple(problems))


def _runbook(
    read: RecordFile, folder: Path, today: dt.date, stale_after_days: int, problems: list[Problem]
) -> Runbook:
    meta = read.meta
    service = meta.get("service")
    if not isinstance(service, str) or not service.strip():
        where = read.path.parent
        service = where.name if where != folder else "(no service)"
        problems.append(Problem(read.rel, read.line("service"), "no service: give service:"))
    owner = meta.get("owner")
    if owner is not None and not isinstance(owner, str):
        problems.append(Problem(read.rel, read.line("owner"), "owner is not a name"))
        owner = None
    value = meta.get(VERIFIED)
    day = as_date(value)
    if value not in (None, "") and day is None:
        problems.append(Problem(read.rel, read.line(VERIFIED), f"{VERIFIED} is not a date"))
    return Runbook(
        title=read.title,
        service=" ".join(service.split()),
        owner=" ".join(owner.split()) or None if owner else None,  # blank: no owner
        last_verified=day.isoformat() if day else None,
        stale=staleness(value, today, stale_after_days),
        path=read.path,
        rel=read.rel,
        line=read.line(VERIFIED),
    )
