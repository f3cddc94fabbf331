"""The status page raises each stale runbook as a risk, naming it and the rule."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.gitrepo import Repo
from tests.status.scenario import WEEK2, two_weeks

RUNBOOKS = {
    "payments/restart.md": "service: payments\nowner: team-pay\nlast-verified: 2023-01-02\n",
    "payments/drain.md": "service: payments\nlast-verified: 2023-11-20\n",
    "orders/fail-over.md": "service: orders\nowner: ops\n",
    "orders/rotate.md": "service: orders\nlast-verified: soon\n",
}


def service_repo(tmp_path: Path) -> Repo:
    repo = two_weeks(tmp_path / "service")
    for name, meta in RUNBOOKS.items():
        path = repo.path / "docs/runbooks" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        title = Path(name).stem.replace("-", " ").capitalize()
        path.write_text(f"---\n{meta}---\n\n# {title}\n")
    broken = repo.path / "docs/runbooks/orders/broken.md"
    broken.write_text("---\nservice: [orders\n---\n# Broken\n")
    return repo


def risks_of(page: str) -> str:
    match = re.search(r"^## Risks and blockers\n(.*?)(?=^## )", page, re.M | re.S)
    assert match is not None, page
    return match[1]


def test_stale_runbooks_are_risks_and_fresh_ones_are_not(cli: Any, tmp_path: Path) -> None:
    repo = service_repo(tmp_path)
    result = cli("--repo", repo.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    risks = risks_of(result.stdout)
    assert (
        "- risk: Runbook Restart (payments) is stale: last verified 2023-01-02, 330 days ago "
        "(more than 180) ([docs/runbooks/payments/restart.md]"
    ) in risks.replace("**Risk:**", "risk:")
    assert "Runbook Fail over (orders) is stale: never verified: no last-verified date" in risks
    assert "Runbook Rotate (orders) is stale: last-verified 'soon' is not a date" in risks
    assert "Drain" not in risks  # verified 8 days before the period's end
    assert risks.count("rule: runbook-stale (a runbook not verified for") == 3
    # The broken file is a warning, not a crash, not a risk.
    assert "docs/runbooks/orders/broken.md:3: invalid YAML in front matter" in result.stderr
    assert "Broken" not in risks


def test_the_age_is_configurable_and_the_json_names_the_rule(cli: Any, tmp_path: Path) -> None:
    repo = service_repo(tmp_path)
    (repo.path / "leaddocs.yml").write_text("runbooks:\n  stale_after_days: 400\n")
    result = cli("--repo", repo.path, "status", *WEEK2, "--format", "json", "-o", "-")
    assert result.code == 0, result
    stale = [r for r in json.loads(result.stdout)["risks"] if r["rule"] == "runbook-stale"]
    assert [r["key"] for r in stale] == [
        "runbook-stale:docs/runbooks/orders/fail-over.md",
        "runbook-stale:docs/runbooks/orders/rotate.md",
    ]
    assert stale[0]["source"]["label"] == "docs/runbooks/orders/fail-over.md"


def test_a_repository_without_runbooks_gets_no_such_risk(cli: Any, tmp_path: Path) -> None:
    repo = two_weeks(tmp_path / "plain")
    result = cli("--repo", repo.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    assert "runbook" not in result.stdout.lower()


def test_runbook_lint_names_each_stale_or_broken_runbook(cli: Any, tmp_path: Path) -> None:
    repo = service_repo(tmp_path)
    (repo.path / "leaddocs.yml").write_text("runbooks:\n  stale_after_days: 100000\n")
    lint = cli("--repo", repo.path, "runbook", "lint")
    assert lint.code == 1
    assert lint.stdout.splitlines() == [
        "docs/runbooks/orders/broken.md:3: invalid YAML in front matter: expected ',' or ']', "
        "but got '<stream end>' (not listed)",
        "docs/runbooks/orders/rotate.md:3: last-verified is not a date",
        "docs/runbooks/orders/fail-over.md:1: stale: never verified: no last-verified date",
        "docs/runbooks/orders/rotate.md:3: stale: last-verified 'soon' is not a date (YYYY-MM-DD)",
    ]
    assert lint.stderr == "leaddocs: error: 4 runbook problems found\n"
    for name in ("broken.md", "rotate.md", "fail-over.md"):
        (repo.path / "docs/runbooks/orders" / name).unlink()
    clean = cli("--repo", repo.path, "runbook", "lint")
    assert clean.code == 0 and clean.stdout == "", clean
