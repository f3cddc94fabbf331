"""RFCs and runbooks drafted from source material: placed by heading offline, grounded in
line ranges with a model, secrets redacted and reported in both."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.drafting.fake_openai import FakeOpenAI, draft, manifest_of
from tests.gitrepo import Repo
from tests.new_docs.conftest import new, tree, written
from tests.security.rendered import assert_safe

NOTES = """\
# Kafka for billing events

Polling the orders table misses events under load.

## Proposal
Publish each billing event to a Kafka topic per customer.
Consumers read in order.

Alternatives:
Postgres LISTEN/NOTIFY drops messages with no listener.

## Timeline
Start in March. <script>alert(1)</script> @everyone

```
## Risks (inside a fence: not a heading)
```

**Risks:**
The cluster costs money; the db password=hunter2 must move.
"""

INCIDENT = """\
Alerts: queue depth over 10k on the payments dashboard.

Procedure:
Drain the consumers.
Restart the broker.

Escalation:
Page #payments-oncall.
"""


def section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match is not None, f"no section {title}:\n{text}"
    return match[1].strip()


def source(repo: Repo, text: str, name: str = "notes.md") -> Path:
    path = repo.path / name
    path.write_text(text)
    return path


def test_offline_each_part_of_the_source_goes_under_its_section(cli: Any, project: Repo) -> None:
    notes = source(project, NOTES)
    result = new(cli, project, "rfc", "Use Kafka for billing", "--from", notes)
    text = written(project, result).read_text()
    motivation = section(text, "Motivation")
    assert motivation.startswith("From notes.md, lines 1-3:\n\n> \\# Kafka for billing events")
    assert "> Polling the orders table misses events under load." in motivation
    proposal = section(text, "Proposal")
    assert proposal == (
        "From notes.md, lines 6-7:\n\n"
        "> Publish each billing event to a Kafka topic per customer.\n> Consumers read in order."
    )
    assert section(text, "Alternatives").endswith(
        "> Postgres LISTEN/NOTIFY drops messages with no listener."
    )
    # An unknown heading starts a new topic: back to Motivation, the fenced "heading" with it.
    assert "From notes.md, lines 12-17:" in motivation
    assert "&lt;script&gt;" in motivation and "<script>" not in text
    risks = section(text, "Risks")
    assert "> The cluster costs money; the db password=[REDACTED:password] must move." in risks
    assert "hunter2" not in text
    assert section(text, "Summary").startswith("_What is proposed")  # the template's guidance
    assert "## Source material" not in text
    assert result.stderr == "secrets redacted from the source: notes.md:20 (password)\n"
    assert_safe(text.split("---\n", 2)[2])


def test_offline_runbook_from_incident_notes(cli: Any, project: Repo) -> None:
    notes = source(project, INCIDENT, "incident.md")
    args = ("runbook", "Restart the broker", "--service", "payments", "--from", notes)
    text = written(project, new(cli, project, *args)).read_text()
    assert section(text, "Symptoms") == (
        "From incident.md, line 1:\n\n> Alerts: queue depth over 10k on the payments dashboard."
    )
    assert "> Drain the consumers.\n> Restart the broker." in section(text, "Steps")
    assert section(text, "Escalation") == "From incident.md, line 8:\n\n> Page #payments-oncall."
    assert section(text, "Rollback").startswith("_How to undo each step")


def test_with_a_model_every_statement_cites_its_lines(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    notes = source(project, NOTES)
    reply = draft(
        ("Summary", "Publish billing events to Kafka, one topic per customer.", ["L6-L7"]),
        ("Motivation", "Polling misses events under load.", ["L3"]),
        ("Alternatives", "Postgres LISTEN/NOTIFY, which drops messages.", ["L9-L10"]),
        ("Risks", "The cluster costs money.", ["L20"]),
        ("Risks", "Nobody will ever read this.", ["L400"]),
        ("Timeline", "Start in March.", ["L13"]),
    )
    fake_llm.queue(reply, reply)
    args = ("rfc", "Use Kafka", "--from", notes, "--llm", "--status", "accepted")
    result = new(cli, project, *args)
    text = written(project, result).read_text()
    assert "status: draft" in text  # a drafted RFC is for a person to finish
    assert section(text, "Summary") == (
        "* Publish billing events to Kafka, one topic per customer. (source L6-L7)"
    )
    assert section(text, "Risks") == "* The cluster costs money. (source L20)"
    assert "Nobody will ever read" not in text  # it cites lines the source does not have
    assert section(text, "Proposal") == "_Not in the source: to be written._"
    more = section(text, "Source material")
    assert more.startswith("### Timeline\n\n* Start in March. (source L13)")
    assert "```text\n 1 | # Kafka for billing events" in more
    assert "hunter2" not in text
    sent = fake_llm.requests[0]["messages"][1]["content"]
    assert "hunter2" not in sent
    assert '"id": "L5-L7"' in sent  # a paragraph, its heading with it
    assert "Open questions" in fake_llm.requests[0]["messages"][0]["content"] + sent
    stderr = result.stderr
    assert "an RFC drafted with --from starts as draft, not accepted" in stderr
    assert "secrets redacted from the source: notes.md:20 (password)" in stderr
    assert "invented ids rejected" in stderr and "L400" in stderr
    # Everything the model wrote, safe in both renderers; the source listing is a fenced block.
    assert_safe(text.split("---\n", 2)[2].split("### Source: notes.md")[0])


def test_with_a_model_runbook_steps_are_numbered_in_order(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    notes = source(project, INCIDENT, "incident.md")
    fake_llm.queue(
        draft(
            ("Steps", "Drain the consumers.", ["L4"]),
            ("Steps", "Restart the broker.", ["L5"]),
            ("Escalation", "Page the payments on-call.", ["L8"]),
        )
    )
    args = ("runbook", "Restart the broker", "--service", "payments", "--from", notes, "--llm")
    text = written(project, new(cli, project, *args)).read_text()
    assert section(text, "Steps") == (
        "1. Drain the consumers. (source L4)\n2. Restart the broker. (source L5)"
    )
    assert [item["id"] for item in manifest_of(fake_llm.requests[0])] == ["L1", "L3-L5", "L7-L8"]
    assert "one bullet per step" in str(fake_llm.requests[0]["messages"])


def test_without_an_endpoint_the_offline_draft_is_written_and_the_exit_says_why(
    cli: Any, project: Repo
) -> None:
    notes = source(project, INCIDENT, "incident.md")
    result = new(
        cli, project, "runbook", "Restart", "--service", "payments", "--from", notes, "--llm"
    )
    assert result.code == 8
    path = project.path / result.stdout.strip()
    assert "> Drain the consumers." in path.read_text()
    assert "OPENAI_API_KEY" in result.stderr


def test_unreadable_source_material_is_refused_before_anything_is_written(
    cli: Any, project: Repo
) -> None:
    (project.path / "folder").mkdir()
    binary = project.path / "dump.bin"
    binary.write_bytes(b"\xff\xfe\x00notes")
    before = tree(project)
    cases = {
        project.path / "folder": "not a regular file",
        binary: "not UTF-8 text",
        project.path / "gone.md": "cannot read",
    }
    for path, message in cases.items():
        result = new(cli, project, "rfc", "Cache invoices", "--from", path)
        assert result.code == 2, result
        assert message in result.stderr and result.stderr.count("\n") == 1
    assert tree(project) == before
