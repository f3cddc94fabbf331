"""The lead's notes file: ``## Health``, ``## Risks``, ``## Blockers``, ``## Next`` and free
text, each entry kept with its line so the page can cite it (docs/status-pages.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Health = Literal["on track", "at risk", "off track"]
HEALTHS: tuple[Health, ...] = ("on track", "at risk", "off track")

_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(?P<text>.*)$")
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
    """``text`` read into sections. A list item is one entry (its indented lines join it); a
    paragraph outside a list is one entry; a ``# Title`` line is not an entry."""
    notes = Notes(source)
    section = "other"
    current: list[tuple[str, int]] = []  # (text, line) of the entry being read

    def close() -> None:
        if current:
            words = " ".join(part for part, _ in current)
            _add(notes, section, NoteEntry(words, current[0][1]))
            current.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
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
            close()
            continue
        item = _ITEM.match(line)
        if item is not None:
            close()
            current.append((item["text"].strip(), number))
        else:
            current.append((line.strip(), number))
    close()
    return notes


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
        notes.other.append(entry)
        return
    notes.health = _health(found["health"])
    if found["why"].strip():
        notes.health_why = NoteEntry(found["why"].strip(), entry.line)


def _health(text: str) -> Health:
    normal = text.lower().replace("-", " ")
    return next(health for health in HEALTHS if health == normal)
