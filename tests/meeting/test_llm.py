"""--llm: a summary grounded in the notes' lines, against the loopback fake OpenAI server.
Invented owners, dates, decisions and ids are rejected and reported; any failure leaves the
deterministic page."""

from __future__ import annotations

from typing import Any

from tests.drafting.fake_openai import FakeOpenAI, draft, error, manifest_of
from tests.gitrepo import Repo
from tests.meeting.conftest import section

NOTES_FILE = "notes/2026-12-02-platform-sync.md"
ACTIONS = ["L7", "L8", "L9", "L10", "L11", "L16", "L17"]


def _run(cli: Any, repo: Repo, *args: Any) -> Any:
    return cli("--repo", repo.path, "meeting", repo.path / NOTES_FILE, "--llm", "-o", "-", *args)


def _phrasing(*extra: tuple[str, str, list[str]]) -> Any:
    """An answer covering every decision and action (so the engine has nothing to ask again)."""
    return draft(
        ("Summary", "The team moves the event store to Postgres.", ["L6"]),
        ("Summary", "Bob Okafor benchmarks the writes first.", ["L8"]),
        ("Decisions", "The event store moves to Postgres.", ["L6"]),
        *(("Action items", f"Phrased as item {line[1:]}.", [line]) for line in ACTIONS),
        *extra,
    )


