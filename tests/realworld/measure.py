"""How close a draft comes to the changelog a maintainer published.

A scenario (``tests/realworld/scenarios/``) builds a realistic history in a real repository and
carries the CHANGELOG its maintainer would have published for it, written by hand from the
scenario. leaddocs drafts the CHANGELOG of the same history (``changelog --format json``, no
configuration unless the scenario has one), and each release is compared entry by entry:

- **recall**: the share of the published entries the draft contains, anywhere (the collapsed
  blocks included: Maintenance, Refactoring; the entry is there to be found);
- **precision**: the share of the entries the draft shows outside those blocks that the
  maintainer published.

Two entries match when their words (see ``words``) are the same or nearly so: the words they
share are at least ``MATCH`` of the longer entry's. Each entry matches at most one other,
the closest pairs first. A verb its heading already says ("Added", "Fixed", "Removed") is left
out: "- `--delimiter` option" under "Added" is the commit "Add --delimiter option".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from leaddocs.application import api
from tests.gitrepo import Repo, init_repo

MATCH = 0.75
RECALL_TARGET = 0.95
PRECISION_TARGET = 0.80
_HEADING = re.compile(r"^##\s+\[?v?(?P<version>[^\]\s]+)\]?")
_REFERENCE = re.compile(
    r"\(?\[?#\d+\]?(?:\([^)]*\))?\)?|\([0-9a-f]{7,40}\)|\bby @[\w.-]+(?:,? @[\w.-]+)*$"
)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING_VERBS = frozenset(
    f"{verb}{ending}"
    for verb, endings in (("add", "s ed"), ("fix", "es ed"), ("remove", "s d"), ("drop", "s ped"))
    for ending in ("", *endings.split(" "))
) | {"deprecate", "deprecates", "deprecated"}


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    build: Callable[[Repo], None]
    published: str  # the maintainer's CHANGELOG, Markdown: "## 1.2.0", then "- entry" lines
    config: str = ""  # leaddocs.yml, when the scenario needs one


@dataclass
class ReleaseFigures:
    version: str
    published: list[str]
    shown: list[str]
    housekeeping: list[str]
    found: int = 0  # published entries the draft contains
    kept: int = 0  # shown entries the maintainer published
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


@dataclass
class Figures:
    scenario: str
    releases: list[ReleaseFigures]

    @property
    def published(self) -> int:
        return sum(len(release.published) for release in self.releases)

    @property
    def shown(self) -> int:
        return sum(len(release.shown) for release in self.releases)

    @property
    def recall(self) -> float:
        return sum(r.found for r in self.releases) / self.published if self.published else 1.0

    @property
    def precision(self) -> float:
        return sum(r.kept for r in self.releases) / self.shown if self.shown else 1.0


@dataclass(frozen=True)
class Drafted:
    """One release of leaddocs' CHANGELOG."""

    tag: str
    shown: list[str]
    housekeeping: list[str]  # the entries in the collapsed blocks


def build(scenario: Scenario, where: Path) -> Repo:
    """The scenario's repository, built under ``where``, its configuration in place."""
    repo = init_repo(where / scenario.name)
    scenario.build(repo)
    if scenario.config:
        (repo.path / "leaddocs.yml").write_text(scenario.config, encoding="utf-8")
    return repo


def measure(scenario: Scenario, where: Path) -> Figures:
    """Build the scenario's repository under ``where`` and compare its draft release by release."""
    drafted = drafted_releases(build(scenario, where).path)
    releases = []
    for version, entries in published_releases(scenario.published).items():
        found = drafted.get(version, Drafted("", [], []))
        releases.append(compare(version, entries, found.shown, found.housekeeping))
    return Figures(scenario.name, releases)


def drafted_releases(path: Path) -> dict[str, Drafted]:
    """Version → the release of leaddocs' CHANGELOG."""
    project = api.open_project(path)
    document = json.loads(api.changelog(project, api.ChangelogRequest(format="json")).body)
    found = {}
    for release in document["releases"]:
        shown: list[str] = []
        housekeeping: list[str] = []
        for section in release["sections"]:
            entries = [_entry(item) for item in section["items"]]
            folded = section.get("collapsed", section["maintenance"])  # before "collapsed"
            (housekeeping if folded else shown).extend(entries)
        tag = release["tag"]
        found[tag.removeprefix("v")] = Drafted(tag, shown, housekeeping)
    return found


