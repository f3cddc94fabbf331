"""``leaddocs new runbook``: one file per service and title, never over an existing one."""

from __future__ import annotations

import datetime
from typing import Any

from leaddocs.adr.frontmatter import load, split
from tests.gitrepo import Repo
from tests.new_docs.conftest import new, tree, written


def test_a_runbook_goes_in_its_service_folder_verified_today(cli: Any, project: Repo) -> None:
    args = ("Restart the payment queue", "--service", "Payments API", "--owner", "team-pay")
    result = new(cli, project, "runbook", *args)
    path = written(project, result)
    assert path == project.path / "docs/runbooks/payments-api/restart-the-payment-queue.md"
    text = path.read_text()
    parts = split(text)
    assert parts.yaml is not None
    meta = load(parts.yaml)[0]
    assert meta == {
        "service": "Payments API",
        "owner": "team-pay",
        "last-verified": datetime.date.today(),
    }
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## When to use",
        "## Symptoms",
        "## Steps",
        "## Rollback",
        "## Escalation",
    ]
    assert "\n# Restart the payment queue\n" in text


def test_the_same_runbook_twice_is_refused_and_the_first_kept(cli: Any, project: Repo) -> None:
    path = written(project, new(cli, project, "runbook", "Fail over", "--service", "orders"))
    path.write_text(path.read_text() + "\nA person's edit.\n")
    before = path.read_text()
    again = new(cli, project, "runbook", "Fail  over", "--service", "Orders")
    assert again.code == 6
    assert again.stderr == "leaddocs: error: docs/runbooks/orders/fail-over.md already exists\n"
    assert path.read_text() == before


def test_another_service_may_use_the_same_title(cli: Any, project: Repo) -> None:
    first = written(project, new(cli, project, "runbook", "Restart", "--service", "orders"))
    second = written(project, new(cli, project, "runbook", "Restart", "--service", "billing"))
    assert first.parent.name == "orders" and second.parent.name == "billing"


def test_without_an_owner_the_key_is_there_to_fill(cli: Any, project: Repo) -> None:
    path = written(project, new(cli, project, "runbook", "Rotate keys", "--service", "gateway"))
    assert "\nowner:\n" in path.read_text()


def test_bad_input_is_one_line_and_writes_nothing(cli: Any, project: Repo) -> None:
    before = tree(project)
    cases = {
        ("runbook", "Restart"): "a runbook belongs to a service: give --service NAME",
        ("runbook", "Restart", "--service", " "): "a runbook belongs to a service",
        ("runbook", "Restart", "--service", "!!"): "the service '!!' has no letters or digits",
        ("runbook", "", "--service", "x"): "an empty title has no letters or digits",
    }
    for args, message in cases.items():
        result = new(cli, project, *args)
        assert result.code == 2, result
        assert result.stderr.startswith(f"leaddocs: error: {message}"), result
        assert result.stderr.count("\n") == 1
    (project.path / "docs").mkdir()
    (project.path / "docs/runbooks").write_text("a file\n")
    blocked = new(cli, project, "runbook", "Restart", "--service", "orders")
    assert blocked.code == 6
    assert (
        blocked.stderr == "leaddocs: error: cannot write into docs/runbooks: it is not a folder\n"
    )
    assert tree(project) == sorted([*before, "docs/runbooks"])


def test_help_shows_examples(cli: Any) -> None:
    for command in (("new",), ("new", "rfc"), ("new", "runbook")):
        result = cli(*command, "--help")
        assert result.code == 0
        assert "Examples:" in result.stdout and "leaddocs new " in result.stdout


def test_names_are_kept_to_one_printable_line(cli: Any, project: Repo) -> None:
    args = (
        "runbook",
        "Re\x1b]0;pwned\x07start",
        "--service",
        "pay\x1b[31mments",
        "--owner",
        "ops\nteam",
    )
    text = written(project, new(cli, project, *args)).read_text()
    assert "service: payments\nowner: ops team\n" in text
    assert "\n# Restart\n" in text and "\x1b" not in text
