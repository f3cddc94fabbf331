"""What a document shows of a release: sections of items with their links, ready to render."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from leaddocs.documents import jsontext
from leaddocs.documents.classify import Classifier, Placement
from leaddocs.documents.people import People
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
    repeats: int = 1
    """How many changes this entry stands for: a bot's commit repeated with the same subject."""
    show_authors: bool = True
    """Whether the entry says "by …" (``contributors.by_line``; ``authors`` is kept for JSON)."""


@dataclass(slots=True)
class SectionView:
    title: str
    items: list[ItemView]
    collapsed: bool = False  # folded away: Maintenance, and sections configured so
    maintenance: bool = False


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
        classifier = self._classifier
        everyone = release.contributors  # a walk of every change: taken once
        people = People(
            [*(person for change in release.changes for person in change.authors), *everyone]
        )
        grouped, skipped, credited = self._placed(release, people)
        contributors = people.named(
            p for p in everyone if people.key(p) in credited and not classifier.is_bot(p)
        )
        by_line = classifier.credits.by_line
        if by_line == "never" or (by_line == "auto" and len(contributors) < 2):
            for items in grouped.values():
                for item in items:
                    item.show_authors = False
        maintenance_title = classifier.section_order()[-1]
        folded = classifier.collapsed_titles
        sections = [
            SectionView(
                title,
                self._ordered(grouped[title]),
                collapsed=title == maintenance_title or title in folded,
                maintenance=title == maintenance_title,
            )
            for title in classifier.section_order()
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
            # Authors of skipped changes are not credited, and a bot is never credited.
            contributors=list(contributors.values()),
            first_time_contributors=_newcomers(release, everyone, people, contributors),
            skipped=skipped,
            cancelled=[self.item(change, people) for change in release.cancelled],
            folded=list(release.folded),
        )

    def _placed(
        self, release: Release, people: People
    ) -> tuple[dict[str, list[ItemView]], list[ItemView], set[str]]:
        """The entries of each section, the skipped ones, and who is credited (by person)."""
        classifier = self._classifier
        grouped: dict[str, list[ItemView]] = {}
        skipped: list[ItemView] = []
        credited: set[str] = set()
        repeated: dict[tuple[str, str], ItemView] = {}
        pulls = self._pulls
        is_bot = classifier.is_bot
        collapses = classifier.collapses_bot_repeats
        for change in release.changes:
            pull = pulls.get(change.commits[0].sha) if pulls else None
            if pull is not None:
                change = with_pull_request(change, pull)
            change = classifier.read(change)
            placement, title = classifier.place(change, pull)
            item = self.item(change, people)
            if placement is Placement.SKIPPED:
                skipped.append(item)
                continue
            if collapses and not item.authors:
                # Written by bots only: one entry per subject, counting the repeats.
                same = (title, " ".join(item.subject.casefold().split()))
                first = repeated.setdefault(same, item)
                if first is not item:
                    first.repeats += 1
                    first.commits.extend(item.commits)
                    continue
            section = grouped.get(title)
            if section is None:
                section = grouped[title] = []
            section.append(item)
            authors = change.authors
            if len(authors) == 1:  # most changes: no generator per change
                if item.authors:  # its one author is no bot
                    credited.add(people.key(authors[0]))
            else:
                credited.update(people.key(person) for person in authors if not is_bot(person))
        return grouped, skipped, credited

    def _ordered(self, items: list[ItemView]) -> list[ItemView]:
        """Entries of one area together (``commits.group_by_area``), else as history has them."""
        if not self._classifier.groups_by_area:
            return items
        return sorted(items, key=lambda item: (item.scope is None, (item.scope or "").casefold()))

    def telling_type(self, change: Change) -> str | None:
        """The type a reader takes ``change`` for (``Classifier.telling_type``)."""
        return self._classifier.telling_type(change)

    def item(self, change: Change, people: People | None = None) -> ItemView:
        forge = self._forge
        trim = self._trim
        if len(change.commits) == 1:  # most changes: one commit, no loop
            only = change.commits[0]
            url = forge.commit_url(only.sha) if forge else None
            commits = [CommitView(only.sha, trim(only.subject), url)]
        else:
            commits = [
                CommitView(c.sha, trim(c.subject), forge.commit_url(c.sha) if forge else None)
                for index, c in enumerate(change.commits)
                # A merge a branch brought in (main merged into it to keep up) carries main's
                # work, listed in its own entries: not one of this change's commits.
                if index == 0 or len(c.parents) < 2
            ]
        people = people or People(change.authors)
        is_bot = self._classifier.is_bot
        authors = change.authors
        if len(authors) == 1:  # one author: what ``People.named`` gives for one, without a dict
            names = [] if is_bot(authors[0]) else [people.name(authors[0])]
        else:
            names = list(people.named(p for p in authors if not is_bot(p)).values())
        pr = change.pr
        return ItemView(
            trim(change.description) or "(no message)",
            change.type,
            change.scope,
            change.breaking,
            [trim(note) for note in change.breaking_notes] if change.breaking_notes else [],
            pr,
            (forge.pr_label(pr) if forge else f"#{pr}") if pr else None,
            forge.pr_url(pr) if forge and pr else None,
            commits,
            names,
            change.issues,
        )

    def _trim(self, text: str) -> str:
        return text if len(text) <= self._max else text[: self._max - 1].rstrip() + "…"


