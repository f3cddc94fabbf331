"""What a command that creates a record says it did: an ADR, an RFC or a runbook written, or
proposed as a pull request."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leaddocs.delivery import files
from leaddocs.delivery.pull_request import PrOutcome
from leaddocs.document import DraftingSummary


@dataclass(frozen=True, slots=True)
class Created:
    path: Path
    written: list[files.Written]  # empty when delivered as a pull request
    notes: tuple[str, ...]
    report: DraftingSummary | None  # when the body was drafted from a source file
    pull: PrOutcome | None = None  # with ``pr``
