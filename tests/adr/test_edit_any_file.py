"""Editing whatever file a human wrote: CRLF, a BOM, links in the status, no status at all,
the same ADR named twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.adr.conftest import records
from tests.gitrepo import Repo


def _write(repo: Repo, files: dict[str, bytes]) -> Path:
    folder = repo.path / "adr"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_crlf_front_matter_is_edited_and_stays_crlf(cli: Any, repo: Repo) -> None:
    folder = _write(
        repo,
        {
            "0001-good.md": b"---\r\nstatus: accepted\r\n---\r\n# Good\r\n\r\nBody.\r\n",
            "0002-other.md": b"---\r\nstatus: accepted\r\n---\r\n# Other\r\n",
        },
    )
    status = cli("--repo", repo.path, "adr", "status", "1", "deprecated")
    assert status.code == 0, status
    assert (folder / "0001-good.md").read_bytes() == (
        b"---\r\nstatus: deprecated\r\n---\r\n# Good\r\n\r\nBody.\r\n"
    )
    link = cli("--repo", repo.path, "adr", "link", "2", "--amends", "1")
    assert link.code == 0, link
    new = cli("--repo", repo.path, "adr", "new", "Newer", "--supersedes", "2", "--no-edit")
    assert new.code == 0, new
    other = (folder / "0002-other.md").read_bytes()
    assert b"\n" not in other.replace(b"\r\n", b"")
    assert other.startswith(b"---\r\nstatus: superseded\r\namends: ['0001']\r\n")
    found = records(cli, repo)
    assert found["0001"]["amended_by"] == ["0002"]
    assert found["0002"]["superseded_by"] == ["0003"]
    assert cli("--repo", repo.path, "adr", "lint").stdout == ""


def test_superseding_a_file_with_a_bom_keeps_it_readable(cli: Any, repo: Repo) -> None:
    folder = _write(
        repo, {"0001-good.md": b"\xef\xbb\xbf---\nstatus: accepted\n---\n# Good\n\nBody.\n"}
    )
    new = cli("--repo", repo.path, "adr", "new", "Better", "--supersedes", "1", "--no-edit")
    assert new.code == 0, new
    assert (folder / "0001-good.md").read_bytes() == (
        b"\xef\xbb\xbf---\nstatus: superseded\nsuperseded-by: ['0002']\n---\n# Good\n\nBody.\n"
    )
    assert records(cli, repo)["0001"]["superseded_by"] == ["0002"]


def test_links_in_a_front_matter_status_survive_a_status_change(cli: Any, repo: Repo) -> None:
    folder = _write(
        repo,
        {
            "0001-a.md": b"---\nstatus: superseded\nsuperseded-by: ['0002']\n---\n# A\n",
            "0002-b.md": b'---\nstatus: "accepted; supersedes ADR-0001"\n---\n# B\n',
        },
    )
    new = cli("--repo", repo.path, "adr", "new", "C", "--supersedes", "2", "--no-edit")
    assert new.code == 0, new
    assert (folder / "0002-b.md").read_text() == (
        "---\nstatus: \"superseded\"\nsupersedes: ['0001']\nsuperseded-by: ['0003']\n---\n# B\n"
    )
    assert records(cli, repo)["0002"]["supersedes"] == ["0001"]
    assert cli("--repo", repo.path, "adr", "lint").stdout == ""


def test_superseding_a_record_without_a_status_gives_it_one(cli: Any, repo: Repo) -> None:
    folder = _write(repo, {"0001-use-d.md": b"# Use D\n\n## Context\n\nWhy.\n"})
    new = cli("--repo", repo.path, "adr", "new", "Use E", "--supersedes", "1", "--no-edit")
    assert new.code == 0, new
    assert (folder / "0001-use-d.md").read_text() == (
        "---\nstatus: superseded\nsuperseded-by: ['0002']\n---\n# Use D\n\n## Context\n\nWhy.\n"
    )
    assert records(cli, repo)["0001"]["status"] == "superseded"


def test_one_adr_named_twice_gets_one_merged_edit(cli: Any, repo: Repo) -> None:
    folder = _write(
        repo,
        {
            "0001-a.md": b"---\nstatus: accepted\n---\n# A\n",
            "0002-b.md": b"---\nstatus: accepted\n---\n# B\n",
        },
    )
    new = cli(
        "--repo", repo.path, "adr", "new", "C", "--supersedes", "2", "--amends", "2",
        "--supersedes", "1", "--supersedes", "0001", "--no-edit",
    )  # fmt: skip
    assert new.code == 0, new
    assert (folder / "0002-b.md").read_text() == (
        "---\nstatus: superseded\nsuperseded-by: ['0003']\namended-by: ['0003']\n---\n# B\n"
    )
    assert "supersedes: ['0002', '0001']\namends: ['0002']\n" in (folder / "0003-c.md").read_text()
    assert cli("--repo", repo.path, "adr", "lint").stdout == ""
