"""Classification: plain subjects by their first verb, refactors and reverts in their own
sections, a revert of a change of the same release cancelling both."""

from __future__ import annotations

from typing import Any

from tests.drafts.helpers import configure, notes, section, sections
from tests.gitrepo import Repo


def plain_subjects(repo: Repo) -> dict[str, str]:
    shas = {}
    repo.commit("Initial version")
    repo.tag("v1.0.0")
    shas["shipped"] = repo.commit("Add a CSV export")
    repo.tag("v1.1.0")
    for subject in (
        "Fix crash when the cart is empty",
        "Fixes #12: totals rounded wrongly",
        "Fixed the date format in invoices",
        "Add support for PostgreSQL 16",
        "Implement invoice filtering",
        "Support dark mode",
        "Introduce an audit log",
        "Allow empty descriptions",
        "Enable HTTP/2 by default",
        "Refactor the invoice builder",
        "Clean up the settings module",
        "Simplified error handling",
        "Remove unused helpers",
        "Document the export format",
        "Remove the legacy XML API",
        "Drop support for Python 3.8",
        "Deprecate the --old-flag option",
        "Speed up report generation",
        "Make the footer smaller",
    ):
        repo.commit(subject)
    repo.commit("refactor: split the exporter")
    repo.commit(f'Revert "Add a CSV export"\n\nThis reverts commit {shas["shipped"]}.')
    return shas


def test_plain_subjects_are_placed_by_their_first_verb(cli: Any, repo: Repo) -> None:
    plain_subjects(repo)
    found = sections(notes(cli, repo))
    assert found["Fixes"] == [
        "Fixed the date format in invoices",
        "Fixes #12: totals rounded wrongly",
        "Fix crash when the cart is empty",
    ]
    assert found["Features"] == [
        "Enable HTTP/2 by default",
        "Allow empty descriptions",
        "Introduce an audit log",
        "Support dark mode",
        "Implement invoice filtering",
        "Add support for PostgreSQL 16",
    ]
    assert found["Refactoring"] == [
        "split the exporter",  # refactor: is a type of its own section, not Other
        "Remove unused helpers",  # the longer phrase wins over "remove"
        "Simplified error handling",
        "Clean up the settings module",
        "Refactor the invoice builder",
    ]
    assert found["Removed and deprecated"] == [
        "Deprecate the --old-flag option",
        "Drop support for Python 3.8",
        "Remove the legacy XML API",
    ]
    assert found["Documentation"] == ["Document the export format"]
    assert found["Performance"] == ["Speed up report generation"]
    assert found["Other"] == ["Make the footer smaller"]


def test_a_revert_of_an_earlier_release_is_shown_as_a_revert(cli: Any, repo: Repo) -> None:
    plain_subjects(repo)
    document = notes(cli, repo)
    assert section(document, "Reverts") == ['Revert "Add a CSV export"']
    titles = [found["title"] for found in document["sections"]]
    assert titles.index("Reverts") < titles.index("Refactoring") < titles.index("Other")


def test_a_revert_within_the_release_cancels_both(cli: Any, repo: Repo) -> None:
    repo.commit("Initial version")
    repo.tag("v1.0.0")
    added = repo.commit("Add a toggle")
    repo.commit("Fix the toggle colour")
    repo.commit(f'Revert "Add a toggle"\n\nThis reverts commit {added}.')
    document = notes(cli, repo)
    assert sections(document) == {"Fixes": ["Fix the toggle colour"]}
    assert sorted(item["subject"] for item in document["cancelled_reverts"]) == [
        "Add a toggle",
        'Revert "Add a toggle"',
    ]


def test_verbs_are_configurable(cli: Any, repo: Repo) -> None:
    plain_subjects(repo)
    configure(
        repo,
        "sections:\n"
        "  - {title: Changed, verbs: [make, 'speed up']}\n"
        "  - {title: Fixes, types: [fix], verbs: [fix]}\n",
    )
    found = sections(notes(cli, repo))
    assert found["Changed"] == ["Make the footer smaller", "Speed up report generation"]
    assert "Add support for PostgreSQL 16" in found["Other"]


def test_a_typed_subject_is_not_read_for_a_verb(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("docs: fix the install guide")
    repo.commit("chore: add a pre-commit hook")
    document = notes(cli, repo)
    assert section(document, "Documentation") == ["fix the install guide"]
    assert section(document, "Maintenance") == ["add a pre-commit hook"]
