"""Release tags off the main line: a rebased release stands at its twin; others say why not."""

from __future__ import annotations

from typing import Any

import pytest

from leaddocs.config import DEFAULT_TAG_PATTERN
from leaddocs.history import twins
from leaddocs.history.git import GitRepository
from leaddocs.history.releases import History
from tests.gitrepo import Repo
from tests.ranges.histories import (
    by_tag,
    changelog_json,
    items,
    notes_json,
    rebase,
    rebased_release,
)


def test_a_rebased_release_keeps_its_place_in_the_changelog(cli: Any, repo: Repo) -> None:
    rebased_release(repo)
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v1.2.0", "v1.1.0", "v1.0.0", None]
    # Its changes are its own, not folded into v1.2.0; v1.2.0 lists what came after, and
    # what main gained while the release branch waited (the tag never held it).
    assert sorted(items(releases["v1.1.0"])) == ["one", "two"]
    assert sorted(items(releases["v1.2.0"])) == ["main moved on", "three"]
    assert releases["v1.2.0"]["from"] == "v1.1.0"
    assert items(releases[None]) == ["after"]
    tagged = repo.git("rev-parse", "--short=12", "v1.1.0^{commit}")
    twin = repo.git("rev-parse", "--short=12", "main~2")
    assert (
        f"tag v1.1.0 ({tagged}) is not in the history of HEAD: a rebase rewrote it, and its "
        f"twin {twin} (the same patch) stands for it"
    ) in result.stderr


def test_release_notes_from_a_rebased_tag_start_at_its_twin(cli: Any, repo: Repo) -> None:
    rebased_release(repo)
    result = cli("--repo", repo.path, "release-notes", "--from", "v1.1.0")
    assert result.code == 0, result
    assert "swapped" not in result.stderr
    assert "--from v1.1.0" in result.stderr and "the same patch" in result.stderr
    document = notes_json(cli, repo, "--from", "v1.1.0")
    assert sorted(items(document)) == ["after", "main moved on", "three"]
    assert document["from"] == "v1.1.0"


def test_notes_of_the_release_after_a_rebased_one_start_at_the_twin(cli: Any, repo: Repo) -> None:
    rebased_release(repo)
    document = notes_json(cli, repo, "--to", "v1.2.0")
    assert (document["from"], sorted(items(document))) == ("v1.1.0", ["main moved on", "three"])
    assert sorted(items(notes_json(cli, repo, "--to", "v1.1.0"))) == ["one", "two"]


def test_a_twin_whose_patch_changed_is_found_by_subject_and_author_date(
    cli: Any, repo: Repo
) -> None:
    repo.commit("feat: base", files={"app.txt": "one\n"})
    repo.tag("v1.0.0")
    repo.branch("release")
    tagged = repo.commit("fix: round totals", files={"app.txt": "one\ntwo\n"})
    repo.tag("v1.0.1")
    stamp = repo.git("log", "-1", "--format=%ad", "--date=raw", tagged)
    repo.checkout("main")
    repo.commit("feat: main moved on", files={"app.txt": "zero\none\n"})
    # The rebase met a conflict and a human resolved it: the same commit, another patch.
    (repo.path / "app.txt").write_text("zero\none\ntwo\n")
    repo.git("add", "app.txt")
    repo.git(
        "commit", "-q", "-m", "fix: round totals",
        env={"GIT_AUTHOR_DATE": stamp, "GIT_AUTHOR_NAME": "Ada Lovelace",
             "GIT_AUTHOR_EMAIL": "ada@example.com"},
    )  # fmt: skip
    repo.commit("feat: later")
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    assert "its twin" in result.stderr and "(the same subject and author date)" in result.stderr
    releases = by_tag(changelog_json(cli, repo))
    assert items(releases["v1.0.1"]) == ["round totals"]
    assert sorted(items(releases[None])) == ["later", "main moved on"]


