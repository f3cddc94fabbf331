"""A CHANGELOG's own style of release heading, kept for the releases leaddocs adds to it.

A file written by hand (or by another tool) heads its releases one way: ``## [1.2.0] - 2024-01-01``
(Keep a Changelog), ``## [1.2.0](url) (2024-01-01)`` (conventional-changelog), ``## 1.2.0
(2024-01-01)``, ``## v1.2.0``. The newest such heading sets the style; a release leaddocs adds
is headed the same way, so the file does not switch style half-way down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaddocs.documents.model import ReleaseView
from leaddocs.markup import md_text

# "## " then the version, bare or bracketed (with an inline link or not), then what follows.
_RELEASE_HEADING = re.compile(
    r"^## +(?:\[(?P<bracketed>v?\d+(?:\.\d+)+[^\]\s]*)\](?:\([^()\s]*\))?"
    r"|(?P<bare>v?\d+(?:\.\d+)+[^\s,(:]*))(?P<rest>[^\n]*)$",
    re.M,
)
# What may follow the version: nothing, or a date with its separator.
_DATE_PART = re.compile(
    r"^(?P<before>[ \t]*(?:[-\u2013\u2014:,][ \t]*|\(|[ \t]))(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?P<after>\)?)[ \t]*$"
)
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


def heading_style(hand_written: list[str]) -> HeadingStyle | None:
    """The style of the newest release heading in ``hand_written`` (the parts of a CHANGELOG
    leaddocs did not write, in order); None when they have none to follow."""
    for text in hand_written:
        for match in _RELEASE_HEADING.finditer(text):
            version = match["bracketed"] or match["bare"]
            rest = match["rest"]
            if not rest.strip():
                return HeadingStyle(bool(match["bracketed"]), version[0] in "vV", None)
            dated = _DATE_PART.match(rest)
            if dated is not None:  # anything else after a version is no release heading
                before = dated["before"] if dated["before"].strip() else " "
                return HeadingStyle(
                    bool(match["bracketed"]), version[0] in "vV", before, dated["after"]
                )
    return None


def misplaced_heading(text: str) -> str | None:
    """A warning naming the first release heading leaddocs cannot place releases by (``#
    1.2.0``, ``### 1.2.0``, a setext heading) when the file has no ``## 1.2.0`` at all."""
    if _RELEASE_HEADING.search(text):
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
