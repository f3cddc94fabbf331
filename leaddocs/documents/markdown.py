"""Text from commits made safe to place in Markdown."""

from __future__ import annotations

import re

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_HTML_SPECIALS = str.maketrans({"<": "&lt;", ">": "&gt;"})
# Link and image syntax: [text](url), [text][ref], ![alt](src). Plain brackets such as
# "dependabot[bot]" or "[skip changelog]" stay as they are.
_LINK_SYNTAX = re.compile(r"\[([^\]\n]*)\](?=\s*[(\[])")
# Text that would open a block inside a list item: "# title", "1. step", "- item", "---".
_BLOCK_START = re.compile(r"^(?=#|[-+*](?:\s|$)|[-=_*]{3,}\s*$)")
_BLOCK_FIRST_CHARS = frozenset("#-+*=_0123456789")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def md_text(text: str) -> str:
    """Commit text made safe for Markdown: no raw HTML, no link syntax, no block markup.

    Commit text is untrusted (an outside contributor's PR title): what it says stays text. Bare
    URLs are left as written; renderers that autolink them (GitHub) still show the URL itself.
    """
    if text[:1] in _BLOCK_FIRST_CHARS:  # cheap test first: this runs for every entry
        text = _inline(text)
    if "<" not in text and ">" not in text and "](" not in text and "][" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_neutralise(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_neutralise(text[last:]))
    return "".join(out)


def _neutralise(text: str) -> str:
    return _LINK_SYNTAX.sub(r"\\[\1\\]", text).translate(_HTML_SPECIALS)


def _inline(text: str) -> str:
    """Text that would open a block keeps to its line: "# x" → "\\# x", "1. x" → "1\\. x"."""
    if _BLOCK_START.match(text):
        return "\\" + text
    return _ORDERED_START.sub(r"\1\\\2", text)  # a digit cannot be escaped; its dot can
