"""The meeting's source read whole: notes or a transcript (by extension, then by content), its
title and date as stated, and the meeting it records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from leaddocs.meetings import transcripts
from leaddocs.meetings.dates import find_iso
from leaddocs.meetings.extract import extract
from leaddocs.meetings.model import DateFrom, Meeting, Source, SourceFormat
from leaddocs.meetings.notes import MAX_ENTRY_CHARS, read_notes, split_names
from leaddocs.textsafe import printable

TranscriptError = transcripts.TranscriptError

MAX_TITLE_CHARS = 200
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


def detect_format(suffix: str, text: str) -> SourceFormat:
    """``.vtt`` and ``.srt`` by their extension; any other file by its first lines."""
    suffix = suffix.lower()
    if suffix == ".vtt" or (suffix != ".srt" and transcripts.looks_like_vtt(text)):
        return "vtt"
    if suffix == ".srt" or transcripts.looks_like_srt(text):
        return "srt"
    return "notes"


def read_source(
    name: str,
    text: str,
    *,
    suffix: str,
    front_matter: Mapping[str, Any] | None = None,
    first_line: int = 1,
) -> Source:
    """The source ``text`` (after front matter, which ended before ``first_line``). A
    malformed transcript raises ``TranscriptError`` naming its line."""
    fmt = detect_format(suffix, text)
    if fmt != "notes":
        entries = transcripts.read_vtt(text) if fmt == "vtt" else transcripts.read_srt(text)
        speakers = list(dict.fromkeys(e.speaker for e in entries if e.speaker))
        return Source(
            name, fmt, tuple(entries), attendees=tuple(speakers),
            attendees_from="the speakers" if speakers else "",
        )  # fmt: skip
    meta = dict(front_matter or {})
    read = read_notes(text, first_line)
    problems = [
        f"{name}:{line}: longer than {MAX_ENTRY_CHARS:,} characters: cut on the page"
        for line in read.cut
    ]
    stated: tuple[dt.date, DateFrom] | None = None
    for value, where in (
        (meta.get("date"), "front matter"),
        (read.date_line, "Date: line"),
    ):
        date = value if isinstance(value, dt.date) else find_iso(str(value or ""))
        if date is not None:
            stated = (date, where)  # type: ignore[assignment]
            break
    listed = _names(meta.get("attendees"))
    attendees = [name for name in map(printable, [*listed, *read.attendees]) if name]
    attendees_from = "the front matter" if listed else ""
    if read.attendees:
        attendees_from = "the Attendees: line" if not listed else f"{attendees_from} and notes"
    title = meta.get("title")
    return Source(
        name,
        "notes",
        tuple(read.entries),
        title=str(title).strip() if title else read.title,
        stated_date=stated,
        attendees=tuple(dict.fromkeys(attendees)),
        attendees_from=attendees_from,
        summary=tuple(read.summary),
        problems=tuple(problems),
    )


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [" ".join(str(v).lstrip("@").split()) for v in value if str(v).strip()]
    if isinstance(value, str):
        return split_names(value)
    return []


def meeting_of(
    source: Source,
    *,
    file_name: str,
    given_title: str | None = None,
    given_date: dt.date | None = None,
    today: dt.date,
) -> Meeting:
    """The meeting: its date from ``--date``, else as the source states it (front matter, a
    Date: line), else from the file name or the first heading, else today (with a note)."""
    notes: list[str] = []
    date, date_from = _date(source, file_name, given_date, today)
    if date_from == "today":
        notes.append(
            f"{source.name}: no date in the file name, front matter or first heading: the "
            f"meeting is dated today, {date.isoformat()} (give --date to set it)"
        )
    # One printable line: the title goes into the front matter, the nav and a PR's title.
    title = printable(given_title or source.title or _title_from(file_name))
    if len(title) > MAX_TITLE_CHARS:  # a heading is a line: one of 2 MiB is not a title
        title = title[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "\u2026"
        notes.append(f"{source.name}: the title is cut to {MAX_TITLE_CHARS} characters")
    return extract(
        source,
        title=title or "Meeting",
        date=date,
        date_from=date_from,
        notes=[*source.problems, *notes],
    )


def _date(
    source: Source, file_name: str, given: dt.date | None, today: dt.date
) -> tuple[dt.date, DateFrom]:
    if given is not None:
        return given, "--date"
    if source.stated_date is not None:
        return source.stated_date
    named = _date_in_name(file_name)
    if named is not None:
        return named, "file name"
    heading = find_iso(source.title or "")
    if heading is not None:
        return heading, "first heading"
    return today, "today"


def _date_in_name(name: str) -> dt.date | None:
    for match in _DATE_IN_NAME.finditer(name):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def _title_from(file_name: str) -> str:
    """``2026-12-02-architecture-sync.md`` → ``Architecture sync``."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    words = " ".join(_DATE_IN_NAME.sub(" ", stem).replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]
