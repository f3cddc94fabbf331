"""The notes as the lead wrote them: a health line leaddocs cannot read is quoted on the page,
fenced code is not read as headings, and a nested list item stays with its parent."""

from __future__ import annotations

from pathlib import Path

from leaddocs.status.notes import parse_notes
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2


def test_an_unreadable_health_line_is_quoted_on_the_page(cli, weeks: Repo, tmp_path: Path):
    notes = tmp_path / "notes.md"
    notes.write_text("## Health\nGreen, mostly\n\n## Risks\n- The vendor is late.\n")
    result = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "-o", "-")
    assert result.code == 0, result
    page = result.stdout
    assert (
        "**At risk** — suggested by the rules, as the notes' health line could not be read: "
        '"Green, mostly" (notes.md line 2) does not start with on track, at risk or off track'
    ) in page
    assert "as the notes set no health" not in page
    assert "## Notes" not in page  # quoted once, beside the health, not again under Notes
    assert "notes.md:2: the health should start with" in result.stderr
    email = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--format", "email")
    assert 'The notes\' health line could not be read: "Green, mostly"' in email.stdout


def test_a_later_health_paragraph_that_reads_wins() -> None:
    notes = parse_notes("## Health\nGreen, mostly\n\nOn track: all good\n", "n.md")
    assert notes.health == "on track" and notes.health_unread is None
    assert [entry.text for entry in notes.other] == ["Green, mostly"]


def test_a_heading_or_an_item_inside_fenced_code_is_text() -> None:
    notes = parse_notes(
        "## Next\n"
        "- Write the runbook, starting with:\n"
        "  ```markdown\n"
        "  ## Risks\n"
        "  - not a risk\n"
        "  ```\n"
        "- Ship it.\n"
        "\n"
        "~~~\n"
        "# Blockers\n"
        "\n"
        "- nor a blocker\n"
        "~~~\n",
        "n.md",
    )
    assert notes.risks == [] and notes.blockers == []
    assert [(e.text, e.line) for e in notes.next] == [
        ("Write the runbook, starting with: ## Risks - not a risk", 2),
        ("Ship it.", 7),
        ("# Blockers - nor a blocker", 10),
    ]


def test_nested_list_items_join_their_parent() -> None:
    notes = parse_notes(
        "## Risks\n"
        "- The vendor is late:\n"
        "  - the contract is unsigned\n"
        "    * legal has it\n"
        "  - no date yet\n"
        "\n"
        "    A further paragraph of the same risk.\n"
        "- Second risk.\n"
        "1. Third risk\n"
        "   1. its detail\n"
        "\n"
        "A paragraph after the list.\n",
        "n.md",
    )
    assert [(e.text, e.line) for e in notes.risks] == [
        (
            "The vendor is late: the contract is unsigned legal has it no date yet "
            "A further paragraph of the same risk.",
            2,
        ),
        ("Second risk.", 8),
        ("Third risk its detail", 9),
        ("A paragraph after the list.", 12),
    ]


def test_nested_items_make_one_risk_on_the_page(cli, weeks: Repo, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## Risks\n- The vendor is late\n  - the contract is unsigned\n\n"
        "```\n## Blockers\n- not one\n```\n"
    )
    result = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "-o", "-")
    assert result.code == 0, result
    assert "- **Risk:** The vendor is late the contract is unsigned (notes.md line 2)" in (
        result.stdout
    )
    assert "**Blocker:**" not in result.stdout
    assert "the contract is unsigned (notes.md line 3)" not in result.stdout
