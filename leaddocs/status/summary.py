"""A status page as data: what the Markdown, e-mail, Slack and JSON forms all render from.

The JSON form (``leaddocs status --format json``) is this model dumped; ``--portfolio`` reads
such files back, so a CI matrix can write one per repository and one job can combine them.
Every item carries its source (a commit, a pull request, an ADR, a line of the notes).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from leaddocs.status.notes import Health

SCHEMA = "leaddocs-status/1"
Rule = Literal["revert", "pr-open", "review-waiting", "label", "adr-proposed", "runbook-stale"]

# What each rule says, for the page and the docs: a risk names the rule that raised it.
RULES: dict[str, str] = {
    "revert": "a change was reverted in the period",
    "pr-open": "a pull request open longer than status.pr_open_days",
    "review-waiting": "a pull request waiting for review longer than status.review_wait_days",
    "label": "a pull request labelled as in status.risk_labels or status.blocker_labels",
    "adr-proposed": "an ADR proposed for longer than status.adr_proposed_days",
    "runbook-stale": "a runbook not verified for runbooks.stale_after_days, or never",
}


MOST_AREAS = 8  # headings under Shipped: more, and the smallest areas are folded into one
OTHER_AREAS = "other areas"


class _Data(BaseModel):
    # Read back from files a CI job wrote: keys a newer leaddocs adds are ignored.
    model_config = ConfigDict(extra="ignore", frozen=True)


class Source(_Data):
    label: str  # what the source is called: "#12", "a1b2c3d", "ADR 0003", "notes.md line 4"
    url: str | None = None


class Item(_Data):
    id: str  # "pr-12" or "c-<sha>": stable across runs
    title: str
    source: Source
    area: str = "other"
    type: str | None = None
    breaking: bool = False
    authors: list[str] = Field(default_factory=list)


class InFlight(_Data):
    id: str
    title: str
    source: Source
    kind: Literal["pull request", "branch"]
    author: str | None = None
    age_days: int = 0  # since it was opened (a branch: since its first own commit)
    idle_days: int = 0  # since its last activity
    review: Literal["waiting for review", "draft", "no review requested", "unknown"] = "unknown"
    # Days since the review was requested, when the forge says when; None: not known, and
    # the page claims no wait longer than the pull request has been open.
    review_wait_days: int | None = None
    labels: list[str] = Field(default_factory=list)
    commits: int | None = None  # a branch: commits not on the main line


class Risk(_Data):
    key: str  # what makes two pages' risks the same risk
    text: str
    kind: Literal["risk", "blocker"] = "risk"
    rule: Rule | None = None  # None: the lead's notes said so
    source: Source


class Decision(_Data):
    id: str
    title: str
    status: str
    date: str | None = None
    change: Literal["new", "changed", "unchanged"] = "unchanged"
    source: Source  # its url: the record's path relative to the page
    web_url: str | None = None  # the record on the forge, for text pasted elsewhere


class NoteLine(_Data):
    text: str
    source: Source


class Metric(_Data):
    name: str
    current: float | None
    previous: float | None
    unit: str = ""


class HealthState(_Data):
    value: Health
    by: Literal["notes", "rules"]
    why: NoteLine | None = None
    reasons: list[str] = Field(default_factory=list)  # with "rules": what decided it
    unread: NoteLine | None = None  # with "rules": the notes' health line it could not read


class Comparison(_Data):
    previous: str  # the date of the previous page
    previous_health: str | None = None
    new: list[Risk] = Field(default_factory=list)
    resolved: list[Risk] = Field(default_factory=list)
    outside: list[Risk] = Field(default_factory=list)  # a period rule's risk of the last period
    not_compared: list[str] = Field(default_factory=list)  # sources this run did not read


class NarrativeLine(_Data):
    text: str
    ids: list[str]
    sources: list[Source] = Field(default_factory=list)  # of the cited ids, in order
    from_model: bool = True  # False: the model left the item out; the history's words


class Narrative(_Data):
    audience: str
    lines: list[NarrativeLine] = Field(default_factory=list)


class StatusSummary(_Data):
    schema_version: str = SCHEMA
    repository: str
    since: str
    until: str
    health: HealthState
    highlights: list[Item] = Field(default_factory=list)
    shipped: list[Item] = Field(default_factory=list)
    in_flight: list[InFlight] = Field(default_factory=list)
    in_flight_from: Literal["forge", "branches"] = "branches"
    risks: list[Risk] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    next: list[NoteLine] = Field(default_factory=list)
    notes: list[NoteLine] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    since_last: Comparison | None = None
    narrative: Narrative | None = None
    warnings: list[str] = Field(default_factory=list)

    @property
    def blockers(self) -> list[Risk]:
        return [risk for risk in self.risks if risk.kind == "blocker"]

    @property
    def only_risks(self) -> list[Risk]:
        return [risk for risk in self.risks if risk.kind == "risk"]

    def areas(self, most: int = MOST_AREAS) -> list[tuple[str, list[Item]]]:
        """Shipped items by area, areas by size (largest first), then by name; past ``most``
        areas, the smallest are one "other areas" group whose items say their area, so a
        period of many one-off scopes reads as a few headings, not forty."""
        grouped: dict[str, list[Item]] = {}
        for item in self.shipped:
            grouped.setdefault(item.area, []).append(item)
        ordered = sorted(
            grouped.items(), key=lambda pair: (pair[0] == "other", -len(pair[1]), pair[0])
        )
        if len(ordered) <= most:
            return ordered
        kept, rest = ordered[: most - 1], ordered[most - 1 :]
        folded = [
            item if area == "other" else item.model_copy(update={"title": f"{area}: {item.title}"})
            for area, items in rest
            for item in items
        ]
        return [*kept, (OTHER_AREAS, folded)]