def _maintenance_release(repo: Repo) -> None:
    """v1.0.1 on a maintenance branch: a backported fix and a release commit of its own."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("feat: new work")
    fix = repo.commit("fix: crash on start")
    repo.tag("v1.1.0")
    repo.branch("maint", "v1.0.0")
    repo.git("cherry-pick", fix)
    repo.commit("chore(release): 1.0.1")
    repo.tag("v1.0.1")
    repo.checkout("main")
    repo.commit("feat: more")


def test_a_maintenance_release_is_not_mapped_and_the_changelog_says_so(
    cli: Any, repo: Repo
) -> None:
    _maintenance_release(repo)
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    assert [release["tag"] for release in changelog_json(cli, repo)["releases"]] == [
        "v1.1.0",
        "v1.0.0",
    ]
    assert (
        "1 release tag is not in HEAD's history and has no twin there (v1.0.1): not listed"
        in result.stderr
    )
    assert "twin" not in result.stderr.replace("no twin", "")


def test_from_a_tag_on_another_line_lists_what_the_end_has_and_it_lacks(
    cli: Any, repo: Repo
) -> None:
    _maintenance_release(repo)
    result = cli("--repo", repo.path, "release-notes", "--from", "v1.0.1")
    assert result.code == 0, result
    assert (
        "--from v1.0.1 is not an ancestor of --to HEAD and has no twin there (the two lines "
        "parted): listing what HEAD has that v1.0.1 lacks, as `git log v1.0.1..HEAD` does"
    ) in result.stderr
    # git's v1.0.1..HEAD: the fix's main-line commit is listed, as git log lists it.
    assert sorted(items(notes_json(cli, repo, "--from", "v1.0.1"))) == [
        "crash on start",
        "more",
        "new work",
    ]


def test_a_range_that_really_is_reversed_is_still_refused(cli: Any, repo: Repo) -> None:
    rebased_release(repo)
    result = cli("--repo", repo.path, "release-notes", "--from", "v1.2.0", "--to", "v1.0.0")
    assert result.code == 4
    assert "are the two swapped?" in result.stderr


def test_a_backport_whose_twin_comes_after_a_later_release_is_no_twin(cli: Any, repo: Repo) -> None:
    """v1.0.1 is only a cherry-pick of a fix main made after v1.1.0: mapping it there would put
    1.0.1 after 1.1.0 on the main line."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("feat: new work")
    repo.tag("v1.1.0")
    fix = repo.commit("fix: crash on start")
    repo.branch("maint", "v1.0.0")
    repo.git("cherry-pick", fix)
    repo.tag("v1.0.1")
    repo.checkout("main")
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v1.1.0", "v1.0.0", None]
    assert items(releases[None]) == ["crash on start"]
    assert "(v1.0.1): not listed" in result.stderr


@pytest.mark.parametrize("tags", [1, 40])
def test_twins_are_looked_for_at_a_bounded_cost(
    repo: Repo, monkeypatch: pytest.MonkeyPatch, tags: int
) -> None:
    """Maintenance tags by the dozen: their release commits have no look-alike on the main line,
    so no patch-id is computed for them; the one rebased release costs one patch-id run."""
    rebased_release(repo)
    for patch in range(1, tags + 1):
        repo.branch(f"maint-{patch}", "v1.0.0")
        repo.commit(f"chore(release): 1.0.{patch}")
        repo.tag(f"v1.0.{patch}")
    repo.checkout("main")
    runs: list[int] = []
    real = GitRepository.commit_patch_ids

    def counted(self: GitRepository, shas: list[str]) -> dict[str, str]:
        runs.append(len(shas))
        return real(self, shas)

    monkeypatch.setattr(GitRepository, "commit_patch_ids", counted)
    history = History(GitRepository(repo.path), DEFAULT_TAG_PATTERN)
    released, _ = history.releases()
    assert [release.tag for release in released] == ["v1.2.0", "v1.1.0", "v1.0.0"]
    # One run: v1.1.0's two commits and their two look-alikes, whatever the number of tags.
    assert runs == [4]


