"""A record's text never reaches a terminal as escape sequences (``adr list``/``adr show``)."""

from __future__ import annotations

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
