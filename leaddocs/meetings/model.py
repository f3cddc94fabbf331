"""A meeting as data: the lines read from the notes or the transcript, and what they say.

Every item keeps the line it was read from, so the page cites it and a model's words can be
held to it. Nothing here is escaped: the renderer does that.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from leaddocs.meetings.dates import Due

SourceFormat = Literal["notes", "vtt", "srt"]
DateFrom = Literal["--date", "front matter", "file name", "first heading", "Date: line", "today"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One statement of the source: a line (or a list item with its continuation lines) of
    notes, or a sentence of a transcript with its speaker."""

    line: int  # 1-based, in the source file
    text: str
    speaker: str | None = None
    section: str = ""  # the notes' heading it sits under, as written ("" before any)
    task: bool = False  # a Markdown task, "- [ ]" or "- [x]"
    done: bool = False  # "- [x]"
    last_line: int = 0  # the entry's last line (continuation lines); 0: its first
    code: bool = False  # a line of fenced code: shown, never classified

    @property
    def id(self) -> str:
        """The id a model cites it by: its first line, ``L12``."""
        return f"L{self.line}"

    @property
    def lines(self) -> range:
        return range(self.line, max(self.line, self.last_line) + 1)


@dataclass(frozen=True, slots=True)
class Item:
    """A decision, an open question, or a line nothing marked."""

    entry: Entry
    text: str  # the entry's words without the marker that classified them

    def shown(self) -> str:
        """The words with their speaker, for a transcript's line."""
        return f"{self.entry.speaker}: {self.text}" if self.entry.speaker else self.text


@dataclass(frozen=True, slots=True)
class Action:
    entry: Entry
    text: str
    owner: str | None  # only as written: a mention, "NAME will", "I will" said by a speaker
    due: Due | None  # only as written, resolved against the meeting's date
    done: bool = False


@dataclass(frozen=True, slots=True)
class Source:
    """The file read: its entries and the facts about the meeting it states."""

    name: str  # as the page names it: the path from the repository root
    format: SourceFormat
    entries: tuple[Entry, ...]
    title: str | None = None  # the front matter's title, else the first "# " heading
    stated_date: tuple[dt.date, DateFrom] | None = None
    attendees: tuple[str, ...] = ()  # an Attendees: line, the front matter, the speakers
    attendees_from: str = ""  # "the Attendees: line", "the speakers", ...
    summary: tuple[Entry, ...] = ()  # the notes' own "## Summary" (or "TL;DR") lines
    problems: tuple[str, ...] = ()  # what could not be understood (front matter, …)


@dataclass(frozen=True, slots=True)
class Meeting:
    source: Source
    title: str
    date: dt.date
    date_from: DateFrom
    attendees: tuple[str, ...]
    attendees_from: str  # where the attendees were read from ("" when none were)
    decisions: tuple[Item, ...] = ()
    actions: tuple[Action, ...] = ()
    questions: tuple[Item, ...] = ()
    unclassified: tuple[Item, ...] = ()
    notes: tuple[str, ...] = field(default=())  # remarks for the person who asked

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.source.entries
