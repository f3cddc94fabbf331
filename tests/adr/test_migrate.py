"""`adr migrate`: legacy records to front matter, metadata moved, everything else kept."""

from __future__ import annotations

from typing import Any

from tests.adr.conftest import records, snapshot
from tests.gitrepo import Repo


def test_migrate_keeps_every_record_and_every_body_line(cli: Any, mixed: Repo) -> None:
    folder = mixed.path / "adr"
    before = records(cli, mixed)
    files_before = snapshot(folder)

    dry = cli("--repo", mixed.path, "adr", "migrate", "--dry-run")
    assert dry.code == 0 and "adr/0001-record-architecture-decisions.md" in dry.stdout
    assert "0005" not in dry.stdout  # already MADR 4
    assert snapshot(folder) == files_before

    assert cli("--repo", mixed.path, "adr", "migrate").code == 0
    after = records(cli, mixed)
    for record in (*before.values(), *after.values()):
        record.pop("status_raw")
    assert after == before
    assert cli("--repo", mixed.path, "adr", "lint").stdout == ""
    assert cli("--repo", mixed.path, "adr", "migrate").stdout == ""  # nothing left to do

    tools = (folder / "0001-record-architecture-decisions.md").read_text()
    assert tools.startswith(
        "---\nstatus: accepted\ndate: 2019-03-04\namended-by: ['0003']\n---\n"
        "# 1. Record architecture decisions\n\n## Context\n"
    )
    # Every line that was not metadata is still there, in order (one blank line of the
    # metadata block goes with it).
    old_lines = files_before["0004-version-the-public-api-in-the-path.md"].decode().splitlines()
    new_text = (folder / "0004-version-the-public-api-in-the-path.md").read_text()
    new_lines = new_text.split("---\n", 2)[2].splitlines()
    metadata = ("* Status", "* Deciders", "* Date")
    kept = [line for line in old_lines if line.strip() and not line.startswith(metadata)]
    assert [line for line in new_lines if line.strip()] == kept
