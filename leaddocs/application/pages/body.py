"""An ADR's own Markdown, made safe to show on the site.

The body keeps its Markdown (headings, lists, tables, code), but whoever opens a pull request
writes it, so it may not make HTML: every ``<`` outside code is shown as text (HTML comments,
MADR's template hints, are dropped), ``{`` cannot open an attribute list, and a link cannot
run a ``javascript:``, ``vbscript:`` or ``data:`` URL. The title line goes: the page shows the
escaped title as its heading.
"""

from __future__ import annotations

import re

from leaddocs.adr.frontmatter import FrontMatterError, split
from leaddocs.markup import code_spans

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_UNSAFE_SCHEME = re.compile(
    r"(\]\(\s*<?|^\s{0,3}\[[^\]]*\]:\s*<?)\s*(javascript|vbscript|data)\s*:", re.I | re.M
)
_TITLE = re.compile(r"^\s*# .*$")


def adr_body(text: str) -> str:
    """The Markdown of an ADR file's body, without front matter or title, safe to render."""
    try:
        body = split(text).body
    except FrontMatterError:
        body = text
    lines = _COMMENT.sub("", body).split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            if _TITLE.match(line):
                del lines[i]
            break
    return _UNSAFE_SCHEME.sub(r"\1unsafe-\2:", "\n".join(_neutralised(lines))).strip() + "\n"


def _neutralised(lines: list[str]) -> list[str]:
    out: list[str] = []
    fence: str | None = None  # the open fence's marker: code inside is shown as written
    for line in lines:
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            out.append(line)
        elif opening:
            fence = opening[1]
            out.append(line)
        else:
            out.append(_inline(line))
    return out


def _inline(line: str) -> str:
    return "".join(chunk if code else _text(chunk) for chunk, code in code_spans(line))


def _text(chunk: str) -> str:
    kept = _AUTOLINK.sub(lambda match: f"\0{match[1]}\1", chunk)  # <https://…> stays a link
    escaped = kept.replace("<", "&lt;").replace("{", "\\{")
    return escaped.replace("\0", "<").replace("\1", ">")
