"""Notes as typed during a meeting (Markdown or plain text) read into entries.

A line is an entry; a list item's indented continuation lines join it. Headings are structure,
not entries: the first ``# `` heading is the title, and each heading is the section of the
entries under it (``## Decisions``, ``## Action items``, ``## Open questions`` say what their
lines are). Plain-text notes head their lists with a label alone on a line (``Action items:``,
``**Decisions:**``, ``Next steps:``): such a label is a section too, until a blank line after its
lines is followed by anything but more of its list. An ``Attendees:`` line (or a
``## Attendees`` list) names who was there, a ``Date:`` line when the meeting was, and a
``## Summary`` (or ``TL;DR``) section is the notes' own summary. Fenced code is kept as
written and never classified. Text in any language is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from leaddocs.meetings.dates import find_iso
from leaddocs.meetings.extract import section_kind
from leaddocs.meetings.model import Entry
from leaddocs.textsafe import printable

MAX_ENTRY_CHARS = 2000  # a note is a sentence or three; a longer line is cut, and said so

_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})\s+(?P<title>.*?)\s*#*\s*$")
_ITEM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<space>\s+)"
    r"(?:\[(?P<box>[ xX])\]\s+)?(?P<text>.*)$"
)
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_LABEL = r"(?:\*\*|__)?{}(?:\*\*|__)?\s*:(?:\*\*|__)?\s*"
_ATTENDEES = re.compile(
    _LABEL.format(r"(?:attendees|participants|present|attendance)"), re.IGNORECASE
)
_DATE_LINE = re.compile(_LABEL.format(r"date"), re.IGNORECASE)
_SPLIT_NAMES = re.compile(r"\s*(?:[,;&]|\band\b)\s*", re.IGNORECASE)
# A chat line as Teams and Discord paste it: a time in brackets, the writer's name, a colon,
# the message. Without brackets, "10:00 Kickoff: …" is an agenda's item, not Kickoff's words.
_CHAT = re.compile(
    r"^\[\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?\]\s*"
    r"(?P<name>[^\W\d_][\w.'\u2019-]*(?: [^\W\d_][\w.'\u2019-]*){0,2}):\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_NOT_SPEAKERS = frozenset(
    {"decision", "decided", "action", "action item", "todo", "question", "q", "note", "agreed"}
)
ATTENDEE_SECTIONS = frozenset({"attendees", "participants", "present", "attendance"})
SUMMARY_SECTIONS = frozenset({"summary", "tl;dr", "tldr", "overview"})
# "Action items:" or "**Decisions:**" alone on a line: a plain-text list's heading.
_LABEL_LINE = re.compile(
    r"^(?:\*\*|__)?(?P<title>[^\W\d_][\w ;&/'-]{0,38}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?$"
)


@dataclass(slots=True)
class ReadNotes:
    entries: list[Entry] = field(default_factory=list)
    title: str | None = None
    date_line: str | None = None  # the text of a "Date:" line
    attendees: list[str] = field(default_factory=list)
    summary: list[Entry] = field(default_factory=list)
    cut: list[int] = field(default_factory=list)  # lines cut to MAX_ENTRY_CHARS


def read_notes(text: str, first_line: int = 1) -> ReadNotes:
    """``text`` (the notes after any front matter, which started on line ``first_line``)."""
    read = ReadNotes()
    section = heading_section = ""
    under_label: int | None = None  # lines read since a label line opened the section
    gap = False  # a blank line since the last line read
    fence: str | None = None
    column: int | None = None  # where the last list item's text starts: continuation lines
    for number, raw in enumerate(text.splitlines(), start=first_line):
        line = raw.rstrip().expandtabs(4)
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= len(fence):
                fence = None
            elif line.strip():
                _add(read, Entry(number, line.strip(), section=section, code=True), section)
            continue
        if opening is not None:
            fence, column = opening["fence"], None
            continue
        if not line.strip():
            gap = True
            continue
        after_gap, gap = gap, False
        heading = _HEADING.match(line)
        if heading is not None:
            column, under_label = None, None
            title = heading["title"].strip()
            if len(heading["marks"]) == 1 and read.title is None:
                read.title = title
            else:
                section = heading_section = title
            continue
        label = _LABEL_LINE.match(line)
        if label is not None and is_section_label(label["title"]):
            column, section, under_label = None, label["title"].strip(), 0
            continue
        if under_label is not None:
            # A label's list ends at a blank line followed by anything but more of the list
            # (a loose list keeps a blank line between its items).
            if after_gap and under_label and not line[:1].isspace() and not _ITEM.match(line):
                section, under_label = heading_section, None
            else:
                under_label += 1
        indent = len(line) - len(line.lstrip())
        item = _ITEM.match(line)
        if column is not None and indent >= column and item is None:
            _continue(read, number, line.strip())
            continue
        if item is not None:
            column = len(item["indent"]) + len(item["marker"]) + min(len(item["space"]), 4)
            box = item["box"]
            entry = Entry(
                number,
                item["text"].strip(),
                section=section,
                task=box is not None,
                done=box is not None and box != " ",
            )
        else:
            column = None
            entry = Entry(number, line.strip(), section=section)
        entry = _chat(entry)
        if not entry.text:
            continue
        if _metadata(read, entry, section):
            column = None  # nothing to continue: the line said who was there, or when
        else:
            _add(read, entry, section)
    return read


def is_section_label(title: str) -> bool:
    """Whether a label alone on a line ("Action items:") heads a list of what it names."""
    lowered = " ".join(title.lower().split())
    named = lowered in ATTENDEE_SECTIONS or lowered in SUMMARY_SECTIONS
    return named or section_kind(lowered) is not None


def _chat(entry: Entry) -> Entry:
    """A chat message pasted into the notes, "[10:42 AM] Bob Okafor: I'll send it tomorrow":
    its writer is its speaker, as in a transcript (so "I'll …" is Bob Okafor's)."""
    said = _CHAT.match(entry.text)
    if said is None:
        return entry
    if said["name"].casefold() in _NOT_SPEAKERS:  # "[10:45] Decision: …" marks its line
        return replace(entry, text=entry.text[said.start("name") :])
    return replace(entry, text=said["rest"].strip(), speaker=said["name"])


def _metadata(read: ReadNotes, entry: Entry, section: str) -> bool:
    """Whether ``entry`` says who was there or when, and so is no statement of the meeting."""
    named = _ATTENDEES.match(entry.text)
    if named is not None or section.lower() in ATTENDEE_SECTIONS:
        names = entry.text[named.end() :] if named is not None else entry.text
        read.attendees.extend(split_names(names))
        return True
    dated = _DATE_LINE.match(entry.text)
    if dated is not None and find_iso(entry.text) is not None and read.date_line is None:
        read.date_line = entry.text[dated.end() :]
        return True
    return False


def split_names(text: str) -> list[str]:
    """``Alice, @bob and Chen Wei`` → ``["Alice", "bob", "Chen Wei"]``."""
    parts = _SPLIT_NAMES.split(printable(text))  # an escape's ";" separates no names
    names = (" ".join(part.strip().lstrip("@").split()) for part in parts)
    return [name for name in names if name]


def _add(read: ReadNotes, entry: Entry, section: str) -> None:
    if len(entry.text) > MAX_ENTRY_CHARS:
        read.cut.append(entry.line)
        entry = replace(entry, text=entry.text[: MAX_ENTRY_CHARS - 1].rstrip() + "\u2026")
    if section.lower() in SUMMARY_SECTIONS and not entry.code:
        read.summary.append(entry)
    else:
        read.entries.append(entry)


def _continue(read: ReadNotes, number: int, text: str) -> None:
    """A continuation line joins the entry above it (in the summary, or the last entry)."""
    target = max((read.entries, read.summary), key=lambda found: found[-1].line if found else 0)
    last = target[-1]
    joined = f"{last.text} {text}"
    if len(joined) > MAX_ENTRY_CHARS:
        if last.line not in read.cut:
            read.cut.append(last.line)
        joined = joined[: MAX_ENTRY_CHARS - 1].rstrip() + "\u2026"
    target[-1] = replace(last, text=joined, last_line=number)
