"""The realistic histories the measurement runs on. To add one: a module here with a
``SCENARIO`` (tests/realworld/measure.py: ``Scenario``), listed in ``SCENARIOS``."""

from __future__ import annotations

from tests.realworld.measure import Scenario
from tests.realworld.scenarios import (
    conventional_bots,
    plain_verbs,
    prereleases,
    rebased_tags,
    topic_merges,
    xy_versions,
)

SCENARIOS: list[Scenario] = [
    topic_merges.SCENARIO,
    conventional_bots.SCENARIO,
    plain_verbs.SCENARIO,
    prereleases.SCENARIO,
    prereleases.FOLDED,
    rebased_tags.SCENARIO,
    xy_versions.SCENARIO,
    xy_versions.EACH,
]
