"""What an ADR says, section by section, as plain sentences: the context, the decision, its
consequences good and bad. For readers who never see the Markdown (a brief for leadership).

Every style is read by its headings: MADR 4 (``Context and Problem Statement``, ``Decision
Outcome``, ``### Consequences`` with ``Good, because`` / ``Bad, because`` bullets), MADR 2
(``Positive Consequences`` / ``Negative Consequences``), adr-tools (``## Context``, ``##
Decision``, ``## Consequences``). A template's placeholder (``{…}``), code, tables and HTML
comments say nothing to such a reader and are left out. Whoever opens a pull request writes
the file, so every block is bounded before any pattern runs on it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from leaddocs.adr.frontmatter import FrontMatterError, split
from leaddocs.markup import code_spans

BLOCK_CHARS = 600  # one statement in a one-page brief: a few sentences at the most
_RAW_CHARS = 4 * BLOCK_CHARS  # read of a block before its Markdown is taken out
BLOCKS_PER_SECTION = 12

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_BULLET = re.compile(r"^[ \t]{0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # a link's target, one level of parentheses in it
_IMAGE = re.compile(r"!\[([^\]\n]*)\]" + _TARGET)
_LINK = re.compile(r"\[([^\]\n]*)\](?:" + _TARGET + r"|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]*?\S)_(?!\w)"
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# A template's hint left in place: "{Describe the context …}", "because {justification}".
_PLACEHOLDER = re.compile(r"\{[^{}`]*\}")
_CODE = re.compile(r"`[^`]*`")
# What `adr new --from` leaves in a section the source said nothing about.
_NOT_WRITTEN = "Not in the source: to be written."
_KIND = re.compile(r"^(good|bad|neutral)\b[ \t]*,?[ \t]*(?:because\b[ \t]*)?", re.I)
_CHOSEN = re.compile(
    r"^chosen option:?[ \t]*(?P<option>.+?)(?:,[ \t]*because[ \t,]*(?P<why>.*))?$", re.I | re.S
)


@dataclass(frozen=True, slots=True)
class Statement:
    """One point the record makes, and where: the heading it is under and its line."""

    text: str
    section: str
    line: int


@dataclass(slots=True)
class DecisionText:
    context: list[Statement] = field(default_factory=list)
    decision: list[Statement] = field(default_factory=list)
    options: list[Statement] = field(default_factory=list)
    good: list[Statement] = field(default_factory=list)
    bad: list[Statement] = field(default_factory=list)
    neutral: list[Statement] = field(default_factory=list)  # consequences of no stated kind
    confirmation: list[Statement] = field(default_factory=list)

    @property
    def said(self) -> list[Statement]:
        """Everything the record says, in reading order of the kinds."""
        return [
            *self.context,
            *self.decision,
            *self.options,
            *self.good,
            *self.bad,
            *self.neutral,
            *self.confirmation,
        ]


@dataclass(frozen=True, slots=True)
class _Section:
    title: str
    parent: str  # the title of the enclosing heading ("Decision Outcome" for "Consequences")
    blocks: tuple[tuple[str, int, bool], ...]  # (plain text, line, is a list item)


def read_decision(text: str) -> DecisionText:
    """The record's statements by kind. ``text`` is the whole file, front matter and all."""
    try:
        parts = split(text)
        body, first = parts.body, parts.body_line
    except FrontMatterError:
        body, first = text, 1
    found = DecisionText()
    for section in _sections(body, first):
        _classify(section, found)
    return found


def chosen(statement: str) -> str:
    """MADR's ``Chosen option: "X", because Y`` as a sentence anyone reads: ``The team chose
    "X", because Y``; any other statement as it is."""
    match = _CHOSEN.match(statement)
    if match is None:
        return statement
    why = (match["why"] or "").strip()
    return f"The team chose {match['option'].strip()}" + (f", because {why}" if why else "")


def chosen_option(statement: str) -> str | None:
    """The ``"X"`` of MADR's ``Chosen option: "X", because Y``; None for any other statement."""
    match = _CHOSEN.match(statement)
    return match["option"].strip() if match is not None else None


