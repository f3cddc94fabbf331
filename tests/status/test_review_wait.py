"""How long a review has waited is read from the forge (each open pull request's newest
review-requested event, in one GraphQL request per 100 pull requests), not guessed from the
pull request's age."""

from __future__ import annotations

import json

import pytest

from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2


@pytest.fixture
def online(weeks: Repo, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    weeks.git("remote", "add", "origin", "https://github.com/acme/widgets.git")
    (weeks.path / "leaddocs.yml").write_text("status:\n  review_wait_days: 5\n")
    return fake_github


def _review_queries(fake: FakeGitHub) -> list[str]:
    return [
        r.body["query"]
        for r in fake.graphql_requests()
        if "REVIEW_REQUESTED_EVENT" in r.body["query"]
    ]


def test_the_wait_counts_from_the_review_request_not_the_opening(
    cli, weeks: Repo, online: FakeGitHub
) -> None:
    # The period ends 2023-11-29 00:00 UTC: both were opened 30 days before.
    _fresh_review(online, requested_at="2023-11-27T00:00:00Z")
    online.add_pull(
        "acme/widgets",
        title="Stale review",
        head="stale",
        reviewers=("ada",),
        created_at="2023-10-30T00:00:00Z",
        review_requested_at="2023-11-20T00:00:00Z",
    )
    online.add_pull("acme/widgets", title="Nobody asked", head="alone")
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    page = result.stdout
    assert "open 30 days, waiting for review for 2 days" in page
    assert "open 30 days, waiting for review for 9 days" in page
    assert "Fresh review has waited" not in page  # 2 days: under the 5-day threshold
    assert "Stale review has waited 9 days for review" in page
    risks = page.split("## Risks and blockers")[1].split("\n## ")[0]
    assert risks.count("rule: review-waiting") == 1, risks
    # One request for every waiting pull request; none for the one nobody was asked to review.
    [query] = _review_queries(online)
    assert query.count("pullRequest(number:") == 2
    assert "pullRequest(number: 3)" not in query
    assert "review has waited" not in result.stderr


def test_the_json_page_carries_the_wait(cli, weeks: Repo, online: FakeGitHub) -> None:
    _fresh_review(online, requested_at="2023-11-27T00:00:00Z")
    result = cli("--repo", weeks.path, "status", *WEEK2, "--format", "json", "-o", "-")
    assert result.code == 0, result
    [work] = json.loads(result.stdout)["in_flight"]
    assert (work["age_days"], work["review_wait_days"]) == (30, 2)


def test_the_text_formats_say_the_wait(cli, weeks: Repo, online: FakeGitHub) -> None:
    _fresh_review(online, requested_at="2023-11-28T18:00:00Z")
    result = cli("--repo", weeks.path, "status", *WEEK2, "--format", "slack", "-o", "-")
    assert result.code == 0, result
    assert "open 30 days, waiting for review for less than a day" in result.stdout


def test_a_hundred_and_fifty_waiting_pull_requests_cost_two_requests(
    cli, weeks: Repo, online: FakeGitHub
) -> None:
    for number in range(150):
        online.add_pull(
            "acme/widgets",
            title=f"Work {number}",
            head=f"work-{number}",
            reviewers=("grace",),
            created_at=f"2023-11-{1 + number % 20:02d}T00:00:00Z",
            review_requested_at="2023-11-26T00:00:00Z",
        )
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    queries = _review_queries(online)
    assert [q.count("pullRequest(number:") for q in queries] == [100, 50]
    assert result.stdout.count("waiting for review for 3 days") == 150
    assert "rule: review-waiting" not in result.stdout


def test_when_the_forge_cannot_say_the_age_is_given_and_no_wait_claimed(
    cli, weeks: Repo, online: FakeGitHub
) -> None:
    online.add_pull(
        "acme/widgets",
        title="Stale review",
        head="stale",
        reviewers=("ada",),
        created_at="2023-11-20T00:00:00Z",
    )
    online.fail_next("server_error", times=5, only="POST /graphql")
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "octocat): open 9 days, waiting for review\n" in result.stdout
    assert "Stale review is open 9 days, review requested" in result.stdout
    assert "waited" not in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "review has waited" in line]
    assert len(warnings) == 1, result.stderr


def _fresh_review(online: FakeGitHub, *, requested_at: str) -> None:
    """A pull request open 30 days, whose review was asked for at ``requested_at``."""
    online.add_pull(
        "acme/widgets",
        title="Fresh review",
        head="fresh",
        reviewers=("grace",),
        created_at="2023-10-30T00:00:00Z",
        review_requested_at=requested_at,
    )
