"""The lead's notes file: ``## Health``, ``## Risks``, ``## Blockers``, ``## Next`` and free
text, each entry kept with its line so the page can cite it (docs/status-pages.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Health = Literal["on track", "at risk", "off track"]
HEALTHS: tuple[Health, ...] = ("on track", "at risk", "off track")

_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?P<marker>[-*+]|\d{1,9}[.)])(?P<space>\s+)(?P<text>.*)$")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
_HEALTH = re.compile(r"^\W*(?P<health>on[ -]track|at[ -]risk|off[ -]track)\b\W*(?P<why>.*)$", re.I)
_SECTIONS = {
    "health": "health",
    "risks": "risks",
    "risk": "risks",
    "blockers": "blockers",
    "blocker": "blockers",
    "next": "next",
    "next steps": "next",
}


@dataclass(frozen=True, slots=True)
class NoteEntry:
    text: str
    line: int  # 1-based, in the notes file


@dataclass(slots=True)
class Notes:
    source: str  # the notes file as the page names it
    health: Health | None = None
    health_why: NoteEntry | None = None
    health_unread: NoteEntry | None = None  # a health line that says none of the three
    risks: list[NoteEntry] = field(default_factory=list)
    blockers: list[NoteEntry] = field(default_factory=list)
    next: list[NoteEntry] = field(default_factory=list)
    other: list[NoteEntry] = field(default_factory=list)  # free text, quoted as written
    problems: list[str] = field(default_factory=list)  # what could not be understood

    def entries(self) -> list[tuple[str, NoteEntry]]:
        """Every entry with the section it is in, in file order (for a model's manifest)."""
        found: list[tuple[str, NoteEntry]] = (
            [("health", self.health_why)] if self.health_why else []
        )
        for name in ("risks", "blockers", "next", "other"):
            found.extend((name, entry) for entry in getattr(self, name))
        return sorted(found, key=lambda pair: pair[1].line)


def parse_notes(text: str, source: str) -> Notes:
    """``text`` read into sections. A list item is one entry: its indented lines and the items
    nested under it join it; a paragraph outside a list is one entry; a ``# Title`` line is not
    an entry. Fenced code (```` ``` ```` or ``~~~``) is text of the entry it is in, never a
    heading or a list item."""
    notes = Notes(source)
    section = "other"
    current: list[tuple[str, int]] = []  # (text, line) of the entry being read
    content_column: int | None = None  # the entry is a list item: where its text starts
    blank = False  # a blank line since the entry's last line
    fence: tuple[str, int] | None = None  # the open fence: its character and length

    def close() -> None:
        nonlocal content_column, blank
        if current:
            words = " ".join(part for part, _ in current if part)
            _add(notes, section, NoteEntry(words, current[0][1]))
            current.clear()
        content_column = None
        blank = False

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip().expandtabs(4)
        indent = len(line) - len(line.lstrip())
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and _closes(opening, fence):
                fence = None
                continue
            if line.strip():
                current.append((line.strip(), number))
            continue
        if opening is not None:
            if blank and content_column is not None and indent < content_column:
                close()  # a block after a list item, not inside it
            fence = (opening["fence"][0], len(opening["fence"]))
            blank = False
            continue
        heading = _HEADING.match(line)
        if heading is not None:
            close()
            level = len(line) - len(line.lstrip("#"))
            section = _SECTIONS.get(heading["title"].strip().lower(), "other")
            if level > 1 and section == "other":
                current.append((heading["title"], number))  # a heading of the lead's own
                close()
            continue
        if not line.strip():
            if content_column is None:
                close()  # a paragraph ends at a blank line; a list item may go on
            else:
                blank = True
            continue
        item = _ITEM.match(line)
        if content_column is not None and indent >= content_column:
            # Indented under the item: a nested item or a further paragraph of it.
            current.append((item["text"].strip() if item else line.strip(), number))
            blank = False
            continue
        if item is not None and indent <= 3:
            close()
            current.append((item["text"].strip(), number))
            content_column = indent + len(item["marker"]) + min(len(item["space"]), 4)
            continue
        if blank:
            close()  # back at the margin after a blank line: a new paragraph
        current.append((line.strip(), number))
        blank = False
    close()
    return notes


def _closes(found: re.Match[str], fence: tuple[str, int]) -> bool:
    """Whether a fence line closes the open ``fence``: its character, as long or longer, and
    nothing after it."""
    mark = found["fence"]
    return mark[0] == fence[0] and len(mark) >= fence[1] and not found["rest"].strip()


def _add(notes: Notes, section: str, entry: NoteEntry) -> None:
    if section != "health":
        getattr(notes, section).append(entry)
        return
    if notes.health is not None:
        notes.other.append(entry)  # a second paragraph under Health: more words about it
        return
    found = _HEALTH.match(entry.text)
    if found is None:
        notes.problems.append(
            f"{notes.source}:{entry.line}: the health should start with on track, at risk or "
            "off track; leaddocs suggests one instead"
        )
        if notes.health_unread is None:
            notes.health_unread = entry  # the page quotes it beside the suggested health
        else:
            notes.other.append(entry)
        return
    notes.health = _health(found["health"])
    if notes.health_unread is not None:  # a later paragraph set it: the first one is a remark
        notes.other.append(notes.health_unread)
        notes.health_unread = None
    if found["why"].strip():
        notes.health_why = NoteEntry(found["why"].strip(), entry.line)


def _health(text: str) -> Health:
    normal = text.lower().replace("-", " ")
    return next(health for health in HEALTHS if health == normal)
