"""A status period as a brief: how the work stands, what went out, what is in the way, and
what the reader can do about it. Customers read only what went out for them: the team's risks,
notes, work in flight and decisions are internal, and what the model is not given it cannot
tell."""

from __future__ import annotations

from collections.abc import Sequence

from leaddocs.briefs.internal import for_reader
from leaddocs.briefs.lenses import LEGAL, topics
from leaddocs.briefs.model import Audience, Brief, Fact, Part
from leaddocs.briefs.model import Source as BriefSource
from leaddocs.briefs.words import count, listed, sentence
from leaddocs.status.summary import Item, Risk, Source, StatusSummary

HIGHLIGHTS = 5
RISKS = 8
REQUIRED_RISKS = 5
NEXT = 5
HELP = 3  # blockers a brief asks for help with, the most urgent first


def _absolute(url: str | None) -> str | None:
    # A page links records relative to itself; a brief goes elsewhere (an e-mail, a PR).
    return url if url and url.lower().startswith(("https://", "http://")) else None


class _Writer:
    def __init__(self, page: StatusSummary, audience: Audience) -> None:
        self.page = page
        self.audience = audience
        self.facts: list[Fact] = []
        self.period = f"{page.since} to {page.until}"
        self.whole = BriefSource(f"status of {self.period}", None, f"{page.repository}")

    def source(self, source: Source, url: str | None = None) -> BriefSource:
        return BriefSource(source.label, _absolute(url or source.url))

    def add(
        self,
        key: str,
        part: Part,
        text: str,
        sources: Sequence[BriefSource] = (),
        *,
        kind: str = "fact",
        required: bool = True,
    ) -> None:
        self.facts.append(
            Fact(key, part, text, tuple(sources) or (self.whole,), kind, "", required)
        )

    @property
    def internal(self) -> bool:
        """Whether the reader may see the team's internal state (everyone but customers)."""
        return self.audience != "customers"

    def summary(self) -> None:
        page = self.page
        health = page.health
        if self.internal:
            text = f"Overall: {health.value}."
            sources: list[BriefSource] = []
            if health.why is not None:
                text += f" In the lead's words: {sentence(health.why.text)}"
                sources.append(self.source(health.why.source))
            elif health.by == "notes":
                text = f"Overall: {health.value}, as the lead set it."
            elif health.reasons:
                text += f" What decided it: {listed(health.reasons)}."
            self.add("health", "summary", text, sources, kind="health")
        merged = next((m for m in page.metrics if m.name == "changes merged"), None)
        went_out = count(len(page.shipped), "change")
        text = f"Between {page.since} and {page.until}, {went_out} went out"
        if merged is not None and merged.previous is not None and self.internal:
            text += f" (the period before: {int(merged.previous)})"
        self.add("period", "summary", text + ".", kind="period")

    def what(self) -> None:
        page = self.page
        for item in page.highlights[:HIGHLIGHTS]:
            word = (
                "Needs action"
                if item.breaking
                else {"feat": "New", "fix": "Fixed"}.get(item.type or "", "Shipped")
            )
            self.add(
                item.id,
                "what",
                sentence(f"{word}: {item.title}"),
                [self.source(item.source)],
                kind="change",
            )
        if not self.internal:
            if not page.highlights:
                self.add("quiet", "what", "No new feature or fix went out in this period.")
            return
        for decision in page.decisions:
            if decision.status == "accepted":
                text = f"Decided: {decision.title}"
            elif decision.status == "proposed":
                text = f"Proposed for a decision: {decision.title}"
            else:
                text = (
                    f"Decision record {decision.change}: {decision.title} (now {decision.status})"
                )
            self.add(
                f"adr-{decision.id}",
                "what",
                sentence(text),
                [self.source(decision.source, decision.web_url)],
                kind="decision",
            )
        for number, line in enumerate(page.next[:NEXT], start=1):
            self.add(
                f"next-{number}",
                "what",
                sentence(f"Next: {line.text}"),
                [self.source(line.source)],
                kind="next",
            )
        if page.in_flight and self.audience in ("leadership", "product"):
            self.add(
                "in-flight",
                "what",
                f"{count(len(page.in_flight), 'piece')} of work "
                f"{'is' if len(page.in_flight) == 1 else 'are'} in progress.",
                kind="in flight",
                required=False,
            )
        if not any(fact.part == "what" for fact in self.facts):
            self.add("quiet", "what", "Nothing notable went out, and no decision was recorded.")

    def why(self) -> None:
        page = self.page
        audience = self.audience
        if audience == "legal":
            self._legal()
            return
        features = [item for item in page.shipped if item.type == "feat"]
        fixes = [item for item in page.shipped if item.type == "fix"]
        if audience == "leadership":
            blockers, risks = len(page.blockers), len(page.only_risks)
            standing = [
                count(number, word)
                for number, word in ((blockers, "blocker"), (risks, "risk"))
                if number
            ]
            verb = "stands" if blockers + risks == 1 else "stand"
            text = (
                f"{listed(standing)} {verb} in the way of the plan."
                if standing
                else "Nothing stands in the way of the plan: no blocker or risk was raised."
            )
            self.add(
                "in-the-way",
                "why",
                text,
                [self.source(r.source) for r in page.risks[:8]],
                kind="risks",
            )
            return
        gains = listed(
            [
                text
                for number, text in (
                    (len(features), count(len(features), "new feature")),
                    (len(fixes), count(len(fixes), "fix", "fixes")),
                )
                if number
            ]
        )
        who = "You get" if audience == "customers" else "Users can see"
        text = (
            f"{who} {gains} from this period."
            if gains
            else (
                "Little changed that "
                + ("you" if audience == "customers" else "users")
                + " can see."
            )
        )
        self.add(
            "for-users",
            "why",
            text,
            [self.source(item.source) for item in (features + fixes)[:8]],
            kind="value",
        )

    def _legal(self) -> None:
        page = self.page
        said: list[tuple[str, str, BriefSource]] = [
            *((f"change-{i.id}", i.title, self.source(i.source)) for i in page.shipped),
            *((f"risk-{n}", r.text, self.source(r.source)) for n, r in enumerate(page.risks, 1)),
            *(
                (f"decision-{d.id}", d.title, self.source(d.source, d.web_url))
                for d in page.decisions
            ),
            *(
                (f"note-{n}", line.text, self.source(line.source))
                for n, line in enumerate([*page.next, *page.notes], 1)
            ),
        ]
        hits = [
            (key, text, src, names) for key, text, src in said if (names := topics(text, LEGAL))
        ]
        for key, text, source, names in hits[:8]:
            self.add(
                f"legal-{key}",
                "why",
                sentence(f"Touches {listed(names)}: {text}"),
                [source],
                kind="legal",
            )
        if not hits:
            self.add(
                "no-legal",
                "why",
                "Nothing in this period mentions personal data, privacy, licences, "
                "security, compliance or contracts.",
                kind="scan",
            )

    def risks(self) -> None:
        page = self.page
        if not self.internal:
            breaking = [item for item in page.shipped if item.breaking]
            for item in breaking[:RISKS]:
                self.add(
                    f"risk-{item.id}",
                    "risks",
                    sentence(f"Needs action: {item.title}"),
                    [self.source(item.source)],
                    kind="breaking",
                )
            if not breaking:
                self.add("no-risk", "risks", "No change in this period needs action from you.")
            return
        ordered: list[Risk] = [*page.blockers, *page.only_risks]
        for number, risk in enumerate(ordered[:RISKS], start=1):
            word = "Blocker" if risk.kind == "blocker" else "Risk"
            self.add(
                f"risk-{number}",
                "risks",
                sentence(f"{word}: {risk.text}"),
                [self.source(risk.source)],
                kind=risk.kind,
                required=number <= REQUIRED_RISKS,
            )
        if not ordered:
            self.add("no-risk", "risks", "No risk or blocker was raised.", kind="scan")

    def asks(self) -> None:
        page = self.page
        made = len(self.facts)
        proposed = [d for d in page.decisions if d.status == "proposed"]
        if self.audience == "customers":
            if any(item.breaking for item in page.shipped):
                self.add(
                    "ask",
                    "asks",
                    "Before you upgrade, read What to watch out for: some changes need you to act.",
                    kind="ask",
                )
        elif self.audience == "leadership":
            for number, blocker in enumerate(page.blockers[:HELP], start=1):
                self.add(
                    f"ask-unblock-{number}",
                    "asks",
                    sentence(f"Help clear this blocker: {blocker.text}"),
                    [self.source(blocker.source)],
                    kind="ask",
                )
        elif self.audience == "product":
            features: list[Item] = [item for item in page.shipped if item.type == "feat"]
            if features:
                self.add(
                    "ask-announce",
                    "asks",
                    "Decide how and when to tell users about the new features.",
                    [self.source(i.source) for i in features[:8]],
                    kind="ask",
                )
        else:
            hits = [risk for risk in page.risks if topics(risk.text, LEGAL)]
            for number, risk in enumerate(hits[:HELP], start=1):
                self.add(
                    f"ask-review-{number}",
                    "asks",
                    sentence(f"Review: {risk.text}"),
                    [self.source(risk.source)],
                    kind="ask",
                )
        if self.internal:
            for decision in proposed[:HELP]:
                self.add(
                    f"ask-adr-{decision.id}",
                    "asks",
                    sentence(f"Weigh in on the proposed decision: {decision.title}"),
                    [self.source(decision.source, decision.web_url)],
                    kind="ask",
                )
        if len(self.facts) == made:
            self.add("ask", "asks", "Nothing: this is for your information.", kind="ask")


def status_brief(page: StatusSummary, audience: Audience, people: Sequence[str] = ()) -> Brief:
    """The brief of ``page`` for ``audience``; for customers, without a statement naming one
    of ``people`` (the names the repository knows) or an @mention, counted in left_out."""
    writer = _Writer(page, audience)
    writer.summary()
    writer.what()
    writer.why()
    writer.risks()
    writer.asks()
    facts, left_out = for_reader(writer.facts, audience, people)
    return Brief(
        kind="status",
        audience=audience,
        title=f"Status of {page.repository}, {page.since} to {page.until}",
        about=f"the status of {page.since} to {page.until}",
        slug=f"status-{page.until}-{audience}",
        facts=facts,
        left_out=left_out,
    )
