"""A new ADR drafted from source material (notes, an issue or a discussion pasted into a file).

The manifest is the source's paragraphs, each with a line-range id (``L3-L7``); the model fills
the MADR sections with bullets citing those ranges (``source_draft.py``: the grounding every
document drafted from source shares). Without a model, each part of the source is quoted under
the MADR section its heading names (``## Options`` under Considered Options, ``Decision:`` under
Decision Outcome), the rest under Context; the template's guidance stays in the other sections.
"""

from __future__ import annotations

from dataclasses import dataclass

from leaddocs.drafting.base import Drafter
from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from leaddocs.drafting.report import DraftReport
from leaddocs.drafting.source_draft import (
    NOT_IN_SOURCE,
    Shape,
    Source,
    ask,
    cited,
    grounded,
    placed_by_heading,
    provenance,
    subsection,
)

__all__ = [
    "NOT_IN_SOURCE",
    "AdrDraft",
    "Source",
    "draft_adr",
    "model_sections",
    "template_sections",
]

CONTEXT = "Context and Problem Statement"
DRIVERS = "Decision Drivers"
OPTIONS = "Considered Options"
OUTCOME = "Decision Outcome"
CONSEQUENCES = "Consequences"
OPTION_PREFIX = "Option: "
PROS_AND_CONS = "Pros and Cons of the Options"
MORE_INFORMATION = "More Information"

# Offline, a part of the source under one of these headings (compared as words) is quoted in
# the section it names; anything else is context.
SHAPE = Shape(
    "architecture decision record (MADR)",
    (CONTEXT, DRIVERS, OPTIONS, OUTCOME, CONSEQUENCES, PROS_AND_CONS, MORE_INFORMATION),
    CONTEXT,
    aliases={
        "context": CONTEXT,
        "problem": CONTEXT,
        "problem statement": CONTEXT,
        "background": CONTEXT,
        "drivers": DRIVERS,
        "forces": DRIVERS,
        "requirements": DRIVERS,
        "constraints": DRIVERS,
        "options": OPTIONS,
        "alternatives": OPTIONS,
        "options considered": OPTIONS,
        "alternatives considered": OPTIONS,
        "decision": OUTCOME,
        "outcome": OUTCOME,
        "chosen option": OUTCOME,
        "resolution": OUTCOME,
        "consequences": CONSEQUENCES,
        "impact": CONSEQUENCES,
        "trade offs": CONSEQUENCES,
        "pros and cons": PROS_AND_CONS,
        "links": MORE_INFORMATION,
        "references": MORE_INFORMATION,
    },
)

INSTRUCTIONS = (
    f'Use these section titles: "{CONTEXT}", "{DRIVERS}", "{OPTIONS}" (one bullet per option, '
    f'its name only), one section "{OPTION_PREFIX}<name>" per option with bullets starting '
    f'"Good, because" or "Bad, because", "{OUTCOME}" (one bullet "Chosen option: <name>, '
    f'because …", only if the source says what was chosen) and "{CONSEQUENCES}" (bullets '
    '"Good, because" / "Bad, because"). Cite the line-range ids of the source paragraphs each '
    "statement comes from. Leave out a section the source says nothing about; never guess."
)


@dataclass(slots=True)
class AdrDraft:
    sections: dict[str, str]  # MADR section title -> its Markdown, for the ADR template
    report: DraftReport


def draft_adr(source: Source, drafter: Drafter) -> AdrDraft:
    """The MADR sections for ``source``: the model's grounded ones, or the source quoted."""
    outcome = ask(source, drafter, "architecture decision record (MADR)", INSTRUCTIONS)
    if not grounded(outcome):
        # Nothing grounded came back: the template and the quoted source are the draft.
        return AdrDraft(template_sections(source), outcome.report)
    return AdrDraft(model_sections(source, outcome.draft), outcome.report)


def template_sections(source: Source) -> dict[str, str]:
    """The source quoted under the sections its headings name (Context for the rest); the
    template's placeholders stay in the others for a person to fill."""
    return placed_by_heading(source, SHAPE)


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
        title: "\n".join(cited(source, bullet) for bullet in by_title[title])
        if by_title.get(title)
        else NOT_IN_SOURCE
        for title in (CONTEXT, DRIVERS, OPTIONS, OUTCOME, CONSEQUENCES)
    }
    if options:
        sections[PROS_AND_CONS] = "\n\n".join(
            subsection(
                source, section.title.strip()[len(OPTION_PREFIX) :].strip() or "Option", section
            )
            for section in options
        )
    more = [subsection(source, section.title, section) for section in extra]
    sections[MORE_INFORMATION] = "\n\n".join([*more, *provenance(source)])
    return sections
