"""Histories that real projects have and that bend the range rule, built commit by commit."""

from __future__ import annotations

import json
from typing import Any

from tests.gitrepo import BASE_TIME, Repo

REBASE_DATE = f"{BASE_TIME + 500 * 3600} +0000"


def rebase(repo: Repo, branch: str, onto: str) -> None:
    """Rebase ``branch`` onto ``onto`` (new shas, the same patches and author dates)."""
    repo.checkout(branch)
    repo.git("rebase", "-q", onto, env={"GIT_COMMITTER_DATE": REBASE_DATE})


def rebased_release(repo: Repo) -> None:
    """v1.1.0 is tagged on a release branch, which is then rebased onto main and fast-forwarded:
    main holds the twins of v1.1.0's commits, not the tagged ones."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("release")
    repo.commit("feat: one")
    repo.commit("fix: two")
    repo.tag("v1.1.0")
    repo.checkout("main")
    repo.commit("docs: main moved on")
    rebase(repo, "release", "main")
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", "release")
    repo.commit("feat: three")
    repo.tag("v1.2.0")
    repo.commit("fix: after")


def maintenance_merged(repo: Repo) -> None:
    """A hotfix released from a maintenance branch (v1.0.1), merged into main after v1.1.0."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("maint")
    repo.commit("fix: hotfix")
    repo.tag("v1.0.1")
    repo.checkout("main")
    repo.commit("feat: a")
    repo.tag("v1.1.0")
    repo.merge("maint", "Merge branch 'maint'")
    repo.commit("feat: b")


def changelog_json(cli: Any, repo: Repo, *args: str) -> dict[str, Any]:
    result = cli("--repo", repo.path, "changelog", "--format", "json", *args)
    assert result.code == 0, result
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def notes_json(cli: Any, repo: Repo, *args: str) -> dict[str, Any]:
    result = cli("--repo", repo.path, "release-notes", "--format", "json", *args)
    assert result.code == 0, result
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def items(release: dict[str, Any]) -> list[str]:
    """Every item's subject, section by section."""
    return [item["subject"] for section in release["sections"] for item in section["items"]]


def by_tag(document: dict[str, Any]) -> dict[str | None, dict[str, Any]]:
    """The changelog's releases by tag; the unreleased work under None."""
    found = {release["tag"]: release for release in document["releases"]}
    found[None] = document["unreleased"]
    return found
