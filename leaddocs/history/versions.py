"""Release tags as versions: recognised by a pattern, ordered by SemVer 2.0 precedence.

Next-version rule: a breaking change bumps major, a feature bumps minor, anything else bumps
patch. Before 1.0.0 the API is not yet stable (SemVer item 4), so a breaking change bumps minor
and a feature bumps minor too; 0.x never jumps to 1.0.0 by itself — that is a human decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

_SEMVER = re.compile(
    r"^(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)"
    r"(?:-(?P<pre>[0-9A-Za-z.-]+))?(?:\+(?P<build>[0-9A-Za-z.-]+))?$"
)


@total_ordering
@dataclass(frozen=True, slots=True)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Version | None:
        match = _SEMVER.match(text)
        if match is None:
            return None
        pre = tuple(match["pre"].split(".")) if match["pre"] else ()
        return cls(int(match["major"]), int(match["minor"]), int(match["patch"]), pre)

    def __str__(self) -> str:
        core = f"{self.major}.{self.minor}.{self.patch}"
        return f"{core}-{'.'.join(self.prerelease)}" if self.prerelease else core

    def _key(self) -> tuple[int, int, int, int, tuple[tuple[int, int, str], ...]]:
        # A release sorts after its pre-releases; numeric identifiers sort below alphanumeric.
        pre = tuple(
            (0, int(part), "") if part.isdigit() else (1, 0, part) for part in self.prerelease
        )
        return (self.major, self.minor, self.patch, 0 if self.prerelease else 1, pre)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def bump(self, *, breaking: bool, feature: bool) -> Version:
        if self.prerelease:
            # 1.3.0-rc.2 → 1.3.0: the release the pre-releases were rehearsing.
            return Version(self.major, self.minor, self.patch)
        if self.major == 0:
            if breaking or feature:
                return Version(0, self.minor + 1, 0)
            return Version(0, self.minor, self.patch + 1)
        if breaking:
            return Version(self.major + 1, 0, 0)
        if feature:
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)


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
