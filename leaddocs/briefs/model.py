"""A brief as data: the facts it states, each with where it comes from, in the sections a
non-technical reader expects. Every renderer and the model drafter work from these values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Audience = Literal["leadership", "product", "legal", "customers"]
AUDIENCES: tuple[Audience, ...] = ("leadership", "product", "legal", "customers")
SourceKind = Literal["adr", "release", "status"]
Part = Literal["summary", "what", "why", "risks", "asks"]

# The order a reader meets the sections in: leadership wants the asks and the risks first,
# legal the points that concern it, product and customers what changed.
ORDER: dict[Audience, tuple[Part, ...]] = {
    "leadership": ("summary", "asks", "risks", "why", "what"),
    "product": ("summary", "what", "why", "risks", "asks"),
    "legal": ("summary", "why", "risks", "asks", "what"),
    "customers": ("summary", "what", "why", "risks", "asks"),
}
_WHAT: dict[SourceKind, str] = {
    "adr": "What was decided",
    "release": "What shipped",
    "status": "Where things stand",
}


def section_title(part: Part, kind: SourceKind, audience: Audience) -> str:
    customers = audience == "customers"
    titles: dict[Part, str] = {
        "summary": "In short",
        "what": _WHAT[kind],
        "why": "Why it matters to you",
        "risks": "What to watch out for" if customers else "Risks",
        "asks": "What you need to do" if customers else "What we ask of you",
    }
    return titles[part]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from: what a reader can follow up, and where a reviewer checks it."""

    label: str  # "ADR 0003, Decision Outcome", "#12", "a1b2c3d", "notes.md line 4"
    url: str | None = None  # an absolute http(s) link, or None
    where: str = ""  # for the reviewer (a file and line, a commit subject); not for customers


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement of the brief, in plain words, and the sources it rests on."""

    id: str  # stable: "decision", "bad-2", "pr-12", "risk-pr-12", "ask-upgrade"
    part: Part
    text: str
    sources: tuple[Source, ...]
    kind: str = "fact"  # what it is, for the model: "decision", "risk", "change", "ask"
    detail: str = ""  # more of the source, for the model only (an ADR paragraph, a body)
    required: bool = True  # False: the model may leave it out


@dataclass(frozen=True, slots=True)
class Brief:
    kind: SourceKind
    audience: Audience
    title: str  # the heading: the decision's title, "Release v1.3.0", "Status of api, …"
    about: str  # what the brief is on, for its first line: "decision record ADR 0003"
    slug: str  # the file's name: "adr-0003-leadership"
    facts: tuple[Fact, ...]
    # What stayed internal for this reader, for the person who asked: "2 statements that name
    # people". Said on stderr, never in the brief.
    left_out: tuple[str, ...] = ()

    def title_of(self, part: Part) -> str:
        return section_title(part, self.kind, self.audience)

    @property
    def parts(self) -> tuple[Part, ...]:
        return ORDER[self.audience]
