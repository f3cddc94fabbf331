"""--pr: the brief as docs/briefs/<slug>.md on its own branch, against a local origin and the
fake GitHub; one pull request per source and reader, and a rerun changes nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo

REPOSITORY = "acme/widgets"


@pytest.fixture
def pushed(decided: Repo, tmp_path: Path, fake_github: FakeGitHub, monkeypatch) -> Repo:
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    decided.git("remote", "add", "origin", str(origin))
    decided.git("push", "-q", "origin", "main")
    for name, value in fake_github.env(REPOSITORY).items():
        monkeypatch.setenv(name, value)
    return decided


def _pulls(fake: FakeGitHub) -> list[dict[str, Any]]:
    return list(fake.pulls[REPOSITORY].values())


def test_a_brief_becomes_its_own_pull_request(cli, pushed: Repo, fake_github: FakeGitHub) -> None:
    result = cli("--repo", pushed.path, "brief", "--adr", "1", "--audience", "leadership", "--pr")
    assert result.code == 0, result
    [pull] = _pulls(fake_github)
    assert result.stdout == f"created {pull['html_url']}\n"
    assert pull["head"]["ref"] == "leaddocs/brief-adr-0001-leadership"
    assert pull["title"] == "Brief for leadership: Use Postgres for events"
    body = pull["body"]
    assert "- docs/briefs/adr-0001-leadership.md\n" in body
    assert "Drafted by leaddocs from decision record ADR 0001." in body
    assert "- [ ] Nothing here should stay internal for this reader" in body
    tip = pushed.git("ls-remote", "origin", "refs/heads/leaddocs/brief-adr-0001-leadership")
    shown = pushed.git("show", f"{tip.split()[0]}:docs/briefs/adr-0001-leadership.md")
    assert shown.startswith("---\ntitle: Use Postgres for events\n")
    assert "<!-- leaddocs:generated sha256=" in shown
    # The same brief again: nothing to do; another reader: another pull request.
    again = cli("--repo", pushed.path, "brief", "--adr", "1", "--audience", "leadership", "--pr")
    assert again.code == 0 and again.stdout == f"none {pull['html_url']}\n", again
    legal = cli("--repo", pushed.path, "brief", "--adr", "1", "--audience", "legal", "--pr")
    assert legal.code == 0, legal
    heads = sorted(p["head"]["ref"] for p in _pulls(fake_github))
    assert heads == ["leaddocs/brief-adr-0001-leadership", "leaddocs/brief-adr-0001-legal"]


def test_without_a_token_the_branch_is_made_locally(cli, decided: Repo) -> None:
    result = cli("--repo", decided.path, "brief", "--adr", "2", "--audience", "product", "--pr")
    assert result.code == 0, result
    assert result.stdout.startswith(
        "pull request that would be opened: leaddocs/brief-adr-0002-product -> main\n"
    )
    files = decided.git("ls-tree", "-r", "--name-only", "leaddocs/brief-adr-0002-product")
    assert "docs/briefs/adr-0002-product.md" in files.splitlines()
    assert decided.git("status", "--porcelain") == ""  # the work tree is left alone