def _newcomers(
    release: Release, everyone: list[Person], people: People, contributors: dict[str, str]
) -> list[str]:
    """First-time contributors, as people: someone also seen under a known identity is none.
    ``everyone``: the release's contributors."""
    new = {person.key for person in release.first_time_contributors}
    known = {people.key(p) for p in everyone if p.key not in new}
    return list(
        people.named(
            p
            for p in release.first_time_contributors
            if people.key(p) in contributors and people.key(p) not in known
        ).values()
    )


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
        "repeats": item.repeats,
    }


def item_json_text(item: ItemView, depth: int) -> str:
    """``jsontext.dumps(item_json(item), depth)``, written field by field: a changelog of a big
    history has 100k entries, and the general writer asks every value its type."""
    newline = jsontext.indent(depth)
    inner = newline + "  "
    quote = jsontext.quote
    sep = "," + inner
    return "".join(
        (
            "{", inner,
            '"subject": ', quote(item.subject), sep,
            '"type": ', _optional(item.type), sep,
            '"scope": ', _optional(item.scope), sep,
            '"breaking": ', "true" if item.breaking else "false", sep,
            '"breaking_notes": ', jsontext.strings(item.breaking_notes, inner), sep,
            '"pr": ', "null" if item.pr is None else int.__repr__(item.pr), sep,
            '"pr_url": ', _optional(item.pr_url), sep,
            '"commits": ', jsontext.strings([commit.sha for commit in item.commits], inner), sep,
            '"authors": ', jsontext.strings(item.authors, inner), sep,
            '"issues": ', jsontext.integers(item.issues, inner), sep,
            '"repeats": ', int.__repr__(item.repeats),
            newline, "}",
        )
    )  # fmt: skip


def _optional(text: str | None) -> str:
    return "null" if text is None else jsontext.quote(text)


def release_json(view: ReleaseView, depth: int | None = None) -> dict[str, Any]:
    """The documented JSON form of one release (docs/json.md). With ``depth`` (where the
    release will stand in a document ``jsontext`` writes), its entries come as JSON text
    already (``item_json_text``): the same document, written faster."""
    if depth is None:
        entry: Callable[[ItemView, int], Any] = _item_json_at
    else:
        entry = lambda item, level: jsontext.Raw(item_json_text(item, depth + level))  # noqa: E731
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
                "maintenance": section.maintenance,
                "collapsed": section.collapsed,
                # the release, its "sections", a section, its "items": four levels in
                "items": [entry(item, 4) for item in section.items],
            }
            for section in view.sections
        ],
        "contributors": view.contributors,
        "first_time_contributors": view.first_time_contributors,
        "skipped": [entry(item, 2) for item in view.skipped],
        "cancelled_reverts": [entry(item, 2) for item in view.cancelled],
        "folded_prereleases": view.folded,
    }


def _item_json_at(item: ItemView, level: int) -> dict[str, Any]:
    return item_json(item)
