"""Updating a CHANGELOG someone else started keeps its heading style for the releases leaddocs
adds: Keep a Changelog, conventional-changelog, plain versions with or without v."""

from __future__ import annotations

import re
from typing import Any

import pytest

from leaddocs.documents.headings import HeadingStyle, heading_style
from tests.gitrepo import Repo
from tests.history.test_changelog import _two_releases as two_releases
from tests.security.rendered import same_in_both

COMPARE = "https://github.com/acme/widget/compare/v1.0.0...v1.1.0"


def _on_github(repo: Repo) -> str:
    """v1.0.0 and v1.1.0 on a GitHub remote; v1.1.0's date."""
    two_releases(repo)
    repo.git("remote", "add", "origin", "https://github.com/acme/widget.git")
    return repo.git("log", "-1", "--format=%cs", "v1.1.0")


@pytest.mark.parametrize(
    ("by_hand", "added"),
    [
        ("## [1.0.0] - 2020-01-01", f"## [1.1.0]({COMPARE}) - {{date}}"),  # Keep a Changelog
        (
            "## [1.0.0](https://github.com/acme/widget/compare/v0.9.0...v1.0.0) (2020-01-01)",
            f"## [1.1.0]({COMPARE}) ({{date}})",  # conventional-changelog
        ),
        ("## 1.0.0 (2020-01-01)", "## 1.1.0 ({date})"),
        ("## v1.0.0", "## v1.1.0"),
        ("## 1.0.0 — 2020-01-01", "## 1.1.0 — {date}"),
    ],
)
def test_a_release_added_to_a_changelog_is_headed_as_the_file_heads_its_own(
    cli: Any, repo: Repo, by_hand: str, added: str
) -> None:
    date = _on_github(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text(f"# Changelog\n\n{by_hand}\n\n- first, by hand\n")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    text = target.read_text()
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[1:] == [added.format(date=date), by_hand], text
    assert "### Features" in text  # the sections under it are one level down, as before
    outline = same_in_both(text)
    assert sum(block.startswith("h2: ") for block in outline) == 3
    # The next run leaves it as it is.
    once = text
    assert cli("--repo", repo.path, "changelog", "--output", target).code == 0
    assert target.read_text() == once


def test_a_file_of_leaddocs_own_keeps_the_default_heading(cli: Any, repo: Repo) -> None:
    _on_github(repo)
    target = repo.path / "CHANGELOG.md"
    assert cli("--repo", repo.path, "changelog", "--output", target).code == 0
    repo.commit("fix: third")
    repo.tag("v1.2.0")
    assert cli("--repo", repo.path, "changelog", "--output", target).code == 0
    assert re.search(
        r"^## \[v1\.2\.0\]\(https://\S+v1\.1\.0\.\.\.v1\.2\.0\) — ", target.read_text(), re.M
    )


def test_the_newest_real_release_heading_sets_the_style() -> None:
    """A heading that only starts with a version (a guide, a yanked note) is no release
    heading to copy; nor is text before the first one."""
    parts = [
        "# Changelog\n\nSee 1.4.0 below.\n",
        "## 1.4.0 upgrade guide\n\nRead this first.\n",
        "## [1.3.0] - 2024-02-01 [YANKED]\n\n- oops\n",
        "## [1.2.0] - 2024-01-01\n\n- fine\n",
        "## v1.1.0\n",
    ]
    assert heading_style(parts) == HeadingStyle(True, False, " - ")
    assert heading_style(["# Changelog\n\nNothing yet.\n"]) is None


@pytest.mark.parametrize(
    "by_hand",
    ["# Changelog\n\n# 1.0.0\n\n- first\n", "Changelog\n=========\n\n1.0.0\n-----\n\n- first\n"],
)
def test_release_headings_it_cannot_place_are_named_in_a_warning(
    cli: Any, repo: Repo, by_hand: str
) -> None:
    _on_github(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text(by_hand)
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    line = by_hand.splitlines().index(next(x for x in by_hand.splitlines() if "1.0.0" in x)) + 1
    assert f"line {line}: releases are headed " in result.stderr
    assert "make them '## ' headings" in result.stderr
    assert target.read_text().startswith(by_hand)  # nothing of the person's text is lost