def plain_inline(text: str) -> str:
    """One block's Markdown as the words a reader sees: link and image text kept, targets,
    emphasis, HTML tags and backslash escapes gone; code spans stay as written (the brief
    keeps them as code)."""
    return " ".join(
        "".join(chunk if is_code else _words(chunk) for chunk, is_code in code_spans(text)).split()
    )


_HELD = 0xF0000  # escaped characters wait in a private-use plane while the patterns run
_HELD_BACK = re.compile("[\U000f0000-\U000f007f]")


def _words(text: str) -> str:
    text = _ESCAPED.sub(lambda m: chr(_HELD + ord(m[1])), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m[1] or m[2], text)
    return html.unescape(_HELD_BACK.sub(lambda m: chr(ord(m[0]) - _HELD), text))


def _unfilled(text: str) -> bool:
    """Whether ``text`` still holds a template's placeholder (braces in code do not count)."""
    return "{" in text and _PLACEHOLDER.search(_CODE.sub("", text)) is not None


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sections(body: str, first_line: int) -> list[_Section]:
    lines = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), body).split("\n")
    sections: list[_Section] = []
    titles: list[tuple[int, str]] = []  # the open headings, outermost first
    blocks: list[tuple[str, int, bool]] = []
    current: list[str] = []
    start = 0
    bullet = False
    fence: str | None = None

    def close_block() -> None:
        nonlocal current
        if current:
            raw = _cut(" ".join(part.strip() for part in current), _RAW_CHARS)
            plain = _cut(plain_inline(raw), BLOCK_CHARS)
            if plain and not _unfilled(plain) and plain != _NOT_WRITTEN:
                blocks.append((plain, start, bullet))
        current = []

    def close_section() -> None:
        nonlocal blocks
        close_block()
        if titles and blocks:
            parent = titles[-2][1] if len(titles) > 1 else ""
            sections.append(_Section(titles[-1][1], parent, tuple(blocks[:BLOCKS_PER_SECTION])))
        blocks = []

    for index, line in enumerate(lines):
        number = first_line + index
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        opened = _FENCE.match(line)
        if opened:
            close_block()
            fence = opened[1][0] * 3
            continue
        heading = _HEADING.match(line) if line.startswith("#") else None
        if heading:
            close_section()
            level = len(heading[1])
            while titles and titles[-1][0] >= level:
                titles.pop()
            titles.append((level, plain_inline(heading[2])))
            continue
        if not line.strip() or line.lstrip().startswith("|"):
            close_block()
            continue
        item = _BULLET.match(line)
        if item:
            close_block()
            current, start, bullet = [line[item.end() :]], number, True
            continue
        if not current:
            start, bullet = number, False
        quoted = line.lstrip()[:1] == ">"
        current.append(line.lstrip().removeprefix(">").strip() if quoted else line)
    close_section()
    return sections


def _classify(section: _Section, found: DecisionText) -> None:
    title = section.title.casefold()
    statements = [Statement(text, section.title, line) for text, line, _ in section.blocks]
    if "consequence" in title:
        if "positive" in title:
            found.good += statements
        elif "negative" in title:
            found.bad += statements
        else:
            for statement in statements:
                _consequence(statement, found)
    elif "context" in title or "problem statement" in title:
        found.context += statements
    elif title.startswith("decision") and "driver" not in title and "maker" not in title:
        found.decision += statements
    elif "considered options" in title or title == "options":
        found.options += statements
    elif "confirmation" in title:
        found.confirmation += statements


def _consequence(statement: Statement, found: DecisionText) -> None:
    """MADR's ``Good, because …`` / ``Bad, because …`` bullets, each to its side."""
    match = _KIND.match(statement.text)
    if match is None:
        found.neutral.append(statement)
        return
    rest = statement.text[match.end() :].strip()
    if not rest:
        return
    kept = Statement(rest[0].upper() + rest[1:], statement.section, statement.line)
    {"good": found.good, "bad": found.bad, "neutral": found.neutral}[match[1].lower()].append(kept)
