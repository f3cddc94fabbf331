"""Version schemes real projects tag with: found without configuration, ordered right."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaddocs.config import DEFAULT_TAG_PATTERN
from leaddocs.history.versions import TagMatcher, Version
from tests.gitrepo import Repo
from tests.ranges.histories import by_tag, changelog_json, items, notes_json

# Each list is in release order, lowest first.
ORDERED = [
    ["v4.0-beta2", "v4.0-beta10", "v4.0-rc1", "v4.0", "v4.0.1", "v4.1"],
    ["v6.0-alpha.6", "v6.0-alpha.10", "v6.0-beta.1", "v6.0-rc.1", "v6.0"],
    ["1.2.0.dev1", "1.2.0a1", "1.2.0b1", "1.2.0rc1", "1.2.0rc2", "1.2.0", "1.2.0.post1", "1.2.1"],
    ["2.0.0-alpha", "2.0.0-alpha.1", "2.0.0-alpha.beta", "2.0.0-beta", "2.0.0-rc.1", "2.0.0"],
    ["v5.9", "v5.10", "v5.15", "v5.15.1", "v5.15.10", "v6.0"],
    ["2023.12.31", "2024.01.15", "2024.1.16", "2024.10.01"],
]


@pytest.mark.parametrize("ordered", ORDERED, ids=lambda names: names[0])
def test_the_default_pattern_finds_and_orders_every_scheme(ordered: list[str]) -> None:
    matcher = TagMatcher(DEFAULT_TAG_PATTERN)
    versions = [matcher.version_of(name) for name in ordered]
    assert None not in versions, dict(zip(ordered, versions, strict=True))
    for lower, higher in itertools.pairwise(versions):
        assert lower is not None and higher is not None
        assert lower < higher, (lower, higher)


@pytest.mark.parametrize(
    ("tag", "prerelease"),
    [("v6.0-alpha.6", True), ("v4.0-beta2", True), ("1.2.0rc1", True), ("2.0.0-rc.1", True),
     ("v5.15", False), ("1.2.0.post1", False), ("2024.01.15", False)],
)  # fmt: skip
def test_pre_releases_are_told_apart(tag: str, prerelease: bool) -> None:
    version = TagMatcher(DEFAULT_TAG_PATTERN).version_of(tag)
    assert version is not None and version.prerelease is prerelease


@pytest.mark.parametrize("tag", ["latest", "v1", "nightly-2024", "1.2.3.4.5", "v1.2.", "v.1.2"])
def test_names_that_are_not_versions_are_not_releases(tag: str) -> None:
    assert TagMatcher(DEFAULT_TAG_PATTERN).version_of(tag) is None


@given(
    st.lists(st.integers(0, 30), min_size=2, max_size=3),
    st.sampled_from(["dev", "a", "alpha", "b", "beta", "rc", "c", "pre"]),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_a_pre_release_number_orders_numerically(
    numbers: list[int], word: str, first: int, second: int
) -> None:
    core = ".".join(map(str, numbers))
    low, high = Version.parse(f"{core}-{word}{first}"), Version.parse(f"{core}-{word}.{second}")
    final = Version.parse(core)
    assert low is not None and high is not None and final is not None
    assert (low < high) is (first < second) and (low == high) is (first == second)
    assert low < final and high < final  # a pre-release comes before its release


def test_one_version_written_two_ways_is_one_release(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v5.15")
    repo.commit("fix: more")
    repo.tag("5.15.0")  # the same version, tagged again later
    repo.commit("fix: after")
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["5.15.0", None]
    # Saying so: the earlier tag's release is gone from the CHANGELOG, and it was a release.
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    assert (
        "tag v5.15 names the version of 5.15.0, which is tagged later on another commit: "
        "v5.15 is left out"
    ) in result.stderr


def test_a_kernel_style_history_gets_every_release(cli: Any, repo: Repo) -> None:
    """x.y releases, their -rcN, and x.y.z stable releases: all releases with no configuration
    (the project that got 3 releases out of 65 tags)."""
    for minor in (14, 15):
        for rc in (1, 2):
            repo.commit(f"feat: work towards 5.{minor} rc{rc}")
            repo.tag(f"v5.{minor}-rc{rc}")
        repo.commit(f"fix: finish 5.{minor}")
        repo.tag(f"v5.{minor}")
    repo.commit("feat: work towards 6.0")
    repo.tag("v6.0-alpha.6")
    repo.commit("feat: unreleased")
    (repo.path / "leaddocs.yml").write_text("tags:\n  fold_prereleases: false\n")
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    assert result.stderr == ""
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == [
        "v6.0-alpha.6", "v5.15", "v5.15-rc2", "v5.15-rc1", "v5.14", "v5.14-rc2", "v5.14-rc1", None,
    ]  # fmt: skip
    assert releases["v5.15-rc1"]["from"] == "v5.14"
    assert items(releases[None]) == ["unreleased"]
    assert releases[None]["next_version"] == "6.0"  # after a pre-release: the release it rehearses
    (repo.path / "leaddocs.yml").unlink()
    repo.commit("feat: new driver")
    repo.tag("v6.0")
    repo.commit("fix: a driver bug")
    assert notes_json(cli, repo)["next_version"] == "6.0.1"  # x.y stays x.y, a fix adds .z


@pytest.mark.parametrize(
    ("pattern", "tags", "next_version"),
    [
        # CalVer with a prefix: the pattern captures the date; no next version is suggested.
        (r"^release-(?P<version>\d{4}\.\d{2}\.\d{2})$", ["release-2024.01.15",
         "release-2024.02.01"], None),
        # A prefix before x.y.
        (r"^release-(?P<version>\d+\.\d+)$", ["release-1.2", "release-1.3"], "1.4"),
    ],
)  # fmt: skip
def test_prefixed_and_calendar_tags_through_the_pattern(
    cli: Any, repo: Repo, pattern: str, tags: list[str], next_version: str | None
) -> None:
    for tag in tags:
        repo.commit(f"feat: before {tag}")
        repo.tag(tag)
    repo.commit("feat: next")
    repo.tag("v9.9.9-not-ours")  # matches nothing: the pattern decides, not the shape
    (repo.path / "leaddocs.yml").write_text(f"tags:\n  pattern: '{pattern}'\n")
    document = changelog_json(cli, repo)
    assert [release["tag"] for release in document["releases"]] == tags[::-1]
    assert document["releases"][0]["from"] == tags[0]
    assert items(document["unreleased"]) == ["next"]
    assert document["unreleased"]["next_version"] == next_version


def test_calendar_versions_work_with_no_configuration(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    repo.tag("2024.01.15")
    repo.commit("feat: two")
    repo.tag("2024.02.01")
    repo.commit("fix: three")
    releases = by_tag(changelog_json(cli, repo))
    assert list(releases) == ["2024.02.01", "2024.01.15", None]
    assert releases[None]["next_version"] is None  # the next one is a date, not a bump


def test_most_version_like_tags_matching_nothing_is_said_once(cli: Any, repo: Repo) -> None:
    for minor in range(6):
        repo.commit(f"feat: step {minor}")
        repo.tag(f"release-1.{minor}")
    repo.commit("feat: unreleased")
    repo.tag("nightly")  # not version-like: not counted
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    warning = (
        "6 of 6 tags that look like versions are not releases by tags.pattern (release-1.3, "
        "release-1.4, release-1.5 and 3 more): set tags.pattern to match them, its "
        "(?P<version>...) group around the version (see docs/releases-and-ranges.md)"
    )
    assert result.stderr.splitlines() == [warning]
    notes = cli("--repo", repo.path, "release-notes")
    assert notes.stderr.splitlines() == [warning]


def test_a_few_unmatched_tags_among_releases_are_not_warned_about(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    repo.tag("v1.0.0")
    repo.commit("feat: two")
    repo.tag("v1.1.0")
    repo.tag("docs-1.1")  # a docs snapshot: not a release, and not worth a warning
    assert cli("--repo", repo.path, "changelog").stderr == ""
