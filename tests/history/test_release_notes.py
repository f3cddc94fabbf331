"""leaddocs release-notes on a real repository: range, grouping, sections, links, JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.gitrepo import Repo
from tests.golden import assert_golden
from tests.history.sample import build_service_history


@pytest.fixture
def service(repo: Repo) -> tuple[Repo, dict[str, str]]:
    shas = build_service_history(repo)
    return repo, shas


def notes_json(cli: Any, repo: Repo, *args: str) -> dict[str, Any]:
    result = cli("--repo", repo.path, "release-notes", "--format", "json", *args)
    assert result.code == 0, result
    return json.loads(result.stdout)


def titles(document: dict[str, Any]) -> list[str]:
    return [section["title"] for section in document["sections"]]


def subjects(document: dict[str, Any], title: str) -> list[str]:
    section = next(s for s in document["sections"] if s["title"] == title)
    return [item["subject"] for item in section["items"]]


def test_default_range_is_since_the_latest_release_tag(cli: Any, service: Any) -> None:
    repo, _ = service
    document = notes_json(cli, repo)
    assert document["from"] == "v1.0.0"
    assert document["to"] == "HEAD"
    assert document["version"] is None
    assert subjects(document, "Features") == ["filter invoices by status"]
    assert subjects(document, "Fixes") == ["quote fields with commas"]
    assert document["next_version"] == "1.1.0"


def test_head_on_a_release_tag_describes_that_release(cli: Any, service: Any) -> None:
    repo, _ = service
    repo.checkout("v1.0.0")  # detached HEAD, as in CI on a tag push
    document = notes_json(cli, repo)
    assert (document["version"], document["from"]) == ("v1.0.0", "v0.9.0")
    assert document["date"] == "1970-01-01" or document["date"].startswith("20")


def test_sections_come_in_a_stable_order_with_maintenance_last(cli: Any, service: Any) -> None:
    repo, _ = service
    document = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    assert titles(document) == [
        "Breaking changes",
        "Features",
        "Fixes",
        "Performance",
        "Documentation",
        "Other",
        "Maintenance",
    ]
    assert subjects(document, "Breaking changes") == ["drop legacy API tokens"]
    breaking = document["sections"][0]["items"][0]
    assert breaking["breaking_notes"] == [
        "tokens created before 2024 stop working; rotate them in the admin panel."
    ]
    assert breaking["pr"] == 5
    assert document["sections"][-1]["maintenance"] is True
    maintenance = subjects(document, "Maintenance")
    assert "bump requests from 2.31.0 to 2.32.0" in maintenance
    assert "cache pip downloads" in maintenance
    assert "1.0.0" not in maintenance  # the release commit itself is left out
    assert "1.0.0" in [item["subject"] for item in document["skipped"]]


def test_a_merged_pull_request_is_one_entry_with_its_commits(cli: Any, service: Any) -> None:
    repo, _ = service
    document = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    features = next(s for s in document["sections"] if s["title"] == "Features")
    export = next(item for item in features["items"] if item["pr"] == 3)
    assert export["subject"] == "Add CSV export"
    assert export["type"] == "feat"  # a plain-words PR title takes its commits' type
    assert len(export["commits"]) == 3  # the merge and the two commits it brought in
    every_subject = [i["subject"] for s in document["sections"] for i in s["items"]]
    assert "add CSV writer" not in every_subject
    assert "cover the CSV writer" not in every_subject


def test_a_revert_inside_the_range_cancels_the_change(cli: Any, service: Any) -> None:
    repo, _ = service
    document = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    every_subject = [i["subject"] for s in document["sections"] for i in s["items"]]
    assert "round totals to cents" not in every_subject
    assert not any("Revert" in subject for subject in every_subject)
    assert len(document["cancelled_reverts"]) == 2


def test_skip_marker_leaves_a_change_out_but_counts_it(cli: Any, service: Any) -> None:
    repo, _ = service
    document = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    every_subject = [i["subject"] for s in document["sections"] for i in s["items"]]
    assert not any("tidy imports" in subject for subject in every_subject)
    skipped = [item["subject"] for item in document["skipped"]]
    assert skipped == ["1.0.0", "tidy imports [skip changelog]"]  # and the release commit


def test_non_conventional_commits_are_kept_as_other(cli: Any, service: Any) -> None:
    repo, _ = service
    document = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    assert subjects(document, "Other") == ["Update the <b>README</b> wording"]


def test_contributors_and_first_time_contributors(cli: Any, service: Any) -> None:
    repo, _ = service
    released = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    assert "Margaret Hamilton" in released["contributors"]  # a co-author counts
    assert "dependabot[bot]" not in released["contributors"]  # bots are not credited
    assert set(released["first_time_contributors"]) == {  # bots are not welcomed
        "Grace Hopper",
        "Linus Torvalds",
        "Margaret Hamilton",
    }
    unreleased = notes_json(cli, repo)
    assert unreleased["first_time_contributors"] == []  # Margaret co-authored before


def test_links_follow_the_origin_remote(cli: Any, service: Any) -> None:
    repo, _ = service
    repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
    document = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    assert document["compare_url"] == "https://github.com/acme/shop/compare/v0.9.0...v1.0.0"
    features = next(s for s in document["sections"] if s["title"] == "Features")
    assert features["items"][0]["pr_url"].startswith("https://github.com/acme/shop/pull/")
    markdown = cli("--repo", repo.path, "release-notes", "--from", "v0.9.0", "--to", "v1.0.0")
    assert "([#5](https://github.com/acme/shop/pull/5))" in markdown.stdout
    assert "](https://github.com/acme/shop/commit/" in markdown.stdout


def test_gitlab_remote_links_merge_requests(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("topic")
    repo.commit("feat(search): fuzzy matching")
    repo.checkout("main")
    repo.merge(
        "topic",
        "Merge branch 'topic' into 'main'\n\nFuzzy search\n\nSee merge request team/shop!42",
    )
    repo.git("remote", "add", "origin", "https://gitlab.example.com/team/shop.git")
    document = notes_json(cli, repo)
    item = document["sections"][0]["items"][0]
    assert (item["pr"], item["subject"]) == (42, "Fuzzy search")
    assert item["pr_url"] == "https://gitlab.example.com/team/shop/-/merge_requests/42"


def test_no_remote_means_no_links(cli: Any, service: Any) -> None:
    repo, _ = service
    result = cli("--repo", repo.path, "release-notes", "--from", "v0.9.0", "--to", "v1.0.0")
    assert "](http" not in result.stdout


def test_path_filter_keeps_changes_touching_the_path(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base", files={"README.md": "x\n"})
    repo.tag("v1.0.0")
    repo.commit("feat(api): paginate", files={"services/api/app.py": "1\n"})
    repo.commit("feat(web): new header", files={"services/web/app.js": "1\n"})
    document = notes_json(cli, repo, "--path", "services/api")
    assert subjects(document, "Features") == ["paginate"]


def test_markdown_release_notes_match_the_golden_file(cli: Any, service: Any) -> None:
    repo, _ = service
    repo.git("remote", "add", "origin", "https://github.com/acme/shop.git")
    result = cli("--repo", repo.path, "release-notes", "--from", "v0.9.0", "--to", "v1.0.0")
    assert result.code == 0, result
    assert_golden("release-notes-v1.0.0.md", result.stdout)
    assert "&lt;b&gt;README&lt;/b&gt;" in result.stdout  # raw HTML from a commit is neutralised
    assert "<details markdown>\n<summary>Maintenance (2)</summary>" in result.stdout


def test_json_release_notes_match_the_golden_file(cli: Any, service: Any) -> None:
    repo, _ = service
    result = cli(
        "--repo",
        repo.path,
        "release-notes",
        "--from",
        "v0.9.0",
        "--to",
        "v1.0.0",
        "--format",
        "json",
    )
    assert_golden("release-notes-v1.0.0.json", result.stdout)


def test_version_option_titles_the_notes(cli: Any, service: Any) -> None:
    repo, _ = service
    result = cli("--repo", repo.path, "release-notes", "--version", "1.1.0")
    assert result.stdout.startswith("# 1.1.0\n")


def test_skip_rules_and_section_titles_are_configurable(cli: Any, service: Any) -> None:
    repo, _ = service
    (repo.path / "leaddocs.yml").write_text(
        "skip:\n  authors: ['Linus Torvalds']\n"
        "sections:\n  - title: New\n    types: [feat]\n  - title: Repaired\n    types: [fix]\n"
    )
    document = notes_json(cli, repo, "--from", "v0.9.0", "--to", "v1.0.0")
    assert "New" in titles(document) and "Repaired" in titles(document)
    assert "Features" not in titles(document)
    every_subject = [i["subject"] for s in document["sections"] for i in s["items"]]
    assert "batch inserts of line items" not in every_subject


def test_output_file_is_written_and_a_human_edit_is_kept(cli: Any, service: Any) -> None:
    repo, _ = service
    target = repo.path / "notes.md"
    assert cli("--repo", repo.path, "release-notes", "--output", target).code == 0
    first = target.read_text()
    assert first.startswith("<!-- leaddocs:generated sha256=")
    assert cli("--repo", repo.path, "release-notes", "--output", target).code == 0  # own output
    target.write_text(first + "\nA hand-written paragraph.\n")
    result = cli("--repo", repo.path, "release-notes", "--output", target)
    assert result.code == 6
    assert "edited since leaddocs wrote it" in result.stderr
    assert target.read_text().endswith("A hand-written paragraph.\n")
    assert cli("--repo", repo.path, "release-notes", "--output", target, "--force").code == 0
    assert "hand-written" not in target.read_text()


def test_tags_on_other_branches_are_not_the_starting_point(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("next")
    for minor in range(1, 6):  # more unreachable tags than the quick probes try
        repo.commit(f"feat: next {minor}")
        repo.tag(f"v2.{minor}.0")
    repo.checkout("main")
    repo.commit("fix: on main")
    document = notes_json(cli, repo)
    assert document["from"] == "v1.0.0"
    assert subjects(document, "Fixes") == ["on main"]


def test_skipped_authors_are_not_credited_and_bot_prs_are_maintenance(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("chore: sync translations", author="Crowdin Bot <bot@crowdin.example>")
    repo.merge_pr(
        9,
        "[pre-commit.ci] pre-commit autoupdate",
        ["autoupdate hooks"],
        author="pre-commit-ci[bot] <66853113+pre-commit-ci[bot]@users.noreply.github.com>",
    )
    repo.commit("fix: real work", author="Ada Lovelace <ada@example.com>")
    (repo.path / "leaddocs.yml").write_text("skip:\n  authors: ['bot@crowdin.example']\n")
    document = notes_json(cli, repo)
    assert "Crowdin Bot" not in document["contributors"]
    assert subjects(document, "Maintenance") == ["[pre-commit.ci] pre-commit autoupdate"]
    assert document["first_time_contributors"] == []  # the merger and Ada were seen before


def test_an_empty_commit_message_gets_a_placeholder(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.git("commit", "-q", "--allow-empty", "--allow-empty-message", "-m", "")
    result = cli("--repo", repo.path, "release-notes")
    assert "- (no message) (" in result.stdout


def test_path_is_taken_from_the_current_folder(cli: Any, repo: Repo, monkeypatch: Any) -> None:
    repo.commit("feat: base", files={"README.md": "x\n"})
    repo.tag("v1.0.0")
    repo.commit("feat(api): paginate", files={"services/api/app.py": "1\n"})
    repo.commit("feat(web): new header", files={"services/web/app.js": "1\n"})
    monkeypatch.chdir(repo.path / "services")
    document = notes_json(cli, repo, "--path", "api")
    assert subjects(document, "Features") == ["paginate"]
    outside = cli("--repo", repo.path, "release-notes", "--path", "../../elsewhere")
    assert outside.code == 2 and "outside the repository" in outside.stderr
    missing = cli("--repo", repo.path, "release-notes", "--path", "nope")
    assert "--path nope: not in the work tree" in missing.stderr


def test_a_final_release_is_described_since_the_previous_final_release(
    cli: Any, repo: Repo
) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("feat: big thing")
    repo.tag("v1.1.0-rc.1")
    repo.commit("fix: polish")
    repo.tag("v1.1.0")
    document = notes_json(cli, repo)
    assert (document["version"], document["from"]) == ("v1.1.0", "v1.0.0")
    assert subjects(document, "Features") == ["big thing"]
    repo.checkout("v1.1.0-rc.1")
    assert notes_json(cli, repo)["from"] == "v1.0.0"
