"""Two branches add the same number; drafts get numbers when they land."""

from __future__ import annotations

from typing import Any

from tests.adr.conftest import records
from tests.gitrepo import Repo

BASE = "---\nstatus: accepted\ndate: 2024-01-15\n---\n# Use Postgres for events\n"


def _adr(status: str, title: str, extra: str = "") -> str:
    return f"---\nstatus: {status}\ndate: 2024-02-01\n{extra}---\n# {title}\n\nBody of {title}.\n"


def test_renumber_gives_the_later_branch_the_next_number(cli: Any, repo: Repo) -> None:
    repo.commit("docs(adr): first", files={"adr/0001-use-postgres-for-events.md": BASE})
    repo.branch("cache")
    repo.checkout("main")
    repo.commit(
        "docs(adr): queue", files={"adr/0002-use-a-queue.md": _adr("proposed", "Use a queue")}
    )
    repo.checkout("cache")
    repo.commit(
        "docs(adr): cache",
        files={
            "adr/0002-cache-invoices.md": _adr(
                "accepted", "Cache invoices", "supersedes: ['0001']\n"
            ),
            "adr/0001-use-postgres-for-events.md": BASE.replace(
                "date: 2024-01-15\n", "date: 2024-01-15\nsuperseded-by: ['0002']\n"
            ).replace("accepted", "superseded"),
        },
    )
    repo.checkout("main")
    repo.merge("cache", "Merge branch 'cache'")
    lint = cli("--repo", repo.path, "adr", "lint")
    assert lint.code == 1 and "ADR005 number 0002 is also used by" in lint.stdout

    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code == 0, result
    # The cache branch committed its 0002 later (the fixture clock ticks per commit).
    assert result.stdout == "adr/0002-cache-invoices.md -> adr/0003-cache-invoices.md\n"
    found = records(cli, repo)
    assert found["0001"]["superseded_by"] == ["0003"]
    assert found["0003"]["supersedes"] == ["0001"]
    assert found["0002"]["title"] == "Use a queue"
    assert cli("--repo", repo.path, "adr", "lint").code == 0
    status = repo.git("status", "--porcelain")
    assert "R  adr/0002-cache-invoices.md -> adr/0003-cache-invoices.md" in status


def test_number_drafts_assigns_numbers_and_rewrites_links(cli: Any, repo: Repo) -> None:
    repo.commit("docs(adr): first", files={"adr/0001-use-postgres-for-events.md": BASE})
    for title in ("Cache invoices", "Use a queue"):
        result = cli("--repo", repo.path, "adr", "new", title, "--draft", "--no-edit")
        assert result.stdout.startswith("adr/XXXX-")
        repo.git("add", "adr")
        repo.commit(f"docs(adr): {title}", files={})
    link = cli("--repo", repo.path, "adr", "link", "XXXX-use-a-queue", "--amends", "1")
    assert link.code == 0, link
    result = cli("--repo", repo.path, "adr", "number-drafts")
    assert result.stdout == (
        "adr/XXXX-cache-invoices.md -> adr/0002-cache-invoices.md\n"
        "adr/XXXX-use-a-queue.md -> adr/0003-use-a-queue.md\n"
    )
    found = records(cli, repo)
    assert found["0001"]["amended_by"] == ["0003"]
    assert found["0003"]["amends"] == ["0001"]
    assert cli("--repo", repo.path, "adr", "lint").code == 0


def test_renumber_rewrites_every_reference_that_meant_the_moved_adr(cli: Any, repo: Repo) -> None:
    repo.commit("docs(adr): first", files={"adr/0001-use-postgres-for-events.md": BASE})
    repo.branch("b")
    repo.checkout("main")
    repo.branch("a")
    repo.commit(
        "docs(adr): a",
        files={
            "adr/0002-branch-a.md": _adr("accepted", "Branch a"),
            "adr/20240101-note-on-a.md": "# Note on a\n\n- Status: accepted\n\nAmends ADR-0002\n",
        },
    )
    repo.checkout("b")
    repo.commit("docs(adr): b", files={"adr/0002-branch-b.md": _adr("accepted", "Branch b")})
    extend = _adr("accepted", "Extend b", "amends: ['0002']\n") + (
        "\nSee [ADR-0002](0002-branch-b.md) and [2. Branch b](0002-branch-b.md#why).\n"
    )
    repo.commit("docs(adr): extend b", files={"adr/0003-extend-b.md": extend})
    repo.checkout("main")
    repo.merge("a", "Merge branch 'a'")
    repo.merge("b", "Merge branch 'b'")

    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.stdout == "adr/0002-branch-b.md -> adr/0004-branch-b.md\n", result
    text = (repo.path / "adr/0003-extend-b.md").read_text()
    assert "amends: ['0004']" in text
    assert "See [ADR-0004](0004-branch-b.md) and [4. Branch b](0004-branch-b.md#why)." in text
    # Written on branch a, where 0002 was branch a's ADR: it still means that one.
    note = (repo.path / "adr/20240101-note-on-a.md").read_text()
    assert note.endswith("Amends ADR-0002\n")
    found = records(cli, repo)
    assert found["0004"]["amended_by"] == ["0003"]
    assert found["0002"]["amended_by"] == ["20240101-note-on-a"]
