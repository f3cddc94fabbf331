"""Reading a brief back as a reader does: its sections, its cited sources."""

from __future__ import annotations

import re

from tests.security.rendered import assert_safe, commonmark, text_of

_CITED = re.compile(r" \[(\d+(?:, \d+)*)\]$")


def sections(markdown: str) -> dict[str, list[str]]:
    """Each ``## `` section's non-blank lines, by title (the front matter and title left out)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = found.setdefault(line[3:], [])
        elif current is not None and line.strip():
            current.append(line)
    return found


def sources(markdown: str) -> list[str]:
    """The Sources list, one entry per number, without the numbers."""
    return [re.sub(r"^\d+\. ", "", line) for line in sections(markdown).get("Sources", [])]


def cited(line: str) -> list[int]:
    """The source numbers a line ends with; [] when it cites none."""
    found = _CITED.search(line)
    return [int(n) for n in found[1].split(", ")] if found else []


def body_lines(markdown: str) -> list[str]:
    """Every statement of the brief: the lines of its sections but Sources."""
    return [
        line for title, lines in sections(markdown).items() if title != "Sources" for line in lines
    ]


def without_front_matter(markdown: str) -> str:
    """What GitHub and MkDocs render as the page: the YAML front matter is theirs to show."""
    assert markdown.startswith("---\n")
    return markdown[markdown.index("\n---\n", 3) + 5 :]


def check_rendered(markdown: str, links: tuple[str, ...] = ()) -> str:
    """The brief renders with nothing unsafe in CommonMark and Python-Markdown, and its front
    matter holds no HTML (Material prints the title as HTML); the text a reader sees."""
    head = markdown[: markdown.index("\n---\n", 3)]
    assert "<" not in head and ">" not in head, head
    page = without_front_matter(markdown)
    assert_safe(page, links=links)
    return text_of(commonmark(page))


def assert_every_statement_cited(markdown: str) -> None:
    listed = sources(markdown)
    for line in body_lines(markdown):
        numbers = cited(line)
        assert numbers, f"not cited: {line!r}"
        assert all(1 <= n <= len(listed) for n in numbers), (line, listed)
