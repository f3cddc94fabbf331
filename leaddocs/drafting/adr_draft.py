"""A new ADR drafted from source material (notes, an issue or a discussion pasted into a file).

The manifest is the source's paragraphs, each with a line-range id (``L3-L7``). The model fills
the MADR sections with bullets citing those ranges; a range outside the source is rejected, and
every statement is printed with its citation so a reviewer can check it against the quoted
source. Without a model, the MADR template is filled and the source is quoted under Context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaddocs.drafting.base import Bullet, Draft, Drafter, DraftRequest, DraftSection, ManifestItem
from leaddocs.drafting.redact import redact
from leaddocs.drafting.report import DraftReport
from leaddocs.markup import md_text

CONTEXT = "Context and Problem Statement"
DRIVERS = "Decision Drivers"
OPTIONS = "Considered Options"
OUTCOME = "Decision Outcome"
CONSEQUENCES = "Consequences"
OPTION_PREFIX = "Option: "
PROS_AND_CONS = "Pros and Cons of the Options"
MORE_INFORMATION = "More Information"

INSTRUCTIONS = (
    f'Use these section titles: "{CONTEXT}", "{DRIVERS}", "{OPTIONS}" (one bullet per option, '
    f'its name only), one section "{OPTION_PREFIX}<name>" per option with bullets starting '
    f'"Good, because" or "Bad, because", "{OUTCOME}" (one bullet "Chosen option: <name>, '
    f'because …", only if the source says what was chosen) and "{CONSEQUENCES}" (bullets '
    '"Good, because" / "Bad, because"). Cite the line-range ids of the source paragraphs each '
    "statement comes from. Leave out a section the source says nothing about; never guess."
)

_MARKER = re.compile(r"\[REDACTED:([\w-]+)\]")
_RANGE = re.compile(r"^L(\d+)(?:\s*[-\u2013]\s*L?(\d+))?$")  # L3, L3-L7, L3-7
NOT_IN_SOURCE = "_Not in the source: to be written._"
SOURCE_CHUNK = 500  # characters of source per manifest item: within the default body limit


@dataclass(slots=True)
class AdrDraft:
    sections: dict[str, str]  # MADR section title -> its Markdown, for the ADR template
    report: DraftReport


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    lines: list[str]
    redacted: tuple[str, ...] = ()  # where secrets were taken out: "notes.md:3 (password)"

    @classmethod
    def of(cls, name: str, text: str) -> Source:
        # Secrets stay out of the ADR too: it will be committed and published. Redaction keeps
        # every line break, so line N of the source is line N of the file.
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
        item_id = f"L{first}" if first == last else f"L{first}-L{last}"
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

    def quoted(self) -> str:
        return "\n".join(f"> {md_text(line)}".rstrip() for line in self.lines)

    def listing(self) -> str:
        """The source with line numbers, fenced so nothing in it renders as Markdown."""
        longest = max((len(run) for run in re.findall(r"`+", "\n".join(self.lines))), default=0)
        fence = "`" * max(3, longest + 1)
        width = len(str(len(self.lines)))
        numbered = "\n".join(
            f"{n:>{width}} | {line}".rstrip() for n, line in enumerate(self.lines, 1)
        )
        return f"{fence}text\n{numbered}\n{fence}"


def _redacted_kinds(before: str, after: str) -> list[str]:
    """The kinds of the markers redaction put in a line (not those it already held)."""
    found = _MARKER.findall(after)
    for kind in _MARKER.findall(before):
        found.remove(kind)
    return list(dict.fromkeys(found))


def draft_adr(source: Source, drafter: Drafter) -> AdrDraft:
    """The MADR sections for ``source``: the model's grounded ones, or the source quoted."""
    request = DraftRequest(
        document="architecture decision record (MADR)",
        items=source.paragraphs(),
        instructions=INSTRUCTIONS,
        also_valid=lambda item_id: source.span(item_id) is not None,
    )
    outcome = drafter.draft(request)
    outcome.report.source_redactions(source.redacted)
    if outcome.report.drafter == "template" or not _has_bullets(outcome.draft):
        # Nothing grounded came back: the template and the quoted source are the draft.
        return AdrDraft(template_sections(source), outcome.report)
    return AdrDraft(model_sections(source, outcome.draft), outcome.report)


def _has_bullets(draft: Draft) -> bool:
    return any(section.bullets for section in draft.sections)


def template_sections(source: Source) -> dict[str, str]:
    """The source quoted under Context; the template's placeholders stay for a person to fill."""
    quoted = f"Drafted from {md_text(source.name)}; the source, quoted:\n\n{source.quoted()}"
    return {CONTEXT: quoted}


def model_sections(source: Source, draft: Draft) -> dict[str, str]:
    """MADR sections from the model's draft; every statement followed by its citation."""
    by_title: dict[str, list[Bullet]] = {}
    options: list[DraftSection] = []
    extra: list[DraftSection] = []
    for section in draft.sections:
        title = section.title.strip()
        if title.lower().startswith(OPTION_PREFIX.lower()):
            options.append(section)
        elif title in (CONTEXT, DRIVERS, OPTIONS, OUTCOME, CONSEQUENCES):
            by_title.setdefault(title, []).extend(section.bullets)
        else:
            extra.append(section)
    sections = {
        title: "\n".join(_bullet(source, bullet) for bullet in by_title[title])
        if by_title.get(title)
        else NOT_IN_SOURCE
        for title in (CONTEXT, DRIVERS, OPTIONS, OUTCOME, CONSEQUENCES)
    }
    if options:
        sections[PROS_AND_CONS] = "\n\n".join(
            _subsection(
                source, section.title.strip()[len(OPTION_PREFIX) :].strip() or "Option", section
            )
            for section in options
        )
    more = [_subsection(source, section.title, section) for section in extra]
    more += [
        f"Drafted by leaddocs from {md_text(source.name)}. Each statement cites the source "
        "lines it rests on; check them, then finish the record.",
        # A heading, not a <details> block: the site shows an ADR's raw HTML as text.
        f"### Source: {md_text(source.name)}\n\n{source.listing()}",
    ]
    sections[MORE_INFORMATION] = "\n\n".join(more)
    return sections


def _subsection(source: Source, title: str, section: DraftSection) -> str:
    bullets = "\n".join(_bullet(source, bullet) for bullet in section.bullets)
    return f"### {md_text(title)}\n\n{bullets}"


def _bullet(source: Source, bullet: Bullet) -> str:
    spans = [source.span(item_id) for item_id in bullet.ids]
    cited = ", ".join(
        f"L{first}" if first == last else f"L{first}-L{last}"
        for first, last in (span for span in spans if span is not None)
    )
    return f"* {md_text(bullet.text)} (source {cited})"
