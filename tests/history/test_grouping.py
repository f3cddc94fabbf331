"""Grouping history into changes: reverts (of commits, merges and pull requests), octopus merges,
and the issues a change references."""

from __future__ import annotations

from leaddocs.config import DEFAULT_TAG_PATTERN
from leaddocs.history.changes import Change
from leaddocs.history.git import GitRepository
from leaddocs.history.releases import History, Release
from tests.gitrepo import Repo


def unreleased(repo: Repo) -> Release:
    return History(GitRepository(repo.path), DEFAULT_TAG_PATTERN).release(None, "HEAD")


def titles(changes: list[Change]) -> list[str]:
    return [change.description for change in changes]


def start(repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")


def revert(repo: Repo, sha: str, *extra: str) -> str:
    repo.git("revert", "--no-edit", *extra, sha, env=repo._dates())
    return repo.head()


def test_a_pull_request_reverted_with_the_revert_button_is_cancelled(repo: Repo) -> None:
    start(repo)
    merged = repo.merge_pr(1, "feat: toggle", ["feat: add the toggle"])
    repo.commit("fix: unrelated")
    repo.branch("revert-1-toggle")
    revert(repo, merged, "-m", "1")  # what GitHub's Revert button pushes to a branch
    repo.checkout("main")
    repo.merge(
        "revert-1-toggle",
        'Merge pull request #2 from acme/revert-1-toggle\n\nRevert "feat: toggle"',
    )
    release = unreleased(repo)
    assert titles(release.changes) == ["unrelated"]
    assert sorted(change.pr or 0 for change in release.cancelled) == [1, 2]


def test_a_merge_reverted_on_main_is_cancelled(repo: Repo) -> None:
    start(repo)
    merged = repo.merge_pr(1, "feat: toggle", ["feat: add the toggle"])
    reverted = revert(repo, merged, "-m", "1")  # "This reverts commit X, reversing changes…"
    release = unreleased(repo)
    assert release.changes == []
    assert {change.head.sha for change in release.cancelled} == {merged, reverted}


def test_a_pull_request_that_also_adds_work_is_not_cancelled(repo: Repo) -> None:
    start(repo)
    wrong = repo.commit("fix: round totals")
    repo.branch("topic")
    revert(repo, wrong)
    repo.commit("fix: round totals to cents")
    repo.checkout("main")
    repo.merge("topic", "Merge pull request #3 from acme/topic\n\nRedo the rounding")
    release = unreleased(repo)
    assert titles(release.changes) == ["Redo the rounding", "round totals"]
    assert release.cancelled == []


def test_a_revert_of_a_revert_ships_the_change(repo: Repo) -> None:
    start(repo)
    toggle = repo.commit("feat: toggle")
    first = repo.commit(f'Revert "feat: toggle"\n\nThis reverts commit {toggle}.')
    second = repo.commit(f'Revert "Revert "feat: toggle""\n\nThis reverts commit {first}.')
    release = unreleased(repo)
    assert titles(release.changes) == ["toggle"]
    assert release.changes[0].type == "feat"
    assert {change.head.sha for change in release.cancelled} == {first, second}


def test_reverted_three_times_is_gone(repo: Repo) -> None:
    start(repo)
    sha = repo.commit("feat: toggle")
    for _ in range(3):
        sha = repo.commit(f"Revert something\n\nThis reverts commit {sha[:10]}.")
    release = unreleased(repo)
    assert release.changes == []
    assert len(release.cancelled) == 4


def test_an_octopus_pull_request_is_one_change_with_every_branch(repo: Repo) -> None:
    start(repo)
    for name, message in (("a", "feat: from a"), ("b", "fix: from b"), ("c", "docs: from c")):
        repo.branch(name, "main")
        repo.commit(message)
    repo.checkout("main")
    repo.git(
        "merge", "-q", "--no-ff", "-m",
        "Merge pull request #9 from acme/train\n\nRelease train", "a", "b", "c",
        env=repo._dates(),
    )  # fmt: skip
    release = unreleased(repo)
    assert titles(release.changes) == ["Release train"]
    (change,) = release.changes
    assert (change.pr, change.type, len(change.commits)) == (9, "feat", 4)
    _, unreleased_work = History(GitRepository(repo.path), DEFAULT_TAG_PATTERN).releases()
    assert titles(unreleased_work.changes) == ["Release train"]


def test_an_octopus_merge_without_a_pull_request_keeps_every_commit(repo: Repo) -> None:
    start(repo)
    for name in ("a", "b"):
        repo.branch(name, "main")
        repo.commit(f"fix: from {name}")
    repo.checkout("main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge branches 'a' and 'b'", "a", "b")
    changes = unreleased(repo).changes
    assert sorted(titles(changes)) == ["Merge branches 'a' and 'b'", "from a", "from b"]
    assert changes[0].is_plain_merge


def test_a_change_lists_the_issues_its_commits_reference(repo: Repo) -> None:
    start(repo)
    repo.merge_pr(4, "Fix the cart", ["fix: empty cart\n\nCloses #14", "fix: b\n\nRefs: #3, #14"])
    repo.commit("fix: c (#5)\n\nFixes #8")
    changes = unreleased(repo).changes
    assert [(change.pr, change.issues) for change in changes] == [(5, (8,)), (4, (3, 14))]


def test_a_plainly_titled_pull_request_takes_a_scope_only_its_commits_agree_on(
    repo: Repo,
) -> None:
    """The type of its most telling commits; their scope only when they share it: a title
    that spans the API and the UI is no more one than the other."""
    start(repo)
    repo.merge_pr(6, "Dark mode", ["feat(ui): the toggle", "feat(api): store the choice"])
    repo.merge_pr(7, "Faster search", ["perf(search): an index", "test: the index"])
    changes = {change.pr: change for change in unreleased(repo).changes}
    assert (changes[6].type, changes[6].scope) == ("feat", None)
    assert (changes[7].type, changes[7].scope) == ("perf", "search")
