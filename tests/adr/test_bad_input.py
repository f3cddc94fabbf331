"""Bad input: a clear one-line message naming the file (and line), exit != 0, no traceback,
and nothing half-written or changed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.adr.conftest import read_only, snapshot
from tests.gitrepo import Repo

GOOD = "---\nstatus: accepted\ndate: 2024-01-15\n---\n# Use Postgres for events\n"


def _folder(repo: Repo, files: dict[str, bytes]) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    (folder / "0001-use-postgres-for-events.md").write_text(GOOD)
    for name, data in files.items():
        (folder / name).write_bytes(data)


BROKEN = [
    (
        "malformed-yaml",
        b"---\nstatus: accepted\ndate: [2024-01-15\n---\n# Broken\n",
        "adr/0002-broken.md:4: invalid YAML in front matter",
    ),
    (
        "not-closed",
        b"---\nstatus: accepted\n# Broken\n\nNo closing fence.\n",
        "adr/0002-broken.md:1: front matter is not closed",
    ),
    (
        "duplicate-keys",
        b"---\nstatus: accepted\ndate: 2024-01-15\nstatus: rejected\n---\n# Broken\n",
        'adr/0002-broken.md:4: invalid YAML in front matter: found duplicate key "status"',
    ),
    ("non-utf8", b"# Broken\n\n* Status: accept\xe9\n", "adr/0002-broken.md:3: not UTF-8 text"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "adr/0002-broken.md:1: binary file"),
    ("empty", b"\n\n", "adr/0002-broken.md:1: empty file"),
]


@pytest.mark.parametrize(("case", "data", "message"), BROKEN, ids=[case for case, *_ in BROKEN])
def test_broken_file_is_reported_and_skipped(
    cli: Any, repo: Repo, case: str, data: bytes, message: str
) -> None:
    _folder(repo, {"0002-broken.md": data})
    listed = cli("--repo", repo.path, "adr", "list")
    assert listed.code == 0
    assert "0001" in listed.stdout and "Broken" not in listed.stdout
    assert listed.stderr.startswith(message), listed.stderr
    assert "Traceback" not in listed.stderr

    linted = cli("--repo", repo.path, "adr", "lint")
    assert linted.code == 1
    assert linted.stdout.startswith(message.split(": ", 1)[0] + ": ADR00")
    assert message.split(": ", 1)[1] in linted.stdout
    assert linted.stderr == "leaddocs: error: 2 records, 1 problem (1 error, 0 warnings)\n"


def test_unknown_status_is_a_lint_error_with_its_line(cli: Any, repo: Repo) -> None:
    _folder(
        repo, {"0002-use-mysql.md": b"---\ndate: 2024-01-15\nstatus: bananas\n---\n# Use MySQL\n"}
    )
    result = cli("--repo", repo.path, "adr", "lint")
    assert result.code == 1
    assert result.stdout == "adr/0002-use-mysql.md:3: ADR003 unknown status 'bananas'\n"


def test_link_to_a_missing_adr(cli: Any, repo: Repo) -> None:
    _folder(
        repo,
        {"0002-use-mysql.md": b"---\nstatus: accepted\nsupersedes: ['0042']\n---\n# Use MySQL\n"},
    )
    result = cli("--repo", repo.path, "adr", "lint")
    assert result.code == 1
    assert result.stdout == "adr/0002-use-mysql.md:3: ADR006 supersedes '0042': no such ADR\n"
    before = snapshot(repo.path / "adr")
    linked = cli("--repo", repo.path, "adr", "link", "2", "--supersedes", "42")
    assert (linked.code, linked.stderr) == (7, "leaddocs: error: no ADR '42' in adr\n")
    assert snapshot(repo.path / "adr") == before


def test_bad_date(cli: Any, repo: Repo) -> None:
    _folder(
        repo, {"0002-use-mysql.md": b"---\nstatus: accepted\ndate: 2024-13-45\n---\n# Use MySQL\n"}
    )
    result = cli("--repo", repo.path, "adr", "lint")
    assert result.code == 1
    assert "adr/0002-use-mysql.md:3: ADR004 bad date '2024-13-45'" in result.stdout


def test_adr_folder_that_does_not_exist(cli: Any, repo: Repo) -> None:
    (repo.path / "leaddocs.yml").write_text("adr:\n  dir: decisions\n")
    for command in (["list"], ["lint"], ["show", "1"]):
        result = cli("--repo", repo.path, "adr", *command)
        assert result.code == 7
        assert result.stderr.startswith("leaddocs: error: decisions: ADR folder does not exist")
        assert result.stderr.count("\n") == 1


def test_title_that_slugifies_to_nothing(cli: Any, repo: Repo) -> None:
    _folder(repo, {})
    before = snapshot(repo.path / "adr")
    result = cli("--repo", repo.path, "adr", "new", "!!! ???", "--no-edit")
    assert result.code == 2
    assert result.stderr == (
        "leaddocs: error: the title '!!! ???' has no letters or digits to name a file with\n"
    )
    assert snapshot(repo.path / "adr") == before


def test_writing_into_a_read_only_folder(cli: Any, repo: Repo) -> None:
    _folder(repo, {})
    folder = repo.path / "adr"
    before = snapshot(folder)
    with read_only(folder):
        result = cli("--repo", repo.path, "adr", "new", "Use Redis for sessions", "--no-edit")
        status = cli("--repo", repo.path, "adr", "status", "1", "deprecated")
    assert result.code == 6
    assert result.stderr.startswith("leaddocs: error: cannot write ")
    assert "0002-use-redis-for-sessions.md" in result.stderr
    assert status.code == 6 and "0001-use-postgres-for-events.md" in status.stderr
    assert snapshot(folder) == before  # no new file, no temporary file, no edit


def test_supersede_fails_whole_when_the_old_adr_is_missing(cli: Any, repo: Repo) -> None:
    _folder(repo, {})
    before = snapshot(repo.path / "adr")
    result = cli("--repo", repo.path, "adr", "new", "Use Redis", "--supersedes", "9", "--no-edit")
    assert (result.code, result.stderr) == (7, "leaddocs: error: no ADR '9' in adr\n")
    assert snapshot(repo.path / "adr") == before


def test_status_transition_is_validated(cli: Any, repo: Repo) -> None:
    _folder(repo, {})
    before = snapshot(repo.path / "adr")
    result = cli("--repo", repo.path, "adr", "status", "1", "proposed")
    assert result.code == 2
    assert result.stderr == (
        "leaddocs: error: adr/0001-use-postgres-for-events.md: cannot go from accepted to "
        "proposed (allowed: deprecated, superseded; --force overrides)\n"
    )
    assert snapshot(repo.path / "adr") == before
    forced = cli("--repo", repo.path, "adr", "status", "1", "proposed", "--force")
    assert forced.code == 0
    assert (repo.path / "adr/0001-use-postgres-for-events.md").read_text() == GOOD.replace(
        "accepted", "proposed"
    )