def test_the_summary_and_wording_come_from_the_model_each_citing_its_lines(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    seen: list[list[dict[str, Any]]] = []

    def answer(request: dict[str, Any]) -> Any:
        seen.append(manifest_of(request))
        return _phrasing()

    fake_llm.queue(answer)
    result = _run(cli, project)
    assert result.code == 0, result
    page = result.stdout
    assert section(page, "Summary").splitlines() == [
        "- The team moves the event store to Postgres. (line 6)",
        "- Bob Okafor benchmarks the writes first. (line 8)",
    ]
    assert section(page, "Decisions") == "- The event store moves to Postgres. (line 6)"
    actions = section(page, "Action items")
    # The model phrases; the owner and the due date are still the notes' own.
    assert (
        "- [ ] Phrased as item 8. — owner: Bob Okafor · due: 2026-12-04 (“by Friday”) (line 8)"
        in (actions)
    )
    assert "- [ ] Phrased as item 7. — ⚠️ **no owner** · ⚠️ **no due date** (line 7)" in actions
    assert "came from the model gpt-4o-mini, each statement checked" in page
    # Every line went as data with its line as id; decisions and actions required.
    items = {item["id"]: item for item in seen[0]}
    assert items["L6"]["type"] == "decision" and "optional" not in items["L6"]
    assert items["L8"]["body"] == "owner: Bob Okafor; due: 2026-12-04 (“by Friday”)"
    assert items["L14"]["subject"] == "The dashboards look fine since the last deploy"
    assert items["L14"]["optional"] is True
    assert "model gpt-4o-mini: 1 requests" in result.stderr
    assert len(fake_llm.requests) == 1


def test_invented_owners_dates_decisions_and_ids_are_rejected_and_reported(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    invented = _phrasing(
        ("Summary", "Carol Diaz owns the migration plan.", ["L7"]),  # nobody named Carol
        ("Summary", "The benchmark is due on 2026-12-01.", ["L8"]),  # the line says Friday
        ("Summary", "We decided to add a read replica.", ["L12"]),  # L12 asks; decides nothing
        ("Decisions", "The dashboards are approved.", ["L14"]),  # no decision on L14
        ("Summary", "Everything shipped early.", ["L99"]),  # no such line
    )
    fake_llm.queue(invented, invented)  # the engine asks once more, listing the invented id
    result = _run(cli, project)
    assert result.code == 0, result
    page = result.stdout
    for words in ("Carol", "2026-12-01", "read replica. (", "approved", "shipped early"):
        assert words not in section(page, "Summary") + section(page, "Decisions"), words
    assert "Do we need a read replica? (line 12)" in section(page, "Open questions")
    report = result.stderr
    assert "invented ids rejected: L99" in report
    assert "bullet citing L7 names Carol Diaz, whom line 7 does not name: dropped" in report
    assert "bullet citing L8 states the date 2026-12-01" in report
    assert "bullet citing L12 calls something decided" in report
    assert "bullet citing L14 is in Decisions but line 14 records none: dropped" in report


def test_a_failing_model_leaves_the_deterministic_page(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    fake_llm.default = error(500, "overloaded")
    result = _run(cli, project)
    assert result.code == 0, result  # the model was configured: the page is complete
    assert section(result.stdout, "Summary").startswith("1 decision, 6 open action items")
    assert "- move the event store to Postgres (line 6)" in result.stdout
    assert "template drafter answered" in result.stderr
    assert "came from the model" not in result.stdout


def test_an_answer_that_is_not_json_leaves_the_deterministic_page(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    from tests.drafting.fake_openai import completion

    fake_llm.default = completion("Sure! Here is the summary: the meeting went well.")
    result = _run(cli, project)
    assert result.code == 0, result
    assert section(result.stdout, "Summary").startswith("1 decision, 6 open action items")


def test_no_endpoint_writes_the_page_and_exits_8(cli: Any, project: Repo) -> None:
    result = cli("--repo", project.path, "meeting", project.path / NOTES_FILE, "--llm")
    assert result.code == 8, result
    assert "OPENAI_API_KEY" in result.stderr
    page = project.path / "docs" / "meetings" / "2026-12-02-platform-sync.md"
    assert page.is_file() and "## Decisions" in page.read_text()


def test_secrets_in_the_notes_reach_neither_the_model_nor_the_page(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    notes = project.path / NOTES_FILE
    secret = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
    notes.write_text(notes.read_text() + f"- the deploy token is {secret}\n")
    fake_llm.default = lambda request: _phrasing()
    result = _run(cli, project)
    assert result.code == 0, result
    assert secret not in result.stdout
    assert all(secret.encode() not in raw for raw in fake_llm.raw)
    assert "[REDACTED:" in result.stdout
    assert f"secrets taken out of the page: {NOTES_FILE}:21" in result.stderr
    rerun = _run(cli, project)  # an unchanged rerun is answered from the cache
    assert rerun.stdout == result.stdout and len(fake_llm.requests) == 1


def test_every_day_a_sentence_names_is_held_to_its_lines(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    # Line 8 says "by Friday" (2026-12-04); the first date a sentence states is not the only one.
    invented = _phrasing(
        ("Summary", "Bob Okafor benchmarks the writes by Friday and ships by Dec 20.", ["L8"]),
        ("Summary", "Bob Okafor's benchmark results are expected December 18.", ["L8"]),
        ("Summary", "Bob Okafor benchmarks the writes by Friday, December 4.", ["L8"]),
    )
    fake_llm.queue(invented, invented)
    result = _run(cli, project)
    assert result.code == 0, result
    summary = section(result.stdout, "Summary")
    assert "Dec 20" not in summary and "December 18" not in summary
    assert "- Bob Okafor benchmarks the writes by Friday, December 4. (line 8)" in summary
    assert "bullet citing L8 states the date 2026-12-20, which line 8 does not" in result.stderr
    assert "bullet citing L8 states the date 2026-12-18, which line 8 does not" in result.stderr


def test_each_owner_of_a_shared_action_is_held_to_its_lines(
    cli: Any, project: Repo, fake_llm: FakeOpenAI
) -> None:
    # Line 16: "Alice Martin to send the slides tomorrow". Carol is nobody's word.
    invented = _phrasing(("Summary", "Alice and Carol will send the slides tomorrow.", ["L16"]))
    fake_llm.queue(invented, invented)
    result = _run(cli, project)
    assert result.code == 0, result
    assert "Carol" not in section(result.stdout, "Summary")
    assert "bullet citing L16 names Carol, whom line 16 does not name: dropped" in result.stderr
