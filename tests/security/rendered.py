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
