"""An empty history, bad input, a broken or hostile record, and where the output goes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leaddocs.markers import digest
from leaddocs.stats.lines import fingerprint
from tests.gitrepo import Repo
from tests.stats.shop import Shop


def test_a_repository_without_commits_has_no_drafts_and_that_is_no_error(
    cli: Any, repo: Repo
) -> None:
    result = cli("--repo", repo.path, "stats")
    assert result.code == 0, result
    assert result.stdout.startswith("repo has no commits yet.\n")
    assert "No drafts by leaddocs" in result.stdout
    data = json.loads(cli("--repo", repo.path, "stats", "--format", "json").stdout)
    assert data["branch"] is None and data["drafts"] == [] and data["total"]["documents"] == 0


def test_a_history_without_drafts_shows_zeros(cli: Any, shop: Shop) -> None:
    result = cli("--repo", shop.repo.path, "stats")
    assert result.code == 0, result
    assert "No drafts by leaddocs" in result.stdout and "on main" in result.stdout
    data = shop.stats()
    assert data["kinds"] == [] and data["total"]["documents"] == 0
    assert data["total"]["unchanged_share"] is None and data["total"]["minutes_saved"] == 0


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("2025-13-01", "--since 2025-13-01: give a date as YYYY-MM-DD"),
        ("last week", "--since last week: give a date as YYYY-MM-DD"),
        ("2999-01-01", "--since 2999-01-01: in the future"),
    ],
)
def test_a_bad_since_is_one_line_and_writes_nothing(
    cli: Any, shop: Shop, tmp_path: Path, since: str, message: str
) -> None:
    out = tmp_path / "stats.json"
    result = cli("--repo", shop.repo.path, "stats", "--since", since, "-o", out)
    assert result.code == 2, result
    assert result.stderr.startswith(f"leaddocs: error: {message}")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists() and result.stdout == ""


def test_a_length_counts_back_from_today(shop: Shop) -> None:
    shop.draft()  # not merged: dated today, by its draft commit
    assert shop.stats("--since", "1d")["total"]["documents"] == 1
    assert shop.stats("--since", "2w")["total"]["not_merged"] == 1


def test_outside_a_repository_is_one_line(cli: Any, tmp_path: Path) -> None:
    result = cli("--repo", tmp_path, "stats")
    assert result.code == 4, result
    assert "not a git repository" in result.stderr and result.stderr.count("\n") == 1


def test_json_to_a_file_is_marked_and_a_rerun_replaces_it(
    cli: Any, shop: Shop, tmp_path: Path
) -> None:
    shop.draft()
    out = tmp_path / "stats.json"
    for action in ("created", "unchanged"):
        result = cli("--repo", shop.repo.path, "stats", "--format", "json", "-o", out)
        assert result.code == 0, result
        assert result.stdout == "" and f"{action} {out}" in result.stderr
    data = json.loads(out.read_text())
    assert next(iter(data)) == "leaddocs_generated"
    assert data["schema_version"] == "leaddocs-stats/1" and data["total"]["not_merged"] == 1
    out.write_text(out.read_text().replace('"not_merged": 1', '"not_merged": 7'))
    kept = cli("--repo", shop.repo.path, "stats", "--format", "json", "-o", out)
    assert kept.code == 6 and "was edited since leaddocs wrote it" in kept.stderr
    assert '"not_merged": 7' in out.read_text()


def test_words_per_minute_comes_from_the_configuration(cli: Any, shop: Shop) -> None:
    shop.draft()
    shop.merge(at="2025-03-03T10:00:00Z")
    at_twenty = shop.stats()["total"]
    (shop.repo.path / "leaddocs.yml").write_text("stats:\n  words_per_minute: 40\n")
    data = shop.stats()
    assert data["words_per_minute"] == 40
    assert data["total"]["minutes_saved"] == round(at_twenty["words_kept"] / 40, 1)
    assert data["total"]["minutes_saved"] < at_twenty["minutes_saved"]
    (shop.repo.path / "leaddocs.yml").write_text("stats:\n  words_per_minute: 0\n")
    bad = cli("--repo", shop.repo.path, "stats")
    assert bad.code == 3 and "leaddocs.yml:2: stats.words_per_minute" in bad.stderr


def test_a_record_that_is_not_one_is_skipped_with_a_note(cli: Any, shop: Shop) -> None:
    drafts = shop.repo.path / ".leaddocs" / "drafts"
    drafts.mkdir(parents=True)
    hostile = {
        "leaddocs_draft_record": 1,
        "documents": [
            {
                "path": "../../etc/passwd",
                "kind": "status",
                "sha256": "0" * 64,
                "words": 1,
                "lines": "",
            }
        ],
    }
    (drafts / "evil.json").write_text(json.dumps(hostile))
    (drafts / "broken.json").write_text("{not json")
    shop.git("add", "-A")
    shop.git("commit", "-qm", "chore: records by hand")
    result = cli("--repo", shop.repo.path, "stats", "--format", "json")
    assert result.code == 0, result
    data = json.loads(result.stdout)
    assert data["drafts"] == []
    notes = " ".join(data["notes"])
    assert ".leaddocs/drafts/evil.json in " in notes and "not a path inside the repository" in notes
    assert ".leaddocs/drafts/broken.json in " in notes and "not JSON" in notes


def test_a_record_cannot_claim_more_than_the_merged_file_holds(cli: Any, shop: Shop) -> None:
    # A record is anyone's to write: one claiming a billion words for a two-word file, merged
    # "unchanged", would have saved 95 years of writing.
    (shop.repo.path / "docs").mkdir(exist_ok=True)
    (shop.repo.path / "docs" / "hello.md").write_text("Hello world\n")
    drafts = shop.repo.path / ".leaddocs" / "drafts"
    drafts.mkdir(parents=True)
    inflated = {
        "leaddocs_draft_record": 1,
        "documents": [
            {
                "path": "docs/hello.md",
                "kind": "status",
                "sha256": digest("Hello world\n"),
                "words": 10**9,
                "lines": " ".join([fingerprint("Hello world")] * 1000),
            }
        ],
    }
    (drafts / "inflated.json").write_text(json.dumps(inflated))
    shop.git("add", "-A")
    shop.git("commit", "-qm", "docs: hello")
    result = cli("--repo", shop.repo.path, "stats", "--format", "json")
    assert result.code == 0, result
    [draft] = json.loads(result.stdout)["drafts"]
    assert draft["outcome"] == "unchanged"
    assert (draft["lines_drafted"], draft["lines_kept"]) == (1, 1)
    assert (draft["words_drafted"], draft["words_kept"]) == (2, 2)
