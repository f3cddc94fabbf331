"""A repository with two weeks of history for status pages (the fixed clock of tests/gitrepo.py:
week 1 is 2023-11-15..21, week 2 is 2023-11-22..28)."""

from __future__ import annotations

from pathlib import Path

from tests.gitrepo import Repo, init_repo

WEEK1 = ("--since", "7d", "--until", "2023-11-21")
WEEK2 = ("--since", "7d", "--until", "2023-11-28")

NOTES = """# Notes for the week

A free remark about <the team> and @everyone.

## Health
At risk: the billing migration slipped a week.

## Risks
- Vendor contract for the payment provider is not signed yet.

## Blockers
- Waiting for the security review of the export endpoint.

## Next
- Ship the invoice export.
- Decide on the event store (ADR 0001).
"""

ADR = """---
status: proposed
date: 2023-10-01
---
# Use Postgres for events

## Context and Problem Statement

Events need a home.
"""


def on_day(repo: Repo, day: int) -> None:
    """The next commit is made on 2023-11-15 + ``day`` (at 01:13 UTC, one hour per commit)."""
    repo._clock = 24 * day + 2


def two_weeks(path: Path) -> Repo:
    repo = init_repo(path)
    on_day(repo, 0)
    repo.commit("feat(api): first endpoint")
    repo.commit("fix: a typo in the greeting", files={"greeting.txt": "hello\n"})
    typo = repo.head()
    on_day(repo, 7)
    repo.commit("feat(billing)!: a new invoice format", files={"billing/invoice.py": "v2\n"})
    repo.commit("fix(api): handle empty carts")
    repo.merge_pr(7, "Add exports", ["feat: export invoices as CSV"])
    repo.git("revert", "--no-edit", typo, env=repo._dates())
    repo.commit("docs: the first decision", files={"adr/0001-use-postgres-for-events.md": ADR})
    main = repo.head()
    repo.branch("wip-search")
    repo.commit("feat(search): index invoices")
    repo.commit("feat(search): query invoices")
    repo.checkout("main")
    assert repo.head() == main
    return repo