def drafted_notes(path: Path, tag: str) -> list[str]:
    """The entries of leaddocs' release notes for ``tag`` (``release-notes --to TAG``)."""
    project = api.open_project(path)
    request = api.ReleaseNotesRequest(to_ref=tag, format="json")
    document = json.loads(api.release_notes(project, request).body)
    return [_entry(item) for section in document["sections"] for item in section["items"]]


def _entry(item: dict[str, object]) -> str:
    return f"{item['scope']}: {item['subject']}" if item["scope"] else str(item["subject"])


def published_releases(text: str) -> dict[str, list[str]]:
    """Version → entries of a hand-written CHANGELOG: each top-level bullet under a release
    heading, its continuation lines joined; sub-bullets belong to their entry."""
    releases: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading is not None:
            current = releases.setdefault(heading["version"], [])
        elif current is not None and line.startswith(("- ", "* ")):
            current.append(line[2:].strip())
        elif (
            current is not None
            and current
            and line.startswith("  ")
            and line.strip()[:2]
            not in (
                "- ",
                "* ",
            )
        ):
            current[-1] += " " + line.strip()
    return releases


def words(entry: str) -> list[str]:
    """An entry's words as compared: no Markdown, links or references ("(#12)", "(abc1234)",
    "by @ada"), no case, no punctuation, no leading verb a changelog heading says."""
    text = _LINK.sub(r"\1", entry)
    text = _REFERENCE.sub(" ", text)
    found = re.sub(r"[^\w]+", " ", text.casefold()).split()
    return found[1:] if len(found) > 1 and found[0] in _HEADING_VERBS else found


def similarity(one: str, other: str) -> float:
    a, b = set(words(one)), set(words(other))
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def compare(
    version: str, published: list[str], shown: list[str], housekeeping: list[str]
) -> ReleaseFigures:
    figures = ReleaseFigures(version, published, shown, housekeeping)
    drafted = [(entry, True) for entry in shown] + [(entry, False) for entry in housekeeping]
    pairs = sorted(
        (
            (similarity(wanted, entry), i, j)
            for i, wanted in enumerate(published)
            for j, (entry, _) in enumerate(drafted)
        ),
        reverse=True,
    )
    taken_published: set[int] = set()
    taken_drafted: set[int] = set()
    for score, i, j in pairs:
        if score < MATCH:
            break
        if i in taken_published or j in taken_drafted:
            continue
        taken_published.add(i)
        taken_drafted.add(j)
    figures.found = len(taken_published)
    figures.kept = sum(1 for j in taken_drafted if drafted[j][1])
    figures.missed = [entry for i, entry in enumerate(published) if i not in taken_published]
    figures.extra = [
        entry for j, (entry, is_shown) in enumerate(drafted) if is_shown and j not in taken_drafted
    ]
    return figures


def table(all_figures: list[Figures]) -> str:
    """The figures as the lead quotes them: one line per scenario and a total."""
    lines = [
        f"{'scenario':<22} {'releases':>8} {'published':>9} {'shown':>6} {'recall':>7} "
        f"{'precision':>9}"
    ]
    for figures in all_figures:
        lines.append(
            f"{figures.scenario:<22} {len(figures.releases):>8} {figures.published:>9} "
            f"{figures.shown:>6} {figures.recall:>7.1%} {figures.precision:>9.1%}"
        )
    published = sum(f.published for f in all_figures)
    shown = sum(f.shown for f in all_figures)
    found = sum(r.found for f in all_figures for r in f.releases)
    kept = sum(r.kept for f in all_figures for r in f.releases)
    lines.append(
        f"{'all':<22} {sum(len(f.releases) for f in all_figures):>8} {published:>9} {shown:>6} "
        f"{found / published:>7.1%} {kept / shown:>9.1%}"
    )
    return "\n".join(lines)


def details(figures: Figures) -> str:
    """What a scenario's draft missed and what it showed that the maintainer did not publish."""
    lines = []
    for release in figures.releases:
        for entry in release.missed:
            lines.append(f"{figures.scenario} {release.version}: missed {entry!r}")
        for entry in release.extra:
            lines.append(f"{figures.scenario} {release.version}: not published {entry!r}")
    return "\n".join(lines)
