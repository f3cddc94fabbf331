"""One page for several repositories: local paths and JSON a CI matrix wrote; an entry that
cannot be read is named and the others still reported."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gitrepo import Repo, init_repo
from tests.status.scenario import NOTES, WEEK2, on_day


def test_portfolio_of_paths_and_json_files(cli, weeks: Repo, tmp_path: Path) -> None:
    (weeks.path / "notes.md").write_text(NOTES)
    (weeks.path / "leaddocs.yml").write_text("status:\n  notes: notes.md\n")
    quiet = init_repo(tmp_path / "search")
    on_day(quiet, 8)
    quiet.commit("feat: search invoices")
    exported = tmp_path / "search.json"
    made = cli("--repo", quiet.path, "status", *WEEK2, "--format", "json", "-o", exported)
    assert made.code == 0, made
    not_git = tmp_path / "plain-folder"
    not_git.mkdir()
    broken = tmp_path / "broken.json"
    broken.write_text('{"repository": 1}')
    result = cli(
        "--repo",
        weeks.path,
        "status",
        *WEEK2,
        "--portfolio",
        weeks.path,
        exported,
        tmp_path / "gone",
        not_git,
        broken,
    )
    assert result.code == 0, result
    page = result.stdout
    assert "Overall: **at risk** (the least healthy of 2 repositories)." in page
    assert "| service | at risk (lead) | 5 |" in page
    assert "| search | on track (rules) | 1 |" in page
    assert "- **search:** search invoices (" in page  # combined highlights
    assert "- **service**, blocker: Waiting for the security review" in page
    assert "## service\n" in page and "## search\n" in page
    assert "- Next: Ship the invoice export." in page
    # Each unreadable entry named, with why; the readable ones still reported.
    assert "gone: no such repository or file" in page
    assert "plain-folder: " in page and "not a git repository" in page
    assert "broken.json: not a status JSON file" in page
    assert result.stderr.count("not a status JSON file") == 1


def test_portfolio_from_the_configuration_and_as_json(cli, weeks: Repo, tmp_path: Path) -> None:
    other = init_repo(tmp_path / "billing")
    on_day(other, 9)
    other.commit("fix(api): round totals")
    (weeks.path / "leaddocs.yml").write_text(f"status:\n  portfolio: [., {other.path}]\n")
    result = cli("--repo", weeks.path, "status", *WEEK2, "--portfolio", "--format", "json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert [page["repository"] for page in data["pages"]] == ["service", "billing"]
    assert data["missing"] == []


def test_portfolio_with_nothing_to_report_says_how_to_name_repositories(cli, weeks: Repo) -> None:
    result = cli("--repo", weeks.path, "status", "--portfolio")
    assert result.code == 2
    assert "status.portfolio" in result.stderr


def test_portfolio_uses_one_period_and_refuses_json_of_another(
    cli, weeks: Repo, tmp_path: Path
) -> None:
    other = init_repo(tmp_path / "billing")
    on_day(other, 1)
    other.commit("fix(api): round totals")  # 2023-11-16: outside WEEK2
    (other.path / "leaddocs.yml").write_text("status:\n  cadence_days: 30\n")
    old = tmp_path / "old.json"
    made = cli("--repo", weeks.path, "status", "--since", "7d", "--until", "2023-11-21",
               "--format", "json", "-o", old)  # fmt: skip
    assert made.code == 0, made
    # No --since: the run's cadence (7 days) holds for every entry.
    result = cli("--repo", weeks.path, "status", "--until", "2023-11-28", "--portfolio",
                 "--format", "json", weeks.path, other.path, old)  # fmt: skip
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert [(p["repository"], p["since"]) for p in data["pages"]] == [
        ("service", "2023-11-22"),
        ("billing", "2023-11-22"),  # the run's period, not billing's 30 days
    ]
    assert data["pages"][1]["shipped"] == []
    assert len(data["missing"]) == 1
    assert (
        "covers 2023-11-15 to 2023-11-21, not this page's 2023-11-22 to 2023-11-28"
        in (data["missing"][0])
    )
