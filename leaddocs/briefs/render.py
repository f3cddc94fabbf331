"""A drafted brief as Markdown (for the repository and the site) or as a plain-text e-mail.

Each line ends with the numbers of its sources, listed under Sources at the end, so a reader
can follow any statement back to the record section or the change it rests on. Technical words
are explained at their first mention. All outside text is escaped for Markdown (both renderers
read it as text) or, in an e-mail, stripped of terminal escapes and control characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from leaddocs import yamlio
from leaddocs.briefs.draft import Drafted, Line
from leaddocs.briefs.glossary import Glossary
from leaddocs.briefs.model import Source
from leaddocs.markup import md_text
from leaddocs.textsafe import printable

WIDTH = 72  # an e-mail's line: what mail clients and mailing lists expect
_SAFE_URL = re.compile(r"^https?://[^\s()<>\[\]\"'`\\]+$", re.IGNORECASE)


class _Citations:
    """Sources numbered in the order a reader meets them; each listed once. A customer is
    shown only the sources they can open (a public link): a commit hash or a record's
    section is internal, and the drafting report has checked every citation all the same."""

    def __init__(self, drafted: Drafted) -> None:
        public = drafted.brief.audience == "customers"
        self._by_fact = {
            fact.id: [s for s in fact.sources if not public or _link(s)]
            for fact in drafted.brief.facts
        }
        self.sources: list[Source] = []

    def numbers(self, line: Line) -> list[int]:
        found: list[int] = []
        for fact_id in line.ids:
            for source in self._by_fact.get(fact_id, []):
                if source not in self.sources:
                    self.sources.append(source)
                number = self.sources.index(source) + 1
                if number not in found:
                    found.append(number)
        return found


def _cite(numbers: list[int]) -> str:
    return f" [{', '.join(str(n) for n in numbers)}]" if numbers else ""


def _sections(drafted: Drafted) -> list[tuple[str, bool, list[Line]]]:
    """(title, is the summary, lines) in the reader's order; empty sections left out."""
    brief = drafted.brief
    return [
        (brief.title_of(part), part == "summary", drafted.lines.get(part, []))
        for part in brief.parts
        if drafted.lines.get(part)
    ]


def _opening(drafted: Drafted) -> str:
    brief = drafted.brief
    return f"A brief for {brief.audience} on {brief.about}."


def front_matter(drafted: Drafted) -> dict[str, str]:
    """What the site shows of the brief. Material prints a page's ``title`` as HTML, so the
    values are escaped for HTML (the site's list of briefs undoes it: ``html.unescape``)."""
    brief = drafted.brief
    values = {"title": brief.title, "audience": brief.audience, "about": brief.about}
    return {key: html.escape(" ".join(value.split()), quote=False) for key, value in values.items()}


def markdown(drafted: Drafted) -> str:
    glossary = Glossary()
    citations = _Citations(drafted)

    def text(value: str) -> str:
        return md_text(glossary.gloss(value))

    out = [
        f"---\n{yamlio.dump(front_matter(drafted))}---",
        "",
        f"# {md_text(drafted.brief.title)}",
        "",
        f"*{text(_opening(drafted))}*",
    ]
    for title, is_summary, lines in _sections(drafted):
        out += ["", f"## {md_text(title)}", ""]
        for line in lines:
            said = text(line.text) + _cite(citations.numbers(line))
            out += [said, ""] if is_summary else [f"- {said}"]
        if is_summary:
            out.pop()
    if citations.sources:
        out += ["", "## Sources", ""]
        out += [
            f"{number}. {_md_source(source)}"
            for number, source in enumerate(citations.sources, start=1)
        ]
    return "\n".join(out) + "\n"


def _link(source: Source) -> str | None:
    """The source's link, if it is one that can be written as it is (leaddocs builds them
    from the forge's address; anything else is shown as text)."""
    return source.url if source.url and _SAFE_URL.match(source.url) else None


def _md_source(source: Source) -> str:
    label = md_text(source.label)
    link = _link(source)
    if link:
        label = f"[{label}]({link})"
    return label + (f": {md_text(source.where)}" if source.where else "")


def email(drafted: Drafted) -> str:
    """Plain text to paste into a mail: a Subject line, short paragraphs wrapped at 72
    columns, no Markdown."""
    glossary = Glossary()
    citations = _Citations(drafted)

    def text(value: str) -> str:
        return printable(glossary.gloss(value))

    brief = drafted.brief
    out = [f"Subject: {printable(brief.title)} (a brief for {brief.audience})", ""]
    out += [_wrap(text(_opening(drafted)))]
    for title, is_summary, lines in _sections(drafted):
        out += ["", f"{title}:"]
        for line in lines:
            said = text(line.text) + _cite(citations.numbers(line))
            out += ["", _wrap(said)] if is_summary else [_wrap(said, bullet=True)]
    if citations.sources:
        out += ["", "Sources:"]
        out += [
            _wrap(f"[{number}] {_plain_source(source, printable)}", hang=len(f"[{number}] "))
            for number, source in enumerate(citations.sources, start=1)
        ]
    return "\n".join(out) + "\n"


def _plain_source(source: Source, clean: Callable[[str], str]) -> str:
    said = clean(source.label)
    if source.where:
        said += f", {clean(source.where)}"
    link = _link(source)
    if link:
        said += f": {link}"
    return said


def _wrap(text: str, *, bullet: bool = False, hang: int = 0) -> str:
    """``text`` wrapped at ``WIDTH`` columns (a wide character takes two); a link stays whole
    on a line of its own, and a run with no space (Chinese, Japanese) is cut where it must."""
    lines: list[str] = []
    line = "- " if bullet else ""
    indent = " " * (2 if bullet else hang)
    started = False  # whether the line holds a word yet (past its bullet or indent)
    for word in text.split():
        for piece in _pieces(word, WIDTH - len(indent)):
            joined = f"{line} {piece}" if started else line + piece
            if started and _columns(joined) > WIDTH:
                lines.append(line)
                joined = indent + piece
            line, started = joined, True
    lines.append(line)
    return "\n".join(lines)


def _pieces(word: str, room: int) -> list[str]:
    if _columns(word) <= room or _SAFE_URL.match(word):
        return [word]
    pieces, piece = [], ""
    for char in word:
        if _columns(piece + char) > room:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
