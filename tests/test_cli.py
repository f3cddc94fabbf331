"""The CLI as a whole: help with examples everywhere, --version, the build bundle."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from leaddocs import __version__
from leaddocs.cli import cli as root
from tests.gitrepo import Repo
from tests.history.sample import build_service_history


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            found.extend(_all_commands(command, (*prefix, name)))
        else:
            found.append((*prefix, name))
    return found


def test_every_command_has_help_with_an_example(cli: Any) -> None:
    commands = _all_commands(root)
    assert ("release-notes",) in commands and ("changelog",) in commands and ("build",) in commands
    for path in commands:
        result = cli(*path, "--help")
        assert result.code == 0, (path, result)
        assert "Example" in result.stdout, f"leaddocs {' '.join(path)} --help has no example"


def _groups(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    context = click.Context(group)
    found = [prefix]
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            found.extend(_groups(command, (*prefix, name)))
    return found


def test_every_command_summary_is_shown_whole(cli: Any) -> None:
    """Click cuts a summary at ~45 characters with '...'; every list of commands shows each
    summary whole (wrapped when it is long: give a command a short_help to keep it to one
    line)."""
    groups = _groups(root)
    assert ("adr",) in groups and ("site",) in groups
    for path in groups:
        result = cli(*path, "--help")
        listed = result.stdout.split("\nCommands:\n", 1)[1]
        group = root
        for name in path:
            group = group.get_command(click.Context(group), name)  # type: ignore[assignment]
        context = click.Context(group)
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            assert command is not None
            whole = command.get_short_help_str(limit=10_000)
            row = re.search(rf"^  {re.escape(name)} +(.*?)(?=^  \S|\Z)", listed, re.M | re.S)
            assert row is not None, (path, name, listed)
            shown = " ".join(row[1].split())
            assert shown == whole and not shown.endswith("..."), f"leaddocs {path} {name}: {shown}"
            assert shown.endswith("."), f"leaddocs {' '.join(path)} {name}: {shown}"


def test_version(cli: Any) -> None:
    result = cli("--version")
    assert result.code == 0 and __version__ in result.stdout


def test_build_writes_every_document_and_says_where(cli: Any, repo: Repo, tmp_path: Path) -> None:
    build_service_history(repo)
    out = tmp_path / "out"
    result = cli("--repo", repo.path, "build", "--out", out)
    assert result.code == 0, result
    names = sorted(path.name for path in out.iterdir())
    expected = ["CHANGELOG.md", "changelog.json", "release-notes.json", "release-notes.md"]
    assert names == [*expected, "status"]  # status/<today>.md and status/index.md
    assert "decisions.md" not in result.stdout  # no ADRs, no index, no error
    assert str(out / "release-notes.md") in result.stdout
    assert "filter invoices by status" in (out / "release-notes.md").read_text()
    # A second build keeps a human edit of the CHANGELOG section it already holds.
    changelog = out / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace("handle an empty cart", "cart fix (edited)"))
    assert cli("--repo", repo.path, "build", "--out", out).code == 0
    assert "cart fix (edited)" in changelog.read_text()


def test_build_includes_the_decision_index_with_working_links(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    repo.commit("feat: one")
    assert cli("--repo", repo.path, "adr", "new", "Use Postgres for events", "--no-edit").code == 0
    out = tmp_path / "out"
    assert cli("--repo", repo.path, "build", "--out", out).code == 0
    index = (out / "decisions.md").read_text()
    assert "| 0001 | [Use Postgres for events](" in index
    link = index.split("](", 1)[1].split(")", 1)[0]
    assert (out / link).resolve() == (
        repo.path / "adr" / "0001-use-postgres-for-events.md"
    ).resolve()


def test_progress_goes_to_a_terminal_on_stderr_and_never_to_stdout(repo: Repo) -> None:
    import os
    import pty
    import subprocess
    import sys

    build_service_history(repo)
    controller, terminal = pty.openpty()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "leaddocs",
            "--repo",
            str(repo.path),
            "changelog",
            "--format",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=terminal,
        check=False,
    )
    os.close(terminal)
    seen = os.read(controller, 65536).decode()
    os.close(controller)
    assert result.returncode == 0
    assert "commits read" in seen
    assert result.stdout.startswith(b"{")
    quiet = subprocess.run(
        [sys.executable, "-m", "leaddocs", "--quiet", "--repo", str(repo.path), "changelog"],
        capture_output=True,
        check=False,
    )
    assert quiet.stderr == b""
