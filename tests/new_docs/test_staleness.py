"""Why a runbook is stale, in words a person can act on, whatever its last-verified says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from leaddocs.records.runbook import staleness

TODAY = dt.date(2026, 11, 30)


def test_a_day_in_the_future_is_no_verification() -> None:
    # 2062 for 2026: a typo would keep the runbook "current" for 36 years.
    assert staleness(dt.date(2062, 3, 1), TODAY, 180) == (
        "last-verified 2062-03-01 is in the future: nobody has verified it yet"
    )
    assert staleness(TODAY, TODAY, 180) is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ([dt.date(2026, 1, 1)], "last-verified (a list) is not a date (YYYY-MM-DD)"),
        ({"on": "monday"}, "last-verified (a mapping) is not a date (YYYY-MM-DD)"),
        ("soon", "last-verified 'soon' is not a date (YYYY-MM-DD)"),
        ("x" * 500, f"last-verified '{'x' * 40}…' is not a date (YYYY-MM-DD)"),
    ],
)
def test_a_value_that_is_not_a_date_is_named_briefly(value: Any, shown: str) -> None:
    assert staleness(value, TODAY, 180) == shown
