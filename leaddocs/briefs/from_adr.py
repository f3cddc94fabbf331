"""A decision record as a brief: what was decided and why, the upside the reader cares about,
the downsides, and what the reader is asked to do given where the decision stands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from leaddocs.adr.model import Adr
from leaddocs.adr.sections import DecisionText, Statement, chosen, chosen_option, plain_inline
from leaddocs.briefs.internal import Screen
from leaddocs.briefs.lenses import LENSES, topics
from leaddocs.briefs.model import Audience, Brief, Fact, Part, Source
from leaddocs.briefs.words import listed, sentence

UPSIDES = 3  # required upsides: the rest may be left out by a model
DOWNSIDES = 4
SHOWN = 6  # statements of one kind in a one-page brief, at the most

_STATUS: dict[str, str] = {
    "accepted": "It was accepted{on}: the decision is in force.",
    "proposed": "It is proposed{since}, not decided yet: it can still change.",
    "draft": "It is an early draft{since}, not yet proposed for a decision.",
    "rejected": "It was rejected{on}: the team considered it and decided against it.",
    "deprecated": "It was deprecated{on}: the decision is no longer followed.",
    "superseded": "It was superseded{on}: a later decision replaced it{by}.",
}
_CHECKS: dict[Audience, str] = {
    "leadership": "cost, staffing, timeline or vendors",
    "product": "users or anything they see",
    "legal": "personal data, privacy, licences, security, compliance or contracts",
    "customers": "",
}


@dataclass(frozen=True, slots=True)
class Record:
    """The record and what the brief needs around it."""

    adr: Adr
    said: DecisionText
    url: str | None  # the record on the forge, when known
    replaced_by: Sequence[tuple[str, str]] = ()  # (id, title) of the records superseding it
    people: Sequence[str] = ()  # the repository's authors: names a customer is not told
    internal: DecisionText | None = None  # what the brief for customers leaves out

    @property
    def all_internal(self) -> bool:
        """Everything the record says stays inside the team."""
        return self.internal is not None and bool(self.internal.said) and not self.said.said


def adr_brief(record: Record, audience: Audience) -> Brief:
    adr = record.adr
    left_out: tuple[str, ...] = ()
    if audience == "customers":
        screen = Screen([*adr.decision_makers, *adr.consulted, *adr.informed, *record.people])
        kept, internal = _screened(record.said, screen)
        record = replace(record, said=kept, internal=internal)
        left_out = screen.summary()
    facts = [
        *_summary(record, audience),
        *_what(record, audience),
        *_why(record, audience),
        *_risks(record, audience),
        *_asks(record, audience),
    ]
    label = "a decision record" if audience == "customers" else f"decision record ADR {adr.id}"
    return Brief(
        kind="adr",
        audience=audience,
        title=plain_inline(adr.title) or adr.title,
        about=label,
        slug=f"adr-{adr.id}-{audience}",
        facts=tuple(facts),
        left_out=left_out,
    )


def _screened(said: DecisionText, screen: Screen) -> tuple[DecisionText, DecisionText]:
    """The statements a customer may read, and those left out. A decision whose reason is
    internal ("Chosen option: "X", because it saves $2,000") keeps its option."""
    kept, internal = DecisionText(), DecisionText()
    for kind in ("context", "decision", "options", "good", "bad", "neutral", "confirmation"):
        for statement in getattr(said, kind):
            if screen.keeps(statement.text):
                getattr(kept, kind).append(statement)
                continue
            getattr(internal, kind).append(statement)
            option = chosen_option(statement.text) if kind == "decision" else None
            if option is not None and screen.why(option) is None:
                getattr(kept, kind).append(replace(statement, text=f"Chosen option: {option}"))
    return kept, internal


def _source(record: Record, audience: Audience, section: str, line: int) -> Source:
    adr = record.adr
    if audience == "customers":  # no internal names: not the record's number, nor its file
        return Source(f"the decision record, {section}")
    return Source(f"ADR {adr.id}, {section}", record.url, f"{adr.rel} line {line}")


def _cited(record: Record, audience: Audience, statement: Statement) -> Source:
    return _source(record, audience, statement.section, statement.line)


def _whole(record: Record, audience: Audience) -> Source:
    return _source(record, audience, "the whole record", 1)


def _summary(record: Record, audience: Audience) -> list[Fact]:
    adr, said = record.adr, record.said
    if said.decision:
        first = said.decision[0]
        decision = Fact(
            "decision",
            "summary",
            sentence(chosen(first.text)),
            (_cited(record, audience, first),),
            kind="decision",
            detail=" ".join(s.text for s in said.decision),
        )
    else:
        decision = Fact(
            "decision",
            "summary",
            _unsaid(record),
            (_whole(record, audience),),
            kind="decision",
        )
    status_source = _source(record, audience, "status", adr.line_of("status"))
    return [decision, Fact("status", "summary", _status(record, audience), (status_source,))]


def _unsaid(record: Record) -> str:
    """Why the brief does not say what was decided."""
    if record.all_internal:
        return (
            "Everything this decision record says is internal to the team (the people, costs "
            "and staffing it names), so this brief has nothing more to tell you."
        )
    if record.internal is not None and record.internal.decision:
        return "What was decided is said in terms internal to the team, so it is not repeated here."
    return "The record does not say what was decided: its decision outcome is not written yet."


def _status(record: Record, audience: Audience) -> str:
    adr = record.adr
    template = _STATUS.get(adr.status)
    if template is None:
        raw = f" (it says {adr.status_raw!r})" if adr.status_raw else ""
        return f"The record does not say whether this was decided{raw}."
    by = ""
    if record.replaced_by and audience != "customers":
        by = ": " + listed([f"ADR {i}, {title}" for i, title in record.replaced_by])
    on = f" on {adr.date}" if adr.date else ""
    text = template.format(on=on, since=f" since {adr.date}" if adr.date else "", by=by)
    if adr.decision_makers and audience != "customers":
        text += f" Decision makers: {listed(adr.decision_makers)}."
    return text


@dataclass(frozen=True, slots=True)
class _Kind:
    """One kind of statement as the brief says it: its ids, its section, how it starts."""

    key: str  # the ids: "good-1", "good-2", …
    part: Part
    prefix: str
    required: int  # the first this many are required; the model may leave out the rest


def _said(
    record: Record, audience: Audience, kind: _Kind, statements: list[Statement]
) -> list[Fact]:
    return [
        Fact(
            f"{kind.key}-{number}",
            kind.part,
            sentence(f"{kind.prefix}{statement.text}"),
            (_cited(record, audience, statement),),
            kind=kind.key,
            required=number <= kind.required,
        )
        for number, statement in enumerate(statements[:SHOWN], start=1)
    ]


def _what(record: Record, audience: Audience) -> list[Fact]:
    said = record.said
    facts = _said(record, audience, _Kind("context", "what", "Why it came up: ", 1), said.context)
    if said.options:
        names = [statement.text.rstrip(".") for statement in said.options[:SHOWN]]
        facts.append(
            Fact(
                "options",
                "what",
                f"Options considered: {'; '.join(names)}.",
                tuple(_cited(record, audience, s) for s in said.options[:SHOWN]),
                kind="options",
            )
        )
    also = _Kind("also-decided", "what", "Also decided: ", 0)
    check = _Kind("confirmation", "what", "How the team will check it works: ", 0)
    facts += _said(record, audience, also, said.decision[1:])
    facts += _said(record, audience, check, said.confirmation)
    return facts


def _by_lens(statements: list[Statement], audience: Audience) -> list[Statement]:
    lens = LENSES[audience]
    return sorted(statements, key=lambda s: -len(topics(s.text, lens)))


def _why(record: Record, audience: Audience) -> list[Fact]:
    said = record.said
    facts = _said(
        record, audience, _Kind("good", "why", "Upside: ", UPSIDES), _by_lens(said.good, audience)
    )
    facts += _said(record, audience, _Kind("neutral", "why", "Also: ", 0), said.neutral)
    check = _CHECKS[audience]
    internal = record.internal
    if check:  # what the reader looks for comes first: found, or not there at all
        facts.insert(0, _lens_fact(record, audience, check))
    elif not facts and not record.all_internal:
        kept_back = internal is not None and bool(internal.good or internal.neutral)
        facts.append(
            Fact(
                "no-upside",
                "why",
                "The benefits the record lists are internal to the team."
                if kept_back
                else "The record lists no benefits beyond the decision itself.",
                (_whole(record, audience),),
            )
        )
    return facts


def _lens_fact(record: Record, audience: Audience, check: str) -> Fact:
    """What of the reader's concerns the record mentions, and where; or that it mentions none
    (a reader learns as much from that)."""
    lens = LENSES[audience]
    hits = [(s, topics(s.text, lens)) for s in record.said.said]
    hits = [(s, found) for s, found in hits if found]
    if not hits:
        return Fact(
            "for-you",
            "why",
            f"The record does not mention {check}.",
            (_whole(record, audience),),
            kind="scan",
        )
    names = list(dict.fromkeys(name for _, found in hits for name in found))
    sections = list(dict.fromkeys(s.section for s, _ in hits))
    return Fact(
        "for-you",
        "why",
        f"For you: the record mentions {listed(names)} (in {listed(sections)}).",
        tuple(_cited(record, audience, s) for s, _ in hits[:SHOWN]),
        kind="scan",
    )


def _risks(record: Record, audience: Audience) -> list[Fact]:
    adr, said = record.adr, record.said
    downside = _Kind("bad", "risks", "Downside: ", DOWNSIDES)
    facts = _said(record, audience, downside, _by_lens(said.bad, audience))
    status_source = _source(record, audience, "status", adr.line_of("status"))
    if adr.status in ("proposed", "draft"):
        facts.append(
            Fact(
                "undecided",
                "risks",
                "It is not decided yet: what is described here may still change.",
                (status_source,),
                kind="risk",
            )
        )
    elif adr.status in ("superseded", "deprecated"):
        facts.append(
            Fact(
                "replaced",
                "risks",
                "It no longer applies: plans that rest on it should follow the decision that "
                "replaced it.",
                (status_source,),
                kind="risk",
            )
        )
    if not facts and not record.all_internal:
        kept_back = record.internal is not None and bool(record.internal.bad)
        facts.append(
            Fact(
                "no-downside",
                "risks",
                "The downsides the record names are internal to the team."
                if kept_back
                else "The record names no downsides.",
                (_whole(record, audience),),
            )
        )
    return facts


def _asks(record: Record, audience: Audience) -> list[Fact]:
    adr = record.adr
    status = _source(record, audience, "status", adr.line_of("status"))
    open_question = adr.status in ("proposed", "draft")
    in_force = adr.status == "accepted"
    makers = listed(adr.decision_makers) if adr.decision_makers else "the team"
    found = topics(" ".join(s.text for s in record.said.said), LENSES[audience])
    text: str
    if audience == "customers":
        text = (
            "Nothing yet: this is a proposal, and you will hear from us if it goes ahead."
            if open_question
            else "Nothing: no action is needed from you."
        )
    elif open_question:
        text = {
            "leadership": f"Say whether you support it, or raise concerns with {makers}, "
            "before it is decided.",
            "product": f"Tell {makers} before it is decided if it changes anything promised "
            "to users.",
            "legal": f"Tell {makers} before it is decided whether it needs a legal review.",
        }[audience]
    elif in_force and found:
        text = {
            "leadership": f"Check the points on {listed(found)} against your plans, and raise "
            f"any conflict with {makers}.",
            "product": f"Decide whether users need to hear about it ({listed(found)}), and when.",
            "legal": f"Review the points on {listed(found)}, and tell {makers} if anything "
            "must change.",
        }[audience]
    else:
        text = "Nothing: this is for your information."
    part: Part = "asks"
    return [Fact("ask", part, text, (status,), kind="ask")]
