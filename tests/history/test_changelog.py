"""leaddocs changelog: every release a section, updated in place without losing human edits."""

from __future__ import annotations

import json
from typing import Any

from tests.gitrepo import Repo
from tests.golden import assert_golden
from tests.history.sample import build_service_history


def test_changelog_lists_every_release_newest_first_plus_unreleased(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    result = cli("--repo", repo.path, "changelog")
    assert result.code == 0, result
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## Unreleased", "## v1.0.0 — 2023-11-15", "## v0.9.0 — 2023-11-15"]
    assert_golden("changelog.md", result.stdout)


def test_changelog_json_has_releases_and_unreleased(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    document = json.loads(cli("--repo", repo.path, "changelog", "--format", "json").stdout)
    assert [release["tag"] for release in document["releases"]] == ["v1.0.0", "v0.9.0"]
    assert document["unreleased"]["next_version"] == "1.1.0"
    assert document["releases"][1]["from"] is None


def test_no_tags_means_everything_is_unreleased(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    repo.commit("fix: two")
    result = cli("--repo", repo.path, "changelog")
    assert result.code == 0, result
    assert "## Unreleased" in result.stdout
    assert "- one (" in result.stdout and "- two (" in result.stdout
    notes = cli("--repo", repo.path, "release-notes")
    assert notes.code == 0 and "- one (" in notes.stdout


def test_update_inserts_only_missing_releases_and_keeps_edits(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    target = repo.path / "CHANGELOG.md"
    assert cli("--repo", repo.path, "changelog", "--output", target).code == 0
    original = target.read_text()
    # A human rewrites a line of v1.0.0 and adds a note to the header.
    edited = original.replace(
        "- handle an empty cart", "- Checkout no longer crashes on an empty cart"
    )
    edited = edited.replace("# Changelog\n", "# Changelog\n\nSee also docs/upgrading.md.\n", 1)
    target.write_text(edited)
    repo.tag("v1.1.0", annotated=True)
    repo.commit("feat(api): export to PDF (#9)")

    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    assert "added v1.1.0" in result.stderr
    updated = target.read_text()
    assert "Checkout no longer crashes on an empty cart" in updated
    assert "See also docs/upgrading.md." in updated
    headings = [line for line in updated.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Unreleased",
        "## v1.1.0 — 2023-11-15",
        "## v1.0.0 — 2023-11-15",
        "## v0.9.0 — 2023-11-15",
    ]
    unreleased = updated.split("## v1.1.0")[0]
    assert "export to PDF" in unreleased and "filter invoices" not in unreleased


def test_rerun_without_changes_is_byte_identical(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    target = repo.path / "CHANGELOG.md"
    cli("--repo", repo.path, "changelog", "--output", target)
    first = target.read_text()
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert "no new releases" in result.stderr
    assert target.read_text() == first


def test_edited_unreleased_section_is_kept_with_a_warning(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    target = repo.path / "CHANGELOG.md"
    cli("--repo", repo.path, "changelog", "--output", target)
    text = target.read_text().replace("## Unreleased\n", "## Unreleased\n\nDraft wording by Ada.\n")
    target.write_text(text)
    repo.commit("feat: something new")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0
    assert "Unreleased section was edited by hand" in result.stderr
    assert "Draft wording by Ada." in target.read_text()


def test_a_changelog_written_before_leaddocs_is_adopted(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text(
        "# Changelog\n\nOur history.\n\n## [1.0.0] - 2023-11-15\n\nHand-written notes.\n\n"
        "## [0.9.0] - 2023-11-14\n\nFirst.\n"
    )
    repo.tag("v1.1.0")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    text = target.read_text()
    assert text.startswith("# Changelog\n\nOur history.\n")
    assert text.count("## v1.1.0") == 1
    assert "## v1.0.0" not in text  # the hand-written 1.0.0 section stands for it
    assert text.index("## v1.1.0") < text.index("## [1.0.0]")
    assert text.endswith("First.\n")


def test_prerelease_tags_sort_before_their_release(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    repo.tag("v1.0.0-rc.1")
    repo.commit("fix: two")
    repo.tag("v1.0.0-rc.10")
    repo.commit("fix: three")
    repo.tag("v1.0.0-rc.2")
    repo.commit("fix: four")
    repo.tag("v1.0.0")
    document = json.loads(cli("--repo", repo.path, "changelog", "--format", "json").stdout)
    assert [r["tag"] for r in document["releases"]] == [
        "v1.0.0",
        "v1.0.0-rc.10",
        "v1.0.0-rc.2",
        "v1.0.0-rc.1",
    ]


def test_first_release_has_no_first_time_contributors(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    document = json.loads(cli("--repo", repo.path, "changelog", "--format", "json").stdout)
    first, second = document["releases"][1], document["releases"][0]
    assert first["tag"] == "v0.9.0" and first["first_time_contributors"] == []
    assert "Grace Hopper" in second["first_time_contributors"]
