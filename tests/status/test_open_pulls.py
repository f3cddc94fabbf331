"""In flight reads every open pull request, page after page (the fake GitHub sends GitHub's
Link header), says so when it stops at its cap, and a repository with none is no error."""

from __future__ import annotations

import pytest

from leaddocs.application import status_sources
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2


@pytest.fixture
def online(weeks: Repo, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    weeks.git("remote", "add", "origin", "https://github.com/acme/widgets.git")
    return fake_github


def _open(fake: FakeGitHub, count: int) -> None:
    for number in range(count):
        day = 1 + number % 20
        fake.add_pull(
            "acme/widgets",
            title=f"Work {number}",
            head=f"work-{number}",
            created_at=f"2023-11-{day:02d}T{number % 24:02d}:{number % 60:02d}:00Z",
        )
    # The oldest, waiting for review a long time: read only if paging goes past page one.
    fake.add_pull(
        "acme/widgets",
        title="The oldest one",
        head="oldest",
        reviewers=("grace",),
        created_at="2023-10-01T00:00:00Z",
    )


def test_every_page_of_open_pull_requests_is_read(cli, weeks: Repo, online: FakeGitHub) -> None:
    _open(online, 150)
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "The oldest one has waited 59 days for review" in result.stdout
    assert result.stdout.count("- Work ") == 150
    pages = [
        r.query.get("page", ["1"])[0]
        for r in online.rest_requests()
        if r.path.endswith("/pulls") and r.query.get("state") == ["open"]
    ]
    assert pages == ["1", "2"]
    assert "open pull requests:" not in result.stderr


def test_a_capped_list_is_named(
    cli, weeks: Repo, online: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(status_sources, "_PULLS_LIMIT", 120)
    _open(online, 150)
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "more than 120 open pull requests: In flight and its rules read the newest 120" in (
        result.stderr
    )
    assert "The oldest one" not in result.stdout


def test_no_open_pull_request_is_no_error(cli, weeks: Repo, online: FakeGitHub) -> None:
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "Open pull requests:" in result.stdout and "Nothing in flight." in result.stdout
