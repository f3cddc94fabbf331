"""``leaddocs ci``: the refreshes an event calls for, each a PR; a rerun changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.delivery.test_pr_github import REPOSITORY, github, project, pulls, push_main, remote_tip
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo

__all__ = ["github", "project"]  # fixtures shared with the PR delivery tests

DRAFT = "---\nstatus: proposed\ndate: 2024-02-01\n---\n# Use Kafka\n\nSee [Postgres](0001-use-postgres.md).\n"
FIRST = "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use Postgres\n\nLater: [Kafka](XXXX-use-kafka.md).\n"


def writes(fake: FakeGitHub, since: int = 0) -> list[str]:
    return [
        f"{r.method} {r.path}"
        for r in fake.requests[since:]
        if r.method != "GET" and not r.is_graphql
    ]


def test_dry_run_prints_the_plan_and_changes_nothing(
    cli: Any, project: Repo, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_REF", "refs/heads/main")
    result = cli("--repo", project.path, "ci", "--dry-run")
    assert result.code == 0, result
    assert result.stdout == (
        "would refresh release-notes (leaddocs/release-notes): push to main: the draft for the "
        "next release\n"
    )
    assert writes(github) == [] and remote_tip(project) == ""


def test_ci_is_idempotent_on_the_same_commit(
    cli: Any, project: Repo, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_REF", "refs/heads/main")
    first = cli("--repo", project.path, "ci")
    assert first.code == 0, first
    assert len(pulls(github)) == 1 and first.stdout.startswith("created ")
    tip, seen = remote_tip(project), len(github.requests)
    again = cli("--repo", project.path, "ci")
    assert again.code == 0, again
    assert again.stdout.startswith("none ")
    assert remote_tip(project) == tip and writes(github, seen) == []


def test_a_release_tag_refreshes_the_changelog(
    cli: Any, project: Repo, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.tag("v1.0.1")
    project.git("push", "-q", "origin", "v1.0.1")
    monkeypatch.setenv("GITHUB_REF", "refs/tags/v1.0.1")
    result = cli("--repo", project.path, "ci")
    assert result.code == 0, result
    [pull] = pulls(github)
    assert pull["head"]["ref"] == "leaddocs/changelog"
    changelog = project.git("show", f"{remote_tip(project, 'leaddocs/changelog')}:CHANGELOG.md")
    assert "## v1.0.1" in changelog and "## v1.0.0" in changelog


def test_adr_drafts_that_landed_get_numbers_and_accepted_in_a_pr(
    cli: Any, project: Repo, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project.path / "leaddocs.yml").write_text("adr:\n  accept_when_numbered: true\n")
    push_main(
        project,
        "docs(adr): use kafka",
        {
            "adr/0001-use-postgres.md": FIRST,
            "adr/XXXX-use-kafka.md": DRAFT,
            "leaddocs.yml": "adr:\n  accept_when_numbered: true\n",
        },
    )
    monkeypatch.setenv("GITHUB_REF", "refs/heads/main")
    result = cli("--repo", project.path, "ci")
    assert result.code == 0, result
    heads = sorted(pull["head"]["ref"] for pull in pulls(github))
    assert heads == ["leaddocs/adr-numbers", "leaddocs/release-notes"]
    tip = remote_tip(project, "leaddocs/adr-numbers")
    files = project.git("ls-tree", "-r", "--name-only", tip, "adr").splitlines()
    assert files == ["adr/0001-use-postgres.md", "adr/0002-use-kafka.md"]
    numbered = project.git("show", f"{tip}:adr/0002-use-kafka.md")
    assert "status: accepted" in numbered and "[Postgres](0001-use-postgres.md)" in numbered
    assert "[Kafka](0002-use-kafka.md)" in project.git("show", f"{tip}:adr/0001-use-postgres.md")
    assert (project.path / "adr/XXXX-use-kafka.md").is_file()  # the checkout is left alone
    seen = len(github.requests)
    assert cli("--repo", project.path, "ci").code == 0
    assert writes(github, seen) == []
    assert REPOSITORY in pulls(github)[0]["html_url"]
