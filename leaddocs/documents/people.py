"""Who is credited: one name per person, and no bots or AI assistants.

git gives authors as ``.mailmap`` says (``%aN``/``%aE``), and history/ maps co-authors the same
way. What is left: one person under two e-mails or two spellings of a name. People sharing an
e-mail or a name (compared without case and extra spaces) are one person here, shown under the
fullest of their names. Bots and AI assistants (``contributors.not_credited``) are nobody's
contributor: not in an entry's "by", not in the list, never welcomed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from leaddocs.config import ContributorsConfig
from leaddocs.history.commits import Person


class Credits:
    """The rule that tells a bot or an AI assistant from a person."""

    def __init__(self, config: ContributorsConfig, also: Iterable[str] = ()) -> None:
        patterns = config.not_credited
        self._pattern = (
            re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
        )
        self._listed = {name.lower() for name in also}  # maintenance and skip authors
        self.by_line = config.by_line
        self._known: dict[Person, bool] = {}  # a history has few people and many commits

    def is_bot(self, person: Person) -> bool:
        found = self._known.get(person)
        if found is None:
            found = self._known[person] = self._matches(person)
        return found

    def _matches(self, person: Person) -> bool:
        name, email = person.name.strip(), person.email.strip()
        if name.lower() in self._listed or (email and email.lower() in self._listed):
            return True
        pattern = self._pattern
        return pattern is not None and bool(
            pattern.fullmatch(name) or (email and pattern.fullmatch(email))
        )


class People:
    """The people of one release, each under one name."""

    def __init__(self, persons: Iterable[Person]) -> None:
        self._parent: dict[str, str] = {}
        counts = Counter(persons)  # first seen first
        for person in counts:
            identity = f"k:{person.key}"
            self._parent.setdefault(identity, identity)
            name = _normal(person.name)
            if name:
                self._union(identity, f"n:{name}")
        self._roots = {person: self._find(f"k:{person.key}") for person in counts}
        best: dict[str, tuple[tuple[int, int, int], str]] = {}
        for order, (person, count) in enumerate(counts.items()):
            root = self._roots[person]
            name = " ".join(person.name.split()) or person.email
            # The fullest name: more words written with a capital, then the most used, then
            # the first seen ("Grace Hopper" over "grace", "Linus Torvalds" over "Linus torvalds").
            rank = (sum(word[:1].isupper() for word in name.split()), count, -order)
            if root not in best or rank > best[root][0]:
                best[root] = (rank, name)
        self._names = {root: name for root, (_, name) in best.items()}

    def key(self, person: Person) -> str:
        found = self._roots.get(person)
        return found if found is not None else self._find(f"k:{person.key}")

    def name(self, person: Person) -> str:
        return self._names.get(self.key(person), person.name)

    def _find(self, node: str) -> str:
        root = node
        while (parent := self._parent.setdefault(root, root)) != root:
            root = parent
        while node != root:  # every node on the way now points at the root
            self._parent[node], node = root, self._parent[node]
        return root

    def _union(self, one: str, other: str) -> None:
        self._parent[self._find(other)] = self._find(one)


def _normal(name: str) -> str:
    """A name compared loosely: ``ada  LOVELACE`` is ``Ada Lovelace``; a one-letter name, an
    e-mail address or a bare login says too little to join two identities."""
    text = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return text if " " in text and "@" not in text else ""
