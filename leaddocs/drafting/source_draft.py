"""A document drafted from source material (notes, an issue or a discussion pasted into a file).

The manifest is the source's paragraphs, each with a line-range id (``L3-L7``). The model fills
the document's sections with bullets citing those ranges; a range outside the source is
rejected, and every statement is printed with its citation so a reviewer can check it against
the quoted source. What each document does without a model is its own: an ADR quotes the
source under Context (``adr_draft.py``); an RFC or a runbook places each part of the source
under the section its heading names (``draft_sections`` below).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from leaddocs.drafting.base import Drafter, DraftOutcome, DraftRequest, ManifestItem
from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from leaddocs.drafting.redact import redact
from leaddocs.drafting.report import DraftReport
from leaddocs.markup import md_text

_MARKER = re.compile(r"\[REDACTED:([\w-]+)\]")
_BLOCK_START = re.compile(r"[ \t]{0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t])")
_RANGE = re.compile(r"^L(\d+)(?:\s*[-\u2013]\s*L?(\d+))?$")  # L3, L3-L7, L3-7
NOT_IN_SOURCE = "_Not in the source: to be written._"
SOURCE_CHUNK = 500  # characters of source per manifest item: within the default body limit


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    lines: list[str]
    redacted: tuple[str, ...] = ()  # where secrets were taken out: "notes.md:3 (password)"

    @classmethod
    def of(cls, name: str, text: str) -> Source:
        # Secrets stay out of the document too: it will be committed and published. Redaction
        # keeps every line break, so line N of the source is line N of the file.
        clean = redact(text)[0].splitlines()
        where = [
            f"{name}:{number} ({', '.join(kinds)})"
            for number, (before, after) in enumerate(
                zip(text.splitlines(), clean, strict=True), start=1
            )
            if (kinds := _redacted_kinds(before, after))
        ]
        return cls(name, clean, tuple(where))

    def paragraphs(self, max_chars: int = SOURCE_CHUNK) -> list[ManifestItem]:
        """The source's paragraphs as items, long ones split into line ranges of ``max_chars``.

        The text travels as the body (a subject is cut at 300 characters); a single line longer
        than the body limit is cut when sent, and the run's report lists it.
        """
        items: list[ManifestItem] = []
        run: list[int] = []  # the line numbers of the range being gathered
        for number, line in enumerate([*self.lines, ""], start=1):
            size = sum(len(self.lines[n - 1]) + 1 for n in run)
            if run and (not line.strip() or size + len(line) > max_chars):
                items.append(self._item(run[0], run[-1]))
                run = []
            if line.strip():
                run.append(number)
        return items

    def _item(self, first: int, last: int) -> ManifestItem:
        text = " ".join(" ".join(self.lines[first - 1 : last]).split())
        item_id = line_range(first, last)
        return ManifestItem(item_id, "source", "", body=text, section="Source", required=False)

    def span(self, item_id: str) -> tuple[int, int] | None:
        """The lines an id names, when they lie in the source and hold some text."""
        match = _RANGE.match(item_id.strip())
        if match is None:
            return None
        first = int(match[1])
        last = int(match[2] or match[1])
        if not 1 <= first <= last <= len(self.lines):
            return None
        if not any(line.strip() for line in self.lines[first - 1 : last]):
            return None
        return first, last

    def quoted(self, first: int = 1, last: int | None = None) -> str:
        """Lines ``first`` to ``last`` (all by default) as a quotation, escaped as text."""
        chosen = self.lines[first - 1 : last]
        quoted: list[str] = []
        after_heading = False
        for line in chosen:
            # A quotation's lines run together into one paragraph: a list item or heading of
            # the source starts a paragraph of its own, so steps stay one to a line, and the
            # text under a heading does not run on from its title.
            if quoted and quoted[-1] != ">" and (after_heading or _BLOCK_START.match(line)):
                quoted.append(">")
            after_heading = _ATX.match(line) is not None
            quoted.append(f"> {md_text(line)}".rstrip())
        return "\n".join(quoted)

    def listing(self) -> str:
        """The source with line numbers, fenced so nothing in it renders as Markdown."""
        longest = max((len(run) for run in re.findall(r"`+", "\n".join(self.lines))), default=0)
        fence = "`" * max(3, longest + 1)
        width = len(str(len(self.lines)))
        numbered = "\n".join(
            f"{n:>{width}} | {line}".rstrip() for n, line in enumerate(self.lines, 1)
        )
        return f"{fence}text\n{numbered}\n{fence}"


def line_range(first: int, last: int) -> str:
    return f"L{first}" if first == last else f"L{first}-L{last}"


def _redacted_kinds(before: str, after: str) -> list[str]:
    """The kinds of the markers redaction put in a line (not those it already held)."""
    found = _MARKER.findall(after)
    for kind in _MARKER.findall(before):
        found.remove(kind)
    return list(dict.fromkeys(found))


def ask(source: Source, drafter: Drafter, document: str, instructions: str) -> DraftOutcome:
    """The drafter's answer for ``source``'s paragraphs, with the source's redactions counted."""
    request = DraftRequest(
        document=document,
        items=source.paragraphs(),
        instructions=instructions,
        also_valid=lambda item_id: source.span(item_id) is not None,
    )
    outcome = drafter.draft(request)
    outcome.report.source_redactions(source.redacted)
    return outcome


