"""Release tags as versions: recognised by a pattern, ordered by release precedence.

A version is two or more dot-separated numbers (``5.15``, ``1.2.0``, ``2024.01.15``) and an
optional suffix: a pre-release (``-alpha.6``, ``-beta2``, ``rc1``, ``-rc.1``), ordered
``dev < alpha < beta < (other words) < rc < final < post`` as PEP 440 does; numbers in a
suffix compare as numbers (``beta2 < beta10``), SemVer's ``+build`` is ignored. Missing
numbers count as zero, so ``5.15`` and ``5.15.0`` are one version.

Next-version rule: a breaking change bumps major, a feature bumps minor, anything else bumps
patch. Before 1.0.0 the API is not yet stable (SemVer item 4), so a breaking change bumps minor
and a feature bumps minor too; 0.x never jumps to 1.0.0 by itself — that is a human decision. A
calendar version (its first number a year) gets no suggestion: its next number is a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import total_ordering

# The numbers, then a suffix: "-" and anything, or a word attached directly ("rc1", ".post2").
_VERSION = re.compile(
    r"^(?P<release>\d{1,18}(?:\.\d{1,18}){0,5})"
    r"(?P<suffix>(?:-|[._]?(?=[A-Za-z]))[0-9A-Za-z]+(?:[.\-_][0-9A-Za-z]+)*)?"
    r"(?:\+[0-9A-Za-z.\-]+)?$"
)
_PARTS = re.compile(r"\d+|[A-Za-z]+")
# Pre-release words in precedence order (PEP 440's spellings); any other word sorts between
# beta and rc (milestones, previews of a kind leaddocs does not know), alphabetically.
_WORD_RANK = {
    "dev": 0,
    "a": 1,
    "alpha": 1,
    "b": 2,
    "beta": 2,
    "c": 4,
    "rc": 4,
    "cr": 4,
    "pre": 4,
    "preview": 4,
}
_OTHER_WORD = 3
_POST_WORDS = frozenset(("post", "rev"))
_YEARS = range(1970, 3000)
# (kind, number, word): numbers sort below words, as SemVer orders identifiers.
_Part = tuple[int, int, str]


@total_ordering
@dataclass(frozen=True, slots=True, eq=False)
class Version:
    release: tuple[int, ...]  # (5, 15), (1, 2, 0), (2024, 1, 15)
    suffix: str = ""  # as written, with its separator: "-beta2", "rc1", ".post1"
    written: str = field(default="", compare=False)  # "2024.01.15": zeros kept for display
    _parts: tuple[_Part, ...] = field(default=(), repr=False)
    _post: bool = field(default=False, repr=False)
    # The precedence, worked out once: sorting 500 tags compares each ~12 times.
    _order: tuple[tuple[int, ...], int, tuple[_Part, ...]] = field(
        init=False, repr=False, default=((), 0, ())
    )

    def __post_init__(self) -> None:
        stage = 2 if self._post else (0 if self._parts else 1)
        object.__setattr__(self, "_order", (_padded(self.release), stage, self._parts))

    @classmethod
    def parse(cls, text: str) -> Version | None:
        match = _VERSION.match(text)
        if match is None:
            return None
        release = tuple(int(number) for number in match["release"].split("."))
        suffix = match["suffix"] or ""
        parts = tuple(_part(token) for token in _PARTS.findall(suffix))
        post = bool(parts) and parts[0][2] in _POST_WORDS
        return cls(release, suffix, match["release"] + suffix, parts, post)

    @property
    def prerelease(self) -> bool:
        """Whether this rehearses a release (``-rc.1``, ``b2``); a post-release does not."""
        return bool(self._parts) and not self._post

    @property
    def core(self) -> tuple[int, ...]:
        """The numbers, padded to three: the release a pre-release rehearses."""
        return _padded(self.release)

    @property
    def calendar(self) -> bool:
        """Whether the first number is a year (CalVer: ``2024.01.15``)."""
        return len(self.release) > 1 and self.release[0] in _YEARS

    def __str__(self) -> str:
        return self.written or ".".join(str(number) for number in self.release) + self.suffix

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._order == other._order

    def __hash__(self) -> int:
        return hash(self._order)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._order < other._order

    def bump(self, *, breaking: bool, feature: bool) -> Version:
        """The next version, written with as many numbers as this one (``5.15`` → ``5.16``)."""
        if self.prerelease:
            # 1.3.0-rc.2 → 1.3.0: the release the pre-releases were rehearsing.
            return Version(self.release)
        major, minor, patch = self.core[:3]
        if major == 0 and breaking:
            breaking, feature = False, True
        if breaking:
            numbers = (major + 1, 0, 0)
        elif feature:
            numbers = (major, minor + 1, 0)
        else:
            numbers = (major, minor, patch + 1)
        # Two numbers stay two unless the patch number is needed: 5.15 → 5.16, 5.15 → 5.15.1.
        width = 3 if numbers[2] or len(self.release) > 2 else 2
        return Version(numbers[:width])


def _part(token: str) -> _Part:
    if token.isdigit():
        return (0, int(token), "")
    word = token.lower()
    return (1, _WORD_RANK.get(word, _OTHER_WORD), word)


def _padded(numbers: tuple[int, ...]) -> tuple[int, ...]:
    trimmed = list(numbers)
    while len(trimmed) > 3 and trimmed[-1] == 0:
        trimmed.pop()
    return tuple(trimmed) + (0,) * (3 - len(trimmed))


def looks_like_version(tag: str) -> bool:
    """Whether a tag name holds a dotted number (``release-1.2``, ``v5.15``, ``api/2.0.1``):
    one a release tag pattern might be meant to match."""
    return _DOTTED.search(tag) is not None


_DOTTED = re.compile(r"(?<![\d.])\d{1,18}\.\d{1,18}(?![\d])")


class TagMatcher:
    """Recognises release tags by a regular expression matching the whole tag name.

    The version is the pattern's ``version`` group when it has one, else the tag name after one
    leading ``v``.
    """

    def __init__(self, pattern: str) -> None:
        self._pattern = re.compile(pattern)
        self._has_group = "version" in self._pattern.groupindex

    def version_of(self, tag: str) -> Version | None:
        match = self._pattern.fullmatch(tag)
        if match is None:
            return None
        if self._has_group:
            text = match["version"]
            return Version.parse(text) if text else None
        return Version.parse(tag[1:] if tag[:1] in ("v", "V") else tag)
