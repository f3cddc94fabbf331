"""A hand-written CHANGELOG heading stands for a release only when it names just the release."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gitrepo import Repo


def _added(text: str, tag: str) -> int:
    """How many sections leaddocs wrote for ``tag`` (whatever heading style the file keeps)."""
    return text.count(f'<!-- leaddocs:section id="{tag}" ')


def _releases(repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.3.0")
    repo.commit("feat: second")
    repo.tag("v1.4.0")


def test_a_heading_that_only_starts_with_a_version_hides_no_release(cli: Any, repo: Repo) -> None:
    _releases(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text(
        "# Changelog\n\n## 1.4.0 upgrade guide\n\nRun the migration first.\n\n"
        "## [1.3.0] - 2024-01-01\n\n- first, by hand\n"
    )
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    assert "v1.4.0" in result.stderr  # named as added (the summary's wording may change)
    text = target.read_text()
    assert _added(text, "v1.4.0") == 1 and "second" in text
    assert "## 1.4.0 upgrade guide\n\nRun the migration first." in text  # kept as written
    assert _added(text, "v1.3.0") == 0  # the hand-written 1.3.0 section stands for it
    again = cli("--repo", repo.path, "changelog", "--output", target)
    assert again.code == 0 and target.read_text() == text


@pytest.mark.parametrize(
    "heading",
    [
        "## [1.4.0] - 2024-02-01",
        "## 1.4.0",
        "## v1.4.0 — 2024-02-01",
        "## [1.4.0](https://github.com/acme/shop/compare/v1.3.0...v1.4.0) (2024-02-01)",
        "## 1.4.0 (2024-02-01)",
        "## [1.4.0] - 2024-02-01 [YANKED]",
    ],
)
def test_release_headings_written_by_hand_still_stand_for_their_release(
    cli: Any, repo: Repo, heading: str
) -> None:
    _releases(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text(f"# Changelog\n\n{heading}\n\n- second, by hand\n")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    text = target.read_text()
    assert _added(text, "v1.4.0") == 0 and text.count(heading) == 1
    assert text.index('id="unreleased"') < text.index(heading) < text.index('id="v1.3.0"')


@pytest.mark.parametrize(
    "heading",
    ["## 1.4.0 upgrade guide", "## [1.4.0] notes for packagers", "## v1.4.0: what changed"],
)
def test_more_words_after_the_version_make_it_no_release_heading(
    cli: Any, repo: Repo, heading: str
) -> None:
    _releases(repo)
    target = repo.path / "CHANGELOG.md"
    target.write_text(f"# Changelog\n\n## [1.3.0]\n\n- by hand\n\n{heading}\n\nProse.\n")
    assert cli("--repo", repo.path, "changelog", "--output", target).code == 0
    text = target.read_text()
    assert _added(text, "v1.4.0") == 1
    assert f"{heading}\n\nProse." in text


def test_a_prefixed_tag_is_recognised_in_a_hand_written_heading(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("release-1.2")
    repo.commit("feat: second")
    repo.tag("release-1.3")
    (repo.path / "leaddocs.yml").write_text("tags:\n  pattern: '^release-(?P<version>.+)$'\n")
    target = repo.path / "CHANGELOG.md"
    target.write_text("# Changelog\n\n## release-1.2\n\n- by hand\n")
    result = cli("--repo", repo.path, "changelog", "--output", target)
    assert result.code == 0, result
    text = target.read_text()
    assert text.count("## release-1.2") == 1 and _added(text, "release-1.2") == 0
    assert _added(text, "release-1.3") == 1
