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
    text = _REFERENCE.sub(lambda m: m[0] if safe_target(m[1]) else "", text)
    # Blank lines only: a first line's indentation is what makes it code (or not).
    return "\n".join(_trimmed(text.split("\n"))) + "\n"


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


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
    code = _code_lines(lines)
    return [line if i in code else _inline(line) for i, line in enumerate(lines)]


# Code is what Python-Markdown (MkDocs' renderer) shows as code, and Material's superfences
# too; anything in doubt is text, and its ``<`` escaped: a wrong guess shows ``&lt;`` in a
# code sample, never runs a script.
# fenced_code: a fence at column 0, closed by the very same fence (not a longer one).
_FENCE_OPEN = re.compile(
    r"(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(\"|')[^\n]*?\2[ ]*)?)"
)
_LIST_MARKER = re.compile(r"[ ]*(?:[*+-]|\d+\.)[ ]+\S")
_CONTAINER = re.compile(r"(?:!!!|\?\?\?\+?)[ ]")  # admonitions, details: indented content
# A line that would start another block inside a paragraph (a heading, a quote, a list, a
# rule, a setext underline) and so end a code span running over lines.
_BREAKS_PARAGRAPH = re.compile(r"[ ]*(?:[#>*+\-=_|!]|\d+[.)])")


def _code_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines shown as code: fenced blocks at column 0, indented code
    blocks (4 spaces after a blank line, 4 more inside a list or an admonition), and a
    backtick fence inside a list item that Python-Markdown reads as one code span."""
    code: set[int] = set()
    fenced: dict[int, int] = {}  # opening line -> closing line
    i = 0
    while i < len(lines):
        opening = _FENCE_OPEN.fullmatch(lines[i])
        closing = opening and _closing(lines, i + 1, opening[1])
        if opening and closing:
            fenced[i] = closing
            code.update(range(i, closing + 1))
            i = closing + 1
        else:
            i += 1
    # Indented code: block by block (blank lines apart), as Python-Markdown parses them.
    # The body follows the page's status admonition, so it starts inside a container.
    threshold = 8
    i = 0
    while i < len(lines):
        if i in fenced:  # a stashed block: leaves the container as it is (in doubt: deeper)
            i = fenced[i] + 1
            continue
        if not lines[i].strip():
            i += 1
            continue
        block_end = i
        while block_end < len(lines) and lines[block_end].strip() and block_end not in fenced:
            block_end += 1
        if _indent(lines[i]) >= threshold:
            j = i
            while j < block_end and _indent(lines[j]) >= threshold:
                j += 1
            code.update(range(i, j))
            i = j
            continue
        first = lines[i].expandtabs(4)
        if _indent(first) < 4 and not _LIST_MARKER.match(first) and not _CONTAINER.match(first):
            threshold = 4  # a top-level block: any list or admonition before it has ended
        for k in range(i, block_end):
            line = lines[k].expandtabs(4)
            if _LIST_MARKER.match(line) or _CONTAINER.match(line):
                threshold = max(threshold, (_indent(line) // 4 + 1) * 4 + 4)
        if threshold > 4:
            code |= _fence_in_list(lines, i, block_end)
        i = block_end
    return code


def _closing(lines: list[str], start: int, fence: str) -> int | None:
    closing = re.compile(re.escape(fence) + "[ ]*")
    return next((j for j in range(start, len(lines)) if closing.fullmatch(lines[j])), None)


def _fence_in_list(lines: list[str], start: int, end: int) -> set[int]:
    """An indented backtick fence in a list item's block: one code span for Python-Markdown
    (and a code block for superfences) when nothing can break the paragraph or pair its
    backticks otherwise: no blank line, no line that starts another block, no run of the
    fence's length inside or before it, every line indented 4 or more."""
    found: set[int] = set()
    before = ""
    i = start
    while i < end:
        stripped = lines[i].strip()
        run = re.fullmatch(r"(`{3,})[^`]*", stripped)
        if run and _indent(lines[i]) >= 4 and not _has_run(before, len(run[1])):
            fence = run[1]
            close = next((j for j in range(i + 1, end) if lines[j].strip() == fence), None)
            inner = lines[i + 1 : close] if close is not None else []
            if close is not None and all(
                _indent(line) >= 4
                and not _BREAKS_PARAGRAPH.match(line)
                and not _has_run(line, len(fence))
                for line in inner
            ):
                found.update(range(i, close + 1))
                before = ""
                i = close + 1
                continue
        before += lines[i] + "\n"
        i += 1
    return found


def _has_run(text: str, length: int) -> bool:
    return any(len(run) == length for run in re.findall(r"`+", text))


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _inline(line: str) -> str:
    return "".join(chunk if code else _text(chunk) for chunk, code in code_spans(line))


def _text(chunk: str) -> str:
    kept = _AUTOLINK.sub(lambda match: f"\0{match[1]}\1", chunk)  # <https://…> stays a link
    escaped = kept.replace("<", "&lt;").replace("{", "\\{")
    return escaped.replace("\0", "<").replace("\1", ">")
