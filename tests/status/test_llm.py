"""--llm: a narrative grounded in the page's items; invented ids rejected, omissions filled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.drafting.conftest import fake_llm  # noqa: F401  (the fake OpenAI server fixture)
from tests.drafting.fake_openai import FakeOpenAI, draft, manifest_of
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2


def test_the_narrative_cites_items_and_the_report_accounts_for_all(
    cli,
    weeks: Repo,
    notes: Path,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    seen: list[list[dict[str, Any]]] = []

    def answer(request: dict[str, Any]) -> Any:
        items = manifest_of(request)
        seen.append(items)
        blocker = next(item for item in items if item["type"] == "blocker")
        return draft(
            ("Summary", "The export waits on a security review.", [blocker["id"]]),
            ("Summary", "Everything shipped early.", ["pr-999"]),  # an invented id
        )

    fake_llm.queue(answer, answer)  # the engine asks once more, listing what was wrong
    result = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--llm", "-o", "-")
    assert result.code == 0, result
    page = result.stdout
    assert "## Summary for engineering" in page
    assert "- The export waits on a security review. (notes.md line 12)" in page
    assert "Everything shipped early" not in page
    assert "*(from the history: the model left it out)*" in page  # the breaking change
    # The notes went to the model as data items, each with an id the page can cite.
    subjects = [item["subject"] for item in seen[0]]
    assert "Ship the invoice export." in subjects
    assert "pr-999" in result.stderr  # the report names the rejected id


def test_customers_are_never_told_the_teams_internal_risks(
    cli,
    weeks: Repo,
    notes: Path,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    seen: list[list[dict[str, Any]]] = []

    def answer(request: dict[str, Any]) -> Any:
        items = manifest_of(request)
        seen.append(items)
        return draft(("Summary", "New this week.", [items[0]["id"]]))

    fake_llm.queue(answer, answer)
    args = ("status", *WEEK2, "--notes", notes, "--llm", "--audience", "customers", "-o", "-")
    result = cli("--repo", weeks.path, *args)
    assert result.code == 0, result
    sections = {item["section"] for item in seen[0]}
    assert sections == {"Shipped"}, seen[0]  # no risks, notes, decisions or work in flight
    assert (
        "security review" not in result.stdout.split("## Summary for customers")[1].split("##")[0]
    )


def test_one_sentence_citing_every_item_covers_none_of_them(
    cli,
    weeks: Repo,
    notes: Path,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    sent: list[int] = []

    def catch_all(request: dict[str, Any]) -> Any:
        items = manifest_of(request)
        sent.append(len(items))
        blocker = next(item for item in items if item["type"] == "blocker")
        return draft(
            ("Summary", "The export waits on a security review.", [blocker["id"]]),
            ("Summary", "All is well, everything is on track.", [i["id"] for i in items]),
        )

    fake_llm.queue(catch_all, catch_all)
    result = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--llm", "-o", "-")
    assert result.code == 0, result
    assert sent[0] > 8, sent
    summary = result.stdout.split("## Summary for engineering")[1].split("\n## ")[0]
    assert "All is well" not in summary
    assert "- The export waits on a security review. (notes.md line 12)" in summary
    # The rest the catch-all claimed comes back in the page's own words, marked as such.
    assert "Ship the invoice export. (notes.md line 15)" in summary
    assert summary.count("*(from the history: the model left it out)*") >= 3, summary
    assert "bullets citing more than 8 ids dropped, covering none of them" in result.stderr
    assert "1 drafted by model" in result.stderr
    assert "filled from history: health, risk-" in result.stderr
