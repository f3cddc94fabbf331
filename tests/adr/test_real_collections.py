"""ADRs as real collections keep them: records without a date (dated by git history), a lint
run that ends with a summary and can silence codes, file names in another case, and a
Markdown listing that says what replaced a superseded record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from leaddocs.application import api
from leaddocs.application.pages.records import decision_records
from leaddocs.history.git import GitRepository
from tests.adr.conftest import records
from tests.gitrepo import Repo
from tests.security.rendered import commonmark, same_in_both

UNDATED = "# Use Postgres\n\n* Status: accepted\n\n## Context\n\nEvents.\n"
KAFKA = "---\nstatus: superseded\nsuperseded-by: ['0003']\n---\n# Use Kafka for the events\n"
NATS = "---\nstatus: accepted\ndate: 2022-01-01\nsupersedes: ['0002']\n---\n# Use NATS\n"
BAD_DATE = "---\nstatus: proposed\ndate: 2022-13-01\n---\n# 日本語の決定\n"


def _commit_at(repo: Repo, day: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo.path / name).parent.mkdir(parents=True, exist_ok=True)
        (repo.path / name).write_text(text)
    repo.git("add", "-A")
    stamp = f"{day}T10:00:00+0200"
    env = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    repo.git("commit", "-q", "-m", f"docs: records of {day}", env=env)


def _collection(repo: Repo) -> None:
    """0001 and 0002 state no date (added 2021-03-04), 0003 states one, 0004's is not a date,
    0005 is not committed yet."""
    _commit_at(
        repo, "2021-03-04", {"adr/0001-Use-Postgres.md": UNDATED, "adr/0002-use-kafka.md": KAFKA}
    )
    _commit_at(
        repo, "2022-05-06", {"adr/0003-use-nats.md": NATS, "adr/0004-日本語の決定.md": BAD_DATE}
    )
    (repo.path / "adr" / "0005-use-redis.md").write_text("# Use Redis\n\n* Status: proposed\n")  # fmt: skip


@pytest.fixture
def log_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Every ``git log`` leaddocs runs through history/git.py."""
    calls: list[tuple[str, ...]] = []
    run = GitRepository._run

    def counted(self: GitRepository, *args: str) -> str:
        if args[:1] == ("log",):
            calls.append(args)
        return run(self, *args)

    monkeypatch.setattr(GitRepository, "_run", counted)
    return calls


def test_records_without_a_date_are_dated_by_the_commit_that_added_them(
    cli: Any, repo: Repo, log_calls: list[tuple[str, ...]]
) -> None:
    _collection(repo)
    found = records(cli, repo)
    assert len(log_calls) == 1  # one git call for every undated record
    dates = {key: (record["date"], record["date_source"]) for key, record in found.items()}
    assert dates == {
        "0001": ("2021-03-04", "git"),  # the author's day, in the author's time zone
        "0002": ("2021-03-04", "git"),
        "0003": ("2022-01-01", "file"),  # a stated date wins
        "0004": (None, None),  # a date that cannot be read is not replaced (lint says why)
        "0005": (None, None),  # not committed yet
    }
    table = cli("--repo", repo.path, "adr", "list")
    assert "0001  accepted    2021-03-04*  Use Postgres\n" in table.stdout
    assert "0003  accepted    2022-01-01   Use NATS\n" in table.stdout
    assert table.stderr == "* the record states no date: its file's first commit\n"
    shown = cli("--repo", repo.path, "adr", "show", "2", "--json")
    assert json.loads(shown.stdout)[0]["date_source"] == "git"
    # The site's records and timeline are dated the same way, and say where the date is from.
    site = decision_records(api.open_project(repo.path)).by_id()
    assert (site["0001"].date, site["0001"].date_from_git) == ("2021-03-04", True)


