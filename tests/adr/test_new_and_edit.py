"""`adr new`, `adr status`, `adr link`: MADR 4 out, and a human's file kept as it was."""

from __future__ import annotations

import datetime
import os
import stat
from pathlib import Path
from typing import Any

from leaddocs.application import api
from tests.adr.conftest import records
from tests.gitrepo import Repo

TODAY = datetime.date.today().isoformat()

# A MADR 4 file a human wrote: comments, odd key order, double quotes, CRLF-free body with
# trailing spaces and a table that must survive byte for byte.
HAND_WRITTEN = """---
# Reviewed in the architecture guild, 2024-01-10.
date: 2024-01-15
status: "accepted"   # was proposed until the load test
decision-makers:
  - Ada Lovelace
  - Grace Hopper
tags: [storage, events]
---
# Use Postgres for events

## Context and Problem Statement

Billing emits 40 events a second.  \n
| option | cost |
|--------|------|
| Kafka  | high |

## Decision Outcome

Chosen option: "Postgres".
"""


def test_new_writes_madr4_front_matter_and_prints_the_path(cli: Any, repo: Repo) -> None:
    result = cli(
        "--repo", repo.path, "adr", "new", "Use Postgres for events",
        "--tag", "storage", "--decision-maker", "Ada Lovelace", "--no-edit",
    )  # fmt: skip
    assert result.code == 0, result
    assert result.stdout == "adr/0001-use-postgres-for-events.md\n"
    text = (repo.path / "adr/0001-use-postgres-for-events.md").read_text()
    assert text.startswith(
        f"---\nstatus: proposed\ndate: {TODAY}\ndecision-makers: [Ada Lovelace]\n"
        "consulted: []\ninformed: []\ntags: [storage]\n---\n\n# Use Postgres for events\n\n"
        "## Context and Problem Statement\n"
    )
    record = records(cli, repo)["0001"]
    assert (record["status"], record["date"], record["title"]) == (
        "proposed",
        TODAY,
        "Use Postgres for events",
    )
    second = cli("--repo", repo.path, "adr", "new", "Cache invoices", "--no-edit")
    assert second.stdout == "adr/0002-cache-invoices.md\n"
    lint = cli("--repo", repo.path, "adr", "lint")
    assert (lint.code, lint.stdout) == (0, "")


def test_superseding_keeps_the_old_file_as_the_human_wrote_it(cli: Any, repo: Repo) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    old = folder / "0001-use-postgres-for-events.md"
    old.write_text(HAND_WRITTEN)
    result = cli(
        "--repo", repo.path, "adr", "new", "Use Kafka for events", "--supersedes", "1",
        "--status", "accepted", "--no-edit",
    )  # fmt: skip
    assert result.code == 0, result
    # ruamel.yaml keeps a comment in its column, so the longer value eats two of its spaces.
    assert old.read_text() == HAND_WRITTEN.replace(
        'status: "accepted"   # was', 'status: "superseded" # was'
    ).replace("tags: [storage, events]\n", "tags: [storage, events]\nsuperseded-by: ['0002']\n")
    found = records(cli, repo)
    assert found["0001"]["status"] == "superseded"
    assert found["0001"]["superseded_by"] == ["0002"]
    assert found["0002"]["supersedes"] == ["0001"]
    assert cli("--repo", repo.path, "adr", "lint").code == 0


