"""Refs that git allows and a release reader must survive: release-named tags on a tree or a
blob, tags of tags, and tag names that start with a dash."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from leaddocs.config import DEFAULT_TAG_PATTERN
from leaddocs.history.git import GitRepository
from leaddocs.history.releases import History
from tests.gitrepo import Repo


def _history_with_odd_tags(repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("fix: second", files={"notes.txt": "hello\n"})
    repo.git("tag", "v9.0.0", "HEAD^{tree}")
    repo.git("tag", "-a", "-m", "a tree", "v9.1.0", "HEAD^{tree}")
    repo.git("tag", "v9.2.0", "HEAD:notes.txt")
    repo.git("tag", "not-a-release", "HEAD^{tree}")


def test_release_tags_on_a_tree_or_blob_are_skipped_with_a_note(cli: Any, repo: Repo) -> None:
    _history_with_odd_tags(repo)
    history = History(GitRepository(repo.path), DEFAULT_TAG_PATTERN)
    release = history.release(None, "HEAD")
    assert release.from_ref == "v1.0.0"
    assert [change.description for change in release.changes] == ["second"]
    assert history.notes == [
        "tag v9.0.0 points at a tree, not a commit: skipped",
        "tag v9.1.0 points at a tree, not a commit: skipped",
        "tag v9.2.0 points at a blob, not a commit: skipped",
    ]
    for command in ("release-notes", "changelog"):
        result = cli("--repo", repo.path, command)
        assert result.code == 0, result
        assert "second" in result.stdout


def test_a_tree_tag_named_as_a_range_end_says_what_it_is(cli: Any, repo: Repo) -> None:
    _history_with_odd_tags(repo)
    result = cli("--repo", repo.path, "release-notes", "--from", "v9.0.0")
    assert result.code == 4, result
    assert "'v9.0.0' names a tree, not a commit" in result.stderr


def test_a_tag_of_a_tag_is_peeled_to_its_commit(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("fix: second")
    repo.git("tag", "-a", "-m", "inner", "candidate")
    repo.git("tag", "-a", "-m", "outer", "v1.1.0", "candidate")
    history = History(GitRepository(repo.path), DEFAULT_TAG_PATTERN)
    release = history.release(None, "HEAD")
    assert release.tag == "v1.1.0" and release.from_ref == "v1.0.0"
    assert history.notes == []


def test_a_tag_whose_name_starts_with_a_dash_is_a_ref_not_an_option(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.git("update-ref", "refs/tags/-v9.9.9", "HEAD")
    repo.commit("fix: second")
    result = cli("--repo", repo.path, "release-notes", "--from", "-v9.9.9")
    assert result.code == 0, result
    assert "second" in result.stdout and "first" not in result.stdout
    # Still never an option: an unknown dashed name is an unknown ref.
    result = cli("--repo", repo.path, "release-notes", "--from", "--output=x")
    assert result.code == 4 and "unknown ref '--output=x'" in result.stderr, result


def test_hundreds_of_tags_of_tags_are_peeled_by_one_git_process(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-signed or re-annotated releases: a tag of a tag each. Reading them costs the same
    few processes whatever their number, and a tag of a tag of a tree is still a tree."""
    repo.commit("feat: first")
    stream = []
    head = repo.head()
    for number in range(300):
        tagger = "tagger Ada Lovelace <ada@example.com> 1700000000 +0000"
        stream.append(f"tag inner-{number}\nmark :{number + 1}\nfrom {head}\n{tagger}\n")
        stream.append(f"data 5\ninner\ntag v1.0.{number}\nfrom :{number + 1}\n{tagger}\n")
        stream.append("data 5\nouter\n")
    repo.git("fast-import", "--quiet", input="".join(stream).encode())
    repo.git("tag", "-a", "-m", "a tree", "tree-tag", "HEAD^{tree}")
    repo.git("tag", "-a", "-m", "outer", "v2.0.0", "tree-tag")
    git = GitRepository(repo.path)  # opening it asks git its own questions, not counted here
    calls: list[str] = []  # every git process started: they all go through subprocess.run
    real_subprocess = subprocess.run

    def counted_subprocess(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0][1])
        return real_subprocess(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counted_subprocess)
    found = {ref.name: ref for ref in git.tags()}
    assert len(calls) <= 2, calls
    assert {found[f"v1.0.{n}"].commit for n in range(300)} == {head}
    assert {found[f"v1.0.{n}"].kind for n in range(300)} == {"commit"}
    assert found["v2.0.0"].kind == "tree"
