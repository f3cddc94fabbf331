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
    assert result.stderr.endswith(
        f"updated {target}: added 1 release, 2 changes: v1.1.0 (Unreleased: 1)\n"
    )
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
    assert f"unchanged {target}: no new release (Unreleased: 2)" in result.stderr
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
    assert text.count("## [1.1.0] - ") == 1  # headed as the file heads its releases
    assert "## v1.0.0" not in text and "## [1.0.0]" in text  # the hand-written 1.0.0 stands
    assert text.index("## [1.1.0] - ") < text.index("## [1.0.0]")
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
    (repo.path / "leaddocs.yml").write_text("tags:\n  fold_prereleases: false\n")
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


def _two_releases(repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("feat: second")
    repo.tag("v1.1.0")


def test_adopted_changelog_stays_put_on_the_second_run(cli: Any, repo: Repo) -> None:
    _two_releases(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text("# Changelog\n\n## [1.0.0] - 2020-01-01\n\n- first, by hand\n")
    first = cli("--repo", repo.path, "changelog", "--output", target)
    assert "added 1 release, 1 change: v1.1.0 (nothing unreleased)" in first.stderr
    once = target.read_text()
    second = cli("--repo", repo.path, "changelog", "--output", target)
    assert "no new release (nothing unreleased)" in second.stderr
    assert target.read_text() == once
    assert once.count("1.0.0") == 1 and once.index("## [1.1.0]") < once.index("## [1.0.0]")


def test_a_hand_kept_unreleased_heading_is_not_doubled(cli: Any, repo: Repo) -> None:
    _two_releases(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text(
        "# Changelog\n\n## [Unreleased]\n\n- wip\n\n## [1.0.0] - 2020-01-01\n\n- first\n"
    )
    assert cli("--repo", repo.path, "changelog", "--output", target).code == 0
    text = target.read_text()
    assert "## Unreleased" not in text and text.count("[Unreleased]") == 1
    assert text.index("## [Unreleased]") < text.index("## [1.1.0]") < text.index("## [1.0.0]")


def test_text_after_a_marked_section_is_not_part_of_it(cli: Any, repo: Repo) -> None:
    _two_releases(repo)
    target = repo.path / "CHANGELOG.md"
    cli("--repo", repo.path, "changelog", "--output", target)
    target.write_text(target.read_text() + "## Older history\n\nSee the wiki.\n")
    repo.commit("fix: third")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert "edited by hand" not in result.stderr  # the v1.0.0 section is still untouched
    text = target.read_text()
    assert text.endswith("## Older history\n\nSee the wiki.\n")
    assert "- third (" in text.split("## v1.1.0")[0]


def test_a_damaged_marker_is_reported_and_its_section_not_doubled(cli: Any, repo: Repo) -> None:
    _two_releases(repo)
    target = repo.path / "CHANGELOG.md"
    cli("--repo", repo.path, "changelog", "--output", target)
    text = target.read_text()
    damaged = text.replace('id="v1.0.0" sha256=', 'id="v1.0.0" sha=', 1)
    target.write_text(damaged)
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0
    assert "marker that cannot be read" in result.stderr
    assert target.read_text().count("## v1.0.0") == 1


def test_windows_line_endings_are_kept(cli: Any, repo: Repo) -> None:
    _two_releases(repo)
    target = repo.path / "CHANGELOG.md"
    cli("--repo", repo.path, "changelog", "--output", target)
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))
    repo.commit("fix: third")
    assert cli("--repo", repo.path, "changelog", "--output", target).code == 0
    raw = target.read_bytes()
    assert b"- third (" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert "edited by hand" not in cli("--repo", repo.path, "changelog", "--output", target).stderr


def test_a_changelog_that_is_not_utf8_is_a_clean_error(cli: Any, repo: Repo) -> None:
    _two_releases(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_bytes(b"# Changelog\n\ncaf\xe9\n")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 7, result
    assert "not UTF-8 text (byte 0xe9 at offset 16)" in result.stderr
    assert target.read_bytes() == b"# Changelog\n\ncaf\xe9\n"


def test_a_read_only_changelog_is_not_replaced(cli: Any, repo: Repo, tmp_path: Any) -> None:
    _two_releases(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text("# Mine\n")
    target.chmod(0o444)
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 6 and "read-only" in result.stderr
    assert target.read_text() == "# Mine\n"


def test_an_edited_unreleased_section_says_what_it_lacks(cli: Any, repo: Repo) -> None:
    _two_releases(repo)
    repo.commit("fix: third")
    target = repo.path / "CHANGELOG.md"
    cli("--repo", repo.path, "changelog", "--output", target)
    target.write_text(target.read_text().replace("- third (", "- Third, reworded by Ada (", 1))
    repo.commit("fix: fourth")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert "without 2 newer entries" in result.stderr  # "third" was reworded, "fourth" is new


def test_the_summary_of_a_long_history_is_one_short_line(cli: Any, repo: Repo) -> None:
    """Counts, not a list of every tag: 40 releases fit one line; an update that adds many
    names the first and the last."""
    for minor in range(40):
        repo.commit(f"feat: feature {minor}")
        repo.commit(f"fix: fix {minor}")
        repo.tag(f"v1.{minor}.0")
    repo.commit("feat: not released yet")
    target = repo.path / "CHANGELOG.md"
    first = cli("--repo", repo.path, "changelog", "--output", target)
    assert first.code == 0, first
    assert first.stderr == f"wrote {target}: 40 releases, 80 changes (Unreleased: 1)\n"
    kept = target.read_text().split('<!-- leaddocs:section id="v1.29.0"')
    target.write_text(kept[0].split('<!-- leaddocs:section id="v1.39.0"')[0]
                      + '<!-- leaddocs:section id="v1.29.0"' + kept[1])  # fmt: skip
    again = cli("--repo", repo.path, "changelog", "--output", target)
    assert again.stderr == (
        f"updated {target}: added 10 releases, 20 changes: v1.30.0 … v1.39.0 (Unreleased: 1)\n"
    )


def test_the_summary_before_the_first_release(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    repo.commit("fix: two")
    target = repo.path / "CHANGELOG.md"
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.stderr == f"wrote {target}: no release yet (Unreleased: 2)\n"