def test_superseding_legacy_styles_edits_them_in_their_own_idiom(cli: Any, mixed: Repo) -> None:
    folder = mixed.path / "adr"
    tools = folder / "0003-write-dates-in-iso-8601.md"
    madr2 = folder / "0009-run-batch-jobs-on-kubernetes.md"
    tools_before, madr2_before = tools.read_text(), madr2.read_text()
    result = cli(
        "--repo", mixed.path, "adr", "new", "Write dates with time zones",
        "--supersedes", "3", "--supersedes", "ADR-0009", "--no-edit",
    )  # fmt: skip
    assert result.stdout == "adr/0010-write-dates-with-time-zones.md\n"
    assert tools.read_text() == tools_before.replace(
        "Accepted\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n",
        "Superseded\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n"
        "\nSuperseded by [ADR-0010](0010-write-dates-with-time-zones.md)\n",
    )
    assert madr2.read_text() == madr2_before.replace(
        "* Status: accepted; supersedes ADR-0008\n",
        "* Status: superseded; supersedes ADR-0008\n"
        "* Superseded by [ADR-0010](0010-write-dates-with-time-zones.md)\n",
    )
    found = records(cli, mixed)
    assert found["0003"]["status"] == found["0009"]["status"] == "superseded"
    assert found["0009"]["supersedes"] == ["0008"]  # the link in its status text survived
    assert found["0010"]["supersedes"] == ["0003", "0009"]


def test_status_and_link_commands(cli: Any, repo: Repo) -> None:
    for title in ("Use Postgres for events", "Keep events for a year", "Use Kafka for events"):
        assert cli("--repo", repo.path, "adr", "new", title, "--no-edit").code == 0
    assert cli("--repo", repo.path, "adr", "status", "1", "accepted").code == 0
    assert cli("--repo", repo.path, "adr", "link", "2", "--amends", "1").code == 0
    assert cli("--repo", repo.path, "adr", "link", "3", "--supersedes", "0001").code == 0
    found = records(cli, repo)
    assert found["0001"]["status"] == "superseded"
    assert (found["0001"]["amended_by"], found["0001"]["superseded_by"]) == (["0002"], ["0003"])
    assert (found["0002"]["amends"], found["0003"]["supersedes"]) == (["0001"], ["0001"])
    shown = cli("--repo", repo.path, "adr", "show", "ADR-0001")
    assert "superseded_by:   0003" in shown.stdout
    assert cli("--repo", repo.path, "adr", "status", "2", "superseded").code == 2
    assert cli("--repo", repo.path, "adr", "lint").code == 0
    filtered = cli("--repo", repo.path, "adr", "list", "--status", "superseded")
    assert filtered.stdout.splitlines()[1:] == [
        f"0001  superseded  {TODAY}  Use Postgres for events"
    ]


def test_a_draft_from_source_goes_through_the_one_template(repo: Repo) -> None:
    (repo.path / "leaddocs.yml").write_text("adr:\n  dir: docs/decisions\n")
    notes = repo.path / "notes.md"
    notes.write_text("Invoices render in 2 s.\n")
    project = api.open_project(repo.path)
    request = api.NewAdrRequest(
        "Cache invoices in Redis", draft=True, source=notes, today=datetime.date(2026, 11, 23)
    )
    made = api.new_adr(project, request)
    folder = repo.path / "docs/decisions"
    assert made.path == folder / "XXXX-cache-invoices-in-redis.md"
    text = made.path.read_text()
    assert text.startswith(
        "---\nstatus: proposed\ndate: 2026-11-23\ndecision-makers: []\nconsulted: []\n"
        "informed: []\ntags: []\n---\n\n# Cache invoices in Redis\n\n"
        "## Context and Problem Statement\n\nFrom notes.md, line 1:\n\n"
        "> Invoices render in 2 s.\n\n## Decision Drivers\n\n* {driver 1"
    )
    assert [written.action for written in made.written] == ["created"]


def test_a_drafted_record_honours_the_repository_template(repo: Repo) -> None:
    templates = repo.path / ".leaddocs/templates"
    templates.mkdir(parents=True)
    (templates / "adr.md.j2").write_text(
        "---\n{{ front_matter }}---\n\n# {{ title }}\n\n## Why\n\n"
        '{% filter fill("Context and Problem Statement") %}\n(why)\n{% endfilter %}\n\n## Risks\n'
    )
    notes = repo.path / "notes.md"
    notes.write_text("Polling misses events.\n")
    made = api.new_adr(api.open_project(repo.path), api.NewAdrRequest("Use Kafka", source=notes))
    body = made.path.read_text().split("---\n\n", 1)[1]
    assert body == (
        "# Use Kafka\n\n## Why\n\nFrom notes.md, line 1:\n\n"
        "> Polling misses events.\n\n## Risks\n"
    )