def grounded(outcome: DraftOutcome) -> bool:
    """Whether a model answered with at least one grounded statement."""
    drafted = outcome.report.drafter != "template"
    return drafted and any(section.bullets for section in outcome.draft.sections)


def cited(source: Source, bullet: Bullet, marker: str = "*") -> str:
    """One statement as a list item, followed by the source lines it rests on."""
    spans = [source.span(item_id) for item_id in bullet.ids]
    cites = ", ".join(line_range(*span) for span in spans if span is not None)
    return f"{marker} {md_text(bullet.text)} (source {cites})"


def subsection(source: Source, title: str, section: DraftSection) -> str:
    bullets = "\n".join(cited(source, bullet) for bullet in section.bullets)
    return f"### {md_text(title)}\n\n{bullets}"


def provenance(source: Source) -> list[str]:
    """What a model-drafted document says about where it came from, and the source itself."""
    return [
        f"Drafted by leaddocs from {md_text(source.name)}. Each statement cites the source "
        "lines it rests on; check them, then finish the document.",
        # A heading, not a <details> block: the site shows an ADR's raw HTML as text.
        f"### Source: {md_text(source.name)}\n\n{source.listing()}",
    ]


# --- Documents of plain sections: RFCs and runbooks ----------------------------------------


@dataclass(frozen=True, slots=True)
class Shape:
    """A document of plain sections, as drafting sees it."""

    document: str  # what the model is told it drafts: "request for comments (RFC)"
    sections: tuple[str, ...]  # the section titles, in order
    fallback: str  # offline: source text under no known heading is quoted here
    # Other headings a source may use for a section: "Background" for "Motivation".
    aliases: Mapping[str, str] = field(default_factory=dict)
    numbered: frozenset[str] = frozenset()  # sections whose statements are ordered steps
    more: str = "Source material"  # where a model draft's provenance and stray sections go

    def section_for(self, heading: str) -> str | None:
        """The section a heading of the source (or a model's section title) names."""
        key = _heading_key(heading)
        by_key = {_heading_key(title): title for title in self.sections}
        by_key |= {_heading_key(alias): title for alias, title in self.aliases.items()}
        return by_key.get(key)

    def instructions(self) -> str:
        titles = ", ".join(f'"{title}"' for title in self.sections)
        numbered = "".join(
            f' Under "{title}", one bullet per step, in the order they are done.'
            for title in self.sections
            if title in self.numbered
        )
        return (
            f"Use these section titles: {titles}.{numbered} Cite the line-range ids of the "
            "source paragraphs each statement comes from. Leave out a section the source says "
            "nothing about; never guess."
        )


