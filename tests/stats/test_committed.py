"""Generated files a person committed, with their marker and no draft record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leaddocs.markers import mark_document
from tests.stats.shop import Shop, word_count, writing


def _status_page(cli: Any, shop: Shop) -> Path:
    result = cli("--repo", shop.repo.path, "-q", "status")
    assert result.code == 0, result
    [page] = [p for p in (shop.repo.path / "docs/status").glob("*.md") if p.name != "index.md"]
    return page


def test_a_status_page_committed_as_generated_is_an_unchanged_draft(cli: Any, shop: Shop) -> None:
    page = _status_page(cli, shop)
    lines = writing(page.read_text())
    shop.git("add", "docs/status")
    shop.git("commit", "-qm", "docs: this week's status", at="2025-03-07T17:00:00Z")
    stats = shop.stats()
    [draft] = stats["drafts"]  # the index has no marker: it is merged into, not drafted whole
    assert draft["kind"] == "status" and draft["found_by"] == "marker"
    assert draft["outcome"] == "unchanged" and draft["date"] == "2025-03-07"
    assert draft["lines_drafted"] == draft["lines_kept"] == len(lines)
    assert draft["words_drafted"] == word_count(lines) == draft["words_kept"]


def test_a_page_edited_before_its_first_commit_is_counted_not_measured(
    cli: Any, shop: Shop
) -> None:
    page = _status_page(cli, shop)
    page.write_text(page.read_text().replace("## Highlights", "## What we shipped"))
    shop.git("add", "docs/status")
    shop.git("commit", "-qm", "docs: this week's status")
    data = shop.stats()
    [draft] = data["drafts"]
    assert draft["outcome"] == "edited" and draft["lines_drafted"] is None
    assert (data["total"]["documents"], data["total"]["not_measured"]) == (1, 1)
    table = cli("--repo", shop.repo.path, "stats").stdout
    assert "1 document edited before its first commit, with no draft record" in table


def test_a_file_regenerated_and_committed_again_is_a_new_draft(shop: Shop) -> None:
    notes = shop.repo.path / "NOTES.md"
    for body in ("# Notes\n\nFirst draft.\n", "# Notes\n\nSecond draft, longer now.\n"):
        notes.write_text(mark_document(body))
        shop.git("add", "NOTES.md")
        shop.git("commit", "-qm", "docs: notes")
    shop.change("fix: unrelated", "z.txt")
    notes.write_text(notes.read_text() + "\nA person's line.\n")  # an edit, not a new draft
    shop.git("commit", "-qam", "docs: a person's line")
    drafts = shop.stats()["drafts"]
    assert [(d["kind"], d["outcome"], d["words_drafted"]) for d in drafts] == [
        ("other", "unchanged", 3),
        ("other", "unchanged", 4),  # the line it changed: "# Notes" was there already
    ]