def test_template_override_in_the_repository(cli: Any, repo: Repo) -> None:
    templates = repo.path / ".leaddocs/templates"
    templates.mkdir(parents=True)
    (templates / "adr.md.j2").write_text(
        "---\n{{ front_matter }}---\n\n# {{ title }}\n\n## Why\n\n## What\n"
    )
    cli("--repo", repo.path, "adr", "new", "Use Postgres", "--no-edit")
    text = (repo.path / "adr/0001-use-postgres.md").read_text()
    assert text.endswith("---\n\n# Use Postgres\n\n## Why\n\n## What\n")


def test_folder_template_md_gives_its_sections(cli: Any, repo: Repo) -> None:
    folder = repo.path / "docs/adr"
    folder.mkdir(parents=True)
    (folder / "template.md").write_text("# [short title]\n\n## Context\n\n## Decision\n")
    cli("--repo", repo.path, "adr", "new", "Use Postgres", "--no-edit")
    text = (folder / "0001-use-postgres.md").read_text()
    assert text.endswith("---\n\n# Use Postgres\n\n## Context\n\n## Decision\n")


def test_editor_is_opened_unless_no_edit(cli: Any, repo: Repo, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "Edited by a human." >> "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    os.environ["EDITOR"] = str(editor)  # sealed_git removes EDITOR again after the test
    cli("--repo", repo.path, "adr", "new", "Use Postgres")
    cli("--repo", repo.path, "adr", "new", "Use Redis", "--no-edit")
    assert (repo.path / "adr/0001-use-postgres.md").read_text().endswith("Edited by a human.\n")
    assert "Edited" not in (repo.path / "adr/0002-use-redis.md").read_text()


def test_template_override_without_front_matter_fails_clearly(cli: Any, repo: Repo) -> None:
    templates = repo.path / ".leaddocs/templates"
    templates.mkdir(parents=True)
    (templates / "adr.md.j2").write_text("# {{ title }}\n\n## Why\n")
    result = cli("--repo", repo.path, "adr", "new", "Use Postgres", "--no-edit")
    assert result.code == 10
    assert result.stderr.endswith("adr.md.j2: the template never uses {{ front_matter }}\n")
    assert not (repo.path / "adr/0001-use-postgres.md").exists()


def test_the_adr_template_renders_in_the_sandbox(cli: Any, repo: Repo) -> None:
    templates = repo.path / ".leaddocs/templates"
    templates.mkdir(parents=True)
    (templates / "adr.md.j2").write_text(
        "---\n{{ front_matter }}---\n# {{ title }}\n\n"
        "{{ cycler.__init__.__globals__.os.system('touch pwned') }}\n"
    )
    result = cli("--repo", repo.path, "adr", "new", "Use Postgres", "--no-edit")
    assert result.code == 10, result
    assert result.stderr.startswith(f"leaddocs: error: {templates / 'adr.md.j2'}:5: ")
    assert not (repo.path / "pwned").exists() and not Path("pwned").exists()
    assert not (repo.path / "adr").exists()


def test_a_failing_editor_is_reported_in_leaddocs_format(cli: Any, repo: Repo) -> None:
    os.environ["EDITOR"] = "false"  # sealed_git removes EDITOR again after the test
    result = cli("--repo", repo.path, "adr", "new", "Use Postgres")
    assert result.stdout == "adr/0001-use-postgres.md\n"
    assert result.stderr.startswith("leaddocs: error: ")
    assert result.stderr.endswith("adr/0001-use-postgres.md is written\n")
