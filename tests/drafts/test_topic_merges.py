"""Merge-based projects: a merged topic branch is one entry, titled by the merge's prose."""

from __future__ import annotations

from typing import Any

from tests.drafts.helpers import configure, markdown, notes, section, sections, skipped
from tests.gitrepo import Repo

JUNIO = "Junio Hamano <gitster@example.com>"
PATRICK = "Patrick Steinhardt <ps@example.com>"
JEFF = "Jeff King <peff@example.com>"
TAYLOR = "Taylor Blau <me@example.com>"


def git_like(repo: Repo) -> None:
    """Topics merged with prose, as git.git does, and the maintainer's own batch commit."""
    repo.commit("Initial import", author=JUNIO)
    repo.tag("v2.44.0")
    repo.merge_topic(
        "ps/reftable-fixes",
        ["reftable: fix leak in block reader", "reftable/merged: handle empty tables"],
        "The reftable backend leaked memory and choked on empty tables;\nboth have been corrected.",
        author=PATRICK,
    )
    repo.merge_topic("jk/meson-perl", ["meson: fix perl dependencies"], author=JEFF)
    repo.merge_topic("tb/pack-bitmap-cleanup", ["bitmap: tidy", "bitmap: rename"], author=TAYLOR)
    repo.merge_topic(
        "jc/log-follow",
        ["log: follow renames across merges", "t4202: test --follow across merges"],
        '"git log --follow" learned to follow renames across merges.',
        author=JUNIO,
    )
    repo.commit("The first batch", author=JUNIO)
    repo.tag("v2.45.0")


def test_each_merged_topic_is_one_entry_titled_by_its_prose(cli: Any, repo: Repo) -> None:
    git_like(repo)
    document = notes(cli, repo, "--to", "v2.45.0")
    shown = [entry for title, entries in sections(document).items() for entry in entries]
    assert sorted(shown) == sorted(
        [
            "The reftable backend leaked memory and choked on empty tables; both have been "
            "corrected.",
            "meson: fix perl dependencies",  # no prose, one commit: the commit says it
            "Pack bitmap cleanup",  # no prose, two commits: the branch name as words
            '"git log --follow" learned to follow renames across merges.',
        ]
    )
    assert skipped(document) == ["The first batch"]
    items = {item["subject"]: item for s in document["sections"] for item in s["items"]}
    # The topic's commits are under its entry: the merge first, then what it brought in.
    assert len(items["Pack bitmap cleanup"]["commits"]) == 3
    # The merge's author pressed the button; the topic's author wrote it.
    assert items['"git log --follow" learned to follow renames across merges.']["authors"] == [
        "Junio Hamano"
    ]
    assert document["contributors"] == [
        "Patrick Steinhardt",
        "Jeff King",
        "Taylor Blau",
        "Junio Hamano",
    ]


def test_the_topics_commits_are_listed_under_it_in_markdown(cli: Any, repo: Repo) -> None:
    git_like(repo)
    result = cli("--repo", repo.path, "release-notes", "--to", "v2.45.0")
    assert result.code == 0, result
    block = result.stdout.split("- Pack bitmap cleanup", 1)[1].split("\n- ", 1)[0]
    assert "bitmap: tidy" in block and "bitmap: rename" in block
    assert "Merge branch" not in result.stdout
    # A topic of one commit, which says what the entry says, lists no commit under it.
    meson = result.stdout.split("- meson: fix perl dependencies", 1)[1].split("\n- ", 1)[0]
    assert "  - " not in meson


def test_a_back_merge_of_maint_lists_each_topic_once(cli: Any, repo: Repo) -> None:
    """git.git merges a fix to master and to maint, then maint into master: the fix is listed
    once, a topic merged only to maint is listed by its own prose, and the two merges that
    bring nothing new are housekeeping."""
    repo.commit("Initial import", author=JUNIO)
    repo.tag("v1.0.0")
    repo.git("branch", "maint")
    repo.merge_topic(
        "jc/fix-crash",
        ["diff: do not crash on empty input"],
        "A crash on empty input has been fixed.",
        start="v1.0.0",
    )
    repo.checkout("maint")
    repo.merge_topic("jc/fix-crash", [], "A crash on empty input has been fixed.", into="maint")
    repo.merge_topic(
        "ab/leak", ["reader: plug leak"], "Plug a leak in the reader.", author=TAYLOR, into="maint"
    )
    repo.checkout("main")
    repo.merge("maint", "Merge branch 'maint'", author=JUNIO)
    repo.merge_topic("tb/frotz", ["frotz: add --twice"], '"git frotz" learned "--twice".')
    repo.tag("v1.1.0")
    document = notes(cli, repo, "--to", "v1.1.0")
    shown = [entries for title, entries in sections(document).items() if title != "Maintenance"]
    assert sorted(entry for entries in shown for entry in entries) == [
        '"git frotz" learned "--twice".',
        "A crash on empty input has been fixed.",
        "Plug a leak in the reader.",
    ]
    assert section(document, "Maintenance") == [
        "Merge branch 'maint'",
        "Merge branch 'jc/fix-crash' into maint",
    ]


def test_pull_requests_merged_through_develop_are_one_entry_each(cli: Any, repo: Repo) -> None:
    """git-flow: main merges develop, which merged the pull requests. Each pull request is one
    entry with its commits, not a merge plus every commit on its own."""
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.branch("develop")
    repo.merge_pr(1, "Add CSV export", ["feat: add CSV writer", "test: cover the CSV writer"])
    repo.merge_pr(2, "Fix rounding of totals", ["fix: round totals to cents"])
    repo.checkout("main")
    repo.merge("develop", "Merge branch 'develop'")
    repo.tag("v1.1.0")
    document = notes(cli, repo, "--to", "v1.1.0")
    assert section(document, "Features") == ["Add CSV export"]
    assert section(document, "Fixes") == ["Fix rounding of totals"]
    assert section(document, "Maintenance") == ["Merge branch 'develop'"]
    csv = document["sections"][0]["items"][0]
    assert len(csv["commits"]) == 3  # the merge and its two commits


