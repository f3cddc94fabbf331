"""Noise defaults: release commits left out; dependency bumps, translation syncs and a bot's
repeated commits collapsed into Maintenance, or dropped."""

from __future__ import annotations

from typing import Any

import pytest

from tests.drafts.helpers import configure, markdown, notes, section, sections, skipped
from tests.gitrepo import Repo
from tests.security.rendered import RENDERERS

RENOVATE = "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>"
DEPENDABOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
WEBLATE = "Hosted Weblate <hosted@weblate.org>"
ACTIONS = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"
ADA = "Ada Lovelace <ada@example.com>"
GRACE = "Grace Hopper <grace@example.com>"

RELEASE_COMMITS = [
    "bump: version 1.0.0 → 1.1.0",
    "version 1.0.0 → 1.1.0",
    "release: prepare for v1.1.0",
    "Release v1.1.0",
    "chore(release): 1.1.0 [skip ci]",
    "chore(main): release 1.1.0",
    "Bump version to 1.1.0",
    "v1.1.0",
    "docs: update the changelog for 1.1.0",
    "docs: refresh the CHANGELOG with leaddocs changelog",
    "Regenerated CHANGELOG.md",
]


def noisy(repo: Repo) -> None:
    repo.commit("feat: first", author=ADA)
    repo.tag("v1.0.0")
    repo.commit("feat: add the CSV export", author=ADA)
    repo.commit("chore(deps): update dependency eslint to v9", author=RENOVATE)
    repo.commit("Update react monorepo to v19", author=RENOVATE)
    repo.commit("fix(deps): update rust crate serde to 1.0.200", author=RENOVATE)
    repo.merge_pr(
        10,
        "Bump lodash from 4.17.20 to 4.17.21",
        ["Bump lodash from 4.17.20 to 4.17.21"],
        author=DEPENDABOT,
    )
    repo.commit("build(deps-dev): bump pytest from 8.0.0 to 8.1.0 (#11)", author=DEPENDABOT)
    for language in ("German", "French", "German"):
        repo.commit(f"Translated using Weblate ({language})", author=WEBLATE)
    repo.commit("Update translation files", author=WEBLATE)
    for _ in range(4):
        repo.commit("Update coverage badge", author=ACTIONS)
    repo.commit("fix: handle an empty cart", author=GRACE)
    repo.commit("Fix typo in README", author=GRACE)
    for subject in RELEASE_COMMITS:
        repo.commit(subject, author=ADA)
    repo.tag("v1.1.0")


def test_only_the_work_is_shown_outside_maintenance(cli: Any, repo: Repo) -> None:
    noisy(repo)
    document = notes(cli, repo, "--to", "v1.1.0")
    shown = {title: entries for title, entries in sections(document).items()}
    maintenance = shown.pop("Maintenance")
    assert shown == {"Features": ["add the CSV export"], "Fixes": ["handle an empty cart"]}
    assert "deps: update dependency eslint to v9" in maintenance
    assert "Update react monorepo to v19" in maintenance
    assert "deps: update rust crate serde to 1.0.200" in maintenance  # fix(deps) is no fix
    assert "Bump lodash from 4.17.20 to 4.17.21" in maintenance
    assert "deps-dev: bump pytest from 8.0.0 to 8.1.0" in maintenance
    assert "Update translation files" in maintenance
    assert "Fix typo in README" in maintenance


def test_release_commits_are_left_out(cli: Any, repo: Repo) -> None:
    noisy(repo)
    document = notes(cli, repo, "--to", "v1.1.0")
    left_out = skipped(document)
    for subject in RELEASE_COMMITS:
        words = subject.split(": ", 1)[1] if subject.startswith(("chore(", "docs:")) else subject
        assert any(words in item for item in left_out), subject
    every = [entry for entries in sections(document).values() for entry in entries]
    assert not any("1.1.0" in entry for entry in every)


def test_a_bots_repeated_commits_are_one_entry(cli: Any, repo: Repo) -> None:
    noisy(repo)
    document = notes(cli, repo, "--to", "v1.1.0")
    maintenance = next(s for s in document["sections"] if s["title"] == "Maintenance")
    badge = [item for item in maintenance["items"] if item["subject"] == "Update coverage badge"]
    assert len(badge) == 1
    assert badge[0]["repeats"] == 4 and len(badge[0]["commits"]) == 4
    german = [
        i for i in maintenance["items"] if i["subject"] == "Translated using Weblate (German)"
    ]
    assert german[0]["repeats"] == 2
    text = markdown(cli, repo, "--to", "v1.1.0")
    assert "- Update coverage badge (" in text and ") — 4 times\n" in text
    for render in RENDERERS.values():
        assert "Update coverage badge" in render(text)


def test_a_bots_one_off_commit_is_housekeeping(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first", author=ADA)
    repo.tag("v1.0.0")
    repo.commit("Regenerate the API reference", author=ACTIONS)
    repo.commit("feat: a feature an agent wrote", author="copilot-swe-agent[bot] <c@example.com>")
    document = notes(cli, repo)
    assert section(document, "Maintenance") == ["Regenerate the API reference"]
    assert section(document, "Features") == ["a feature an agent wrote"]


@pytest.mark.parametrize("kind", ["dependencies", "translations"])
def test_a_kind_of_housekeeping_can_be_dropped(cli: Any, repo: Repo, kind: str) -> None:
    noisy(repo)
    configure(repo, f"maintenance:\n  {kind}:\n    drop: true\n")
    document = notes(cli, repo, "--to", "v1.1.0")
    maintenance = section(document, "Maintenance")
    bump, sync = "Bump lodash from 4.17.20 to 4.17.21", "Update translation files"
    dropped, kept = (bump, sync) if kind == "dependencies" else (sync, bump)
    assert dropped not in maintenance and dropped in skipped(document)
    assert kept in maintenance
    assert section(document, "Features") == ["add the CSV export"]


def test_release_patterns_can_be_replaced(cli: Any, repo: Repo) -> None:
    noisy(repo)
    configure(repo, "skip:\n  release_patterns: ['^Release v']\n")
    document = notes(cli, repo, "--to", "v1.1.0")
    assert "Release v1.1.0" in skipped(document)
    every = [entry for entries in sections(document).values() for entry in entries]
    assert "Bump version to 1.1.0" in every  # no longer a release commit by this setting
