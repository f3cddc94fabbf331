"""What every drafter shares: the manifest it is given, the outcome it returns, the protocol
(the draft itself, a pydantic model, is in ``drafting/draft.py``).

The model writes words only. A bullet is text plus the ids of the manifest items it speaks
for; leaddocs renders the Markdown and every link from those ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from leaddocs.drafting.report import DraftReport

if TYPE_CHECKING:  # pydantic loads only when a draft is made, not with every command
    from leaddocs.drafting.draft import Draft

Progress = Callable[[str], None]  # one line of progress for a person at a terminal
Audience = Literal["engineering", "leadership", "customers"]
AUDIENCES: tuple[Audience, ...] = ("engineering", "leadership", "customers")

# Bumped whenever the schema or the prompts change meaning, so cached answers are not reused.
SCHEMA_VERSION = "1"


@dataclass(frozen=True, slots=True)
class ManifestItem:
    """One thing the draft must account for: a change, an ADR, a notes entry, source lines."""

    id: str
    type: str
    subject: str
    body: str = ""
    labels: tuple[str, ...] = ()
    section: str = "Other"
    required: bool = True  # False: the model may leave it out (skip-listed for this audience)


@dataclass(slots=True)
class DraftRequest:
    """One document to draft: its manifest and how it should read."""

    document: str  # "release notes", "architecture decision record", …
    items: list[ManifestItem]
    audience: Audience = "engineering"
    instructions: str = ""  # what this document's sections should hold
    # Ids beyond the manifest's own that are still grounded (an ADR's sub-ranges of lines).
    also_valid: Callable[[str], bool] | None = None
    # The reader's tone, for a document with readers of its own (a brief for legal); "": the
    # audience's.
    tone: str = ""

    def known(self, item_id: str) -> bool:
        if any(item.id == item_id for item in self.items):
            return True
        return self.also_valid is not None and self.also_valid(item_id)


@dataclass(slots=True)
class DraftOutcome:
    draft: Draft
    report: DraftReport
    # Items the draft speaks for with the deterministic drafter's words, not the model's.
    filled_ids: set[str] = field(default_factory=set)


class Drafter(Protocol):
    """Turns a manifest into a draft. Every drafter accounts for every required item."""

    name: str

    def draft(self, request: DraftRequest) -> DraftOutcome: ...
