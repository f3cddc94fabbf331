"""Risks raised by stated rules, each naming the rule that fired, and the health they suggest.

A rule is a plain test with a threshold from ``status:`` in the configuration; nothing here
guesses at tone. The lead's own health, risks and blockers (the notes) always come first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from leaddocs.config import StatusConfig
from leaddocs.status.notes import Health, NoteEntry, Notes
from leaddocs.status.summary import Decision, InFlight, Item, Risk, Source


@dataclass(frozen=True, slots=True)
class StaleRunbook:
    """A runbook not verified for ``runbooks.stale_after_days`` on the period's last day."""

    rel: str  # the file, from the repository root: what makes two pages' risks the same
    title: str
    service: str
    why: str  # "last verified 2024-01-02, 400 days ago (more than 180)", "never verified: …"
    source: Source


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules look at, gathered for one period."""

    until: dt.date  # the last day of the period: ages are counted to its end
    reverts: Sequence[Item]  # changes of the period that revert an earlier change
    in_flight: Sequence[InFlight]
    adrs: Sequence[Decision]  # every record, with its status and date
    stale_runbooks: Sequence[StaleRunbook] = ()


def rule_risks(facts: Facts, config: StatusConfig) -> list[Risk]:
    risks: list[Risk] = []
    for item in facts.reverts:
        risks.append(
            Risk(
                key=f"revert:{item.id}",
                text=item.title,  # "Revert \"…\"": the revert says what it undid
                rule="revert",
                source=item.source,
            )
        )
    for work in facts.in_flight:
        risks.extend(_in_flight_risks(work, config))
    for adr in facts.adrs:
        age = _days_since(adr.date, facts.until)
        if adr.status == "proposed" and age is not None and age > config.adr_proposed_days:
            risks.append(
                Risk(
                    key=f"adr-proposed:{adr.id}",
                    text=f"ADR {adr.id} {adr.title} proposed {age} days ago, not yet decided",
                    rule="adr-proposed",
                    source=adr.source,
                )
            )
    risks.extend(
        Risk(
            key=f"runbook-stale:{book.rel}",
            text=f"Runbook {book.title} ({book.service}) is stale: {book.why}",
            rule="runbook-stale",
            source=book.source,
        )
        for book in facts.stale_runbooks
    )
    return risks


def _in_flight_risks(work: InFlight, config: StatusConfig) -> list[Risk]:
    if work.kind != "pull request":
        return []  # a branch has no review and no labels: its age alone is no risk
    found: list[Risk] = []
    blockers = {label.lower() for label in config.blocker_labels}
    flagged = {label.lower() for label in config.risk_labels}
    for label in work.labels:
        if label.lower() in blockers | flagged:
            found.append(
                Risk(
                    key=f"label:{work.id}:{label.lower()}",
                    text=f"{work.title} is labelled {label}",
                    kind="blocker" if label.lower() in blockers else "risk",
                    rule="label",
                    source=work.source,
                )
            )
    waited = work.review_wait_days if work.review_wait_days is not None else work.age_days
    if work.review == "waiting for review" and waited > config.review_wait_days:
        found.append(
            Risk(
                key=f"review-waiting:{work.id}",
                text=f"{work.title} has waited {waited} days for review"
                if work.review_wait_days is not None
                # When the review was asked for is unknown: only what is known is said.
                else f"{work.title} is open {work.age_days} days, review requested",
                rule="review-waiting",
                source=work.source,
            )
        )
    elif work.age_days > config.pr_open_days:
        found.append(
            Risk(
                key=f"pr-open:{work.id}",
                text=f"{work.title} has been open {work.age_days} days",
                rule="pr-open",
                source=work.source,
            )
        )
    return found


def notes_risks(notes: Notes) -> list[Risk]:
    """The lead's risks and blockers, quoted as written."""
    kinds: tuple[tuple[Literal["risk", "blocker"], list[NoteEntry]], ...] = (
        ("blocker", notes.blockers),
        ("risk", notes.risks),
    )
    return [
        Risk(
            key=f"notes:{kind}:{entry.text.casefold()}",
            text=entry.text,
            kind=kind,
            source=note_source(notes.source, entry.line),
        )
        for kind, entries in kinds
        for entry in entries
    ]


def note_source(name: str, line: int) -> Source:
    return Source(label=f"{name} line {line}")


def suggested_health(risks: Sequence[Risk]) -> tuple[Health, list[str]]:
    """With no health in the notes: off track when anything blocks, at risk when a risk stands,
    on track otherwise; and the reasons, so the page can say how it was decided."""
    blockers = [risk for risk in risks if risk.kind == "blocker"]
    others = [risk for risk in risks if risk.kind == "risk"]
    if blockers:
        return "off track", [f"{len(blockers)} blocker{'s' if len(blockers) > 1 else ''}"]
    if others:
        return "at risk", [f"{len(others)} risk{'s' if len(others) > 1 else ''}"]
    return "on track", ["no risk or blocker raised by the notes or the rules"]


def _days_since(date: str | None, until: dt.date) -> int | None:
    if not date:
        return None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return (until - day).days
