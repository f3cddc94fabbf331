"""Ranges, tags and versions: what a release spans, what it is called, what comes next."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leaddocs.config import DEFAULT_TAG_PATTERN
from leaddocs.errors import RefError
from leaddocs.history.git import GitRepository
from leaddocs.history.releases import Counts, History
from tests.gitrepo import Repo


def history(repo: Repo, counts: Counts | None = None) -> History:
    return History(GitRepository(repo.path), DEFAULT_TAG_PATTERN, counts=counts)


def test_an_author_without_e_mail_is_new_only_once(repo: Repo) -> None:
    repo.commit("feat: base", author="Bob <>")
    repo.tag("v1.0.0")
    repo.commit("fix: more", author="Bob <>")
    release = history(repo).release(None, "HEAD")
    assert [person.name for person in release.contributors] == ["Bob"]
    assert release.first_time_contributors == []


def test_from_later_than_to_is_refused(repo: Repo, cli: Any) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("feat: more")
    repo.tag("v1.1.0")
    with pytest.raises(RefError, match=r"--from v1\.1\.0 is not an ancestor of --to v1\.0\.0"):
        history(repo).release("v1.1.0", "v1.0.0")
    result = cli("--repo", repo.path, "release-notes", "--from", "v1.1.0", "--to", "v1.0.0")
    assert result.code == 4 and "not an ancestor" in result.stderr


def test_version_option_keeps_the_tag_at_the_tip(repo: Repo, cli: Any) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("fix: urgent")
    repo.tag("v1.0.1", annotated=True)
    tag_time = int(repo.git("for-each-ref", "--format=%(creatordate:unix)", "refs/tags/v1.0.1"))
    release = history(repo).release(None, "HEAD", title="1.0.1 (Hotfix)")
    assert (release.title, release.tag, release.timestamp) == (
        "1.0.1 (Hotfix)",
        "v1.0.1",
        tag_time,
    )
    assert release.next_version is None  # already released: nothing to suggest
    repo.git("remote", "add", "origin", "https://github.com/acme/shop.git")
    result = cli(
        "--repo", repo.path, "release-notes", "--version", "1.0.1 (Hotfix)", "--format", "json"
    )
    document = json.loads(result.stdout)
    assert document["compare_url"] == "https://github.com/acme/shop/compare/v1.0.0...v1.0.1"
    assert document["next_version"] is None


def test_next_version_skips_versions_already_tagged(repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("next")
    repo.commit("feat: elsewhere")
    repo.tag("v1.1.0")  # a release cut from another branch
    repo.commit("fix: elsewhere")
    repo.tag("v1.1.1")
    repo.checkout("main")
    repo.commit("feat: on main")
    assert history(repo).release(None, "HEAD").next_version == "1.1.2"


def test_skipped_changes_do_not_bump_the_version(repo: Repo, cli: Any) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("feat!: experiment [skip changelog]")
    repo.commit("fix: real work")
    document = json.loads(cli("--repo", repo.path, "release-notes", "--format", "json").stdout)
    assert document["next_version"] == "1.0.1"
    counted = history(repo, counts=lambda change: "skip" not in change.head.subject)
    assert counted.release(None, "HEAD").next_version == "1.0.1"
    assert history(repo).release(None, "HEAD").next_version == "2.0.0"


def test_one_version_tagged_twice_is_one_release(repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("1.0.0")
    repo.commit("feat: more")
    repo.tag("1.1.0")
    repo.commit("fix: forgot this")
    repo.tag("v1.1.0")  # re-tagged later, with the usual prefix
    repo.commit("fix: after")
    releases, unreleased = history(repo).releases()
    assert [release.tag for release in releases] == ["v1.1.0", "1.0.0"]
    assert [c.description for c in releases[0].changes] == ["forgot this", "more"]
    assert unreleased.from_ref == "v1.1.0"


def test_not_a_repository_names_the_absolute_path(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("--repo", ".", "release-notes")
    assert result.code == 4
    assert f"{tmp_path.resolve()}: not a git repository" in result.stderr
