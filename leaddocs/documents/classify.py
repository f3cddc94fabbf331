"""Where a change goes: breaking, a configured section, Other, Maintenance, or skipped.

A change whose pull request is known (enrichment, with a token) is placed by the pull
request's labels as well: ``.github/release.yml``'s exclusions and categories, then the labels
of the configured sections and of maintenance; its author, when a bot, leaves it out.

Release commits are left out; dependency updates and translation syncs go to Maintenance (or
are left out, with ``drop``); a plain subject is placed by its first verb (documents/subjects.py);
what a bot wrote that fits no section is housekeeping too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set
from enum import Enum

from leaddocs.config import Config, HousekeepingConfig
from leaddocs.documents.patterns import AnyOf, FirstOf
from leaddocs.documents.people import Credits
from leaddocs.documents.pulls import PullRequestFacts, ReleaseCategories
from leaddocs.documents.subjects import SubjectReader
from leaddocs.history.changes import Change, most_telling_type
from leaddocs.history.commits import Person
from leaddocs.markers import COMMIT_TRAILER, is_leaddocs_commit


class Placement(Enum):
    BREAKING = "breaking"
    SECTION = "section"
    OTHER = "other"
    MAINTENANCE = "maintenance"
    SKIPPED = "skipped"


class Classifier:
    def __init__(self, config: Config, categories: ReleaseCategories | None = None) -> None:
        self._config = config
        self._categories = categories
        self._section_of_label = {
            label.lower(): section.title
            for section in reversed(config.sections)  # the first section naming a label wins
            for label in section.labels
        }
        self._skip_labels = {label.lower() for label in config.skip.labels}
        self._maintenance_labels = {label.lower() for label in config.maintenance.labels}
        self._section_of_type = {
            change_type: section.title
            for section in config.sections
            for change_type in section.types
        }
        self._skip_pattern = AnyOf(config.skip.message_patterns).found
        self._skip_authors = _listed(config.skip.authors)
        self._skip_types = set(config.skip.types)
        maintenance = config.maintenance
        self._maintenance_types = set(maintenance.types)
        self._maintenance_scopes = set(maintenance.scopes)
        self._maintenance_authors = _listed(maintenance.authors)
        kinds = (maintenance.dependencies, maintenance.translations)
        self._housekeeping = [_Housekeeping(kind) for kind in kinds]
        housekeeping_authors = [author for kind in kinds for author in kind.authors]
        self._housekeeping_authors = _listed(housekeeping_authors)
        self._every_housekeeping = _Housekeeping(
            HousekeepingConfig(
                authors=housekeeping_authors,
                scopes=[scope for kind in kinds for scope in kind.scopes],
                labels=[label for kind in kinds for label in kind.labels],
            )
        )
        # Which of these a subject is, in this order of precedence (_RELEASE, then each kind
        # of housekeeping, then _MAINTENANCE): one match per subject.
        self._subject_kind = FirstOf(
            [
                config.skip.release_patterns,
                *(kind.subject_patterns for kind in kinds),
                maintenance.subject_patterns,
            ]
        )
        self._maintenance_kind = len(kinds) + 1
        # The kind of each subject seen: it depends on the subject alone, and a history repeats
        # many ("Update README", a bot's "Bump …", merges of the same branch).
        self._kinds: dict[str, int | None] = {}
        self.subjects = SubjectReader(config.commits, config.sections)
        self.groups_by_area = config.commits.group_by_area
        self.collapsed_titles = frozenset(s.title for s in config.sections if s.collapsed)
        self.collapses_bot_repeats = maintenance.collapse_bot_repeats
        self.credits = Credits(config.contributors, [*maintenance.authors, *config.skip.authors])

    def read(self, change: Change) -> Change:
        """``change`` with its words read as ``commits`` says (documents/subjects.py)."""
        return self.subjects.read(change)

    def place(self, change: Change, pull: PullRequestFacts | None = None) -> tuple[Placement, str]:
        """The placement of ``change`` and the title of the section it goes in; ``pull`` is
        its pull request, when enrichment found it (``change`` already carries its title)."""
        head = change.head
        config = self._config
        if pull is None:
            labels: Set[str] = _NO_LABELS
        else:
            labels = {label.lower() for label in pull.labels}
            if (
                (pull.author_is_bot and config.forge.exclude_bots)
                or not labels.isdisjoint(self._skip_labels)
                or (self._categories is not None and self._categories.excludes(pull))
            ):
                return Placement.SKIPPED, ""
        subject = change.headline or head.pr_title or head.subject
        kind = self._kinds.get(subject, _UNSEEN)
        if kind is _UNSEEN:
            bare = _TYPE_PREFIX.sub("", subject, count=1) if ": " in subject else subject
            kind = self._kinds[subject] = self._subject_kind.first(subject, bare)
        skip_authors = self._skip_authors
        if (
            kind == _RELEASE
            or (skip_authors is not None and _all_written(change, skip_authors))
            or _made_by_leaddocs(change)
            or change.type in self._skip_types
            or self._skip_pattern(head.subject)
            or (head.body and self._skip_pattern(head.body))
        ):
            return Placement.SKIPPED, ""
        housekeeping = self._housekeeping_of(change, kind, labels)
        if housekeeping is not None and housekeeping.drop:
            return Placement.SKIPPED, ""
        if change.breaking:
            return Placement.BREAKING, config.breaking_title
        if pull is not None:
            by_label = self._by_label(pull, labels)
            if by_label is not None:
                return by_label
        maintenance_authors = self._maintenance_authors
        if (
            housekeeping is not None
            # a plain merge (is_plain_merge, without two property calls per change)
            or (len(head.parents) > 1 and change.pr is None and change.topic is None)
            or change.type in self._maintenance_types
            or change.scope in self._maintenance_scopes
            or (maintenance_authors is not None and _all_written(change, maintenance_authors))
            or kind == self._maintenance_kind
        ):
            return Placement.MAINTENANCE, config.maintenance.title
        title = self._section_of_type.get(change.type or "")
        if title is None and change.type is None:
            title = self.subjects.section_of(change.description)
        if title is None and len(change.commits) > 1:
            title = self._section_of_type.get(self.telling_type(change) or "")
        if title is not None:
            return Placement.SECTION, title
        if _all_written(change, self.credits.is_bot):
            return Placement.MAINTENANCE, config.maintenance.title
        return Placement.OTHER, config.other_title

    def telling_type(self, change: Change) -> str | None:
        """The type a reader takes ``change`` for: its own when a section lists it; else, for a
        pull request or merge titled "area: words" (``merge: leaddocs meeting (#10)``) or in
        plain words, its commits' most telling type (history/changes.py), as they say what
        it is."""
        if len(change.commits) < 2 or change.type in self._section_of_type:
            return change.type
        return most_telling_type(change.commits[1:], None)[0] or change.type

    def _housekeeping_of(
        self, change: Change, kind: int | None, labels: Set[str]
    ) -> _Housekeeping | None:
        """The kind of housekeeping ``change`` is, if any: by its subject (``kind``, already
        found), else by its scope, labels or authors."""
        if kind is not None and 0 < kind < self._maintenance_kind:
            return self._housekeeping[kind - 1]
        every = self._every_housekeeping
        authors = self._housekeeping_authors
        if not (
            (change.scope is not None and change.scope in every.scopes)
            or (labels and not labels.isdisjoint(every.labels))
            or (authors is not None and _all_written(change, authors))
        ):
            return None
        return next((found for found in self._housekeeping if found.matches(change, labels)), None)

    def _by_label(self, pull: PullRequestFacts, labels: Set[str]) -> tuple[Placement, str] | None:
        category = self._categories.category(pull) if self._categories is not None else None
        if category is not None:
            return Placement.SECTION, category
        sections = self._section_of_label
        # In the pull request's own label order: the same PR always lands in the same section.
        title = next((sections[n.lower()] for n in pull.labels if n.lower() in sections), None)
        if title is not None:
            return Placement.SECTION, title
        if not labels.isdisjoint(self._maintenance_labels):
            return Placement.MAINTENANCE, self._config.maintenance.title
        return None

    def is_bot(self, person: Person) -> bool:
        return self.credits.is_bot(person)

    def section_order(self) -> list[str]:
        config = self._config
        categories = self._categories.titles if self._categories is not None else []
        sections = (s.title for s in config.sections)
        titles = [config.breaking_title, *categories, *sections, config.other_title]
        return list(dict.fromkeys([*titles, config.maintenance.title]))


class Listed:
    """Authors named by name or e-mail, in any case (``skip.authors``, …); each person is
    asked about once."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = {name.lower() for name in names}
        self._known: dict[tuple[str, str], bool] = {}

    def __bool__(self) -> bool:
        return bool(self._names)

    def __call__(self, person: Person) -> bool:
        who = (person.name, person.email)
        found = self._known.get(who)
        if found is None:
            names = self._names
            found = self._known[who] = person.name.lower() in names or person.email.lower() in names
        return found


def _listed(names: Iterable[str]) -> Listed | None:
    """``Listed``, or None when nobody is: asked per change, None costs one comparison."""
    listed = Listed(names)
    return listed if listed else None


def _made_by_leaddocs(change: Change) -> bool:
    """Whether a commit of the change is one leaddocs made (its trailer in the message)."""
    commits = change.commits
    if len(commits) == 1:  # most changes: no generator to build
        body = commits[0].body
        return COMMIT_TRAILER in body and is_leaddocs_commit(f"\n{body}")
    return any(COMMIT_TRAILER in c.body and is_leaddocs_commit(f"\n{c.body}") for c in commits)


def written_by(change: Change, listed: Listed) -> bool:
    """Whether every commit of the change is by an author ``listed``."""
    return bool(listed) and _all_written(change, listed)


def _all_written(change: Change, by: Callable[[Person], bool]) -> bool:
    """Whether ``by`` holds for the author of every commit of the change.

    A bot's pull request merged by a person is still the bot's: the merge commit's own
    author does not count when the pull request brought commits in.
    """
    if len(change.commits) == 1:  # most changes: one commit, no list to build
        return by(change.head.author)
    written = [c for c in change.commits if not c.is_merge] or change.commits[:1]
    return all(by(commit.author) for commit in written)


_RELEASE = 0  # the first of the subject kinds: release commits
_UNSEEN = -1  # no subject kind: a subject not yet seen
_NO_LABELS: frozenset[str] = frozenset()  # a change without a pull request: no set per change
# "type(scope)!: ", or an area's "meson: ": subject patterns match after it too.
_TYPE_PREFIX = re.compile(r"^[\w-]++(?:\([\w./-]*+\))?+!?: ")


class _Housekeeping:
    """One kind of housekeeping (``maintenance.dependencies``, ``maintenance.translations``)."""

    def __init__(self, kind: HousekeepingConfig) -> None:
        self.drop = kind.drop
        self.authors = Listed(kind.authors)
        self.scopes = set(kind.scopes)
        self.labels = {label.lower() for label in kind.labels}

    def matches(self, change: Change, labels: Set[str]) -> bool:
        """By scope, labels or authors (its subjects are matched with the others, _FirstOf)."""
        return bool(
            (change.scope is not None and change.scope in self.scopes)
            or not labels.isdisjoint(self.labels)
            or written_by(change, self.authors)
        )
