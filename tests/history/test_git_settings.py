"""What a run asks git once (HEAD, the settings, origin's address) reads as git's own answers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from leaddocs.errors import EmptyRepositoryError
from leaddocs.history.git import GitRepository
from tests.gitrepo import Repo


def _git_says(repo: Repo, name: str) -> str | None:
    done = subprocess.run(
        ["git", "remote", "get-url", name], cwd=repo.path, capture_output=True, check=False
    )
    return done.stdout.decode().strip() or None if done.returncode == 0 else None


@pytest.mark.parametrize(
    "setup",
    [
        [],  # no remote at all
        [["remote", "add", "origin", "https://github.com/acme/widgets.git"]],
        [
            ["remote", "add", "origin", "gh:acme/widgets"],
            ["config", "url.https://github.com/.insteadOf", "gh:"],
        ],
        [
            ["remote", "add", "origin", "https://one.example/a.git"],
            ["config", "--add", "remote.origin.url", "https://two.example/b.git"],
        ],
        [["remote", "add", "upstream", "https://github.com/acme/other.git"]],
    ],
)
def test_origin_is_what_git_remote_get_url_says(repo: Repo, setup: list[list[str]]) -> None:
    repo.commit("feat: one")
    for args in setup:
        repo.git(*args)
    opened = GitRepository(repo.path)
    assert opened.remote_url("origin") == _git_says(repo, "origin")
    assert opened.remote_url("upstream") == _git_says(repo, "upstream")


def test_a_remote_defined_by_a_legacy_file_is_asked_of_git(repo: Repo) -> None:
    repo.commit("feat: one")
    remotes = Path(repo.git("rev-parse", "--git-common-dir"))
    folder = (repo.path / remotes / "remotes").resolve()
    folder.mkdir(exist_ok=True)
    (folder / "origin").write_text("URL: https://github.com/acme/legacy.git\n")
    assert _git_says(repo, "origin") == "https://github.com/acme/legacy.git"
    assert GitRepository(repo.path).remote_url("origin") == "https://github.com/acme/legacy.git"


def test_head_is_resolved_with_the_work_tree(repo: Repo) -> None:
    opened = GitRepository(repo.path)
    assert not opened.has_commits()
    with pytest.raises(EmptyRepositoryError):
        opened.resolve("HEAD")
    first = repo.commit("feat: one", files={"docs/a.md": "a\n"})
    opened = GitRepository(repo.path / "docs")  # from a folder inside the work tree
    assert opened.root == repo.path.resolve()
    assert opened.has_commits()
    assert opened.resolve("HEAD") == first
    repo.commit("feat: two")  # one run reads one state of the history
    assert opened.resolve("HEAD") == first
    assert GitRepository(repo.path).resolve("HEAD") == repo.head()


def test_the_cache_key_reads_only_the_log_settings(repo: Repo) -> None:
    repo.commit("feat: one")
    repo.git("remote", "add", "origin", "https://github.com/acme/widgets.git")
    before = GitRepository(repo.path).log_inputs()
    repo.git("remote", "set-url", "origin", "https://github.com/acme/moved.git")
    assert GitRepository(repo.path).log_inputs() == before  # links are keyed elsewhere
    repo.git("config", "mailmap.file", "people.map")
    assert GitRepository(repo.path).log_inputs() != before
