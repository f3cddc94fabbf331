"""An ADR's own Markdown, made safe to show on the site.

The body keeps its Markdown (headings, lists, tables, code), but whoever opens a pull request
writes it, so it may not make HTML: every ``<`` outside code is shown as text (HTML comments,
MADR's template hints, are dropped), ``{`` cannot open an attribute list, and a link (or an
image) keeps its target only if that is relative or ``http``, ``https`` or ``mailto`` once HTML
entities are decoded and whitespace and control characters removed, as a browser reads it
(``&#106;avascript:``, ``javascript&colon;``, ``java&#9;script:``): otherwise only its text is
shown. The title line goes: the page shows the escaped title as its heading.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from leaddocs.adr.frontmatter import FrontMatterError, split
from leaddocs.markup import code_spans

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
# A reference definition: ``[label]: target``, the target on the same line or the next.
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]*\]:[ \t]*\n?[ \t]*(\S+).*$", re.M)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
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
    text = _without_unsafe_links("\n".join(_neutralised(lines)))
    return _REFERENCE.sub(lambda m: m[0] if safe_target(m[1]) else "", text).strip() + "\n"


def safe_target(target: str) -> bool:
    """Whether a link target is relative or http(s)/mailto as a browser reads it: entities
    decoded (to a fixed point), whitespace, control and format characters gone."""
    decoded = target
    for _ in range(8):
        once = html.unescape(decoded)
        if once == decoded:
            break
        decoded = once
    bare = "".join(
        ch
        for ch in decoded
        if not (ch.isspace() or ch == "\\" or unicodedata.category(ch) in ("Cc", "Cf"))
    ).lstrip("<")
    scheme = _SCHEME.match(bare)
    return scheme is None or scheme[1].lower() in _SAFE_SCHEMES


TEXT_ONLY = ""  # what a chooser returns to show a link's text without the link


def map_links(text: str, choose: Callable[[str], str | None]) -> str:
    """``text`` with each inline link's (or image's) target passed to ``choose``: None keeps
    it, ``TEXT_ONLY`` shows the label alone, any other string is the new target."""
    at = 0
    while (close := text.find("](", at)) >= 0:
        end = _target_end(text, close + 2)
        chosen = None if end < 0 else choose(text[close + 2 : end])
        if chosen is None:
            at = close + 2
            continue
        start = _label_start(text, close)
        if chosen != TEXT_ONLY:
            text = text[: close + 2] + chosen + text[end:]
            at = close + 2 + len(chosen)
        elif start < 0:  # no label found: keep the brackets, lose the target
            text = text[: close + 2] + text[end:]
            at = close + 2
        else:
            label = text[start + 1 : close]
            if start > 0 and text[start - 1] == "!":
                start -= 1
            text = text[:start] + label + text[end + 1 :]
            at = start  # the label may hold a link of its own
    return text


def _without_unsafe_links(text: str) -> str:
    """``[text](target)`` and ``![alt](target)`` with an unsafe target become their text."""
    return map_links(text, lambda target: None if safe_target(target) else TEXT_ONLY)


def _target_end(text: str, at: int) -> int:
    """The index of the ``)`` closing a link target that starts at ``at``, or -1."""
    depth = 0
    i = at
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif text.startswith("\n\n", i):
            return -1
        i += 1
    return -1


def _label_start(text: str, close: int) -> int:
    """The index of the ``[`` opening the label that ends at ``close``, or -1."""
    depth = 0
    for i in range(close - 1, -1, -1):
        ch = text[i]
        if i > 0 and text[i - 1] == "\\":
            continue
        if ch == "]":
            depth += 1
        elif ch == "[":
            if depth == 0:
                return i
            depth -= 1
        elif text.startswith("\n\n", i):
            return -1
    return -1


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
