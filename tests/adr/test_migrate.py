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


LEGACY = {
    "0001-use-x.md": "# 1. Use X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n"
    "Amended by [9. Use Z](../other/0009-use-z.md)\n\n## Context\n\nWhy X.\n",
    "0002-use-y.md": "# 2. Use Y\n\nDate: 2020-02-01\n\n## Status\n\n"
    "Superceded by [3. Use W](0003-use-w.md)\n\nSee also the wiki page on Y.\n\n"
    "## Context\n\nWhy Y.\n",
    "0003-use-w.md": "# 3. Use W\n\nDate: 2020-03-01\n\n## Status\n\nAccepted\n\n"
    "Supercedes [2. Use Y](0002-use-y.md)\n\nSupercedes [4. Use V](0004-use-v.md)\n\n"
    "## Context\n\nWhy W.\n",
    "0004-use-v.md": "# Use V\n\n* Status: superseded\n* Date: 2020-04-01\n\nWhy V.\n\n"
    "## Links\n\n* Superseded by [ADR-0003](0003-use-w.md)\n",
}


def test_migrate_keeps_unresolved_links_and_prose_and_drops_moved_links(
    cli: Any, repo: Repo
) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    for name, text in LEGACY.items():
        (folder / name).write_text(text)
    assert cli("--repo", repo.path, "adr", "migrate").code == 0
    assert (folder / "0001-use-x.md").read_text() == (
        "---\nstatus: accepted\ndate: 2020-01-01\n"
        "amended-by: ['[9. Use Z](../other/0009-use-z.md)']\n---\n"
        "# 1. Use X\n\n## Context\n\nWhy X.\n"
    )
    assert (folder / "0002-use-y.md").read_text() == (
        "---\nstatus: superseded\ndate: 2020-02-01\nsuperseded-by: ['0003']\n---\n"
        "# 2. Use Y\n\n## Status\n\nSee also the wiki page on Y.\n\n## Context\n\nWhy Y.\n"
    )
    assert (folder / "0003-use-w.md").read_text().endswith("# 3. Use W\n\n## Context\n\nWhy W.\n")
    assert (folder / "0004-use-v.md").read_text() == (
        "---\nstatus: superseded\ndate: 2020-04-01\nsuperseded-by: ['0003']\n---\n"
        "# Use V\n\nWhy V.\n"
    )
    found = records(cli, repo)
    assert found["0003"]["supersedes"] == ["0002", "0004"]
    lint = cli("--repo", repo.path, "adr", "lint").stdout
    assert (
        lint
        == "adr/0001-use-x.md:4: ADR006 amended-by '[9. Use Z](../other/0009-use-z.md)': no such ADR\n"
    )


def test_a_status_section_with_prose_reads_the_status_word(cli: Any, repo: Repo) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    for name, text in LEGACY.items():
        (folder / name).write_text(text)
    found = records(cli, repo)
    assert (found["0002"]["status"], found["0002"]["status_raw"]) == (
        "superseded",
        "Superceded by [3. Use W](0003-use-w.md)",
    )
