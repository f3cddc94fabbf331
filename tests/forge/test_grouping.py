"""Pull request titles, labels and ``.github/release.yml`` decide the sections; bots are left
out; offline, commit messages alone decide, as before."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo


@pytest.fixture
def online(fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    return fake_github


def _merged(
    repo: Repo,
    fake: FakeGitHub,
    message: str,
    title: str,
    labels: tuple[str, ...] = (),
    author: str = "octocat",
    author_type: str = "User",
) -> str:
    sha = repo.commit(message)
    fake.add_pull(
        "acme/widgets",
        title=title,
        merged=True,
        labels=labels,
        author=author,
        author_type=author_type,
        commits=(sha,),
    )
    return sha


def _sections(cli: Any, repo: Repo) -> dict[str, list[str]]:
    result = cli("--repo", repo.path, "release-notes", "--format", "json")
    assert result.code == 0, result
    notes = json.loads(result.stdout)
    return {s["title"]: [item["subject"] for item in s["items"]] for s in notes["sections"]}


def test_pull_request_labels_and_titles_place_changes(
    repo: Repo, online: FakeGitHub, cli: Any
) -> None:
    _merged(repo, online, "wip", "Support SSO login", ("enhancement",))
    _merged(repo, online, "more wip", "Crash on empty cart", ("bug",))
    _merged(repo, online, "stuff", "perf(api)!: drop the v1 endpoints")
    _merged(repo, online, "chore: tidy", "Tidy the build", ("dependencies",))

    sections = _sections(cli, repo)

    assert sections["Features"] == ["Support SSO login"]
    assert sections["Fixes"] == ["Crash on empty cart"]
    assert sections["Breaking changes"] == ["drop the v1 endpoints"]  # the PR title's `!`
    assert sections["Maintenance"] == ["Tidy the build"]


def test_offline_the_same_history_is_grouped_by_commit_messages(
    repo: Repo, fake_github: FakeGitHub, cli: Any
) -> None:
    _merged(repo, fake_github, "feat: the commit's words", "Not used offline", ("bug",))

    assert _sections(cli, repo) == {"Features": ["the commit's words"]}
    assert fake_github.requests == []


def test_release_yml_categories_and_exclusions_are_honoured(
    repo: Repo, online: FakeGitHub, cli: Any
) -> None:
    repo.commit(
        "chore: release config",
        files={
            ".github/release.yml": """\
changelog:
  exclude:
    labels: [ignore-for-release]
    authors: [octocat-intern]
  categories:
    - title: New stuff 🎉
      labels: [enhancement, feature]
      exclude:
        labels: [experimental]
    - title: Squashed bugs
      labels: [bug]
    - title: Everything else
      labels: ["*"]
"""
        },
    )
    _merged(repo, online, "a", "Add dark mode", ("feature",))
    _merged(repo, online, "b", "Try a new parser", ("enhancement", "experimental"))
    _merged(repo, online, "c", "fix: crash on start", ("bug",))
    _merged(repo, online, "d", "Secret thing", ("ignore-for-release", "enhancement"))
    _merged(repo, online, "e", "Intern's tweak", ("enhancement",), author="octocat-intern")
    _merged(repo, online, "f", "Unlabelled change")

    sections = _sections(cli, repo)

    # The release-config commit has no pull request: its message places it, as offline.
    assert list(sections) == ["New stuff 🎉", "Squashed bugs", "Everything else", "Maintenance"]
    assert sections["New stuff 🎉"] == ["Add dark mode"]
    assert sections["Squashed bugs"] == ["crash on start"]
    # The category's own exclusion sends the experiment on to the wildcard category.
    assert sections["Everything else"] == ["Unlabelled change", "Try a new parser"]
    assert sections["Maintenance"] == ["release config"]
    everything = [subject for items in sections.values() for subject in items]
    assert "Secret thing" not in everything and "Intern's tweak" not in everything


def test_bots_are_left_out_by_default(repo: Repo, online: FakeGitHub, cli: Any) -> None:
    _merged(repo, online, "feat: a person's feature", "feat: a person's feature")
    _merged(
        repo,
        online,
        "Bump lodash from 4.17.20 to 4.17.21",
        "build(deps): bump lodash from 4.17.20 to 4.17.21",
        ("dependencies",),
        author="dependabot[bot]",
        author_type="Bot",
    )

    result = cli("--repo", repo.path, "release-notes", "--format", "json")

    notes = json.loads(result.stdout)
    listed = [item["subject"] for s in notes["sections"] for item in s["items"]]
    assert listed == ["a person's feature"]
    assert [item["subject"] for item in notes["skipped"]] == ["bump lodash from 4.17.20 to 4.17.21"]


def test_bots_can_be_kept(repo: Repo, online: FakeGitHub, cli: Any) -> None:
    repo.commit("docs: config", files={"leaddocs.yml": "forge:\n  exclude_bots: false\n"})
    _merged(
        repo, online, "x", "Update pre-commit hooks", ("dependencies",), "pre-commit-ci[bot]", "Bot"
    )

    assert _sections(cli, repo)["Maintenance"] == ["Update pre-commit hooks"]


def test_a_broken_release_yml_names_the_file(repo: Repo, online: FakeGitHub, cli: Any) -> None:
    repo.commit(
        "docs: c", files={".github/release.yml": "changelog:\n  categories: [{labels: [x]}]\n"}
    )
    _merged(repo, online, "a", "Add dark mode", ("feature",))

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 3
    assert ".github/release.yml: changelog.categories[0] needs a `title:`" in result.stderr
