"""Only real Conventional Commit types are types: ``meson: …`` names an area and stays."""

from __future__ import annotations

from typing import Any

from tests.drafts.helpers import configure, markdown, notes, section, sections
from tests.gitrepo import Repo


def areas_and_types(repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("meson: fix perl dependencies")
    repo.commit("t-reftable-merged: add a test for empty tables")
    repo.commit("feat(api): filter invoices by status")
    repo.commit("refs(files): speed up packed-refs parsing")
    repo.commit("meson: add an option for the docs")
    repo.commit("gitk: show the author date")


def test_a_prefix_that_is_no_type_stays_in_the_text(cli: Any, repo: Repo) -> None:
    areas_and_types(repo)
    found = sections(notes(cli, repo))
    every = [entry for entries in found.values() for entry in entries]
    assert "meson: fix perl dependencies" in every
    assert "t-reftable-merged: add a test for empty tables" in every
    assert "refs(files): speed up packed-refs parsing" in every
    assert "api: filter invoices by status" in found["Features"]  # a real type is parsed
    # The words after an area are still read for their verb.
    assert "meson: fix perl dependencies" in found["Fixes"]
    assert "meson: add an option for the docs" in found["Features"]
    assert "refs(files): speed up packed-refs parsing" in found["Performance"]
    assert found.get("Other") == ["gitk: show the author date"]


def test_the_markdown_keeps_the_prefix_as_written(cli: Any, repo: Repo) -> None:
    areas_and_types(repo)
    text = markdown(cli, repo)
    assert "- meson: fix perl dependencies (" in text
    assert "- **api:** filter invoices by status (" in text


def test_the_type_list_is_configurable(cli: Any, repo: Repo) -> None:
    areas_and_types(repo)
    configure(
        repo,
        "commits:\n  types: [feat, fix, meson]\n"
        "sections:\n  - {title: Build system, types: [meson]}\n  - {title: Features, types: [feat]}\n",
    )
    found = sections(notes(cli, repo))
    assert found["Build system"] == ["add an option for the docs", "fix perl dependencies"]


def test_areas_can_group_the_entries(cli: Any, repo: Repo) -> None:
    areas_and_types(repo)
    repo.commit("gitk: fix the diff colours")
    configure(repo, "commits:\n  group_by_area: true\n")
    document = notes(cli, repo)
    assert section(document, "Fixes") == [
        "gitk: fix the diff colours",
        "meson: fix perl dependencies",
    ]
    assert section(document, "Features") == [
        "api: filter invoices by status",
        "meson: add an option for the docs",
    ]
    assert section(document, "Maintenance") == ["t-reftable-merged: add a test for empty tables"]
    text = markdown(cli, repo)
    assert "- **meson:** fix perl dependencies (" in text


def test_a_pull_request_title_with_an_area_keeps_it(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("docs(readme): explain setup (#3)")
    repo.merge_pr(4, "ui: fix the dark mode toggle", ["wip", "more"])
    repo.commit("parser: handle tabs (#5)")
    found = sections(notes(cli, repo))
    assert found["Fixes"] == ["ui: fix the dark mode toggle"]
    assert found["Documentation"] == ["readme: explain setup"]
    assert found["Other"] == ["parser: handle tabs"]


def test_a_merge_titled_with_no_type_takes_its_commits_most_telling_one(
    cli: Any, repo: Repo
) -> None:
    """A pull request or merge titled 'area: words' that no verb places is placed by its
    commits, as a plainly titled one is; a verb in the title still comes first."""
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.merge_pr(6, "cart: saved carts for everyone", ["feat(cart): save the cart", "test: x"])
    repo.merge_pr(7, "ui: fix the dark mode toggle", ["feat(ui): a new toggle"])
    repo.branch("topic")
    repo.commit("fix(history): one range rule")
    repo.commit("feat(history): rebased tags")
    repo.checkout("main")
    repo.merge("topic", "merge: releases found and right (#11)")
    found = sections(notes(cli, repo))
    assert found["Features"] == [
        "releases found and right",
        "cart: saved carts for everyone",
    ]
    assert found["Fixes"] == ["ui: fix the dark mode toggle"]
    assert "Other" not in found


def test_a_merge_titled_merge_colon_reads_as_its_words_in_its_commits_section(
    cli: Any, repo: Repo
) -> None:
    # This project's own merges: "merge: leaddocs meeting (#10)". That a merge is a merge tells
    # a reader nothing: the entry is its words, in the section its commits' type names.
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.branch("meeting")
    repo.commit("feat(meeting): read notes")
    repo.commit("fix(meeting): dates")
    repo.checkout("main")
    repo.merge("meeting", "merge: leaddocs meeting (#10)")
    repo.commit("merge: a squashed commit saying merge stays as written")
    found = sections(notes(cli, repo))
    assert "leaddocs meeting" in found["Features"]
    every = [entry for entries in found.values() for entry in entries]
    assert not any(entry.startswith("merge: leaddocs") for entry in every)
    assert "merge: a squashed commit saying merge stays as written" in every
