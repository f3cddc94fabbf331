"""ADR fixtures: a repository holding the hand-written mixed-style samples."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import Repo

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def mixed(repo: Repo) -> Repo:
    """A repository whose adr/ holds every reading style, a README, a template and assets."""
    shutil.copytree(SAMPLES / "mixed", repo.path / "adr")
    return repo


def records(cli: Any, repo: Repo, *args: str) -> dict[str, dict[str, Any]]:
    result = cli("--repo", repo.path, "adr", "list", "--format", "json", *args)
    assert result.code == 0, result
    return {record["id"]: record for record in json.loads(result.stdout)}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: to prove a failure changed nothing."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody can write into, root included (chattr +i where we run as root)."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a folder read-only")
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("this file system does not support chattr +i")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
