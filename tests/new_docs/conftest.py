"""Fixtures for ``leaddocs new``: a repository with one commit and a person's git identity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.drafting.conftest import fake_llm
from tests.gitrepo import Repo

__all__ = ["fake_llm"]  # the fake OpenAI server, for the drafting tests here


@pytest.fixture
def project(repo: Repo) -> Repo:
    repo.commit("chore: start")
    return repo


def new(cli: Any, repo: Repo, *args: Any) -> Any:
    """``leaddocs new ARGS --no-edit`` in ``repo``; the result, whatever its exit code."""
    return cli("--repo", repo.path, "new", *args, "--no-edit")


def written(repo: Repo, result: Any) -> Path:
    assert result.code == 0, result
    return repo.path / result.stdout.strip()


def tree(repo: Repo) -> list[str]:
    """Every file of the work tree outside .git, for "nothing was written" checks."""
    return sorted(
        path.relative_to(repo.path).as_posix()
        for path in repo.path.rglob("*")
        if ".git" not in path.relative_to(repo.path).parts and path.is_file()
    )
