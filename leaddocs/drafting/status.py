"""A status page's narrative drafted through a Drafter, grounded like the release notes.

The manifest holds every fact of the page with a stable id (changes, work in flight, risks,
decisions, lines of the notes); the model writes a few sentences for one audience, each citing
ids. An id the manifest lacks is rejected and an item left out is filled back by the engine;
the report says both. The notes are grounding here, never instructions.
"""

from __future__ import annotations

from dataclasses import dataclass

from leaddocs.drafting.base import Audience, Drafter, DraftRequest, ManifestItem
from leaddocs.drafting.report import DraftReport
from leaddocs.status.summary import Narrative, NarrativeLine, Source, StatusSummary

INSTRUCTIONS = (
    "Write a short status update: one section, a handful of sentences, most important first "
    "(health, then risks and blockers, then what shipped, then what is next). Each sentence "
    "cites the ids of the items it speaks for. Only items marked required must be cited; "
    "combine related items in one sentence. Say nothing the items do not say."
)


@dataclass(slots=True)
class DraftedNarrative:
    narrative: Narrative
    report: DraftReport


def manifest(
    page: StatusSummary, audience: Audience = "engineering"
) -> tuple[list[ManifestItem], dict[str, Source]]:
    """The facts of ``page`` its ``audience`` should read, each with an id, and each id's source.

    Customers read what shipped for them and the health, never the team's internal risks, notes,
    work in flight or decisions (what the model is not given, it cannot tell); leadership reads
    all but the work in flight, and only features and breaking changes of what shipped are
    required there.
    """
    internal = audience == "customers"
    items: list[ManifestItem] = []
    sources: dict[str, Source] = {}

    def add(
        key: str, kind: str, subject: str, section: str, source: Source, *, required: bool
    ) -> None:
        if key in sources:
            return
        sources[key] = source
        items.append(ManifestItem(key, kind, subject, section=section, required=required))

    if page.health.why is not None and not internal:
        add(
            "health",
            "health",
            f"{page.health.value}: {page.health.why.text}",
            "Health",
            page.health.why.source,
            required=True,
        )
    for risk in [] if internal else page.risks:
        add(f"risk-{len(sources)}", risk.kind, risk.text, "Risks", risk.source, required=True)
    for item in page.shipped:
        kind = (item.type or "change") + ("!" if item.breaking else "")
        important = item.breaking or item.type == "feat"
        add(item.id, kind, item.title, "Shipped", item.source, required=important)
    for work in page.in_flight if audience == "engineering" else []:
        # Its own prefix: an open pull request may share a number a merge cited ("(#10)").
        add(f"open-{work.id}", "in flight", work.title, "In flight", work.source, required=False)
    for adr in [] if internal else page.decisions:
        add(
            f"adr-{adr.id}",
            f"decision ({adr.status})",
            adr.title,
            "Decisions",
            adr.source,
            required=True,
        )
    for line in [] if internal else page.next:
        add(f"next-{len(sources)}", "next", line.text, "Next", line.source, required=True)
    return items, sources


def draft_narrative(page: StatusSummary, drafter: Drafter, audience: Audience) -> DraftedNarrative:
    items, sources = manifest(page, audience)
    request = DraftRequest(
        document="status update", items=items, audience=audience, instructions=INSTRUCTIONS
    )
    outcome = drafter.draft(request)
    lines = [
        NarrativeLine(
            text=bullet.text,
            ids=[key for key in bullet.ids if key in sources],
            sources=[sources[key] for key in bullet.ids if key in sources],
            from_model=not outcome.filled_ids.intersection(bullet.ids),
        )
        for section in outcome.draft.sections
        for bullet in section.bullets
    ]
    if outcome.report.drafted == 0:
        lines = []  # no words from a model: the page itself is the summary
    return DraftedNarrative(Narrative(audience=audience, lines=lines), outcome.report)
