"""Where a change goes: breaking, a configured section, Other, Maintenance, or skipped."""

from __future__ import annotations

import functools
import re
from enum import Enum

from leaddocs.config import Config
from leaddocs.history.changes import Change
from leaddocs.history.commits import Person


class Placement(Enum):
    BREAKING = "breaking"
    SECTION = "section"
    OTHER = "other"
    MAINTENANCE = "maintenance"
    SKIPPED = "skipped"


class Classifier:
    def __init__(self, config: Config) -> None:
        self._config = config
        self._section_of_type = {
            change_type: section.title
            for section in config.sections
            for change_type in section.types
        }
        self._skip_pattern = _any_of(config.skip.message_patterns)
        self._skip_authors = {a.lower() for a in config.skip.authors}
        self._skip_types = set(config.skip.types)
        maintenance = config.maintenance
        self._maintenance_types = set(maintenance.types)
        self._maintenance_scopes = set(maintenance.scopes)
        self._maintenance_authors = {a.lower() for a in maintenance.authors}
        self._maintenance_subject = _any_of(maintenance.subject_patterns)

    def place(self, change: Change) -> tuple[Placement, str]:
        """The placement of ``change`` and the title of the section it goes in."""
        head = change.head
        config = self._config
        if (
            self._all_listed(change, self._skip_authors)
            or change.type in self._skip_types
            or self._skip_pattern.search(head.subject)
            or (head.body and self._skip_pattern.search(head.body))
        ):
            return Placement.SKIPPED, ""
        if change.breaking:
            return Placement.BREAKING, config.breaking_title
        subject = head.pr_title or head.subject
        if (
            change.is_plain_merge
            or change.type in self._maintenance_types
            or change.scope in self._maintenance_scopes
            or self._all_listed(change, self._maintenance_authors)
            or self._maintenance_subject.search(subject)
        ):
            return Placement.MAINTENANCE, config.maintenance.title
        title = self._section_of_type.get(change.type or "")
        if title is not None:
            return Placement.SECTION, title
        return Placement.OTHER, config.other_title

    @staticmethod
    def _is_listed(person: Person, listed: set[str]) -> bool:
        # Author lists name people by name or e-mail, in any case.
        return bool(listed) and not listed.isdisjoint(_identities(person))

    def _all_listed(self, change: Change, listed: set[str]) -> bool:
        """Whether every commit of the change is by a listed author.

        A bot's pull request merged by a person is still the bot's: the merge commit's own
        author does not count when the pull request brought commits in.
        """
        if not listed:
            return False
        if len(change.commits) == 1:  # most changes: one commit, no list to build
            return self._is_listed(change.head.author, listed)
        written = [c for c in change.commits if not c.is_merge] or change.commits[:1]
        return all(self._is_listed(commit.author, listed) for commit in written)

    def is_bot(self, person: Person) -> bool:
        return person.name.endswith("[bot]") or self._is_listed(
            person, self._maintenance_authors | self._skip_authors
        )

    def section_order(self) -> list[str]:
        config = self._config
        titles = [config.breaking_title, *(s.title for s in config.sections), config.other_title]
        return list(dict.fromkeys([*titles, config.maintenance.title]))


@functools.lru_cache(maxsize=8192)
def _identities(person: Person) -> frozenset[str]:
    return frozenset((person.name.lower(), person.email.lower()))


class _NoMatch:
    def search(self, text: str) -> None:
        return None


def _any_of(patterns: list[str]) -> re.Pattern[str] | _NoMatch:
    """One alternation instead of N searches: classification runs once per change."""
    if not patterns:
        return _NoMatch()
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
