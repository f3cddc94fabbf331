"""A record's text never reaches a terminal as escape sequences (``adr list``/``adr show``)."""

from __future__ import annotations

import unicodedata
from typing import Any

from tests.gitrepo import Repo

EVIL = "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Evil \x1b]0;pwned\x07title \x1b[2J\n"


def test_list_and_show_strip_escape_sequences(cli: Any, repo: Repo) -> None:
    (repo.path / "adr").mkdir()
    (repo.path / "adr/0001-evil.md").write_text(EVIL)
    listed = cli("--repo", repo.path, "adr", "list")
    shown = cli("--repo", repo.path, "adr", "show", "1")
    for result in (listed, shown):
        assert result.code == 0, result
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Evil title" in listed.stdout


def test_lint_strips_escape_sequences_from_statuses_and_file_names(cli: Any, repo: Repo) -> None:
    """``adr lint`` quotes a status it does not know and names every file: neither may write
    an escape sequence to the terminal (or a CI log)."""
    (repo.path / "adr").mkdir()
    (repo.path / "adr/0001-evil.md").write_text(
        "---\nstatus: 'weird\x1b]0;pwned\x07\x1b[2J\x9b31m'\ndate: 2024-01-01\n---\n# Evil\n"
    )
    (repo.path / "adr/0002-\x1b]0;pwned\x07name.md").write_text(
        "---\nstatus: accepted\ndate: 2024-01-01\nsupersedes: ['\x1b[2J9']\n---\n# Name\n"
    )
    result = cli("--repo", repo.path, "adr", "lint")
    assert result.code == 1, result
    for stream in (result.stdout, result.stderr):
        assert not [c for c in stream if unicodedata.category(c) == "Cc" and c != "\n"], stream
        assert "pwned" not in stream
    assert "adr/0001-evil.md:2:" in result.stdout and "adr/0002-name.md:" in result.stdout