def test_patch_ids_of_thousands_of_commits_come_from_one_pipe(repo: Repo) -> None:
    repo.commit("feat: base")
    for number in range(300):
        repo.commit(f"fix: number {number}")
    shas = repo.git("rev-list", "HEAD").split() * 10  # 3,010 lines: more than a pipe holds
    found = GitRepository(repo.path).commit_patch_ids(shas)
    assert len(found) == 300  # the root commit has no diff, so no patch-id


def test_rebase_keeps_author_dates_as_the_twin_search_expects(repo: Repo) -> None:
    """The premise of the subject-and-date fallback, checked on this git."""
    repo.commit("feat: base")
    repo.branch("topic")
    repo.commit("feat: topic work")
    before = repo.git("log", "-1", "--format=%at %s")
    repo.checkout("main")
    repo.commit("feat: main work")
    rebase(repo, "topic", "main")
    assert repo.git("log", "-1", "--format=%at %s") == before


def test_several_rebased_tags_are_told_in_one_line(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("release")
    for number in range(1, 5):
        repo.commit(f"fix: candidate fix {number}")
        repo.tag(f"v1.1.0-rc.{number}")
    repo.checkout("main")
    repo.commit("docs: main moved on")
    rebase(repo, "release", "main")
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", "release")
    (repo.path / "leaddocs.yml").write_text("tags:\n  fold_prereleases: false\n")
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    assert result.code == 0, result
    [line] = result.stderr.splitlines()
    assert line.startswith(
        "4 release tags are not in the history of HEAD: a rebase rewrote them, and their twins "
        "stand for them (v1.1.0-rc.1 at "
    )
    assert line.endswith(" and 1 more)")
    releases = by_tag(changelog_json(cli, repo))
    assert items(releases["v1.1.0-rc.4"]) == ["candidate fix 4"]
    assert releases["v1.1.0-rc.4"]["from"] == "v1.1.0-rc.3"


def test_notes_at_the_twin_of_a_rebased_release_are_that_release(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("release")
    repo.commit("feat: one")
    repo.tag("v1.1.0")
    repo.checkout("main")
    repo.commit("docs: main moved on")
    rebase(repo, "release", "main")
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", "release")  # HEAD is v1.1.0's twin
    notes = notes_json(cli, repo)
    assert (notes["tag"], notes["from"]) == ("v1.1.0", "v1.0.0")
    assert items(notes) == ["one"]  # the release as tagged: main's own commit never was in it
    assert notes["next_version"] is None
    releases = by_tag(changelog_json(cli, repo))
    assert items(releases["v1.1.0"]) == items(notes)
    assert items(releases[None]) == ["main moved on"]


def test_a_rebased_candidate_folds_into_the_final_release_tagged_on_main(
    cli: Any, repo: Repo
) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("release")
    repo.commit("feat: one")
    repo.tag("v1.1.0-rc.1")
    repo.checkout("main")
    repo.commit("docs: main moved on")
    rebase(repo, "release", "main")
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", "release")
    repo.commit("fix: polish")
    repo.tag("v1.1.0")
    final = by_tag(changelog_json(cli, repo))["v1.1.0"]
    notes = notes_json(cli, repo, "--to", "v1.1.0")
    for document in (final, notes):
        assert document["from"] == "v1.0.0"
        assert sorted(items(document)) == ["main moved on", "one", "polish"]
        assert document["folded_prereleases"] == ["v1.1.0-rc.1"]


def _rebased_and_cherry_picked(repo: Repo) -> None:
    """v1.1.0 tagged on a release branch that is then rebased onto main; v1.0.1 a cherry-pick
    of its fix onto a maintenance branch, tagged there with no release commit of its own.
    HEAD is v1.1.0's twin, which is the twin of v1.0.1's fix too."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("release")
    repo.commit("feat: one")
    repo.commit("fix: two")
    repo.tag("v1.1.0")
    repo.branch("maint", "v1.0.0")
    repo.git("cherry-pick", "v1.1.0")
    repo.tag("v1.0.1")
    repo.checkout("main")
    repo.commit("docs: main moved on")
    rebase(repo, "release", "main")
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", "release")


def test_a_cherry_picked_maintenance_release_does_not_stand_at_a_later_releases_twin(
    cli: Any, repo: Repo
) -> None:
    _rebased_and_cherry_picked(repo)
    notes = notes_json(cli, repo)
    assert (notes["tag"], notes["from"], sorted(items(notes))) == (
        "v1.1.0",
        "v1.0.0",
        ["one", "two"],
    )
    repo.commit("feat: three")
    repo.tag("v1.2.0")
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    assert result.code == 0, result
    assert "tag v1.1.0 (" in result.stderr and "v1.0.1 at" not in result.stderr
    assert "(v1.0.1): not listed" in result.stderr
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["v1.2.0", "v1.1.0", "v1.0.0", None]
    notes_result = cli("--repo", repo.path, "release-notes", "--to", "v1.1.0")
    assert "v1.0.1" not in notes_result.stderr  # no twin of v1.0.1 at v1.1.0's own commit
    for tag in ("v1.2.0", "v1.1.0"):
        notes = notes_json(cli, repo, "--to", tag)
        assert (notes["from"], sorted(items(notes))) == (
            releases[tag]["from"],
            sorted(items(releases[tag])),
        ), tag
    assert sorted(items(releases["v1.1.0"])) == ["one", "two"]


def test_many_rebased_releases_are_mapped_by_a_few_git_processes(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every release of a project that tags release branches before "Rebase and merge": their
    own lines are read together, not one git log per tag."""
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    for number in range(1, 31):
        repo.branch(f"release-{number}")
        repo.commit(f"fix: release fix {number}")
        repo.tag(f"v1.{number}.0")
        repo.checkout("main")
        repo.commit(f"docs: main moved on {number}")
        rebase(repo, f"release-{number}", "main")
        repo.checkout("main")
        repo.git("merge", "-q", "--ff-only", f"release-{number}")
    reads: list[list[str]] = []
    real = GitRepository.commits_of

    def counted(self: GitRepository, args: list[str], limit: int) -> Any:
        reads.append(args)
        return real(self, args, limit)

    monkeypatch.setattr(GitRepository, "commits_of", counted)
    history = History(GitRepository(repo.path), DEFAULT_TAG_PATTERN)
    released, _ = history.releases()
    assert len(released) == 31 and len(reads) <= 2, len(reads)
    # What main gained while release 29 waited came with release 30's branch.
    changes = {release.tag: release.changes for release in released}["v1.30.0"]
    assert sorted(change.description for change in changes) == [
        "main moved on 29",
        "release fix 30",
    ]


def test_a_tag_whose_own_line_is_too_long_is_left_where_it_is(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past OWN_LINE_MAX commits off the line, a tag is not looked at (a long-lived branch);
    the shorter lines read with it are still mapped, whether the shared read was cut or not."""
    monkeypatch.setattr(twins, "OWN_LINE_MAX", 2)
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.branch("long")
    for number in range(4):
        repo.commit(f"feat: long {number}")
    repo.tag("v1.1.0")
    repo.branch("short", "v1.0.0")
    repo.commit("fix: short")
    repo.tag("v1.0.1")
    repo.checkout("main")
    repo.commit("docs: main moved on")
    for branch in ("short", "long"):
        rebase(repo, branch, "main")
        repo.checkout("main")
        repo.git("merge", "-q", "--ff-only", branch)
    history = History(GitRepository(repo.path), DEFAULT_TAG_PATTERN)
    released, _ = history.releases()
    assert [release.tag for release in released] == ["v1.0.1", "v1.0.0"]
    assert any("(v1.1.0): not listed" in note for note in history.notes)