def test_lint_reads_no_history_and_ends_with_a_summary(
    cli: Any, repo: Repo, log_calls: list[tuple[str, ...]]
) -> None:
    _collection(repo)
    result = cli("--repo", repo.path, "adr", "lint")
    assert log_calls == []  # the pre-commit hook pays for no history
    assert result.code == 1
    assert result.stdout == (
        "adr/0002-use-kafka.md:5: ADR008 title 'Use Kafka for the events' does not match the "
        "file name (expected slug 'use-kafka-for-the-events') (warning)\n"
        "adr/0004-日本語の決定.md:3: ADR004 bad date '2022-13-01': use YYYY-MM-DD\n"
    )
    assert result.stderr == "leaddocs: error: 5 records, 2 problems (1 error, 1 warning)\n"
    one = cli("--repo", repo.path, "adr", "lint", "adr/0003-use-nats.md")
    assert (one.code, one.stdout, one.stderr) == (0, "", "1 record, no problems\n")


def test_codes_are_silenced_by_the_configuration_and_the_flag(cli: Any, repo: Repo) -> None:
    _collection(repo)
    (repo.path / "leaddocs.yml").write_text("adr:\n  lint:\n    ignore: [adr004]\n")
    configured = cli("--repo", repo.path, "adr", "lint")
    assert configured.code == 0, configured
    assert "ADR004" not in configured.stdout and "ADR008" in configured.stdout
    assert configured.stderr == "5 records, 1 problem (0 errors, 1 warning); 1 ignored\n"
    both = cli("--repo", repo.path, "adr", "lint", "--ignore", "ADR008,ADR001")
    assert (both.code, both.stdout) == (0, "")
    assert both.stderr == "5 records, no problems; 2 ignored\n"


def test_an_unknown_code_is_refused_where_it_was_given(cli: Any, repo: Repo) -> None:
    _collection(repo)
    flag = cli("--repo", repo.path, "adr", "lint", "--ignore", "ADR099")
    assert flag.code == 2
    assert flag.stderr == (
        "leaddocs: error: --ignore: no lint code ADR099 (the codes are ADR001 to ADR010, "
        "listed in docs/adr.md)\n"
    )
    (repo.path / "leaddocs.yml").write_text("adr:\n  lint:\n    ignore: [ADR8]\n")
    configured = cli("--repo", repo.path, "adr", "lint")
    assert configured.code == 3
    assert re.fullmatch(
        r"leaddocs: error: \S*leaddocs\.yml: adr\.lint\.ignore: no lint code ADR8 \(.*\)\n",
        configured.stderr,
    ), configured.stderr


@pytest.mark.parametrize(
    ("name", "title", "warned"),
    [
        ("0001-Use-Postgres.md", "Use Postgres", False),
        ("0001-USE_POSTGRES_V2.md", "Use Postgres v2", False),
        ("0001-utilise-café.md", "Utilise Café", False),
        ("0001-use-mysql.md", "Use Postgres", True),
    ],
)
def test_title_and_file_name_are_compared_without_case(
    cli: Any, repo: Repo, name: str, title: str, warned: bool
) -> None:
    _commit_at(repo, "2024-01-01", {f"adr/{name}": f"# {title}\n\n* Status: accepted\n"})
    result = cli("--repo", repo.path, "adr", "lint")
    assert ("ADR008" in result.stdout) is warned, result


def test_the_markdown_listing_links_what_superseded_a_record(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    _collection(repo)
    listed = cli("--repo", repo.path, "adr", "list", "--format", "md")
    row = next(line for line in listed.stdout.splitlines() if line.startswith("| 0002 "))
    assert "| superseded by [0003](adr/0003-use-nats.md) | 2021-03-04 (first commit) |" in row
    assert (repo.path / "adr" / "0003-use-nats.md").is_file()  # the link resolves
    cells = same_in_both(listed.stdout)
    assert "td: superseded by 0003" in cells
    assert '<a href="adr/0003-use-nats.md">0003</a>' in commonmark(listed.stdout)
    # Listing only the superseded records still links to the one that replaced it.
    only = cli("--repo", repo.path, "adr", "list", "--format", "md", "--status", "superseded")
    assert "superseded by [0003](adr/0003-use-nats.md)" in only.stdout
    # The decision index `build` writes says so too, with links from its own folder.
    built = cli("--repo", repo.path, "build", "--out", tmp_path / "out", "--kind", "adr-index")
    assert built.code == 0, built
    index = (tmp_path / "out" / "decisions.md").read_text()
    assert "superseded by [0003](" in index and "2021-03-04 (first commit)" in index
