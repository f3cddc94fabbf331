"""The deterministic drafter: every item as one bullet in its own section, in manifest order.

It is the default, needs no network, and is the fallback for anything the model did not draft.
"""

from __future__ import annotations

from leaddocs.drafting.base import DraftOutcome, DraftRequest
from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from leaddocs.drafting.report import DraftReport


class TemplateDrafter:
    name = "template"

    def __init__(self, fatal: str | None = None) -> None:
        # Set when the template answers because the LLM drafter could not be configured.
        self._fatal = fatal

    def draft(self, request: DraftRequest) -> DraftOutcome:
        sections: dict[str, DraftSection] = {}
        for item in request.items:
            section = sections.setdefault(item.section, DraftSection(title=item.section))
            section.bullets.append(Bullet(text=item.subject, ids=[item.id]))
        report = DraftReport(drafter=self.name, items=len(request.items), fatal=self._fatal)
        if self._fatal is not None:
            report.fallbacks.append(self._fatal)
        ids = {item.id for item in request.items}
        return DraftOutcome(Draft(sections=list(sections.values())), report, filled_ids=ids)
