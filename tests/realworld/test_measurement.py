"""Drafts against the changelogs maintainers published: recall ≥ 95%, precision ≥ 80%.

The figures print with the test run (``python3 tasks.py test tests/realworld``), and
``python -m tests.realworld`` prints them with what each draft missed or added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realworld.measure import (
    PRECISION_TARGET,
    RECALL_TARGET,
    Figures,
    Scenario,
    build,
    compare,
    details,
    drafted_notes,
    drafted_releases,
    measure,
    published_releases,
    table,
    words,
)
from tests.realworld.scenarios import SCENARIOS

_measured: dict[str, Figures] = {}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_each_draft_holds_what_its_maintainer_published(scenario: Scenario, tmp_path: Path) -> None:
    figures = measure(scenario, tmp_path)
    _measured[scenario.name] = figures
    assert {release.version for release in figures.releases} == set(
        published_releases(scenario.published)
    )
    assert all(release.shown for release in figures.releases), "a release drafted empty"
    assert figures.recall >= RECALL_TARGET, details(figures)
    assert figures.precision >= PRECISION_TARGET, details(figures)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_each_release_notes_list_what_its_changelog_section_lists(
    scenario: Scenario, tmp_path: Path
) -> None:
    """One range rule: `release-notes --to TAG` and the CHANGELOG agree on every release."""
    repo = build(scenario, tmp_path)
    drafted = drafted_releases(repo.path)
    assert drafted
    for release in drafted.values():
        notes = drafted_notes(repo.path, release.tag)
        assert sorted(notes) == sorted(release.shown + release.housekeeping), release.tag


def test_the_figures_over_every_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every = [_measured.get(scenario.name) or measure(scenario, tmp_path) for scenario in SCENARIOS]
    published = sum(figures.published for figures in every)
    shown = sum(figures.shown for figures in every)
    found = sum(release.found for figures in every for release in figures.releases)
    kept = sum(release.kept for figures in every for release in figures.releases)
    with capsys.disabled():
        print("\n" + table(every))
    assert found / published >= RECALL_TARGET
    assert kept / shown >= PRECISION_TARGET


def test_entries_match_by_their_words_not_their_markup() -> None:
    assert words("**api:** filter orders by status ([#105](https://x/pull/105))") == words(
        "api: filter orders by status"
    )
    assert words("`--delimiter` option") == words("Add --delimiter option")
    figures = compare(
        "1.0.0",
        published=["Crash when the input file is empty", "Something nobody committed"],
        shown=["Fix crash when the input file is empty", "Refactor the reader"],
        housekeeping=[],
    )
    assert (figures.found, figures.kept) == (1, 1)
    assert figures.missed == ["Something nobody committed"]
    assert figures.extra == ["Refactor the reader"]


def test_a_published_changelog_is_read_release_by_release() -> None:
    text = (
        "# Changelog\n\n## [1.1.0] - 2024-01-01\n\n### Fixed\n\n- one\n  continued\n"
        "  - a detail\n* two\n\n## v1.0.0\n\n- three\n"
    )
    assert published_releases(text) == {"1.1.0": ["one continued", "two"], "1.0.0": ["three"]}
