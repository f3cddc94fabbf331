"""A CHANGELOG's own style of release heading, kept for the releases leaddocs adds to it.

A file written by hand (or by another tool) heads its releases one way: ``## [1.2.0] - 2024-01-01``
(Keep a Changelog), ``## [1.2.0](url) (2024-01-01)`` (conventional-changelog), ``## 1.2.0
(2024-01-01)``, ``## v1.2.0``. The newest such heading sets the style; a release leaddocs adds
is headed the same way, so the file does not switch style half-way down.

``release_heading`` is the one reader of such a heading: which release it stands for (the
CHANGELOG update places releases by it) and how it is written (the style copied from it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from leaddocs.documents.model import ReleaseView
from leaddocs.markup import md_text

# The one grammar of a hand-written release heading: "## ", the name (bracketed, with an inline
# link or not, or bare: no blank, bracket, parenthesis, comma or colon), at most a date with
# its separator (" - ", " — ", ", ", ": ", " (…)"), at most "[YANKED]", and nothing else.
# The bare name is matched shortest first, so "1.2.0-rc.1" is one name and "v1.0.0, 2024-…"
# is a name and a date; every part is bounded by the one after it, so a long line costs time
# in proportion to its length.
_HEADING = re.compile(
    r"^##[ \t]+"
    r"(?:\[(?P<bracketed>[^\]\r\n]+)\](?:\([^()\s]*\))?|(?P<bare>[^\s\[\](),:]+?))"
    r"(?:(?P<before>[ \t]*[-\u2013\u2014:,][ \t]*\(?|[ \t]*\(|[ \t]+)"
    r"(?P<date>\d{4}-\d{2}-\d{2})(?P<after>\)?))?"
    r"(?P<yanked>[ \t]*\[yanked\])?[ \t]*\r?$",
    re.IGNORECASE,
)
_RELEASE_NAME = re.compile(r"^unreleased$|\d+\.\d+", re.IGNORECASE)
_VERSION_FIRST = re.compile(r"^v?\d+(?:\.\d+)+", re.IGNORECASE)
# A release heading at another level, or a setext one: leaddocs would not place releases by it.
_OTHER_LEVEL = re.compile(r"^(?:#|#{3,6}) +\[?v?\d+\.\d+(?:\.\d+)*\b.*$", re.M)
_SETEXT = re.compile(r"^\[?v?\d+\.\d+(?:\.\d+)*\b.*\n(?:=+|-+)[ \t]*$", re.M)


@dataclass(frozen=True, slots=True)
class HeadingStyle:
    bracketed: bool  # "[1.2.0]", linked to the comparison when leaddocs has its address
    with_v: bool  # "v1.2.0" rather than "1.2.0"
    before_date: str | None  # " - ", " (", " — "...; None: the heading carries no date
    after_date: str = ""  # ")" after a date in parentheses

    def heading(self, release: ReleaseView) -> str:
        """``release``'s heading text (after the ``#``s), in this style, as Markdown."""
        shown = md_text(self._name(release))
        if self.bracketed:
            shown = f"[{shown}]({release.compare_url})" if release.compare_url else f"[{shown}]"
        if self.before_date is not None and release.date:
            shown += f"{self.before_date}{release.date}{self.after_date}"
        return shown

    def _name(self, release: ReleaseView) -> str:
        version = release.version
        if not version:
            return release.title  # Unreleased
        if self.with_v and version[:1].isdigit():
            return "v" + version
        if not self.with_v and version[:1] in "vV" and version[1:2].isdigit():
            return version[1:]
        return version


@dataclass(frozen=True, slots=True)
class ReleaseHeading:
    """A level-2 heading that names a release and says nothing else."""

    name: str  # as written, brackets and link left out: "1.2.0", "v1.0.0", "Unreleased"
    style: HeadingStyle
    yanked: bool = False  # "[YANKED]" after it (Keep a Changelog)

    @property
    def versioned(self) -> bool:
        """Whether the name starts with its version (a style leaddocs can write again)."""
        return _VERSION_FIRST.match(self.name) is not None


def release_heading(line: str) -> ReleaseHeading | None:
    """The release a hand-written heading line stands for, and how it is written; None when
    the line is no level-2 heading, or says more than a release's name and date (``## 1.4.0
    upgrade guide`` is a guide, not the 1.4.0 release). The one reader of release headings:
    the CHANGELOG places releases by it and heads the ones it adds as it says."""
    match = _HEADING.match(line)
    if match is None:
        return None
    name = (match["bracketed"] or match["bare"]).strip()
    before = match["before"]
    if not _RELEASE_NAME.search(name) or (before and before.endswith("(") != bool(match["after"])):
        return None
    if before is not None and not before.strip():
        before = " "
    style = HeadingStyle(bool(match["bracketed"]), name[:1] in "vV", before, match["after"] or "")
    return ReleaseHeading(name, style, bool(match["yanked"]))


def _release_headings(text: str) -> Iterator[ReleaseHeading]:
    for line in text.splitlines():
        if line.startswith("##"):
            found = release_heading(line)
            if found is not None:
                yield found


def heading_style(hand_written: list[str]) -> HeadingStyle | None:
    """The style of the newest release heading in ``hand_written`` (the parts of a CHANGELOG
    leaddocs did not write, in order); None when they have none to follow."""
    for text in hand_written:
        for heading in _release_headings(text):
            if heading.versioned:
                return heading.style
    return None


def misplaced_heading(text: str) -> str | None:
    """A warning naming the first release heading leaddocs cannot place releases by (``#
    1.2.0``, ``### 1.2.0``, a setext heading) when the file has no ``## 1.2.0`` at all."""
    if next(_release_headings(text), None) is not None:
        return None
    found = [m for m in (_OTHER_LEVEL.search(text), _SETEXT.search(text)) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    line = text.count("\n", 0, first.start()) + 1
    return (
        f"line {line}: releases are headed '{first[0].split(chr(10), 1)[0][:60]}' here, and "
        "leaddocs finds releases by level-2 headings ('## 1.2.0'): it cannot tell which of "
        "them the file has, so it may add them again; make them '## ' headings"
    )
