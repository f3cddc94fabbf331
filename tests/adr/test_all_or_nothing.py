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
