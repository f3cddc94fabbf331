"""Enrichment: the pull requests of a range in batches, cached on disk, through the real
PyGithub client against the fake GitHub, from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.forge.fake_github import FakeGitHub
from tests.forge.history import linear_history
from tests.gitrepo import Repo


@pytest.fixture
def online(fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    """The environment of an Actions job against the fake GitHub."""
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    return fake_github


def _squash_merged(repo: Repo, fake: FakeGitHub, count: int) -> list[str]:
    """``count`` commits, each the squash merge of its own pull request on the fake."""
    shas = linear_history(repo, [f"change number {n}" for n in range(count)])
    for n, sha in enumerate(shas):
        fake.add_pull(
            "acme/widgets",
            title=f"feat: feature {n}",
            merged=True,
            labels=("enhancement",),
            commits=(sha,),
        )
    return shas


def test_1500_commits_take_at_most_15_requests_and_a_rerun_none(
    repo: Repo, online: FakeGitHub, cli: Any
) -> None:
    _squash_merged(repo, online, 1500)

    first = cli("--repo", repo.path, "release-notes", "--format", "json")

    assert first.code == 0, first
    asked = online.graphql_requests()
    assert 1 <= len(asked) <= 15
    assert online.rest_requests() == []  # enrichment pages through nothing
    asked_shas = [sha for request in asked for sha in request.body["query"].split('oid: "')[1:]]
    assert len(asked_shas) == 1500  # each commit asked once
    features = json.loads(first.stdout)["sections"]
    assert [section["title"] for section in features] == ["Features"]
    assert len(features[0]["items"]) == 1500
    assert features[0]["items"][0]["pr"] is not None  # the PR's number, from the forge

    online.requests.clear()
    again = cli("--repo", repo.path, "release-notes", "--format", "json")

    assert again.code == 0, again
    assert online.requests == []  # served from the cache
    assert again.stdout == first.stdout


def test_a_corrupt_cache_entry_is_asked_again(repo: Repo, online: FakeGitHub, cli: Any) -> None:
    shas = _squash_merged(repo, online, 3)
    assert cli("--repo", repo.path, "release-notes").code == 0
    entries = sorted((repo.path / ".leaddocs/cache/forge").rglob("*.json"))
    assert len(entries) == 3
    broken = next(path for path in entries if path.stem == shas[1])
    broken.write_text('{"v": 1, "pr": {"number": "not')
    online.requests.clear()

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 0, result
    [request] = online.graphql_requests()
    assert request.body["query"].count('oid: "') == 1 and shas[1] in request.body["query"]
    assert "feature 1" in result.stdout
    assert json.loads(broken.read_text())["pr"]["number"] == 2  # rewritten whole


def test_commits_of_no_pull_request_are_cached_too(
    repo: Repo, online: FakeGitHub, cli: Any
) -> None:
    shas = linear_history(repo, ["fix: straight to main", "docs: also direct"])
    online.know_commits(shas)

    assert cli("--repo", repo.path, "release-notes").code == 0
    assert len(online.graphql_requests()) == 1
    online.requests.clear()
    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 0
    assert online.requests == []
    assert "straight to main" in result.stdout


def test_without_a_token_nothing_is_asked_and_the_notes_are_as_offline(
    repo: Repo, fake_github: FakeGitHub, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _squash_merged(repo, fake_github, 3)
    offline = cli("--repo", repo.path, "release-notes")
    for name, value in fake_github.env().items():
        if name != "GITHUB_TOKEN":
            monkeypatch.setenv(name, value)

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 0
    assert fake_github.requests == []
    assert result.stdout == offline.stdout
    assert "change number 2" in result.stdout  # the commit's words, not the PR's
    assert not Path(repo.path / ".leaddocs").exists()


def test_a_cache_committed_to_git_is_never_used(repo: Repo, online: FakeGitHub, cli: Any) -> None:
    # Entries a pull request committed under .leaddocs/cache/forge could name any pull request
    # for any commit: the forge is asked instead.
    _squash_merged(repo, online, 3)
    assert cli("--repo", repo.path, "release-notes").code == 0
    repo.git("add", "-f", ".leaddocs/cache/forge")  # tracked, as a checkout of such a PR has it
    online.requests.clear()
    again = cli("--repo", repo.path, "release-notes")
    assert again.code == 0, again
    assert online.graphql_requests(), "the committed cache answered"
