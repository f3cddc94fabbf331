"""One range rule for every document: a release follows its nearest ancestor release."""

from __future__ import annotations

import json
from typing import Any

from tests.gitrepo import Repo
from tests.ranges.histories import (
    by_tag,
    changelog_json,
    items,
    maintenance_merged,
    notes_json,
    rebase,
)


def test_after_merging_a_maintenance_branch_the_hotfix_is_not_listed_again(
    cli: Any, repo: Repo
) -> None:
    maintenance_merged(repo)
    notes = notes_json(cli, repo)
    assert notes["from"] == "v1.1.0"
    assert "hotfix" not in items(notes)
    assert items(notes) == ["b", "Merge branch 'maint'"]
    releases = by_tag(changelog_json(cli, repo))
    assert items(releases[None]) == items(notes)
    assert items(releases["v1.0.1"]) == ["hotfix"]
    # v1.1.0 follows v1.0.0, its ancestor, not v1.0.1, which comes before it in version order.
    assert (releases["v1.1.0"]["from"], items(releases["v1.1.0"])) == ("v1.0.0", ["a"])


def test_a_release_candidate_follows_its_ancestor_not_a_later_patch_of_an_older_line(
    cli: Any, repo: Repo
) -> None:
    repo.commit("feat: base")
    repo.tag("v1.9.0")
    repo.branch("v1.9.x")
    repo.checkout("main")
    for number in range(3):
        repo.commit(f"feat: big change {number}")
    repo.tag("v2.0.0-rc.1")
    repo.checkout("v1.9.x")
    repo.commit("fix: security fix")
    repo.tag("v1.9.1")  # released after the candidate, on the older line
    repo.checkout("main")
    repo.merge("v1.9.x", "Merge branch 'v1.9.x'")
    repo.commit("fix: polish")
    releases = by_tag(changelog_json(cli, repo))
    candidate = releases["v2.0.0-rc.1"]
    assert candidate["from"] == "v1.9.0"
    assert sorted(items(candidate)) == ["big change 0", "big change 1", "big change 2"]
    assert releases["v1.9.1"]["from"] == "v1.9.0"
    assert "security fix" not in items(releases[None])


def test_lines_that_part_after_a_release_each_list_what_they_ship(cli: Any, repo: Repo) -> None:
    """A commit two releases reach, with no release between them, shipped in both."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("fix: shared by both lines")
    repo.branch("v1.0.x")
    repo.commit("chore(release): 1.0.1")
    repo.tag("v1.0.1")
    repo.checkout("main")
    repo.commit("feat: only on main")
    repo.tag("v1.1.0")
    repo.merge("v1.0.x", "Merge branch 'v1.0.x'")
    releases = by_tag(changelog_json(cli, repo))
    assert items(releases["v1.0.1"]) == ["shared by both lines"]  # its release commit: skipped
    assert sorted(items(releases["v1.1.0"])) == ["only on main", "shared by both lines"]
    assert items(releases[None]) == ["Merge branch 'v1.0.x'"]


def _everything(repo: Repo) -> None:
    """Rebased tags, x.y tags, a maintenance merge and release candidates in one history."""
    repo.commit("feat: base")
    repo.tag("v1.0")
    repo.branch("maint")
    repo.commit("fix: hotfix")
    repo.tag("v1.0.1")
    repo.checkout("main")
    repo.branch("release")
    repo.commit("feat: one")
    repo.tag("v1.1-rc1")
    repo.commit("fix: two")
    repo.tag("v1.1")
    repo.checkout("main")
    repo.commit("docs: main moved on")
    rebase(repo, "release", "main")
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", "release")
    repo.merge("maint", "Merge branch 'maint'")
    repo.commit("feat: three")
    repo.tag("v1.2-rc1")
    repo.commit("fix: four")
    repo.tag("v1.2")
    repo.commit("feat: five")
    repo.tag("v2.0-beta2")
    repo.commit("feat: six")


def test_changelog_sections_are_the_release_notes_of_each_tag(cli: Any, repo: Repo) -> None:
    """Every tag gets the same range from `changelog` and `release-notes --to`, whether
    pre-releases are folded or not; a rebased tag too (its twin holds what the tag held)."""
    _everything(repo)
    for fold in ("true", "false"):
        (repo.path / "leaddocs.yml").write_text(f"tags:\n  fold_prereleases: {fold}\n")
        releases = by_tag(changelog_json(cli, repo))
        assert len(releases) >= 6
        for tag, section in releases.items():
            notes = notes_json(cli, repo, *(("--to", tag) if tag else ()))
            assert (notes["from"], sorted(items(notes))) == (
                section["from"],
                sorted(items(section)),
            ), (fold, tag)
            assert notes["folded_prereleases"] == section["folded_prereleases"], (fold, tag)
    # Folded, the final 1.1 lists its candidate's change too, and v1.1-rc1 is no section.
    (repo.path / "leaddocs.yml").unlink()
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v2.0-beta2", "v1.2", "v1.1", "v1.0.1", "v1.0", None]
    assert sorted(items(releases["v1.1"])) == ["one", "two"]  # what the tag held
    assert releases["v1.1"]["folded_prereleases"] == ["v1.1-rc1"]
    assert sorted(items(releases["v1.2"])) == [
        "Merge branch 'maint'",
        "four",
        "main moved on",  # landed on main before the rebase: v1.1 never shipped it
        "three",
    ]
    assert releases["v1.2"]["from"] == "v1.1"


def test_build_describes_the_release_at_head_even_when_a_higher_one_is_below_it(
    cli: Any, repo: Repo, tmp_path: Any
) -> None:
    """A project that renumbered: 2.0.0 was tagged by mistake and 1.5.0 came after it."""
    repo.commit("feat: base")
    repo.tag("v2.0.0")
    repo.commit("fix: the fix")
    repo.tag("v1.5.0")
    out = tmp_path / "built"
    result = cli("--repo", repo.path, "build", "--out", out, "--kind", "release-notes")
    assert result.code == 0, result
    notes = json.loads((out / "release-notes.json").read_text())
    assert (notes["tag"], notes["from"], items(notes)) == ("v1.5.0", "v2.0.0", ["the fix"])
