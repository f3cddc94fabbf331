"""Since last update: this page's risks and blockers against the previous page's."""

from __future__ import annotations

from collections.abc import Collection

from leaddocs.status.summary import Comparison, Risk

# Rules that look only at the period: their risk leaves with the period, unresolved.
_PERIOD_RULES = ("revert",)


def source_of(risk: Risk) -> str:
    """What raised a risk, from its key: ``notes`` or the rule's name."""
    return risk.key.partition(":")[0]


def compare(
    risks: list[Risk],
    previous: list[Risk],
    previous_date: str,
    previous_health: str | None,
    *,
    unread: Collection[str] = (),
) -> Comparison:
    """Risks and blockers that are new, and those of the previous page that are gone: resolved
    (or cleared), or only outside this period (a revert of last week). ``unread`` names the
    sources this run did not read (``notes`` without a notes file, the pull request rules
    without the forge): their risks are left out of the comparison, never called resolved."""
    now = {risk.key for risk in risks}
    before = {risk.key for risk in previous}
    gone = [risk for risk in previous if risk.key not in now and source_of(risk) not in unread]
    return Comparison(
        previous=previous_date,
        previous_health=previous_health,
        new=[risk for risk in risks if risk.key not in before],
        resolved=[risk for risk in gone if source_of(risk) not in _PERIOD_RULES],
        outside=[risk for risk in gone if source_of(risk) in _PERIOD_RULES],
        not_compared=sorted({source_of(risk) for risk in previous if source_of(risk) in unread}),
    )
