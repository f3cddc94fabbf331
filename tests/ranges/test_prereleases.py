"""Pre-releases folded into their final release (tags.fold_prereleases), or listed apart."""

from __future__ import annotations

from typing import Any

from tests.gitrepo import Repo
from tests.ranges.histories import by_tag, changelog_json, items, notes_json
from tests.security.rendered import commonmark, python_markdown, text_of


def _candidate_then_final(repo: Repo) -> None:
    """The changes land before the candidate; the final release adds one fix."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    for number in range(6):
        repo.commit(f"feat: change {number}")
    repo.tag("v1.1.0-rc.1")
    repo.commit("fix: last fix")
    repo.tag("v1.1.0-rc.2")
    repo.commit("fix: release polish")
    repo.tag("v1.1.0")


def test_a_final_release_lists_the_changes_of_its_candidates(cli: Any, repo: Repo) -> None:
    _candidate_then_final(repo)
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v1.1.0", "v1.0.0", None]
    final = releases["v1.1.0"]
    assert final["from"] == "v1.0.0"
    assert len(items(final)) == 8  # not 1 item, with 7 under the candidates
    assert final["folded_prereleases"] == ["v1.1.0-rc.1", "v1.1.0-rc.2"]
    notes = notes_json(cli, repo, "--to", "v1.1.0")
    assert sorted(items(notes)) == sorted(items(final))


def test_folded_candidates_are_named_under_the_heading_on_both_renderers(
    cli: Any, repo: Repo
) -> None:
    _candidate_then_final(repo)
    markdown = cli("--repo", repo.path, "changelog").stdout
    assert "_Includes the pre-releases v1.1.0-rc.1, v1.1.0-rc.2._" in markdown
    for render in (commonmark, python_markdown):
        html = render(markdown)
        assert "<em>Includes the pre-releases v1.1.0-rc.1, v1.1.0-rc.2.</em>" in html
        assert "## v1.1.0-rc" not in text_of(html)


def test_a_candidate_without_its_final_release_is_a_release_of_its_own(
    cli: Any, repo: Repo
) -> None:
    _candidate_then_final(repo)
    repo.commit("feat: next big thing")
    repo.tag("v1.2.0-rc.1")
    repo.commit("fix: after the candidate")
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v1.2.0-rc.1", "v1.1.0", "v1.0.0", None]
    assert items(releases["v1.2.0-rc.1"]) == ["next big thing"]
    assert (releases[None]["from"], items(releases[None])) == (
        "v1.2.0-rc.1",
        ["after the candidate"],
    )
    assert releases[None]["next_version"] == "1.2.0"
    assert notes_json(cli, repo)["from"] == "v1.2.0-rc.1"


def test_not_folded_each_candidate_keeps_its_own_changes(cli: Any, repo: Repo) -> None:
    _candidate_then_final(repo)
    (repo.path / "leaddocs.yml").write_text("tags:\n  fold_prereleases: false\n")
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v1.1.0", "v1.1.0-rc.2", "v1.1.0-rc.1", "v1.0.0", None]
    assert items(releases["v1.1.0"]) == ["release polish"]
    assert releases["v1.1.0"]["from"] == "v1.1.0-rc.2"
    assert len(items(releases["v1.1.0-rc.1"])) == 6
    assert releases["v1.1.0"]["folded_prereleases"] == []
    notes = notes_json(cli, repo, "--to", "v1.1.0")
    assert (notes["from"], items(notes)) == ("v1.1.0-rc.2", ["release polish"])
    assert "Includes the pre-release" not in cli("--repo", repo.path, "changelog").stdout


def test_a_candidate_tagged_on_the_final_commit_is_the_final_release(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("feat: the work")
    repo.tag("v1.1.0-rc.1")
    repo.tag("v1.1.0")  # promoted as it was
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v1.1.0", "v1.0.0", None]
    assert items(releases["v1.1.0"]) == ["the work"]