@dataclass(slots=True)
class SectionsDraft:
    sections: dict[str, str]  # section title -> its Markdown, for the document's template
    report: DraftReport


def draft_sections(source: Source, drafter: Drafter, shape: Shape) -> SectionsDraft:
    """``shape``'s sections for ``source``: the model's grounded ones, or the source placed
    under the sections its headings name."""
    outcome = ask(source, drafter, shape.document, shape.instructions())
    if not grounded(outcome):
        return SectionsDraft(placed_by_heading(source, shape), outcome.report)
    return SectionsDraft(model_sections(source, outcome.draft, shape), outcome.report)


# Greedy, its closing hashes stripped after: a lazy match re-scans a run of blanks per character.
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*\S)")
# "Rollback:" or "**Steps:**" alone on its line, or leading one: "Risks: the cluster costs money".
_LABEL = re.compile(r"^[*_]{0,2}([^\W\d][^:*_]{0,48})[*_]{0,2}:[*_]{0,2}(?:(?P<alone>$)|[ \t]+\S)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _heading_key(text: str) -> str:
    """A heading as it is compared: lowercase words, no emphasis, numbering or punctuation."""
    words = re.sub(r"[\W_]+", " ", text.casefold())
    return re.sub(r"^\d+ ", "", " ".join(words.split()))


def placed_by_heading(source: Source, shape: Shape) -> dict[str, str]:
    """Each part of the source quoted under the section its heading (``## Rollback`` or a
    ``Rollback:`` line) names, with the lines it came from; the rest under ``shape.fallback``.
    Deterministic: nothing is reworded, and a section the source has no part for keeps the
    template's guidance for a person to follow."""
    parts: dict[str, list[tuple[int, int]]] = {}
    target = shape.fallback
    first: int | None = None  # the first and last line with text since the last heading
    last = 0
    fence: str | None = None
    for number, line in enumerate(source.lines, start=1):
        section, topic = None, False
        opening = _FENCE.match(line)
        if fence is not None:  # a fence's lines are text, headings or not, up to its close
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
        elif opening:
            fence = opening[1]
        else:
            heading = _ATX.match(line)
            label = None if heading else _LABEL.match(line.strip())
            named = heading or label
            section = shape.section_for(named[1].rstrip(" \t#")) if named else None
            topic = heading is not None
        if section is not None or topic:
            # A heading the shape knows starts its section; any other heading, a new topic.
            if first is not None:
                parts.setdefault(target, []).append((first, last))
            target, first = section or shape.fallback, None
            if section is not None and (heading or (label and label["alone"] is not None)):
                continue  # the heading alone: its section's title says it
        if line.strip():
            first = number if first is None else first
            last = number
    if first is not None:
        parts.setdefault(target, []).append((first, last))
    return {
        title: "\n\n".join(
            f"From {md_text(source.name)}, {_lines_named(first, last)}:\n\n"
            f"{source.quoted(first, last)}"
            for first, last in spans
        )
        for title, spans in parts.items()
    }


def _lines_named(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def model_sections(source: Source, draft: Draft, shape: Shape) -> dict[str, str]:
    """``shape``'s sections from the model's draft, every statement followed by its citation;
    sections the model named otherwise, and the source itself, under ``shape.more``."""
    by_title: dict[str, list[Bullet]] = {}
    extra: list[DraftSection] = []
    for section in draft.sections:
        title = shape.section_for(section.title)
        if title is None:
            extra.append(section)
        else:
            by_title.setdefault(title, []).extend(section.bullets)
    sections: dict[str, str] = {}
    for title in shape.sections:
        bullets = by_title.get(title, [])
        steps = title in shape.numbered
        sections[title] = (
            "\n".join(
                cited(source, bullet, f"{n}." if steps else "*")
                for n, bullet in enumerate(bullets, start=1)
            )
            if bullets
            else NOT_IN_SOURCE
        )
    more = [subsection(source, section.title, section) for section in extra if section.bullets]
    sections[shape.more] = "\n\n".join([*more, *provenance(source)])
    return sections
