"""Who is credited: one name per person, and no bots or AI assistants.

git gives authors as ``.mailmap`` says (``%aN``/``%aE``), and history/ maps co-authors the same
way. What is left: one person under two e-mails or two spellings of a name. People sharing an
e-mail or a name (compared without case and extra spaces) are one person here, shown under the
fullest of their names. Bots and AI assistants (``contributors.not_credited``) are nobody's
contributor: not in an entry's "by", not in the list, never welcomed.
"""

from __future__ import annotations

import functools
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
        # A history has few people and many commits: each is asked about once. Keyed by the
        # two strings, whose hashes Python keeps (a Person's hash is computed on every call).
        self._known: dict[tuple[str, str], bool] = {}

    def is_bot(self, person: Person) -> bool:
        who = (person.name, person.email)
        found = self._known.get(who)
        if found is None:
            found = self._known[who] = self._matches(person)
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
        # (key, name) → how often, first seen first; a key is one e-mail (or name) in lower case
        counts = Counter((person.key, person.name) for person in persons)
        for key, name in counts:
            identity = f"k:{key}"
            self._parent.setdefault(identity, identity)
            loose = _normal(name)
            if loose:
                self._union(identity, f"n:{loose}")
        self._roots = {key: self._find(f"k:{key}") for key, _ in counts}
        best: dict[str, tuple[tuple[int, int, int], str]] = {}
        for order, ((key, written), count) in enumerate(counts.items()):
            root = self._roots[key]
            name, capitals = _shown(written, key)
            # The fullest name: more words written with a capital, then the most used, then
            # the first seen ("Grace Hopper" over "grace", "Linus Torvalds" over "Linus torvalds").
            rank = (capitals, count, -order)
            if root not in best or rank > best[root][0]:
                best[root] = (rank, name)
        self._names = {root: name for root, (_, name) in best.items()}

    def key(self, person: Person) -> str:
        found = self._roots.get(person.key)
        return found if found is not None else self._find(f"k:{person.key}")

    def name(self, person: Person) -> str:
        return self._names.get(self.key(person), person.name)

    def named(self, persons: Iterable[Person]) -> dict[str, str]:
        """Person → the name shown, each person once, in order (keyed by who they are)."""
        found: dict[str, str] = {}
        for person in persons:  # most entries have one author: no more than a lookup each
            key = self.key(person)
            if key not in found:
                found[key] = self._names.get(key, person.name)
        return found

    def _find(self, node: str) -> str:
        root = node
        while (parent := self._parent.setdefault(root, root)) != root:
            root = parent
        while node != root:  # every node on the way now points at the root
            self._parent[node], node = root, self._parent[node]
        return root

    def _union(self, one: str, other: str) -> None:
        self._parent[self._find(other)] = self._find(one)


@functools.lru_cache(maxsize=4096)
def _shown(written: str, key: str) -> tuple[str, int]:
    """A name as shown (its spaces made single; the key when it has none) and how many of its
    words start with a capital. Remembered: each release of a history names the same people."""
    name = " ".join(written.split()) or key
    return name, sum(word[:1].isupper() for word in name.split())


@functools.lru_cache(maxsize=4096)
def _normal(name: str) -> str:
    """A name compared loosely: ``ada  LOVELACE`` is ``Ada Lovelace``; a one-letter name, an
    e-mail address or a bare login says too little to join two identities."""
    text = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return text if " " in text and "@" not in text else ""
