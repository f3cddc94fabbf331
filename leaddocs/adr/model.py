"""What an ADR is once read, whatever style its file was written in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from leaddocs.textsafe import printable

STATUSES = ("draft", "proposed", "accepted", "rejected", "deprecated", "superseded", "unknown")
WRITABLE_STATUSES = tuple(status for status in STATUSES if status != "unknown")

# The two link types a decision log keeps, each with the name of its reverse direction.
LinkKind = Literal["supersedes", "superseded-by", "amends", "amended-by"]
REVERSE: dict[LinkKind, LinkKind] = {
    "supersedes": "superseded-by",
    "superseded-by": "supersedes",
    "amends": "amended-by",
    "amended-by": "amends",
}

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, printed as ``path:line: CODE message``."""

    path: str
    line: int
    code: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        # A file name and the text a message quotes (a status, a reference) come from the
        # repository: no escape sequence of theirs reaches the terminal or a CI log.
        return f"{printable(self.path)}:{self.line}: {self.code} {printable(self.message)}"


@dataclass(frozen=True, slots=True)
class Ref:
    """A link as the file writes it, before it is resolved to an ADR id."""

    kind: LinkKind
    text: str
    line: int


@dataclass(slots=True)
class Adr:
    path: Path
    rel: str  # the path from the repository root, with forward slashes: what messages show
    id: str
    number: int | None
    title: str
    status: str
    status_raw: str
    date: str | None
    style: str  # madr4, front-matter, madr2, adr-tools, log4brains: how the file was read
    tags: list[str] = field(default_factory=list)
    decision_makers: list[str] = field(default_factory=list)
    consulted: list[str] = field(default_factory=list)  # MADR 4's front matter, as written
    informed: list[str] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # field name -> 1-based line
    findings: list[Finding] = field(default_factory=list)  # recoverable problems seen reading
    links: dict[LinkKind, list[str]] = field(default_factory=lambda: {kind: [] for kind in REVERSE})
    # SHA-256 of the bytes it was read from: an edit made from ``lines`` lands only on those.
    sha256: str = ""
    # The file states no date: ``date`` is the day of the commit that added it (git history).
    date_from_git: bool = False

    @property
    def stem(self) -> str:
        return self.path.stem

    def line_of(self, name: str) -> int:
        return self.lines.get(name, 1)

    def record(self) -> dict[str, Any]:
        """The JSON record documented in docs/adr.md; keys are a public contract."""
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "status": self.status,
            "status_raw": self.status_raw,
            "date": self.date,
            "date_source": ("git" if self.date_from_git else "file") if self.date else None,
            "path": self.rel,
            "tags": self.tags,
            "supersedes": self.links["supersedes"],
            "superseded_by": self.links["superseded-by"],
            "amends": self.links["amends"],
            "amended_by": self.links["amended-by"],
            "decision_makers": self.decision_makers,
        }
