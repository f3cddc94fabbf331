"""Bad input: one line naming what is wrong, an exit code, nothing written, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import Repo

CASES = [
    (("--adr", "9", "--audience", "legal"), 7, "no ADR '9' in adr"),
    (
        ("--adr", "1", "--audience", "vp"),
        2,
        "unknown audience 'vp': give leadership, product, legal or customers",
    ),
    (("--adr", "1", "--audience", "\x1b[31mred"), 2, "unknown audience 'red'"),
    (("--adr", "1"), 2, "give --audience: leadership, product, legal or customers"),
    (("--audience", "legal"), 2, "give one of --adr ID, --release V or --status DATE"),
    (
        ("--adr", "1", "--release", "v1.1.0", "--audience", "legal"),
        2,
        "give one of --adr ID, --release V or --status DATE (got --adr and --release)",
    ),
    (
        ("--release", "v9.9.9", "--audience", "product"),
        4,
        "no release 'v9.9.9' (newest release tags: v1.1.0, v1.0.0; or give --release unreleased)",
    ),
    (("--status", "soon", "--audience", "legal"), 2, "--status soon: give a date as YYYY-MM-DD"),
    (("--status", "2999-01-01", "--audience", "legal"), 2, "--status 2999-01-01 is in the future"),
]


@pytest.fixture
def both(decided: Repo) -> Repo:
    """Decisions and releases in one repository."""
    decided.commit("feat: first")
    decided.tag("v1.0.0")
    decided.commit("fix: second")
    decided.tag("v1.1.0")
    return decided


@pytest.mark.parametrize(("args", "code", "message"), CASES)
def test_one_line_an_exit_code_and_nothing_written(
    cli, both: Repo, tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    target = tmp_path / "brief.md"
    result = cli("--repo", both.path, "brief", *args, "-o", target)
    assert result.code == code, result
    assert result.stderr.startswith(f"leaddocs: error: {message}"), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
    assert not target.exists() and result.stdout == ""


def test_nothing_unreleased_and_a_person_s_file_is_kept(cli, both: Repo, tmp_path: Path) -> None:
    mine = tmp_path / "brief.md"
    mine.write_text("my own words\n")
    result = cli(
        "--repo", both.path, "brief", "--release", "unreleased", "--audience", "legal", "-o", mine
    )
    assert result.code == 2, result
    assert result.stderr == "leaddocs: error: nothing unreleased: HEAD is release v1.1.0\n"
    result = cli("--repo", both.path, "brief", "--adr", "1", "--audience", "legal", "-o", mine)
    assert result.code == 6, result
    assert "was not written by leaddocs" in result.stderr
    assert mine.read_text() == "my own words\n"


def test_an_unreadable_record_is_named_with_its_line(cli, repo: Repo) -> None:
    repo.commit("docs: broken", files={"adr/0001-broken.md": "---\nstatus: [accepted\n---\n# X\n"})
    result = cli("--repo", repo.path, "brief", "--adr", "1", "--audience", "legal")
    assert result.code == 7, result
    assert result.stderr.startswith("leaddocs: error: adr/0001-broken.md:")
    assert "cannot be read" in result.stderr and result.stderr.count("\n") == 1


def test_pr_takes_neither_output_nor_another_format(cli, both: Repo) -> None:
    result = cli(
        "--repo",
        both.path,
        "brief",
        "--adr",
        "1",
        "--audience",
        "legal",
        "--pr",
        "--format",
        "email",
    )
    assert result.code == 2, result
    assert result.stderr == (
        "leaddocs: error: --pr delivers the Markdown brief to docs/briefs/: leave out --output "
        "and --format\n"
    )
    assert both.git("branch", "--list", "leaddocs/*") == ""
