"""Model output made safe: words only, no HTML, scripts, images, links or mentions of its own.

leaddocs builds every link itself from the manifest, so anything link-like the model writes is
either an injection that worked or noise; either way it is removed and the bullet is flagged.
Removal runs to a fixed point: taking ``<b>`` out of ``<im<b>g …>`` builds ``<img …>``, so the
removals repeat until a pass changes nothing. What GitHub would turn into a link by itself (an
issue reference, an address) is quoted as code, outside the code the model wrote; a mention is
made inert as ``leaddocs.markup`` does it. The output is still escaped where it is placed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from leaddocs.markup import code_spans, neutralise_mentions

_SCRIPT = re.compile(r"<(script|style|iframe)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto|javascript|data):[^>\s]*>", re.I)
# A URL may hold one balanced pair of parentheses (javascript:alert(1)); a closing one after it
# belongs to the prose around it.
_URL_TAIL = r"[^\s()\]>]+(?:\([^\s()]*\)[^\s()\]>]*)?"
_BARE_URL = re.compile(
    rf"(?i)\b(?:https?|ftp|javascript|data):(?://)?{_URL_TAIL}|\bwww\.{_URL_TAIL}"
)
# GitHub links these by itself: an issue (#12, org/repo#5, GH-12) or an address. Quoted as code
# they stay readable and link nowhere. Never next to a backtick or after a backslash: the
# quotes would merge with it into something that is not a code span.
_REFERENCE = re.compile(r"(?<![\w`/\\])(?:(?:[\w.-]+/[\w.-]+)?#\d+|GH-\d+)\b(?!`)")
_EMAIL = re.compile(r"(?<![\w`.+\\-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w`-])")
# At the start of a list item these render as a heading or a checkbox.
_LEADING_MARKUP = re.compile(r"^(#|\[[ xX]\])")


Steps = tuple[tuple[Callable[[str], str], str], ...]  # (change, the kind of markup it handles)

# What the model may not write, in the order it is taken out (a link keeps its words).
_REMOVALS: Steps = (
    (partial(_SCRIPT.sub, ""), "script"),
    (partial(_IMAGE.sub, ""), "image"),
    (partial(_LINK.sub, r"\1"), "link"),
    (partial(_REF_LINK.sub, r"\1"), "link"),
    (partial(_LINK_DEF.sub, ""), "link"),
    (partial(_AUTOLINK.sub, ""), "link"),
    (partial(_HTML_TAG.sub, ""), "html"),
    (partial(_BARE_URL.sub, ""), "link"),
)
_QUOTED: Steps = (
    (lambda text: _quote_outside_code(_EMAIL, text), "email"),
    (lambda text: _quote_outside_code(_REFERENCE, text), "reference"),
)
_NEUTRALISED: Steps = (
    (partial(_LEADING_MARKUP.sub, r"\\\1"), "markup"),
    (lambda text: _outside_code(neutralise_mentions, text), "mention"),
)


@dataclass(slots=True)
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)  # kinds of markup taken out
    quoted: list[str] = field(default_factory=list)  # kinds of text quoted as code
    neutralised: list[str] = field(default_factory=list)  # markup and mentions made inert

    @property
    def problems(self) -> list[str]:
        return sorted({*self.removed, *self.quoted, *self.neutralised})

    def report(self) -> str:
        """What was done, for the drafting report: "link (removed); mention (neutralised)"."""
        done = (
            (self.removed, "removed"),
            (self.quoted, "quoted as code"),
            (self.neutralised, "neutralised"),
        )
        return "; ".join(f"{', '.join(kinds)} ({how})" for kinds, how in done if kinds)


def clean(text: str) -> Cleaned:
    """``text`` with markup the model may not write removed, and what was done to it."""
    removed: set[str] = set()
    quoted: set[str] = set()
    neutralised: set[str] = set()
    value = text  # line breaks kept for the first pass: a link definition starts a line
    while True:  # every change shortens the text, so this ends
        before = value
        # One line of prose: a newline could open a heading or a list the renderer did not make.
        value = _collapse(_run(_REMOVALS, value, removed))
        if value == before:
            break
    value = _run(_QUOTED, value, quoted)
    value = _run(_NEUTRALISED, value, neutralised)
    return Cleaned(value, sorted(removed), sorted(quoted), sorted(neutralised))


def _run(steps: Steps, value: str, done: set[str]) -> str:
    """``value`` after each step; the kind of every step that changed it is added to ``done``."""
    for change, what in steps:
        new = change(value)
        if new != value:
            done.add(what)
            value = new
    return value


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _quote_outside_code(pattern: re.Pattern[str], text: str) -> str:
    """Each match of ``pattern`` quoted as code, unless it is already inside a code span.

    Matched on the whole text, not chunk by chunk: the pattern must see the backtick of a span
    next to it, or its quotes would merge with that span's."""
    inside: list[range] = []
    offset = 0
    for chunk, is_code in code_spans(text):
        if is_code:
            inside.append(range(offset, offset + len(chunk)))
        offset += len(chunk)

    def quote(match: re.Match[str]) -> str:
        code = any(match.start() in span for span in inside)
        return match.group(0) if code else f"`{match.group(0)}`"

    return pattern.sub(quote, text)


def _outside_code(change: Callable[[str], str], text: str) -> str:
    return "".join(chunk if code else change(chunk) for chunk, code in code_spans(text))
