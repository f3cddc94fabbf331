"""What the page says when only chores shipped, what "changes merged" counts, and input that
used to crash: a previous page's odd front matter, a --since before 1970."""

from __future__ import annotations

import datetime as dt

import pytest

from leaddocs.errors import UsageError
from leaddocs.status.period import resolve_period
from tests.gitrepo import Repo
from tests.status.scenario import WEEK1, WEEK2, on_day


def test_only_chores_shipped_is_not_nothing_shipped(cli, weeks: Repo) -> None:
    on_day(weeks, 15)
    weeks.commit("chore: tidy the scripts")
    weeks.commit("docs: a word on setup [skip changelog]")
    result = cli("--repo", weeks.path, "status", "--since", "2023-11-30", "--until",
                 "2023-12-01", "-o", "-")  # fmt: skip
    assert result.code == 0, result
    page = result.stdout
    assert "Nothing shipped in this period." not in page
    assert "No features or fixes in this period." in page
    # Both changes count, skipped by the release notes or not, as both authors count.
    assert "| changes merged | 2 | 0 |" in page
    assert "| contributors | 1 | 0 |" in page
    slack = cli("--repo", weeks.path, "status", "--since", "2023-11-30", "--until",
                "2023-12-01", "--format", "slack")  # fmt: skip
    assert ": 1 change\n" in slack.stdout and "1 changes" not in slack.stdout


def test_a_previous_page_with_odd_front_matter_is_skipped_with_a_note(cli, weeks: Repo) -> None:
    assert cli("--repo", weeks.path, "status", *WEEK1).code == 0
    folder = weeks.path / "docs/status"
    (folder / "2023-11-25.md").write_text("---\ndate: '2023-11-25'\nrisks: 5\n---\n# Mine\n")
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "Traceback" not in result.stderr
    assert "2023-11-25.md: its front matter's risks is not a list" in result.stderr
    assert "Against the page of 2023-11-21" in result.stdout


def test_a_period_before_1970_is_refused(cli, weeks: Repo) -> None:
    result = cli("--repo", weeks.path, "status", "--since", "0001-01-05", "--until", "2023-11-28")
    assert result.code == 2, result
    assert "is too early" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(UsageError, match="reaches back before 1970-01-01"):
        resolve_period("9999w", "0005-01-01", 7, dt.date(2023, 11, 28))
    with pytest.raises(UsageError, match="or a length such as 7d or 2w"):
        resolve_period("yesterday", None, 7, dt.date(2023, 11, 28))


def test_a_branch_with_a_commit_on_the_last_day_is_not_zero_days_ago(cli, weeks: Repo) -> None:
    result = cli("--repo", weeks.path, "status", "--since", "7d", "--until", "2023-11-22",
                 "-o", "-")  # fmt: skip
    assert result.code == 0, result
    assert "0 days" not in result.stdout
    assert "2 commits, the last on the period's last day" in result.stdout
