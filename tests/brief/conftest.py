"""Repositories for briefs: decision records of every style, tagged releases, two weeks of
status; and the fake OpenAI server for the model's mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting.conftest import fake_llm  # noqa: F401  (the fake OpenAI server fixture)
from tests.gitrepo import Repo
from tests.status.conftest import notes, weeks  # noqa: F401  (two weeks of status)

EVENTS = """---
status: accepted
date: 2025-03-01
decision-makers: [Ada Lovelace, Grace Hopper]
---
# Use Postgres for events

## Context and Problem Statement

Our event store (a self-hosted Kafka cluster) costs two on-call engineers and $4,000 a month.
We need a **cheaper** home for [events](https://example.com/events) that keeps customer PII
encrypted at rest.

<!-- This is an optional element. Feel free to remove. -->
## Decision Drivers

* Cost
* Operational load

## Considered Options

* Postgres
* Kafka (keep)
* A managed queue from a vendor

## Decision Outcome

Chosen option: "Postgres", because we already run it and it removes one on-call rotation.

### Consequences

* Good, because it saves about $3,000 a month and frees one on-call engineer.
* Good, because PII stays in one encrypted database, which simplifies GDPR deletion requests.
* Bad, because the migration of 2 years of events takes about six weeks.
* Bad, because throughput is capped at 5,000 events per second.

### Confirmation

```sh
make load-test RATE=5000
```

A load test at 5,000 events per second before the switch.
"""

QUEUE = """# 2. Move the queue to a vendor

Date: 2025-04-02

## Status

Proposed

## Context

The queue pages us every night.

## Decision

We will move the queue to a managed service under a three-year contract.

## Consequences

The vendor's licence forbids resale of the data it stores.
"""

TEMPLATE_LEFTOVERS = """---
status: superseded
superseded-by: ["0002"]
---
# Keep the queue in house

## Context and Problem Statement

{Describe the context and problem statement in two or three sentences.}

## Decision Outcome

Chosen option: "In house".

### Consequences

* Good, because {positive consequence}
"""


@pytest.fixture
def decided(repo: Repo) -> Repo:
    """Three records: MADR 4 (accepted), adr-tools (proposed), and a superseded MADR one
    that still holds the template's placeholders."""
    repo.commit(
        "docs: decisions",
        files={
            "adr/0001-use-postgres-for-events.md": EVENTS,
            "adr/0002-move-the-queue-to-a-vendor.md": QUEUE,
            "adr/0003-keep-the-queue-in-house.md": TEMPLATE_LEFTOVERS,
        },
    )
    return repo


@pytest.fixture
def released(repo: Repo) -> Repo:
    """v1.0.0, then v1.1.0 with features, fixes, a breaking change, a security fix, a
    dependency bump and housekeeping; one feature unreleased after it."""
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("feat(api): export invoices as CSV")
    repo.commit("feat: customers can download receipts from the billing page")
    repo.commit("fix: handle empty carts at checkout")
    repo.commit("fix(security): escape user names in invoice PDFs (CVE-2025-1234)")
    repo.commit(
        "feat(api)!: remove the v1 invoices endpoint\n\n"
        "BREAKING CHANGE: clients must call /v2/invoices instead."
    )
    repo.commit("chore(deps): bump lodash from 4.17.20 to 4.17.21")
    repo.commit("refactor: split the billing module")
    repo.commit("ci: cache the wheels")
    repo.tag("v1.1.0")
    repo.commit("feat: dark mode")
    return repo


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
