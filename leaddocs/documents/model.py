"""What a document shows of a release: sections of items with their links, ready to render."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from leaddocs.documents.classify import Classifier, Placement
from leaddocs.documents.pulls import PullRequestFacts, with_pull_request
from leaddocs.history.changes import Change
from leaddocs.history.commits import Person
from leaddocs.history.releases import Release
from leaddocs.history.remote import Forge


@dataclass(slots=True)
class CommitView:
    sha: str
    subject: str
    url: str | None

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(slots=True)
class ItemView:
    subject: str
    type: str | None
    scope: str | None
    breaking: bool
    breaking_notes: list[str]
    pr: int | None
    pr_label: str | None
    pr_url: str | None
    commits: list[CommitView]
    authors: list[str]
    issues: tuple[int, ...] = ()


@dataclass(slots=True)
class SectionView:
    title: str
    items: list[ItemView]
    collapsed: bool = False


@dataclass(slots=True)
class ReleaseView:
    title: str
    version: str | None
    tag: str | None
    date: str | None
    from_ref: str | None
    to_ref: str
    compare_url: str | None
    next_version: str | None
    sections: list[SectionView]
    contributors: list[str]
    first_time_contributors: list[str]
    skipped: list[ItemView] = field(default_factory=list)
    cancelled: list[ItemView] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)  # pre-release tags listed within it

    @property
    def anchor(self) -> str:
        return self.tag or self.version or "unreleased"


class ViewBuilder:
    """Turns releases into views, applying the classification and the forge's links.

    ``pulls`` (head commit sha → its pull request, from enrichment) gives a change its pull
    request's title and labels; without it, commit messages alone decide, as offline.
    """

    def __init__(
        self,
        classifier: Classifier,
        forge: Forge | None,
        subject_max_length: int,
        pulls: Mapping[str, PullRequestFacts] | None = None,
    ) -> None:
        self._classifier = classifier
        self._forge = forge
        self._max = subject_max_length
        self._pulls = pulls or {}

    def release(self, release: Release) -> ReleaseView:
        grouped: dict[str, list[ItemView]] = {}
        skipped: list[ItemView] = []
        credited: dict[str, Person] = {}
        for change in release.changes:
            pull = self._pulls.get(change.head.sha)
            if pull is not None:
                change = with_pull_request(change, pull)
            placement, title = self._classifier.place(change, pull)
            if placement is Placement.SKIPPED:
                skipped.append(self.item(change))
                continue
            grouped.setdefault(title, []).append(self.item(change))
            for person in change.authors:
                credited.setdefault(person.key, person)
        maintenance_title = self._classifier.section_order()[-1]
        sections = [
            SectionView(title, grouped[title], collapsed=title == maintenance_title)
            for title in self._classifier.section_order()
            if title in grouped
        ]
        compare_url = None
        if self._forge is not None and release.from_ref:
            compare_url = self._forge.compare_url(release.from_ref, release.tag or release.to_ref)
        return ReleaseView(
            title=release.title or "Unreleased",
            version=release.title,
            tag=release.tag,
            date=_date(release.timestamp),
            from_ref=release.from_ref,
            to_ref=release.to_ref,
            compare_url=compare_url,
            next_version=release.next_version,
            sections=sections,
            # Authors of skipped changes are not credited, and a bot is never "welcomed".
            contributors=[p.name for p in release.contributors if p.key in credited],
            first_time_contributors=[
                p.name
                for p in release.first_time_contributors
                if p.key in credited and not self._classifier.is_bot(p)
            ],
            skipped=skipped,
            cancelled=[self.item(change) for change in release.cancelled],
            folded=list(release.folded),
        )

    def item(self, change: Change) -> ItemView:
        forge = self._forge
        commits = [
            CommitView(c.sha, self._trim(c.subject), forge.commit_url(c.sha) if forge else None)
            for c in change.commits
        ]
        return ItemView(
            subject=self._trim(change.description) or "(no message)",
            type=change.type,
            scope=change.scope,
            breaking=change.breaking,
            breaking_notes=[self._trim(note) for note in change.breaking_notes],
            pr=change.pr,
            pr_label=(forge.pr_label(change.pr) if forge else f"#{change.pr}")
            if change.pr
            else None,
            pr_url=forge.pr_url(change.pr) if forge and change.pr else None,
            commits=commits,
            authors=[person.name for person in change.authors],
            issues=change.issues,
        )

    def _trim(self, text: str) -> str:
        return text if len(text) <= self._max else text[: self._max - 1].rstrip() + "…"


def _date(timestamp: int | None) -> str | None:
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")


def item_json(item: ItemView) -> dict[str, Any]:
    return {
        "subject": item.subject,
        "type": item.type,
        "scope": item.scope,
        "breaking": item.breaking,
        "breaking_notes": item.breaking_notes,
        "pr": item.pr,
        "pr_url": item.pr_url,
        "commits": [commit.sha for commit in item.commits],
        "authors": item.authors,
        "issues": list(item.issues),
    }


def release_json(view: ReleaseView) -> dict[str, Any]:
    """The documented JSON form of one release (docs/json.md)."""
    return {
        "version": view.version,
        "tag": view.tag,
        "date": view.date,
        "from": view.from_ref,
        "to": view.to_ref,
        "compare_url": view.compare_url,
        "next_version": view.next_version,
        "sections": [
            {
                "title": section.title,
                "maintenance": section.collapsed,
                "items": [item_json(item) for item in section.items],
            }
            for section in view.sections
        ],
        "contributors": view.contributors,
        "first_time_contributors": view.first_time_contributors,
        "skipped": [item_json(item) for item in view.skipped],
        "cancelled_reverts": [item_json(item) for item in view.cancelled],
        "folded_prereleases": view.folded,
    }
