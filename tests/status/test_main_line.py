"""The main line is the default branch, not whatever is checked out; a wrong clock on one
commit neither empties nor swells the period."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from leaddocs.status.period import Period, main_line_span
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2


def _section(page: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert match is not None, f"no section {title}:\n{page}"
    return match[1]


def test_run_from_a_topic_branch_reports_the_default_branch(cli, weeks: Repo) -> None:
    weeks.checkout("wip-search")
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    shipped = _section(result.stdout, "Shipped")
    assert "index invoices" not in shipped and "query invoices" not in shipped
    assert "handle empty carts" in shipped
    assert "query invoices (wip-search" in _section(result.stdout, "In flight")
    assert "main line: main" in result.stderr


def test_a_detached_ci_checkout_uses_origin_head(cli, weeks: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "ci"
    subprocess.run(["git", "clone", "-q", str(weeks.path), str(clone)], check=True)
    subprocess.run(
        ["git", "checkout", "-q", "--detach", "origin/wip-search"], cwd=clone, check=True
    )
    subprocess.run(["git", "branch", "-q", "-D", "main"], cwd=clone, check=True)
    result = cli("--repo", clone, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "index invoices" not in _section(result.stdout, "Shipped")
    assert "main line: main (origin/main), origin's default branch" in result.stderr


def test_status_branch_names_the_main_line(cli, weeks: Repo) -> None:
    (weeks.path / "leaddocs.yml").write_text("status:\n  branch: wip-search\n")
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "query invoices" in _section(result.stdout, "Shipped")
    assert "main line: wip-search, as status.branch sets it" in result.stderr


def test_a_tip_with_a_wrong_clock_does_not_empty_the_week(cli, weeks: Repo) -> None:
    weeks.commit("fix: last fix of the week")
    skew = weeks.head()
    stamp = "1500000000 +0000"  # 2017: a laptop with a dead clock battery
    weeks.git("commit", "-q", "--amend", "--no-edit", env={"GIT_COMMITTER_DATE": stamp})
    assert weeks.head() != skew
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    shipped = _section(result.stdout, "Shipped")
    assert "handle empty carts" in shipped and "last fix of the week" in shipped


def test_one_bad_clock_in_the_middle_takes_its_neighbours_time() -> None:
    week = Period(dt.date(2023, 11, 22), dt.date(2023, 11, 28))
    inside = week.start + 3600
    line = [
        ("e", inside + 400),
        ("d", 4_000_000_000),  # the year 2096
        ("c", inside + 200),
        ("b", 1_000),  # 1970
        ("a", inside),
        ("z", week.start - 10),
        ("y", week.start - 20),
    ]
    assert main_line_span(line, week) == ("z", "e")
