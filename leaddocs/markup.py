"""Outside text made safe to place in Markdown, whichever renderer reads it.

Commit subjects, PR titles, author names, ADR titles and model answers are untrusted: whoever
opens a pull request writes them, and the documents they land in are rendered on GitHub
(CommonMark) and on the MkDocs site (Python-Markdown). What such text says must stay text: no
raw HTML, no link or image it makes itself, no mention that notifies someone, no block markup.

The two renderers disagree on edge cases (a backtick run without its partner, brackets inside
brackets, a reference definition inside a list item), so nothing here relies on how one of them
resolves an ambiguity: every character that could start markup is escaped, in a form both
honour, except two readable shapes proven to mean the same in both:

- a code span of single backticks, `` `foo()` ``, whose content has no backtick, ``<`` or
  mention, opened where no backslash escapes it; its content is shown literally by both, so
  it stays code (and where Markdown is not read at all, inside raw HTML, it is harmless text).
  A span that holds ``<`` (and nothing else that stops it) is cut there: its words stay code
  and its ``<`` and ``>`` become escaped text between them, `` `leaddocs/`&lt;`kind`&gt; ``;
- a bracket pair ``[bot]`` holding no bracket, backslash or backtick, not an image, and not
  followed by ``(``, ``[`` or ``:``: a reference to a definition, and the escaping leaves this
  text no way to write one (a definition needs an unescaped ``[`` with ``]:``).

Escaping is one pass over the input, so its result cannot be re-read as markup: a backslash in
the input is itself escaped, and cannot undo an escape that follows it.

This module is a base: every package may import it, it imports nothing of leaddocs.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# A mention: "@" at a word start, then a name (GitHub's are narrower: any word character here).
# The "@" of a mention: at a word start (after "_" too: "_x_@user" is emphasis, then "@user").
_MENTION_START = re.compile(r"(?<![^\W_])@(?=\w)")
_ZERO_WIDTH_SPACE = "\u200b"

_LINE_BREAKS = re.compile(r"[\r\n]+")
# Whether any work is needed: the common case (plain words) returns after these two tests.
_BLOCK_FIRST_CHARS = frozenset("#-+*_~!0123456789 \t")
_SPECIAL = re.compile(r"[\\`<>{\[\]&@*_\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPECIAL_IN_CELL = re.compile(r"[\\`<>{\[\]&@*_\r\n|\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Python-Markdown's emphasis is lossy on unbalanced runs ("*a**b*c" shows "*ab": the "c" is
# gone), so "*" is always escaped, and "_" wherever it could open or close emphasis: not
# between two letters or digits, so snake_case stays readable in the file.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# "&lt;" shows as written, not as "<"; so does "&#62" with no ";", which Python-Markdown
# completes to "&#62;" (a ">"), where CommonMark leaves it text.
_ENTITY = re.compile(r"&(?=#|\w+;)")
# C0 and C1 control characters: a terminal showing the file (``cat CHANGELOG.md``, a CI log)
# runs what they say. Whole escape sequences go, payload and all (a window title, a link);
# this is textsafe's pattern (a sibling module, not importable here; a test keeps them equal).
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKING_CONTROL = re.compile(r"[\x0b\x0c\x1c-\x1e\x85]")  # str.splitlines() breaks on these
_TAG_SIGNS = re.compile(r"([<>]+)")  # what splits a code span holding "<" into words
_SAFE_PAIR = re.compile(r"(?<![!\\])\[([^\[\]\\`]+)\](?![ \t]*[(\[:])")
_ESCAPES = {
    "\\": "\\\\",
    "`": "\\`",
    "<": "&lt;",
    ">": "&gt;",
    "{": "\\{",
    "[": "\\[",
    "]": "\\]",
    "*": "\\*",
}
_TEXT = str.maketrans(_ESCAPES)
_CELL = str.maketrans({**_ESCAPES, "|": "\\|"})

# Text that would open a block where it starts a line (a list item's text, a paragraph, a
# quotation): a heading, a list, a thematic break, a fence, an admonition. The digit of a list
# number cannot be escaped; the dot or parenthesis after it can.
_BLOCK_START = re.compile(r"^(?:#|[-+*](?=[ \t]|$)|[-_*](?:[ \t]*[-_*]){2,}[ \t]*$|!!!)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")


def md_text(text: str) -> str:
    """``text`` as Markdown that renders as exactly ``text``, on one line.

    For inline places: a list entry, a paragraph, a heading, a quotation. The result holds no
    ``<``, so it stays text inside raw HTML too (a ``<summary>``, a collapsed section), where
    Markdown is not read and the escaping backslashes show. Line breaks become spaces; control
    characters other than a tab, and whole terminal escape sequences, are dropped. The caller
    must not place the result directly before ``(``, ``[`` or ``:``.
    """
    if text[:1] not in _BLOCK_FIRST_CHARS and not _SPECIAL.search(text):
        return text
    return _escaped(text, cell=False)


def html_text(text: str) -> str:
    """``text`` for the inside of raw HTML that neither renderer reads as Markdown (the
    ``<summary>`` of a collapsed section): HTML-escaped, not Markdown-escaped, as a backslash
    would show there. On one line, without control characters, mentions neutralised."""
    text = _LINE_BREAKS.sub(" ", _without_controls(text)).strip(" \t")
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return neutralise_mentions(escaped)


def md_cell(text: str) -> str:
    """``text`` for a table cell (also inside the cell's link text): ``|`` stays in the cell."""
    if text[:1] not in _BLOCK_FIRST_CHARS and not _SPECIAL_IN_CELL.search(text):
        return text
    return _escaped(text, cell=True)


def md_link_path(path: str) -> str:
    """A relative path as a link destination: percent-encoded, so no space, parenthesis or
    ``scheme:`` in a file name can end the link or turn it into another kind of link."""
    return quote(path, safe="/-._~")


def neutralise_mentions(text: str) -> str:
    """Each "@name" as "@\u200bname": a zero-width space after the "@" is no mention on GitHub,
    and a reader sees (and searches for) the text as written. A backslash would not do: GitHub
    finds mentions in the rendered text, after the escape is gone, and Python-Markdown shows it.
    """
    return _MENTION_START.sub("@" + _ZERO_WIDTH_SPACE, text)


def _without_controls(text: str) -> str:
    """``text`` without escape sequences or control characters; the ones that break a line
    become a line break (so a space, with the rest), tabs stay."""
    if _CONTROL.search(text) is None:
        return text
    text = _BREAKING_CONTROL.sub("\n", _ESCAPE_SEQUENCE.sub("", text))
    return _CONTROL.sub("", text)


def _escaped(text: str, *, cell: bool) -> str:
    text = _one_line(_without_controls(text))
    table = _CELL if cell else _TEXT
    out: list[str] = []
    pending = ""  # plain text, and code not kept, up to the next span kept as code
    for chunk, is_code in code_spans(text):
        pieces = _code_pieces(chunk[1:-1], cell=cell) if is_code else [(chunk, False)]
        for piece, as_code in pieces:
            if as_code:
                out += [_plain(pending, table), f"`{piece}`"]
                pending = ""
            else:
                pending += piece
    out.append(_plain(pending, table))
    return _block_safe("".join(out))


def _code_pieces(content: str, *, cell: bool) -> list[tuple[str, bool]]:
    """A code span's content as (piece, is_code): whole when it can stay code; when only a
    ``<`` stops it, its words between ``<`` and ``>`` as code and those signs (and the spaces
    around them) as text, so ``leaddocs/<kind>`` still reads as code in both renderers with
    no ``<`` inside a span; else all of it as text, its backticks escaped."""
    if _keeps_as_code(content, cell=cell):
        return [(content, True)]
    if "<" not in content or _MENTION_START.search(content) or (cell and "|" in content):
        return [(f"`{content}`", False)]
    pieces: list[tuple[str, bool]] = []
    for part in _TAG_SIGNS.split(content):
        word = part.strip(" \t")
        if word and not _TAG_SIGNS.fullmatch(part) and _keeps_as_code(word, cell=cell):
            start = part.index(word)
            pieces += [(part[:start], False), (word, True), (part[start + len(word) :], False)]
        else:
            pieces.append((part, False))
    return [piece for piece in pieces if piece[0]]


def _one_line(text: str) -> str:
    """Each line break, with the blanks around it, as one space. Split, not one regex around
    the break: a blank run before no break would be scanned again from each of its spaces,
    seconds for a line of 40,000 spaces."""
    lines = _LINE_BREAKS.split(text)
    return " ".join(line.strip(" \t") for line in lines).strip(" \t")


def _keeps_as_code(content: str, *, cell: bool) -> bool:
    """Whether a code span can stay one. Not when it holds ``<`` or a mention: inside a raw
    HTML block (the ``<details>`` of a collapsed section) Python-Markdown reads no Markdown, and
    the content would be HTML or a mention there. Nor blank, nor, in a table cell, holding
    ``|`` (Python-Markdown would show the backslash that keeps the pipe in its cell)."""
    return (
        bool(content.strip())
        # Spaces at an end: CommonMark strips one on each side, Python-Markdown all of them.
        and content == content.strip()
        and "<" not in content
        and not _MENTION_START.search(content)
        and not (cell and "|" in content)
    )


def code_spans(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (chunk, is_code): the code spans both renderers read the same way.

    A span is a single backtick, not escaped by a backslash before it, then content with no
    backtick, then a single backtick. CommonMark pairs backtick runs of equal length and
    Python-Markdown may shorten a run to find a partner; for single backticks with no backtick
    between them both agree. Other backticks are not spans here (md_text escapes them).
    """
    chunks: list[tuple[str, bool]] = []
    start = 0  # where the pending text chunk starts
    i = text.find("`")
    while i != -1:
        run_end = i
        while run_end < len(text) and text[run_end] == "`":
            run_end += 1
        close = text.find("`", run_end) if run_end - i == 1 else -1
        if close != -1 and (i == 0 or text[i - 1] != "\\") and text[close + 1 : close + 2] != "`":
            if start < i:
                chunks.append((text[start:i], False))
            chunks.append((text[i : close + 1], True))
            start = close + 1
            i = text.find("`", start)
        else:
            i = text.find("`", run_end)
    if start < len(text):
        chunks.append((text[start:], False))
    return chunks


def _plain(chunk: str, table: dict[int, str]) -> str:
    """Text outside code: every character that could start markup escaped, safe pairs kept."""
    chunk = neutralise_mentions(_ENTITY.sub("&amp;", chunk))
    out: list[str] = []
    last = 0
    for match in _SAFE_PAIR.finditer(chunk):
        out.append(chunk[last : match.start()].translate(table))
        out.append(f"[{match.group(1).translate(table)}]")
        last = match.end()
    out.append(chunk[last:].translate(table))
    text = "".join(out)
    return _UNDERSCORE.sub(r"\\_", text) if "_" in text else text


def _block_safe(text: str) -> str:
    """Text that would open a block keeps to its line: "# x" → "\\# x", "1. x" → "1\\. x"."""
    if text[:1] == "~":  # a fence; Python-Markdown does not honour "\~", both read the entity
        return "&#126;" + text[1:]
    if _BLOCK_START.match(text):
        return "\\" + text
    return _ORDERED_START.sub(r"\1\\\2", text)
