"""Drafting stats as data: what the table, the site page and the JSON (docs/stats.md) show."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "leaddocs-stats/1"
Outcome = Literal["unchanged", "edited", "not-merged"]
FoundBy = Literal["record", "marker"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class DraftResult(_Data):
    """One document of one draft, and what its review kept."""

    kind: str
    path: str
    found_by: FoundBy  # its draft record, or (committed without one) its marker alone
    outcome: Outcome
    date: str  # YYYY-MM-DD (UTC): the day it was merged; not merged: the day it was drafted
    commit: str  # the commit that merged it; not merged: the commit that drafted it
    branch: str | None = None  # not merged: the branch it waits on
    # None: not measured, the text it was drafted as is not in the history (edited before
    # its first commit, with no record).
    lines_drafted: int | None
    lines_kept: int | None
    words_drafted: int | None
    words_kept: int | None


class Totals(_Data):
    kind: str = "all"  # a kind of document, or "all" for the total
    documents: int = 0
    merged: int = 0
    unchanged: int = 0  # merged exactly as drafted
    not_merged: int = 0
    not_measured: int = 0
    lines_drafted: int = 0
    lines_kept: int = 0
    words_drafted: int = 0
    words_kept: int = 0
    unchanged_share: float | None = None  # unchanged / documents
    lines_kept_share: float | None = None  # lines_kept / lines_drafted
    minutes_saved: float = 0.0  # words_kept / words_per_minute


class DraftingStats(_Data):
    schema_version: str = SCHEMA
    repository: str
    branch: str | None  # the main line the drafts were merged into; None: no commits yet
    since: str | None  # the first day counted (YYYY-MM-DD); None: all of the history
    words_per_minute: float
    kinds: list[Totals] = Field(default_factory=list)
    total: Totals = Field(default_factory=Totals)
    drafts: list[DraftResult] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
