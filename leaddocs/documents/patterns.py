"""Lists of regular expressions from the configuration, asked once per change.

A list is one compiled pattern (one search instead of one per pattern), and the patterns
anchored at the start (``^…``, most of them) are tried at the start only: searching an
alternation would try each of them at every position of the subject. Two patterns that name the
same group cannot be joined; such a list is asked pattern by pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable


class AnyOf:
    """Whether any pattern of a list is found in a text."""

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        self._at_start = _compiled([p for p in patterns if anchored(p)], flags)
        self._anywhere = _compiled([p for p in patterns if not anchored(p)], flags)
        # The usual lists are one compiled pattern: asked directly, with no loop per call.
        searches = [p.match for p in self._at_start] + [p.search for p in self._anywhere]
        self.found: Callable[[str], object] = (
            searches[0] if len(searches) == 1 else _never if not searches else self.search
        )
        """What ``search`` says, as a truthy value: the fastest way to ask, once per change."""

    def search(self, text: str) -> bool:
        return any(pattern.match(text) for pattern in self._at_start) or any(
            pattern.search(text) for pattern in self._anywhere
        )


class FirstOf:
    """Lists of patterns, the first list first: which list a text matches, with one match at
    its start for every pattern anchored there (alternatives are tried in order, so the first
    list that matches is the one found)."""

    def __init__(self, lists: list[list[str]]) -> None:
        names = [f"leaddocs_kind_{index}" for index in range(len(lists))]
        self._index = {name: index for index, name in enumerate(names)}
        starts = [[p for p in patterns if anchored(p)] for patterns in lists]
        # Each list is one outer group: it closes last, so a match's lastgroup names the list.
        joined = "|".join(
            f"(?P<{name}>{'|'.join(f'(?:{p})' for p in patterns)})"
            for name, patterns in zip(names, starts, strict=True)
            if patterns
        )
        try:
            self._at_start = re.compile(joined).match if joined else None
        except re.error:  # a group named in two lists: each list is asked on its own
            self._at_start = None
        # Each list on its own only when they could not be joined: compiling a list again
        # apart took ~3 ms of every run.
        self._lists = [AnyOf(patterns) for patterns in lists] if self._at_start is None else []
        self._anywhere = [
            (index, AnyOf(unanchored))
            for index, patterns in enumerate(lists)
            if (unanchored := [p for p in patterns if not anchored(p)])
        ]

    def first(self, *texts: str) -> int | None:
        """The index of the first list one of ``texts`` matches; None: none does."""
        found: int | None = None
        for number, text in enumerate(texts):
            if text in texts[:number]:
                continue
            index = self._first(text)
            if index is not None and (found is None or index < found):
                found = index
        return found

    def _first(self, text: str) -> int | None:
        if self._at_start is None:
            return next((i for i, kind in enumerate(self._lists) if kind.search(text)), None)
        match = self._at_start(text)
        index = self._index[match.lastgroup or ""] if match is not None else None
        for other, kind in self._anywhere:
            if (index is None or other < index) and kind.search(text):
                return other
        return index


def _never(text: str) -> bool:
    return False


def _compiled(patterns: list[str], flags: int) -> list[re.Pattern[str]]:
    if not patterns:
        return []
    try:
        return [re.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)]
    except re.error:
        return [re.compile(pattern, flags) for pattern in patterns]


def anchored(pattern: str) -> bool:
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
