"""One reader of a hand-written release heading: the release it stands for and how it is
written, the same for placing releases in an existing CHANGELOG and for heading the ones
leaddocs adds to it."""

from __future__ import annotations

from typing import Any

import pytest

from leaddocs.documents.headings import HeadingStyle, ReleaseHeading, release_heading
from tests.cpu import cpu_budget
from tests.gitrepo import Repo
from tests.history.test_changelog import _two_releases as two_releases

_KEEP = HeadingStyle(bracketed=True, with_v=False, before_date=" - ")


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("## [1.2.0] - 2024-01-01", ReleaseHeading("1.2.0", _KEEP)),  # Keep a Changelog
        (
            "## [1.2.0](https://github.com/a/b/compare/v1.1.0...v1.2.0) (2024-01-01)",
            ReleaseHeading("1.2.0", HeadingStyle(True, False, " (", ")")),
        ),
        ("## 1.2.0 (2024-01-01)", ReleaseHeading("1.2.0", HeadingStyle(False, False, " (", ")"))),
        ("## v1.2.0", ReleaseHeading("v1.2.0", HeadingStyle(False, True, None))),
        ("## 1.2.0 — 2024-01-01", ReleaseHeading("1.2.0", HeadingStyle(False, False, " — "))),
        ("## v1.0.0, 2024-01-01", ReleaseHeading("v1.0.0", HeadingStyle(False, True, ", "))),
        ("## [Unreleased]", ReleaseHeading("Unreleased", HeadingStyle(True, False, None))),
        ("## Unreleased", ReleaseHeading("Unreleased", HeadingStyle(False, False, None))),
        ("## 1.4.0 upgrade guide", None),  # a guide, not the release
        ("## v1.4.0: what changed", None),
        ("## [1.4.0] notes for packagers", None),
        ("## [1.2.0] - 2024-01-01 [YANKED]", ReleaseHeading("1.2.0", _KEEP, yanked=True)),
        (
            "## 1.2.0-rc.1 (2024-01-01)",
            ReleaseHeading("1.2.0-rc.1", HeadingStyle(False, False, " (", ")")),
        ),
        ("## v6.0-beta2", ReleaseHeading("v6.0-beta2", HeadingStyle(False, True, None))),
        ("## release-1.2", ReleaseHeading("release-1.2", HeadingStyle(False, False, None))),
        ("## 1.2.0 (2024-01-01", None),  # a parenthesis left open
        ("## 1.2.0\r", ReleaseHeading("1.2.0", HeadingStyle(False, False, None))),
        ("### 1.2.0", None),
        ("## Installation", None),
    ],
)
def test_a_release_heading_is_read_one_way(line: str, read: ReleaseHeading | None) -> None:
    assert release_heading(line) == read


def test_only_a_heading_that_starts_with_its_version_has_a_style_to_copy() -> None:
    assert [
        heading.versioned
        for heading in map(release_heading, ["## v1.2.0", "## [Unreleased]", "## release-1.2"])
        if heading is not None
    ] == [True, False, False]


def test_a_long_hostile_heading_line_is_read_in_linear_time() -> None:
    for line in (
        "## " + "1.1-" * 50_000 + " " * 50_000 + "x",
        "## 1.2.0" + " -" * 50_000 + " 2024-01-01 x",
        "## [" + "1.2" * 50_000 + "](" + "(" * 50_000,
    ):
        with cpu_budget(1.0):
            assert release_heading(line) is None


def test_a_heading_with_a_comma_before_its_date_is_its_release_not_another(
    cli: Any, repo: Repo
) -> None:
    """The file's v1.0.0 is not added a second time, and v1.1.0 is headed as v1.0.0 is."""
    two_releases(repo)
    date = repo.git("log", "-1", "--format=%cs", "v1.1.0")
    target = repo.path / "CHANGELOG.md"
    target.write_text("# Changelog\n\n## v1.0.0, 2020-01-01\n\n- first, by hand\n")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    headings = [line for line in target.read_text().splitlines() if line.startswith("## ")]
    assert headings[1:] == [f"## v1.1.0, {date}", "## v1.0.0, 2020-01-01"]
