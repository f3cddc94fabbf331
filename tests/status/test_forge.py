"""In flight and lead time from the fake GitHub; a forge that fails leaves offline sections."""

from __future__ import annotations

import pytest

from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2


@pytest.fixture
def online(weeks: Repo, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    weeks.git("remote", "add", "origin", "https://github.com/acme/widgets.git")
    add = fake_github.add_pull
    repo = "acme/widgets"
    # Open: waiting for review 6 days; labelled blocked; open 20 days, nobody asked; a draft.
    add(
        repo,
        title="Search invoices",
        head="search",
        created_at="2023-11-22T10:00:00Z",
        reviewers=("grace",),
    )
    add(
        repo,
        title="Move to the new ledger",
        head="ledger",
        labels=("blocked",),
        created_at="2023-11-27T10:00:00Z",
    )
    add(repo, title="Old experiment", head="old", created_at="2023-11-08T10:00:00Z")
    add(repo, title="Sketch", head="sketch", draft=True, created_at="2023-11-27T10:00:00Z")
    # Merged: lead times of 2 and 4 days this week, 1 day the week before, one long ago.
    for created, merged in (
        ("2023-11-20T00:00:00Z", "2023-11-22T00:00:00Z"),
        ("2023-11-21T00:00:00Z", "2023-11-25T00:00:00Z"),
        ("2023-11-16T00:00:00Z", "2023-11-17T00:00:00Z"),
        ("2023-01-01T00:00:00Z", "2023-01-05T00:00:00Z"),
    ):
        add(
            repo,
            title="merged",
            head=f"m{created}",
            merged=True,
            created_at=created,
            merged_at=merged,
        )
    return fake_github


def test_in_flight_rules_and_lead_time_from_the_forge(cli, weeks: Repo, online: FakeGitHub) -> None:
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    page = result.stdout
    assert "Open pull requests:" in page
    assert "- Search invoices ([\\#1](" in page and "open 6 days, waiting for review" in page
    assert "- Sketch ([\\#4](" in page and "open 1 day, draft" in page
    # Its review was requested when it was opened (the timeline's review-requested event).
    assert "open 6 days, waiting for review for 6 days" in page
    assert "Search invoices has waited 6 days for review" in page
    assert "rule: review-waiting" in page
    assert "- **Blocker:** Move to the new ledger is labelled blocked ([\\#2](" in page
    assert "rule: label" in page
    assert "Old experiment has been open 20 days" in page and "rule: pr-open" in page
    assert "Sketch has" not in page  # a fresh draft raises nothing
    assert "**Off track** — suggested by the rules, as the notes set no health: 1 blocker" in page
    assert "| median pull request lead time | 3 days | 1 day |" in page
    # The listing asked for the newest first and stopped paging at the first old one.
    listed = [r for r in online.rest_requests() if r.path.endswith("/pulls")]
    assert {r.query.get("state", [""])[0] for r in listed} == {"open", "closed"}


def test_a_failing_forge_leaves_the_offline_sections_and_one_warning(
    cli, weeks: Repo, online: FakeGitHub
) -> None:
    online.fail_next("server_error", times=50, only="/pulls")
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "query invoices ([wip-search](" in result.stdout  # the unmerged branch instead
    warnings = [line for line in result.stderr.splitlines() if "In flight lists" in line]
    assert len(warnings) == 1, result.stderr
    assert "| median pull request lead time | unknown | unknown |" in result.stdout
