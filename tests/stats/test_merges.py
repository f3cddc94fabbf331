"""Drafts merged every way a pull request is merged, measured against the text merged: from
the main line alone, in a fresh clone of origin where the draft branches are gone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.stats.shop import BRANCH, Shop, word_count, writing


def _one(stats: dict[str, Any], path: str) -> dict[str, Any]:
    [draft] = [draft for draft in stats["drafts"] if draft["path"] == path]
    return draft


def test_one_draft_merged_edited_and_one_unchanged(shop: Shop, cli: Any) -> None:
    first = shop.draft()
    first_lines = writing(shop.text(first))
    shop.merge(at="2025-03-03T10:00:00Z")
    shop.repo.tag("v1.1.0")
    shop.change("feat: send invoices by e-mail", "d.txt")
    second = shop.draft()
    assert second != first
    second_lines = writing(shop.text(second))
    shop.review(second, "send invoices by e-mail", "e-mail invoices to customers", added="Thanks!")
    shop.merge(at="2025-03-10T10:00:00Z")

    stats = shop.stats()
    unchanged, edited = _one(stats, first), _one(stats, second)
    assert unchanged["outcome"] == "unchanged" and unchanged["found_by"] == "record"
    assert unchanged["lines_kept"] == unchanged["lines_drafted"] == len(first_lines)
    assert unchanged["words_kept"] == unchanged["words_drafted"] == word_count(first_lines)
    assert unchanged["date"] == "2025-03-03"
    reworded = [line for line in second_lines if "send invoices by e-mail" in line]
    assert edited["outcome"] == "edited" and edited["date"] == "2025-03-10"
    assert edited["lines_drafted"] == len(second_lines)
    assert edited["lines_kept"] == len(second_lines) - 1  # the reworded line; "Thanks!" is theirs
    assert edited["words_drafted"] == word_count(second_lines)
    assert edited["words_kept"] == word_count(second_lines) - word_count(reworded)
    total = stats["total"]
    drafted = len(first_lines) + len(second_lines)
    assert (total["documents"], total["merged"], total["unchanged"]) == (2, 2, 1)
    assert (total["lines_drafted"], total["lines_kept"]) == (drafted, drafted - 1)
    assert total["unchanged_share"] == 0.5
    assert total["minutes_saved"] == round(total["words_kept"] / 20, 1)
    assert [kind["kind"] for kind in stats["kinds"]] == ["release-notes"]

    table = cli("--repo", shop.repo.path, "stats")
    assert table.code == 0, table
    header, release_notes, overall = table.stdout.splitlines()[2:5]
    assert header.split()[:3] == ["kind", "drafted", "merged"]
    assert release_notes.split()[:5] == ["release-notes", "2", "2", "1", "(50%)"]
    assert f"{drafted - 1} of {drafted}" in overall
    # The columns line up: every row is as long as the header, or ends where it ends.
    assert len({len(header), len(release_notes), len(overall)}) == 1


def test_a_squash_merge_is_measured_after_the_branch_is_deleted(shop: Shop, tmp_path: Path) -> None:
    path = shop.draft()
    lines = writing(shop.text(path))
    shop.review(path, "export invoices as CSV", "export invoices as CSV or Excel")
    landed = shop.squash(at="2025-04-01T09:00:00Z")
    clone = shop.clone(tmp_path / "ci")  # no branch, no draft commit: the main line only
    assert BRANCH not in shop.git("-C", str(clone), "branch", "-a")
    draft = _one(shop.stats(repo=clone), path)
    assert draft["outcome"] == "edited" and draft["commit"] == landed
    assert draft["lines_drafted"] == len(lines) and draft["lines_kept"] == len(lines) - 1


def test_a_rebase_merge_counts_the_review_commits_laid_after_the_draft(
    shop: Shop, tmp_path: Path
) -> None:
    path = shop.draft()
    lines = writing(shop.text(path))
    shop.review(path, "round totals to the cent", "round totals to the nearest cent")
    shop.change("chore: unrelated work on main", "e.txt")
    shop.rebase(at="2025-05-05T12:00:00Z")
    shop.change("fix: a later change to another file", "f.txt")
    stats = shop.stats(repo=shop.clone(tmp_path / "ci"))
    draft = _one(stats, path)
    rebased = shop.git("log", "-1", "--format=%H", "--grep=^Leaddocs-Kind:", "main")
    assert draft["commit"] == rebased  # the draft commit made again on main
    assert draft["outcome"] == "edited" and draft["lines_kept"] == len(lines) - 1


def test_an_unchanged_rebase_merge_is_unchanged(shop: Shop) -> None:
    path = shop.draft()
    shop.rebase(at="2025-05-05T12:00:00Z")
    shop.change("docs: a later edit of the notes is not the review", "x.txt")
    assert _one(shop.stats(), path)["outcome"] == "unchanged"


def test_a_draft_never_merged_counts_as_drafted_not_kept(
    shop: Shop, cli: Any, tmp_path: Path
) -> None:
    path = shop.draft()
    lines = writing(shop.text(path))
    for where in (shop.repo.path, shop.clone(tmp_path / "ci")):  # local branch; origin's
        stats = shop.stats(repo=where)
        draft = _one(stats, path)
        assert draft["outcome"] == "not-merged" and draft["branch"].endswith(BRANCH)
        assert (draft["lines_drafted"], draft["lines_kept"]) == (len(lines), 0)
        assert (stats["total"]["merged"], stats["total"]["not_merged"]) == (0, 1)
    table = cli("--repo", shop.repo.path, "stats").stdout
    assert f"- {path} (release-notes): not merged; waits on {BRANCH} since " in table


def test_a_persons_commit_on_the_branch_keeps_the_earlier_draft_in_the_record(
    shop: Shop,
) -> None:
    path = shop.draft()
    first = writing(shop.text(path))
    shop.git("checkout", "-q", BRANCH)
    (shop.repo.path / "docs/releases/intro.md").write_text("A word from the team.\n")
    shop.git("add", "docs/releases/intro.md")
    shop.git("commit", "-qm", "docs: an intro for the release")
    shop.git("checkout", "-q", "main")
    shop.change("feat: pay invoices by card", "g.txt")
    shop.draft()  # on top of the person's commit: the new lines go in, the old ones stay
    assert shop.git("log", "-1", "--format=%s", f"{BRANCH}~1") == "docs: an intro for the release"
    final = writing(shop.text(path))
    assert len(final) == len(first) + 1
    shop.merge(at="2025-06-01T08:00:00Z")
    draft = _one(shop.stats(), path)
    assert draft["outcome"] == "unchanged"
    assert draft["lines_drafted"] == draft["lines_kept"] == len(final)  # both drafts' lines
    assert draft["words_drafted"] == word_count(final)
    assert "docs/releases/intro.md" not in {d["path"] for d in shop.stats()["drafts"]}


def test_since_counts_drafts_by_the_day_they_were_merged(shop: Shop) -> None:
    early = shop.draft()
    shop.merge(at="2025-01-15T10:00:00Z")
    shop.repo.tag("v1.1.0")
    shop.change("feat: refunds", "h.txt")
    late = shop.draft()
    shop.merge(at="2025-02-20T10:00:00Z")
    assert [d["path"] for d in shop.stats()["drafts"]] == [early, late]
    after = shop.stats("--since", "2025-02-01")
    assert [d["path"] for d in after["drafts"]] == [late] and after["since"] == "2025-02-01"
    assert after["total"]["documents"] == 1
    assert shop.stats("--since", "2025-02-20")["total"]["documents"] == 1  # the day counts
    assert shop.stats("--since", "2025-02-21")["total"]["documents"] == 0
