"""The git log stream: records read on a thread beside git, handed over in blocks."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from leaddocs.errors import RepositoryError
from leaddocs.history import stream
from leaddocs.history.git import GitRepository
from leaddocs.history.stream import RecordStream
from tests.gitrepo import Repo


def _printer(tmp_path: Path, records: int, size: int) -> list[str]:
    """A process printing ``records`` NUL-terminated records of ``size`` bytes each."""
    script = tmp_path / "print.py"
    script.write_text(
        "import sys\n"
        f"for n in range({records}):\n"
        f"    sys.stdout.buffer.write(str(n).encode().ljust({size}, b'x') + b'\\0')\n"
    )
    return [sys.executable, str(script)]


def test_records_arrive_whole_across_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small blocks: most records straddle a read, some are longer than a block.
    monkeypatch.setattr(stream, "_BLOCK", 1000)
    monkeypatch.setattr(stream, "_READ", 700)
    records = RecordStream(_printer(tmp_path, 500, 1500), tmp_path, os.environ)
    seen = [record for block in records for record in block]
    assert seen == [str(n).ljust(1500, "x") for n in range(500)]
    assert records.status == 0


def test_stopping_early_stops_the_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "_BACKLOG", 2)  # the reader must wait for the parser
    records = RecordStream(_printer(tmp_path, 200_000, 100), tmp_path, os.environ)
    blocks = iter(records)
    first = next(blocks)
    assert first[0].startswith("0x")
    started = time.monotonic()
    blocks.close()  # type: ignore[attr-defined]
    assert time.monotonic() - started < 5
    assert records.status != 0  # killed, not run to its end


def test_a_failing_log_names_the_revision(repo: Repo) -> None:
    repo.commit("feat: one")
    with pytest.raises(RepositoryError, match="git log no-such-ref failed"):
        list(GitRepository(repo.path).log(["no-such-ref"]))


def test_many_commits_stream_in_order(repo: Repo) -> None:
    # A long message (bigger than a pipe) among short ones.
    shas = [
        repo.commit(f"fix: number {n}\n\n" + "body " * (20_000 if n == 3 else 1)) for n in range(6)
    ]
    commits = list(GitRepository(repo.path).log(["HEAD"]))
    assert [c.sha for c in commits] == list(reversed(shas))
    assert commits[2].message.count("body") == 20_000