def test_a_project_of_direct_commits_keeps_each_commit(cli: Any, repo: Repo) -> None:
    """One local merge among direct commits does not make a project merge-based: the branch's
    commits stay entries of their own, unless ``merges.topics: on`` says otherwise."""
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    for number in range(4):
        repo.commit(f"fix: bug {number}")
    repo.branch("feature-export")
    repo.commit("feat: add the exporter")
    repo.commit("fix: exporter encoding")
    repo.checkout("main")
    repo.merge("feature-export", "Merge branch 'feature-export'")
    document = notes(cli, repo)
    assert section(document, "Features") == ["add the exporter"]
    assert "exporter encoding" in section(document, "Fixes")

    configure(repo, "merges:\n  topics: 'on'\n")
    document = notes(cli, repo)
    assert section(document, "Features") == ["Feature export"]  # the most telling type: feat
    assert "exporter encoding" not in section(document, "Fixes")


def test_topics_off_lists_every_commit_of_a_merge_based_project(cli: Any, repo: Repo) -> None:
    git_like(repo)
    configure(repo, "merges:\n  topics: 'off'\n")
    document = notes(cli, repo, "--to", "v2.45.0")
    every = [entry for entries in sections(document).values() for entry in entries]
    assert "reftable: fix leak in block reader" in every
    assert "Merge branch 'ps/reftable-fixes'" in section(document, "Maintenance")


def test_a_reverted_topic_is_cancelled_with_its_revert(cli: Any, repo: Repo) -> None:
    repo.commit("Initial import", author=JUNIO)
    repo.tag("v1.0.0")
    repo.merge_topic("jc/keep", ["keep: add"], "Keep this.")
    merged = repo.merge_topic("jc/oops", ["oops: add"], "A change that did not work out.")
    repo.git("revert", "--no-edit", "-m", "1", merged, env=repo._dates())
    document = notes(cli, repo)
    every = [entry for entries in sections(document).values() for entry in entries]
    assert every == ["Keep this."]
    cancelled = [item["subject"] for item in document["cancelled_reverts"]]
    assert "A change that did not work out." in cancelled


def test_sync_branches_can_be_configured(cli: Any, repo: Repo) -> None:
    """A merge of a branch the configuration calls the main line is no topic."""
    repo.commit("Initial import", author=JUNIO)
    repo.tag("v1.0.0")
    repo.merge_topic("jc/one", ["one: add"], "One.")
    repo.merge_topic("upstream", ["vendored: update"], "Upstream changes.")
    configure(repo, "merges:\n  sync_branches: '^upstream$'\n")
    document = notes(cli, repo)
    assert "Upstream changes." not in [
        e for entries in sections(document).values() for e in entries
    ]
    assert "Merge branch 'upstream'" in section(document, "Maintenance")


def test_a_topics_prose_is_placed_by_what_it_says(cli: Any, repo: Repo) -> None:
    """Prose has no first verb to go by: "… learned to …" is a feature, "… have been
    corrected" a fix, "… made faster" performance, "Code clean-up." refactoring."""
    git_like(repo)
    repo.merge_topic("rs/cleanup", ["strbuf: simplify"], "Code clean-up.", author=JEFF)
    repo.merge_topic("ds/docs", ["doc: describe --frotz"], "Doc update for --frotz.")
    repo.merge_topic("tb/speed", ["pack: read less"], "Packing has been made faster.")
    repo.merge_topic("jc/misc", ["misc: prepare"], "Preparatory work for the next release.")
    found = sections(notes(cli, repo, "--from", "v2.44.0"))
    assert found["Features"] == ['"git log --follow" learned to follow renames across merges.']
    assert found["Fixes"] == [
        "meson: fix perl dependencies",
        "The reftable backend leaked memory and choked on empty tables; both have been corrected.",
    ]
    assert found["Performance"] == ["Packing has been made faster."]
    assert found["Refactoring"] == ["Code clean-up.", "Pack bitmap cleanup"]
    assert found["Documentation"] == ["Doc update for --frotz."]
    assert found["Other"] == ["Preparatory work for the next release."]


def test_main_merged_into_a_topic_to_keep_up_is_not_one_of_its_commits(
    cli: Any, repo: Repo
) -> None:
    # A topic that merged main in to keep up carries main's work in that merge: main's own
    # entries list it, so the topic's entry lists only the topic's commits.
    repo.commit("feat: first", author=JUNIO)
    repo.tag("v1.0.0")
    repo.branch("feat/search", "HEAD")
    repo.commit("feat(search): an index", author=PATRICK)
    repo.checkout("main")
    repo.commit("fix: a crash on start", author=JEFF)
    repo.checkout("feat/search")
    repo.merge("main", "merge: main into feat/search", author=PATRICK)
    repo.commit("feat(search): ranking", author=PATRICK)
    repo.checkout("main")
    repo.merge("feat/search", "merge: search (#7)", author=JUNIO)
    document = notes(cli, repo)
    items = {item["subject"]: item for s in document["sections"] for item in s["items"]}
    [search] = [item for subject, item in items.items() if "search" in subject]
    assert len(search["commits"]) == 3  # the merge, ranking, an index
    rendered = markdown(cli, repo)
    assert "feat(search): ranking" in rendered and "feat(search): an index" in rendered
    assert "merge: main into feat/search" not in rendered
