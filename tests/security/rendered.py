"""Render a Markdown document as GitHub-like views and MkDocs do, and list what is unsafe in it.

Two renderers, because they disagree on exactly the edge cases an attacker uses (unbalanced
backticks, nested brackets, reference definitions inside list items):

- markdown-it-py with the CommonMark preset and raw HTML on, plus tables: what GitHub renders
  before its own sanitiser runs;
- Python-Markdown with the extensions an MkDocs Material site uses (tables, toc with permalinks,
  admonition, attr_list, fenced_code); attr_list is the one that turns ``{: onclick=…}`` into an
  attribute.

The HTML each produces is parsed with ``html.parser`` and checked for: an element Markdown does
not make (raw HTML), an attribute Markdown does not make (an event handler), a link to a place
the test did not allow, and a mention (``@word`` at a word start, outside code).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from itertools import zip_longest

import markdown
from markdown_it import MarkdownIt

# The elements the Markdown syntax itself produces (tables only in the ADR index).
BLOCK_TAGS = ("p", "ul", "ol", "li", "pre", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6")
INLINE_TAGS = ("code", "em", "strong", "a", "br")
TABLE_TAGS = ("table", "thead", "tbody", "tr", "th", "td")
MARKDOWN_TAGS = frozenset((*BLOCK_TAGS, *INLINE_TAGS, *TABLE_TAGS))
# The attributes the renderers add themselves: href (checked apart), toc's heading ids and
# permalink, an ordered list's start number.
ATTRIBUTES = {
    "a": frozenset({"href", "class", "title"}),
    "ol": frozenset({"start"}),
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
    # leaddocs' own collapsed section: `<details markdown>` asks md_in_html for Markdown inside.
    "details": frozenset({"markdown"}),
}
MENTION = re.compile(r"(?<!\w)@\w")

_commonmark = MarkdownIt("commonmark").enable("table")


def commonmark(text: str) -> str:
    return _commonmark.render(text)


def python_markdown(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["tables", "toc", "admonition", "attr_list", "fenced_code", "md_in_html"],
        extension_configs={"toc": {"permalink": True}},
    )


RENDERERS = {"commonmark": commonmark, "python-markdown": python_markdown}


class _Inspector(HTMLParser):
    def __init__(self, links: tuple[str, ...], raw: Mapping[str, int]) -> None:
        super().__init__(convert_charrefs=True)
        self.links = links
        self.problems: list[str] = []
        self.raw_seen: dict[str, int] = {}
        self.raw_allowed = dict(raw)
        self.code_depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.raw_allowed:
            self.raw_seen[tag] = self.raw_seen.get(tag, 0) + 1
        elif tag not in MARKDOWN_TAGS:
            self.problems.append(f"raw HTML element <{tag}>")
        allowed = ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
            elif name == "href" and not self._allowed_link(value or ""):
                self.problems.append(f"link to {value!r}")
        if tag in ("code", "pre"):
            self.code_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("code", "pre"):
            self.code_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.raw_allowed:
            self.raw_seen["/" + tag] = self.raw_seen.get("/" + tag, 0) + 1
            if self.raw_seen["/" + tag] > self.raw_allowed[tag]:
                self.problems.append(f"raw HTML end tag </{tag}> leaddocs did not write")
        elif tag not in MARKDOWN_TAGS:
            self.problems.append(f"raw HTML end tag </{tag}>")
        if tag in ("code", "pre"):
            self.code_depth = max(0, self.code_depth - 1)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.code_depth == 0:
            for match in MENTION.finditer(data):
                self.problems.append(f"mention {data[match.start() : match.start() + 20]!r}")

    def handle_comment(self, data: str) -> None:
        self.raw_seen["!--"] = self.raw_seen.get("!--", 0) + 1
        if "!--" not in self.raw_allowed:
            self.problems.append(f"raw HTML comment <!--{data[:20]}")

    def handle_decl(self, decl: str) -> None:
        self.problems.append(f"raw HTML declaration <!{decl[:20]}")

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"raw HTML processing instruction <?{data[:20]}")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"raw HTML declaration <![{data[:20]}")

    def _allowed_link(self, href: str) -> bool:
        if href.startswith("#"):  # a place on the same page: toc's permalinks
            return True
        return any(
            href == link or (link.endswith("/") and href.startswith(link)) for link in self.links
        )


def problems(
    html: str, *, links: Iterable[str] = (), raw: Mapping[str, int] | None = None
) -> list[str]:
    """What is unsafe in ``html``.

    ``links``: the hrefs leaddocs built; one ending in ``/`` allows every href under it.
    ``raw``: raw HTML leaddocs writes itself, as tag -> how many times (``"!--"`` for comments);
    any other raw element, or more of these, is a problem.
    """
    inspector = _Inspector(tuple(links), raw or {})
    inspector.feed(html)
    inspector.close()
    for tag, seen in inspector.raw_seen.items():
        if not tag.startswith("/") and seen > inspector.raw_allowed.get(tag, 0):
            inspector.problems.append(
                f"{seen} <{tag}> where leaddocs writes {inspector.raw_allowed.get(tag, 0)}"
            )
    return inspector.problems


def text_of(html: str) -> str:
    """The text a reader sees, whitespace collapsed."""
    inspector = _Inspector((), {})
    inspector.feed(html)
    inspector.close()
    return " ".join("".join(inspector.text).split())


def assert_safe(
    document: str, *, links: Iterable[str] = (), raw: Mapping[str, int] | None = None
) -> None:
    """``document`` renders with no raw HTML, foreign link or mention, in both renderers."""
    allowed = tuple(links)
    for name, render in RENDERERS.items():
        html = render(document)
        found = problems(html, links=allowed, raw=raw)
        assert not found, f"{name}: {found}\n--- markdown ---\n{document}\n--- html ---\n{html}"


# --- the same document in both renderers ----------------------------------------------------

_OUTLINE_BLOCKS = frozenset(
    {"li", "p", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "summary", "pre", "blockquote"}
)


class _Outliner(HTMLParser):
    """The blocks a reader sees, in order, as ``tag@depth: text``: list items with their list
    depth, headings, paragraphs outside list items, table cells, a collapsed section's summary.
    Whether a list is tight or loose (``<li><p>``) and toc's permalinks do not count."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []  # [label, text]
        self._open: list[list[str] | None] = []  # per open block tag: its entry, or None
        self._lists = 0
        self._skip = 0  # inside a permalink

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and ("class", "headerlink") in attrs:
            self._skip += 1
        elif tag in ("ul", "ol"):
            self._lists += 1
        elif tag in _OUTLINE_BLOCKS:
            entry: list[str] | None = None
            inside_item = any(e is not None and e[0].startswith("li@") for e in self._open[-1:])
            if not (tag == "p" and inside_item):
                entry = [f"{tag}@{self._lists}" if tag == "li" else tag, ""]
                self.blocks.append(entry)
            self._open.append(entry)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag in ("ul", "ol"):
            self._lists -= 1
        elif tag in _OUTLINE_BLOCKS and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        for entry in reversed(self._open):
            if entry is not None:
                entry[1] += data
                return


def outline(html: str) -> list[str]:
    """What a reader sees of ``html``, block by block (see ``_Outliner``)."""
    outliner = _Outliner()
    outliner.feed(html)
    outliner.close()
    return [f"{label}: {' '.join(text.split())}" for label, text in outliner.blocks]


def same_in_both(document: str) -> list[str]:
    """The outline ``document`` has in both renderers, asserted to be the same: a list that one
    renderer reads as items and the other as text (or as siblings) fails here."""
    on_github = outline(commonmark(document))
    on_mkdocs = outline(python_markdown(document))
    if on_github != on_mkdocs:
        differ = [
            f"{a!r:<70} | {b!r}"
            for a, b in zip_longest(on_github, on_mkdocs, fillvalue="")
            if a != b
        ]
        raise AssertionError(
            "GitHub (CommonMark) | MkDocs (Python-Markdown) read the document differently:\n"
            + "\n".join(differ)[:4000]
            + f"\n--- markdown ---\n{document[:3000]}"
        )
    return on_github
