"""A revert is seen whether git wrote "This reverts commit" or a squash merge kept only the
title: the revert metric, the revert rule and the suggested health all count it."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.status.scenario import WEEK2, on_day


def test_a_squash_merged_revert_without_a_body_is_a_revert(cli, weeks: Repo) -> None:
    on_day(weeks, 12)
    weeks.commit('Revert "feat(api): first endpoint" (#21)')
    weeks.commit("revert: drop the greeting")
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    page = result.stdout
    assert "| reverts | 3 | 0 |" in page
    assert 'Revert "feat(api): first endpoint"' in page.split("## Risks and blockers")[1]
    assert "drop the greeting" in page.split("## Risks and blockers")[1]
    assert page.count("rule: revert") == 3
    assert "suggested by the rules, as the notes set no health: 4 risks" in page
