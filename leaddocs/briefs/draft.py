"""A brief's words: its facts as they are (offline), or rewritten by a model for the reader.

The model gets the facts as a manifest (each fact an item with its id, its section and, for
context, more of its source) and writes plain sentences citing the ids. The drafting engine
holds the answer to the manifest: an invented id is rejected, a required fact left out comes
back in the deterministic words, and the report says both. Every line of a brief, either way,
names the facts it restates, so the rendered brief cites its sources sentence by sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from leaddocs.briefs.model import Audience, Brief, Fact, Part, Source
from leaddocs.drafting.base import Drafter, DraftRequest, ManifestItem
from leaddocs.drafting.redact import redact
from leaddocs.drafting.report import DraftReport

TONES: dict[Audience, str] = {
    "leadership": (
        "Write for executives: cost, risk, timeline and what is asked of them come first; "
        "short plain sentences; no jargon, no code names."
    ),
    "product": (
        "Write for product managers: what users will notice, what to tell them and when; "
        "plain words, no implementation detail."
    ),
    "legal": (
        "Write for the legal team: personal data, privacy, licences, security, compliance and "
        "contracts; precise plain words; no speculation beyond the items."
    ),
    "customers": (
        "Write for customers: what changes for them and what they must do; friendly plain "
        "words; no internal names, people, teams or code names."
    ),
}

INSTRUCTIONS = (
    "Rewrite the items as a one-page brief in plain language for a reader who is not an "
    "engineer. Use exactly these section titles, in this order: {titles}; each item's "
    '"section" says where it belongs. One or two short sentences per bullet. Avoid technical '
    "words, or explain one in a few plain words. Keep versions, dates, numbers and names "
    "exactly as the items give them. Do not soften a risk or drop an ask."
)


@dataclass(frozen=True, slots=True)
class Line:
    """One statement of the brief and the ids of the facts it restates."""

    text: str
    ids: tuple[str, ...]


@dataclass(slots=True)
class Drafted:
    brief: Brief
    lines: dict[Part, list[Line]] = field(default_factory=dict)
    report: DraftReport | None = None  # when a drafter ran


def as_stated(brief: Brief, report: DraftReport | None = None) -> Drafted:
    """The brief in the deterministic words: every fact, in its section."""
    drafted = Drafted(brief, {part: [] for part in brief.parts}, report)
    for fact in brief.facts:
        drafted.lines[fact.part].append(Line(fact.text, (fact.id,)))
    return drafted


def draft_brief(brief: Brief, drafter: Drafter) -> Drafted:
    """The brief rewritten by ``drafter``, grounded in its facts; the facts as they are when
    nothing grounded came back."""
    items = [
        ManifestItem(
            id=fact.id,
            type=fact.kind,
            subject=fact.text,
            body=fact.detail,
            section=brief.title_of(fact.part),
            required=fact.required,
        )
        for fact in brief.facts
    ]
    titles = ", ".join(f'"{brief.title_of(part)}"' for part in brief.parts)
    request = DraftRequest(
        # Nothing from the repository here: this goes into the rules, not the fenced data.
        document=f"a plain-language brief for {brief.audience}",
        items=items,
        # The engine's own audiences: the nearest tone, which ``tone`` then makes exact.
        audience="customers" if brief.audience == "customers" else "leadership",
        instructions=INSTRUCTIONS.format(titles=titles),
        tone=TONES[brief.audience],
    )
    outcome = drafter.draft(request)
    if outcome.report.drafter == "template" or outcome.report.drafted == 0:
        return as_stated(brief, outcome.report)
    part_of = {fact.id: fact.part for fact in brief.facts}
    by_title = {brief.title_of(part).casefold(): part for part in brief.parts}
    drafted = Drafted(brief, {part: [] for part in brief.parts}, outcome.report)
    for section in outcome.draft.sections:
        for bullet in section.bullets:
            ids = tuple(i for i in bullet.ids if i in part_of)
            if not ids:
                continue
            # A section the model named otherwise: where its first fact belongs.
            part = by_title.get(section.title.strip().casefold(), part_of[ids[0]])
            drafted.lines[part].append(Line(bullet.text, ids))
    return drafted


def without_secrets(brief: Brief) -> tuple[Brief, int]:
    """``brief`` with every secret in its facts and sources taken out, and how many there
    were: a brief is read far from the repository (an e-mail, a customer's inbox)."""
    found = 0

    def clean(text: str) -> str:
        nonlocal found
        kept, secrets = redact(text)
        found += len(secrets)
        return kept

    def source(given: Source) -> Source:
        return Source(clean(given.label), given.url, clean(given.where))

    facts = tuple(
        Fact(
            fact.id,
            fact.part,
            clean(fact.text),
            tuple(source(s) for s in fact.sources),
            fact.kind,
            clean(fact.detail),
            fact.required,
        )
        for fact in brief.facts
    )
    return replace(brief, title=clean(brief.title), facts=facts), found
