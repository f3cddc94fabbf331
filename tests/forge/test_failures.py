"""When GitHub refuses or cannot be reached: enrichment falls back to git with one warning
(exit 0) unless ``forge.strict``; a refused token or a missing repository stops with a
message that names the fix (exit 9); never a traceback."""

from __future__ import annotations

from typing import Any

import pytest

from tests.forge.fake_github import FakeGitHub
from tests.forge.history import linear_history
from tests.gitrepo import Repo

TRANSIENT = {
    "rate_limit": "GitHub's rate limit for this token ran out (it resets at ",
    "rate_limit_429": "GitHub's rate limit for this token ran out (it resets at ",
    "secondary_rate_limit": "GitHub's secondary rate limit was hit (retry after 60 s)",
    "server_error": "GitHub answered 500 while asking for the pull requests of 2 commits",
    "bad_gateway": "GitHub answered 502",
    "disconnect": "could not reach GitHub at http://127.0.0.1:",
}


@pytest.fixture
def online(fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    return fake_github


def _pulls(repo: Repo, fake: FakeGitHub, count: int) -> list[str]:
    shas = linear_history(repo, [f"wip {n}" for n in range(count)])
    for n, sha in enumerate(shas):
        fake.add_pull("acme/widgets", title=f"feat: feature {n}", merged=True, commits=(sha,))
    return shas


@pytest.mark.parametrize("kind", sorted(TRANSIENT))
def test_a_transient_failure_falls_back_to_git_with_one_warning(
    kind: str, repo: Repo, online: FakeGitHub, cli: Any
) -> None:
    _pulls(repo, online, 2)
    online.fail_next(kind, times=5)
    offline_words = "wip 1"

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 0, result
    warnings = [line for line in result.stderr.splitlines() if "GitHub" in line]
    assert len(warnings) == 1, result.stderr
    assert TRANSIENT[kind] in warnings[0]
    assert "2 commits are described from git alone" in warnings[0]
    assert offline_words in result.stdout and "feature 1" not in result.stdout
    assert "Traceback" not in result.stderr
    assert len(online.graphql_requests()) == 1  # stopped asking, and slept through nothing


@pytest.mark.parametrize("kind", ["rate_limit", "secondary_rate_limit", "disconnect"])
def test_strict_makes_a_transient_failure_an_error(
    kind: str, repo: Repo, online: FakeGitHub, cli: Any
) -> None:
    repo.commit("chore: config", files={"leaddocs.yml": "forge:\n  strict: true\n"})
    _pulls(repo, online, 1)
    online.fail_next(kind, times=5)

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 9, result
    assert result.stderr.startswith("leaddocs: error: ")
    assert TRANSIENT[kind] in result.stderr
    assert result.stdout == ""


def test_a_limit_hit_part_way_keeps_what_was_found_and_asks_only_the_rest_later(
    repo: Repo, online: FakeGitHub, cli: Any
) -> None:
    _pulls(repo, online, 150)
    online.fail_next("rate_limit", only="POST /graphql", after=1)

    first = cli("--repo", repo.path, "release-notes")

    assert first.code == 0
    assert "50 commits are described from git alone" in first.stderr
    assert "feature 149" in first.stdout and "wip 0" in first.stdout  # newest first
    online.requests.clear()
    second = cli("--repo", repo.path, "release-notes")
    [request] = online.graphql_requests()
    assert request.body["query"].count('oid: "') == 50
    assert "wip" not in second.stdout and second.stderr == ""


def test_a_refused_token_names_the_fix(repo: Repo, online: FakeGitHub, cli: Any) -> None:
    _pulls(repo, online, 1)
    online.token = "another-token"

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 9
    assert result.stderr == (
        "leaddocs: error: the token was refused (401): check GITHUB_TOKEN (or GH_TOKEN): it "
        "may have expired, or not be a token for 127.0.0.1:" + online.url.rsplit(":", 1)[1] + "\n"
    )


def test_an_unknown_repository_names_what_to_check(
    repo: Repo, online: FakeGitHub, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pulls(repo, online, 1)
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/gone")

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 9
    assert "repository acme/gone not found on 127.0.0.1:" in result.stderr
    assert "(404): check GITHUB_REPOSITORY / origin, and that the token can see it" in result.stderr
