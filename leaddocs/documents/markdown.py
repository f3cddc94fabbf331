"""Text from commits made safe to place in Markdown."""

from __future__ import annotations

import re

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_HTML_SPECIALS = str.maketrans({"<": "&lt;", ">": "&gt;"})
# Link and image syntax: [text](url), [text][ref], ![alt](src). Plain brackets such as
# "dependabot[bot]" or "[skip changelog]" stay as they are.
_LINK_SYNTAX = re.compile(r"\[([^\]\n]*)\](?=\s*[(\[])")


def md_text(text: str) -> str:
    """Commit text made safe for Markdown: no raw HTML and no links; code spans left alone.

    Commit text is untrusted (an outside contributor's PR title), so every link in a document
    is one that leaddocs built itself.
    """
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
