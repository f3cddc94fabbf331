"""The account of one drafting run: what the model drafted, what history filled, what it cost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from leaddocs.textsafe import printable


@dataclass(slots=True)
class DraftReport:
    drafter: str = "template"
    model: str | None = None
    items: int = 0
    drafted: int = 0  # required items the model's draft covers
    filled: list[str] = field(default_factory=list)  # items added back from history
    rejected_ids: list[str] = field(default_factory=list)  # ids the manifest lacks
    flagged: list[str] = field(default_factory=list)  # bullets that tried links, HTML, mentions
    omitted: list[str] = field(default_factory=list)  # optional items the model left out
    redactions: int = 0  # secrets taken out of the data before it was sent
    redacted: list[str] = field(default_factory=list)  # where in a source file: "notes.md:3 (…)"
    not_sent: list[str] = field(default_factory=list)  # items never sent (budget, or stopped)
    stopped: list[str] = field(default_factory=list)  # of not_sent: the run stopped before them
    budget_note: str | None = None  # why the budget left no room, when it did not
    trimmed: list[str] = field(default_factory=list)  # items cut to their limit before sending
    uncited: int = 0  # bullets dropped because they cite no id
    broad: int = 0  # bullets dropped because they cite more ids than max_ids_per_bullet
    max_ids_per_bullet: int | None = None
    duplicate_bullets: int = 0  # bullets the answer repeated (same words, same ids), dropped
    merged_sections: list[str] = field(default_factory=list)  # titles repeated: "Fixes (2 times)"
    over_limit: list[str] = field(default_factory=list)  # what the answer's limits dropped or cut
    fallbacks: list[str] = field(default_factory=list)  # why the template drafter answered
    retries: int = 0  # requests repeated with a list of violations
    reasked: int = 0  # requests repeated after an answer that could not be read
    requests: int = 0
    cached: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    price_in_per_million: float | None = None
    price_out_per_million: float | None = None
    fatal: str | None = None  # a configuration problem (key, model, endpoint) to exit non-zero on

    def source_redactions(self, where: Sequence[str]) -> None:
        """Count secrets taken out of a source file before drafting (an ADR's notes)."""
        self.redacted.extend(where)
        self.redactions += len(where)

    @property
    def cost(self) -> float | None:
        """The run's cost in the configured currency, when both prices are known."""
        if self.price_in_per_million is None or self.price_out_per_million is None:
            return None
        return (
            self.tokens_in * self.price_in_per_million
            + self.tokens_out * self.price_out_per_million
        ) / 1_000_000

    def summary(self) -> str:
        """The closing line: ``42 items: 40 drafted by model, 2 filled from history, …``."""
        line = (
            f"{self.items} items: {self.drafted} drafted by model, "
            f"{len(self.filled)} filled from history, "
            f"{len(self.rejected_ids)} invented ids rejected"
        )
        if self.omitted:
            line += f", {len(self.omitted)} optional left out"
        return line

    def usage(self) -> str:
        line = (
            f"model {self.model}: {self.requests} requests, {self.cached} from cache, "
            f"{self.tokens_in:,} tokens in, {self.tokens_out:,} out"
        )
        cost = self.cost
        if cost is not None:
            line += f", cost {cost:.4f}"
        return line

    def lines(self) -> list[str]:
        """Everything worth telling the person who asked for the draft, summary last.

        Ids and reasons quote the model and the endpoint, so every line is made printable.
        """
        return [printable(line) for line in self._lines()]

    def _lines(self) -> list[str]:
        where = [f"secrets redacted from the source: {', '.join(self.redacted)}"]
        if self.drafter == "template" and not self.fallbacks:
            # A plain deterministic draft: only what it took out of the source to tell.
            return where if self.redacted else []
        out = [f"template drafter answered: {reason}" for reason in self.fallbacks]
        if self.redacted:
            out.extend(where)
        over = [item_id for item_id in self.not_sent if item_id not in self.stopped]
        if over:
            out.append(f"not sent (over the token budget): {', '.join(over)}")
        if self.budget_note:
            out.append(self.budget_note)
        if self.stopped:
            out.append(f"not sent (the run stopped first): {', '.join(self.stopped)}")
        if self.trimmed:
            out.append(f"cut to fit before sending: {', '.join(self.trimmed)}")
        if self.redactions > len(self.redacted):
            out.append(f"secrets redacted before sending: {self.redactions - len(self.redacted)}")
        if self.rejected_ids:
            out.append(f"invented ids rejected: {', '.join(self.rejected_ids)}")
        if self.filled:
            out.append(f"filled from history: {', '.join(self.filled)}")
        if self.uncited:
            out.append(f"bullets citing no id dropped: {self.uncited}")
        if self.broad:
            out.append(
                f"bullets citing more than {self.max_ids_per_bullet} ids dropped, covering none "
                f"of them (llm.max_ids_per_bullet): {self.broad}"
            )
        out.extend(f"flagged: {flag}" for flag in self.flagged)
        if self.duplicate_bullets:
            out.append(f"duplicate bullets dropped: {self.duplicate_bullets:,}")
        if self.merged_sections:
            merged = ", ".join(self.merged_sections)
            out.append(f"sections repeated in the answer, merged: {merged}")
        if self.over_limit:
            out.append(f"answer over its limits: {'; '.join(self.over_limit)}")
        if self.retries:
            out.append(f"retried {self.retries} time(s) with the list of violations")
        if self.reasked:
            out.append(f"asked again {self.reasked} time(s) after an unusable answer")
        if self.model is not None:
            out.append(self.usage())
        out.append(self.summary())
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "drafter": self.drafter,
            "model": self.model,
            "items": self.items,
            "drafted": self.drafted,
            "filled": self.filled,
            "rejected_ids": self.rejected_ids,
            "flagged": self.flagged,
            "omitted": self.omitted,
            "redactions": self.redactions,
            "redacted": self.redacted,
            "not_sent": self.not_sent,
            "uncited": self.uncited,
            "broad": self.broad,
            "duplicate_bullets": self.duplicate_bullets,
            "merged_sections": self.merged_sections,
            "over_limit": self.over_limit,
            "trimmed": self.trimmed,
            "fallbacks": self.fallbacks,
            "requests": self.requests,
            "cached": self.cached,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "cost": self.cost,
        }
