"""Since last update: this page's risks and blockers against the previous page's."""

from __future__ import annotations

from leaddocs.status.summary import Comparison, Risk


def compare(
    risks: list[Risk], previous: list[Risk], previous_date: str, previous_health: str | None
) -> Comparison:
    """Risks and blockers that are new, and those of the previous page that are gone."""
    now = {risk.key for risk in risks}
    before = {risk.key for risk in previous}
    return Comparison(
        previous=previous_date,
        previous_health=previous_health,
        new=[risk for risk in risks if risk.key not in before],
        resolved=[risk for risk in previous if risk.key not in now],
    )
