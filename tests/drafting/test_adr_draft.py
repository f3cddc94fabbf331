"""ADR drafts from source material: grounded in line ranges, or the template quoting it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leaddocs.adr.template import render_record
from leaddocs.config import LlmConfig
from leaddocs.drafting.adr_draft import AdrDraft, Source, draft_adr, template_sections
from leaddocs.drafting.engine import LlmDrafter
from leaddocs.drafting.template import TemplateDrafter
from tests.drafting.fake_openai import FakeOpenAI, draft, manifest_of
from tests.gitrepo import Repo

NOTES = """\
Events are written to the orders table and polled every 5 s.

Polling misses events under load; consumers need ordering per customer.

Options discussed: Kafka, or Postgres LISTEN/NOTIFY.
Kafka keeps ordering per partition but needs a cluster to run.
NOTIFY is simple but drops messages when no listener is connected.

We chose Kafka. <script>alert(1)</script>
"""


def source() -> Source:
    return Source.of("kafka-notes.md", NOTES)


def record(sections: dict[str, str]) -> str:
    """The drafted sections placed in the packaged MADR template, as ``adr new`` places them."""
    nowhere = Path("/nonexistent")
    return render_record(
        title="T", front_matter="status: proposed\n", number="0001", sections=sections,
        adr_dir=nowhere, templates_dir=nowhere,
    ).text  # fmt: skip


def body_of(outcome: AdrDraft) -> str:
    return record(outcome.sections)


def fast(tmp_path: Path) -> LlmDrafter:
    settings = LlmConfig(model="fake-model", timeout=1, max_retries=0)
    return LlmDrafter(settings, cache_dir=tmp_path / "cache")


def test_paragraphs_are_the_manifest_with_line_range_ids() -> None:
    items = source().paragraphs()
    assert [item.id for item in items] == ["L1", "L3", "L5-L7", "L9"]
    assert items[2].body.startswith("Options discussed: Kafka, or Postgres")
    assert not any(item.required for item in items)


def test_a_range_is_valid_only_inside_the_source_and_on_text() -> None:
    notes = source()
    assert notes.span("L5-L7") == (5, 7)
    assert notes.span("L6-7") == (6, 7)
    assert notes.span("L6") == (6, 6)
    assert notes.span("L2") is None  # a blank line says nothing
    assert notes.span("L9-L40") is None
    assert notes.span("line 3") is None


def test_without_a_model_the_template_quotes_the_source_under_context() -> None:
    outcome = draft_adr(source(), TemplateDrafter())
    body = body_of(outcome)
    assert outcome.sections == template_sections(source())
    context = body.split("## Decision Drivers")[0]
    assert "> Polling misses events under load" in context
    assert "&lt;script&gt;" in context and "<script>" not in body
    assert "## Considered Options" in body and "## Pros and Cons of the Options" in body
    assert outcome.report.lines() == []


def test_secrets_in_the_source_stay_out_of_the_record() -> None:
    body = record(template_sections(Source.of("n.md", "db password=hunter2 in prod\n")))
    assert "hunter2" not in body and "[REDACTED:password]" in body


def test_the_model_draft_cites_source_lines_and_invented_ranges_are_rejected(
    fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    reply = draft(
        ("Context and Problem Statement", "Polling misses events under load.", ["L3"]),
        ("Decision Drivers", "Ordering per customer", ["L3"]),
        ("Considered Options", "Kafka", ["L5-L7"]),
        ("Considered Options", "Postgres LISTEN/NOTIFY", ["L5"]),
        ("Option: Kafka", "Good, because it keeps ordering per partition", ["L6"]),
        ("Option: Kafka", "Bad, because it needs a cluster", ["L6"]),
        ("Decision Outcome", "Chosen option: Kafka, because it keeps ordering", ["L9", "L6"]),
        ("Consequences", "Good, because nothing is missed under load", ["L42-L50"]),
    )
    fake_llm.queue(reply, reply)
    outcome = draft_adr(source(), fast(tmp_path))
    body = body_of(outcome)
    assert "* Polling misses events under load. (source L3)" in body
    assert "* Kafka (source L5-L7)" in body
    assert "### Kafka\n\n* Good, because it keeps ordering per partition (source L6)" in body
    assert "* Chosen option: Kafka, because it keeps ordering (source L9, L6)" in body
    assert "nothing is missed" not in body  # cited lines that do not exist
    assert "### Consequences\n\n_Not in the source: to be written._" in body
    assert outcome.report.rejected_ids == ["L42-L50"]
    assert "```text\n1 | Events are written" in body  # the source, numbered, for checking
    sent = fake_llm.requests[0]["messages"][1]["content"]
    assert '"id": "L5-L7"' in sent


def test_adr_new_from_a_file_with_the_model(repo: Repo, cli: Any, fake_llm: FakeOpenAI) -> None:
    repo.commit("chore: start")
    notes = repo.path / "notes.md"
    notes.write_text(NOTES)
    fake_llm.queue(draft(("Context and Problem Statement", "Polling misses events.", ["L3"])))
    result = cli(
        "--repo",
        repo.path,
        "adr",
        "new",
        "Use Kafka for events",
        "--from",
        notes,
        "--llm",
        "--no-edit",
    )
    assert result.code == 0, result
    written = repo.path / result.stdout.strip()
    text = written.read_text()
    assert "status: proposed" in text
    assert "# Use Kafka for events" in text
    assert "* Polling misses events. (source L3)" in text
    assert "4 items: 1 drafted by model" in result.stderr


def test_adr_new_from_a_file_without_the_model(repo: Repo, cli: Any) -> None:
    repo.commit("chore: start")
    notes = repo.path / "notes.md"
    notes.write_text(NOTES)
    result = cli("--repo", repo.path, "adr", "new", "Use Kafka", "--from", notes, "--no-edit")
    assert result.code == 0, result
    text = (repo.path / result.stdout.strip()).read_text()
    assert "> We chose Kafka." in text
    assert result.stderr == ""


def test_adr_new_llm_needs_a_source(repo: Repo, cli: Any) -> None:
    repo.commit("chore: start")
    result = cli("--repo", repo.path, "adr", "new", "Use Kafka", "--llm", "--no-edit")
    assert result.code == 2
    assert "--from FILE" in result.stderr


def test_adr_new_with_no_endpoint_writes_the_template_and_exits_8(repo: Repo, cli: Any) -> None:
    repo.commit("chore: start")
    notes = repo.path / "notes.md"
    notes.write_text(NOTES)
    result = cli("--repo", repo.path, "adr", "new", "Use Kafka", "--from", notes, "--llm")
    assert result.code == 8
    [path, error] = [*result.stdout.strip().splitlines(), *result.stderr.strip().splitlines()]
    assert "> We chose Kafka." in (repo.path / path).read_text()
    assert "OPENAI_API_KEY" in error


def test_a_long_paragraph_reaches_the_model_whole_in_line_ranges(
    fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    lines = [f"Line {n}: the polling loop holds a lock on the orders table." for n in range(20)]
    text = "\n".join([*lines, "We chose Kafka because ordering per customer matters most."])
    fake_llm.queue(draft(("Context and Problem Statement", "Polling locks.", ["L1"])))
    outcome = draft_adr(Source.of("long.md", text + "\n"), fast(tmp_path))
    sent = manifest_of(fake_llm.requests[0])
    assert "We chose Kafka because ordering" in sent[-1]["body"]
    assert [item["id"] for item in sent][:2] == ["L1-L8", "L9-L16"]
    assert not outcome.report.trimmed


def test_a_line_too_long_to_send_whole_is_reported(fake_llm: FakeOpenAI, tmp_path: Path) -> None:
    text = "Context. " * 100 + "We chose Kafka.\n"
    fake_llm.queue(draft(("Context and Problem Statement", "Context.", ["L1"])))
    outcome = draft_adr(Source.of("one-line.md", text), fast(tmp_path))
    assert outcome.report.trimmed == ["L1"]
    assert "cut to fit before sending: L1" in outcome.report.lines()


def test_a_drafted_record_is_proposed_whatever_status_was_asked(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    repo.commit("chore: start")
    notes = repo.path / "notes.md"
    notes.write_text(NOTES)
    fake_llm.queue(draft(("Context and Problem Statement", "Polling misses events.", ["L3"])))
    args = ["adr", "new", "Use Kafka", "--from", notes, "--llm", "--status", "accepted"]
    result = cli("--repo", repo.path, *args, "--no-edit")
    assert result.code == 0, result
    assert "status: proposed" in (repo.path / result.stdout.strip()).read_text()
    assert "starts as proposed, not accepted" in result.stderr


def test_without_a_model_each_part_is_quoted_under_the_section_its_heading_names() -> None:
    notes = (
        "# Queue choice\n\nWe need a durable queue.\n\n## Options\n- Postgres\n- Kafka\n\n"
        "Decision: Postgres, revisit at 10k events/s.\n\n## Risks we see\nOne more database.\n"
    )
    sections = template_sections(Source.of("q.md", notes))
    assert sections["Considered Options"] == "From q.md, lines 6-7:\n\n> \\- Postgres\n>\n> \\- Kafka"
    assert sections["Decision Outcome"] == (
        "From q.md, line 9:\n\n> Decision: Postgres, revisit at 10k events/s."
    )
    # A heading no section names is a new topic of the context, quoted with its own words.
    context = sections["Context and Problem Statement"]
    assert "> We need a durable queue." in context and "> \\## Risks we see\n>\n> One more" in context
    assert set(sections) == {"Context and Problem Statement", "Considered Options", "Decision Outcome"}
    # Every line of the source with text is quoted somewhere: nothing is lost.
    quoted = "\n".join(sections.values())
    for line in ("Queue choice", "Postgres", "Kafka", "One more database."):
        assert line in quoted
