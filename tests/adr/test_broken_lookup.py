"""A record whose file exists but cannot be read is named as such, never "no ADR '2'"."""

from __future__ import annotations

from typing import Any

import pytest

from tests.adr.conftest import snapshot
from tests.gitrepo import Repo

GOOD = "---\nstatus: accepted\ndate: 2024-01-15\n---\n# Use Postgres for events\n"


@pytest.mark.parametrize(
    "command",
    [("show", "2"), ("status", "2", "accepted"), ("link", "1", "--supersedes", "0002")],
    ids=["show", "status", "link"],
)
def test_an_unreadable_record_is_named_with_its_file_and_reason(
    cli: Any, repo: Repo, command: tuple[str, ...]
) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    (folder / "0001-use-postgres-for-events.md").write_text(GOOD)
    (folder / "0002-use-kafka.md").write_bytes(b"# Use Kafka\n\n* Status: accept\xe9\n")
    before = snapshot(folder)
    result = cli("--repo", repo.path, "adr", *command)
    assert result.code == 7, result
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("leaddocs: error: adr/0002-use-kafka.md:3: ADR "), last
    assert "cannot be read: not UTF-8 text (byte 0xe9)" in last
    assert "no ADR" not in result.stderr
    assert snapshot(folder) == before


def test_a_missing_record_is_still_reported_as_missing(cli: Any, repo: Repo) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    (folder / "0001-use-postgres-for-events.md").write_text(GOOD)
    (folder / "0002-use-kafka.md").write_bytes(b"\xff\xfe")
    result = cli("--repo", repo.path, "adr", "show", "3")
    assert result.code == 7, result
    assert "no ADR '3' in adr" in result.stderr
