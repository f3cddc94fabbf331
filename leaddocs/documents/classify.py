"""Where a change goes: breaking, a configured section, Other, Maintenance, or skipped.

A change whose pull request is known (enrichment, with a token) is placed by the pull
request's labels as well: ``.github/release.yml``'s exclusions and categories, then the labels
of the configured sections and of maintenance; its author, when a bot, leaves it out.

Release commits are left out; dependency updates and translation syncs go to Maintenance (or
are left out, with ``drop``); a plain subject is placed by its first verb (documents/subjects.py);
what a bot wrote that fits no section is housekeeping too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from enum import Enum

from leaddocs.config import Config, HousekeepingConfig
from leaddocs.documents.people import Credits
from leaddocs.documents.pulls import PullRequestFacts, ReleaseCategories
from leaddocs.documents.subjects import SubjectReader
from leaddocs.history.changes import Change
from leaddocs.history.commits import Person
from leaddocs.markers import is_leaddocs_commit


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
        self._skip_pattern = _AnyOf(config.skip.message_patterns)
        self._skip_authors = {a.lower() for a in config.skip.authors}
        self._skip_types = set(config.skip.types)
        maintenance = config.maintenance
        self._maintenance_types = set(maintenance.types)
        self._maintenance_scopes = set(maintenance.scopes)
        self._maintenance_authors = {a.lower() for a in maintenance.authors}
        kinds = (maintenance.dependencies, maintenance.translations)
        self._housekeeping = [_Housekeeping(kind) for kind in kinds]
        self._every_housekeeping = _Housekeeping(
            HousekeepingConfig(
                authors=[author for kind in kinds for author in kind.authors],
                scopes=[scope for kind in kinds for scope in kind.scopes],
                labels=[label for kind in kinds for label in kind.labels],
            )
        )
        # Which of these a subject is, in this order of precedence (_RELEASE, then each kind
        # of housekeeping, then _MAINTENANCE): one match per subject.
        self._subject_kind = _FirstOf(
            [
                config.skip.release_patterns,
                *(kind.subject_patterns for kind in kinds),
                maintenance.subject_patterns,
            ]
        )
        self._maintenance_kind = len(kinds) + 1
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
        labels = {label.lower() for label in pull.labels} if pull is not None else set()
        if pull is not None and (
            (pull.author_is_bot and config.forge.exclude_bots)
            or not labels.isdisjoint(self._skip_labels)
            or (self._categories is not None and self._categories.excludes(pull))
        ):
            return Placement.SKIPPED, ""
        subject = change.headline or head.pr_title or head.subject
        kind = self._subject_kind.first(subject, _TYPE_PREFIX.sub("", subject, count=1))
        if (
            kind == _RELEASE
            or written_by(change, self._skip_authors)
            or any(is_leaddocs_commit(f"\n{c.body}") for c in change.commits if c.body)
            or change.type in self._skip_types
            or self._skip_pattern.search(head.subject)
            or (head.body and self._skip_pattern.search(head.body))
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
        if (
            housekeeping is not None
            or change.is_plain_merge
            or change.type in self._maintenance_types
            or change.scope in self._maintenance_scopes
            or written_by(change, self._maintenance_authors)
            or kind == self._maintenance_kind
        ):
            return Placement.MAINTENANCE, config.maintenance.title
        title = self._section_of_type.get(change.type or "")
        if title is None and change.type is None:
            title = self.subjects.section_of(change.description)
        if title is not None:
            return Placement.SECTION, title
        if _all_written(change, self.credits.is_bot):
            return Placement.MAINTENANCE, config.maintenance.title
        return Placement.OTHER, config.other_title

    def _housekeeping_of(
        self, change: Change, kind: int | None, labels: set[str]
    ) -> _Housekeeping | None:
        """The kind of housekeeping ``change`` is, if any: by its subject (``kind``, already
        found), else by its scope, labels or authors."""
        if kind is not None and 0 < kind < self._maintenance_kind:
            return self._housekeeping[kind - 1]
        every = self._every_housekeeping
        if not (
            (change.scope is not None and change.scope in every.scopes)
            or not labels.isdisjoint(every.labels)
            or written_by(change, every.authors)
        ):
            return None
        return next((found for found in self._housekeeping if found.matches(change, labels)), None)

    def _by_label(self, pull: PullRequestFacts, labels: set[str]) -> tuple[Placement, str] | None:
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


def written_by(change: Change, listed: set[str]) -> bool:
    """Whether every commit of the change is by an author ``listed`` (by name or e-mail, in
    lower case)."""
    if not listed:
        return False
    return _all_written(change, lambda person: not listed.isdisjoint(_identities(person)))


def _all_written(change: Change, by: Callable[[Person], bool]) -> bool:
    """Whether ``by`` holds for the author of every commit of the change.

    A bot's pull request merged by a person is still the bot's: the merge commit's own
    author does not count when the pull request brought commits in.
    """
    if len(change.commits) == 1:  # most changes: one commit, no list to build
        return by(change.head.author)
    written = [c for c in change.commits if not c.is_merge] or change.commits[:1]
    return all(by(commit.author) for commit in written)


@functools.lru_cache(maxsize=8192)
def _identities(person: Person) -> frozenset[str]:
    return frozenset((person.name.lower(), person.email.lower()))


class _Housekeeping:
    """One kind of housekeeping (``maintenance.dependencies``, ``maintenance.translations``)."""

    def __init__(self, kind: HousekeepingConfig) -> None:
        self.drop = kind.drop
        self.authors = {author.lower() for author in kind.authors}
        self.scopes = set(kind.scopes)
        self.labels = {label.lower() for label in kind.labels}

    def matches(self, change: Change, labels: set[str]) -> bool:
        """By scope, labels or authors (its subjects are matched with the others, _FirstOf)."""
        return bool(
            (change.scope is not None and change.scope in self.scopes)
            or not labels.isdisjoint(self.labels)
            or written_by(change, self.authors)
        )


class _AnyOf:
    """Patterns joined into one search (classification runs once per change). Those anchored
    at the start (``^…``, most of them) are tried at the start only: a search of an
    alternation would try each of them at every position of the subject."""

    def __init__(self, patterns: list[str]) -> None:
        anchored = [pattern for pattern in patterns if _anchored(pattern)]
        anywhere = [pattern for pattern in patterns if not _anchored(pattern)]
        self._at_start = _joined(anchored).match if anchored else None
        self._anywhere = _joined(anywhere).search if anywhere else None

    def search(self, text: str) -> bool:
        return bool(
            (self._at_start is not None and self._at_start(text))
            or (self._anywhere is not None and self._anywhere(text))
        )


_RELEASE = 0
# "type(scope)!: ", or an area's "meson: ": subject patterns match after it too.
_TYPE_PREFIX = re.compile(r"^[\w-]++(?:\([\w./-]*+\))?+!?: ")


class _FirstOf:
    """Lists of patterns, the first list first: which list a text matches, with one match at
    its start for every pattern anchored there (alternatives are tried in order, so the first
    list that matches is the one found)."""

    def __init__(self, lists: list[list[str]]) -> None:
        self._lists = [_AnyOf(patterns) for patterns in lists]
        self._names = [f"leaddocs_kind_{index}" for index in range(len(lists))]
        self._at_start: Callable[[str], re.Match[str] | None] | None = None
        anchored = [[p for p in patterns if _anchored(p)] for patterns in lists]
        try:
            joined = "|".join(
                f"(?P<{name}>{'|'.join(f'(?:{p})' for p in patterns)})"
                for name, patterns in zip(self._names, anchored, strict=True)
                if patterns
            )
            self._at_start = re.compile(joined).match if joined else None
        except re.error:  # a group name used in two lists: each list is asked on its own
            self._at_start = None
        self._anywhere = [
            (index, _joined(unanchored).search)
            for index, patterns in enumerate(lists)
            if (unanchored := [p for p in patterns if not _anchored(p)])
        ]

    def first(self, *texts: str) -> int | None:
        """The index of the first list one of ``texts`` matches; None: none does."""
        found: int | None = None
        for text in dict.fromkeys(texts):
            if self._at_start is None:
                index = next((i for i, kind in enumerate(self._lists) if kind.search(text)), None)
            else:
                index = self._first_at_start(text)
                for other, search in self._anywhere:
                    if (index is None or other < index) and search(text):
                        index = other
                        break
            if index is not None and (found is None or index < found):
                found = index
        return found

    def _first_at_start(self, text: str) -> int | None:
        assert self._at_start is not None
        match = self._at_start(text)
        if match is None:
            return None
        return next(i for i, name in enumerate(self._names) if _group(match, name) is not None)


def _group(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:  # a list without anchored patterns has no group
        return None


def _joined(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


def _anchored(pattern: str) -> bool:
    """Whether ``pattern`` can match only at the start: it opens with ``^`` and has no ``|``
    outside its groups and classes (``^a|b`` matches ``b`` anywhere)."""
    if not pattern.startswith("^"):
        return False
    depth = 0
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True
