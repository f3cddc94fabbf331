"""Text from commits made safe to place in Markdown."""

from __future__ import annotations

import re

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_HTML_SPECIALS = str.maketrans({"<": "&lt;", ">": "&gt;"})


def md_text(text: str) -> str:
    """Commit text made safe for Markdown: raw HTML neutralised, code spans left alone."""
    if "<" not in text and ">" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(text[last : match.start()].translate(_HTML_SPECIALS))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(_HTML_SPECIALS))
    return "".join(out)
