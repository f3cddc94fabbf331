"""Commands that write several files write all of them or none."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from leaddocs.delivery import files
from tests.adr.conftest import read_only, snapshot
from tests.gitrepo import Repo


def _adr(title: str, extra: str = "") -> str:
    return f"---\nstatus: accepted\ndate: 2024-02-01\n{extra}---\n# {title}\n\nBody.\n"


def _folder(repo: Repo) -> Path:
    folder = repo.path / "adr"
    folder.mkdir()
    for name, title in (("0001-a.md", "A"), ("0002-b.md", "B"), ("0003-c.md", "C")):
        (folder / name).write_text(_adr(title))
    return folder


def test_new_writes_nothing_when_an_old_record_is_not_writable(cli: Any, repo: Repo) -> None:
    folder = _folder(repo)
    before = snapshot(folder)
    with read_only(folder / "0001-a.md"):
        result = cli("--repo", repo.path, "adr", "new", "Newer", "--supersedes", "1", "--no-edit")
    assert result.code == 6, result
    assert result.stderr.startswith("leaddocs: error: cannot write adr/0001-a.md: ")
    assert snapshot(folder) == before


def test_link_writes_neither_side_when_one_is_not_writable(cli: Any, repo: Repo) -> None:
    folder = _folder(repo)
    before = snapshot(folder)
    with read_only(folder / "0001-a.md"):
        result = cli("--repo", repo.path, "adr", "link", "3", "--supersedes", "1")
    assert result.code == 6, result
    assert snapshot(folder) == before


def test_a_write_failing_halfway_puts_back_what_was_written(
    cli: Any, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(repo)
    before = snapshot(folder)
    real = files._place

    def failing(plan: Any) -> None:  # the disk fills up when the third file goes in
        if plan.target.name == "0002-b.md":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(plan)

    monkeypatch.setattr(files, "_place", failing)
    result = cli(
        "--repo", repo.path, "adr", "new", "D", "--supersedes", "1", "--amends", "2", "--no-edit"
    )  # fmt: skip
    assert result.stderr == (
        "leaddocs: error: cannot write adr/0002-b.md: No space left on device\n"
    ), result
    assert snapshot(folder) == before


def test_renumber_changes_nothing_when_git_mv_fails(cli: Any, repo: Repo) -> None:
    repo.commit("docs(adr): a", files={"adr/0001-a.md": _adr("A")})
    repo.branch("other")
    repo.commit("docs(adr): b", files={"adr/0002-b.md": _adr("B", "amends: ['0001']\n")})
    repo.checkout("main")
    repo.commit("docs(adr): c", files={"adr/0002-c.md": _adr("C")})
    repo.merge("other", "Merge branch 'other'")
    (repo.path / "adr/0001-a.md").write_text(_adr("A", "amended-by: ['0002-b']\n"))
    (repo.path / "adr/0003-d.md").write_text("# D\n\n* Status: accepted\n\n[B](0002-b.md)\n")
    folder = repo.path / "adr"
    before = snapshot(folder)
    (repo.path / ".git/index.lock").write_text("")
    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code != 0, result
    assert "index.lock" in result.stderr
    assert snapshot(folder) == before


def _three_twos(repo: Repo) -> Path:
    """Three branches each add ADR 0002; the one linking 0001 is committed last."""
    repo.commit("docs(adr): a", files={"adr/0001-a.md": _adr("A")})
    for name in ("b", "c", "d"):
        repo.checkout("main")
        repo.branch(name)
        extra = "amends: ['0001']\n" if name == "d" else ""
        repo.commit(f"docs(adr): {name}", files={f"adr/0002-{name}.md": _adr(name.upper(), extra)})
        if name == "d":
            repo.commit(
                "docs(adr): back-link", files={"adr/0001-a.md": _adr("A", "amended-by: ['0002']\n")}
            )
    repo.checkout("main")
    for name in ("b", "c", "d"):
        repo.merge(name, f"Merge branch '{name}'")
    return repo.path / "adr"


def test_renumber_undoes_every_move_when_a_later_move_fails_to_write(
    cli: Any, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _three_twos(repo)
    before, status = snapshot(folder), repo.git("status", "--porcelain")
    real = files._place

    def failing(plan: Any) -> None:  # the second move's link in 0001 cannot be written
        if plan.target.name == "0001-a.md":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(plan)

    monkeypatch.setattr(files, "_place", failing)
    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.stderr == "leaddocs: error: cannot write adr/0001-a.md: No space left on device\n"
    assert snapshot(folder) == before
    assert repo.git("status", "--porcelain") == status  # both git mv undone

    monkeypatch.setattr(files, "_place", real)
    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.stdout == "adr/0002-c.md -> adr/0003-c.md\nadr/0002-d.md -> adr/0004-d.md\n"
    assert "amended-by: ['0004']" in (folder / "0001-a.md").read_text()


def test_renumber_undoes_the_first_git_mv_when_the_second_fails(
    cli: Any, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaddocs.errors import RepositoryError
    from leaddocs.history.git import GitRepository

    folder = _three_twos(repo)
    before, status = snapshot(folder), repo.git("status", "--porcelain")
    real = GitRepository.move

    def failing(self: GitRepository, source: str, target: str) -> None:
        if target.endswith("0004-d.md"):
            raise RepositoryError("git mv: fatal: Unable to create index.lock")
        real(self, source, target)

    monkeypatch.setattr(GitRepository, "move", failing)
    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code == 4 and "index.lock" in result.stderr, result
    assert snapshot(folder) == before
    assert repo.git("status", "--porcelain") == status


def test_renumber_changes_nothing_when_a_page_cannot_be_read(cli: Any, repo: Repo) -> None:
    folder = _three_twos(repo)
    meetings = repo.path / "docs/meetings"
    meetings.mkdir(parents=True)
    (meetings / "2024-02-01.md").write_bytes(b"# Sync\n\nADR-0002 \xff\n")
    before, status = snapshot(folder), repo.git("status", "--porcelain")
    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code != 0 and "not UTF-8" in result.stderr, result
    assert "Traceback" not in result.stderr
    assert snapshot(folder) == before
    assert repo.git("status", "--porcelain") == status
