"""``--pr``: a new RFC or runbook proposed on its own branch with a body a reviewer can use,
through the fake GitHub (or, with no token, committed locally with a preview)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.drafting.fake_openai import FakeOpenAI, draft
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo

REPOSITORY = "acme/widgets"


@pytest.fixture
def pushed(project: Repo, tmp_path: Path) -> Repo:
    """The project with an ``origin`` to push draft branches to."""
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    project.git("remote", "add", "origin", str(origin))
    project.git("push", "-q", "origin", "main")
    return project


@pytest.fixture
def github(fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    for name, value in fake_github.env(REPOSITORY).items():
        monkeypatch.setenv(name, value)
    return fake_github


def branch_file(repo: Repo, branch: str, path: str) -> str:
    tip = repo.git("ls-remote", "origin", f"refs/heads/{branch}").split("\t")[0]
    assert tip, f"{branch} was not pushed"
    return repo.git("show", f"{tip}:{path}")


def test_an_rfc_is_proposed_as_a_pull_request(
    cli: Any, pushed: Repo, github: FakeGitHub, fake_llm: FakeOpenAI
) -> None:
    notes = pushed.path / "notes.md"
    notes.write_text("Polling misses events.\n\nWe could use Kafka.\n")
    fake_llm.queue(draft(("Motivation", "Polling misses events.", ["L1"])))
    args = ("new", "rfc", "Use Kafka", "--from", notes, "--llm", "--pr")
    result = cli("--repo", pushed.path, *args)
    assert result.code == 0, result
    [pull] = github.pulls[REPOSITORY].values()
    assert result.stdout == f"created {pull['html_url']}\n"
    assert pull["head"]["ref"] == "leaddocs/rfc-use-kafka"
    assert pull["title"] == "RFC 0001: Use Kafka"
    body = pull["body"]
    assert "Drafted by leaddocs from notes.md with `leaddocs new rfc`" in body
    assert "- docs/rfcs/0001-use-kafka.md\n" in body
    assert "items: 1 drafted by model" in body  # the drafting report, for the reviewer
    assert "- [ ] The alternatives are real, doing nothing among them" in body
    shown = branch_file(pushed, "leaddocs/rfc-use-kafka", "docs/rfcs/0001-use-kafka.md")
    assert "* Polling misses events. (source L1)" in shown
    assert not (pushed.path / "docs").exists()  # the work tree is left as it was


def test_a_runbook_is_proposed_as_a_pull_request(
    cli: Any, pushed: Repo, github: FakeGitHub
) -> None:
    args = ("new", "runbook", "Restart the queue", "--service", "payments", "--pr")
    result = cli("--repo", pushed.path, *args)
    assert result.code == 0, result
    [pull] = github.pulls[REPOSITORY].values()
    assert pull["head"]["ref"] == "leaddocs/runbook-payments-restart-the-queue"
    assert pull["title"] == "Runbook for payments: Restart the queue"
    assert "- [ ] Someone walked through the steps and they work as written" in pull["body"]
    path = "docs/runbooks/payments/restart-the-queue.md"
    assert "service: payments" in branch_file(pushed, pull["head"]["ref"], path)


def test_without_a_token_the_branch_is_committed_locally(cli: Any, project: Repo) -> None:
    result = cli("--repo", project.path, "new", "rfc", "Cache invoices", "--pr")
    assert result.code == 0, result
    assert "no forge token (GITHUB_TOKEN): leaddocs/rfc-cache-invoices is committed locally" in (
        result.stderr
    )
    assert "RFC 0001: Cache invoices" in result.stdout  # the pull request that would be opened
    shown = project.git("show", "leaddocs/rfc-cache-invoices:docs/rfcs/0001-cache-invoices.md")
    assert "status: draft" in shown
