"""The LLM drafter: budgeted requests, cached answers, grounded and sanitised drafts.

Whatever happens at the endpoint, the outcome covers every required item: what the model did
not draft (or could not be asked) comes from the template drafter, and the report says so.
"""

from __future__ import annotations

from pathlib import Path

from leaddocs.config import LlmConfig
from leaddocs.drafting import budget, grounding, prompts
from leaddocs.drafting.base import SCHEMA_VERSION, DraftOutcome, DraftRequest, Progress
from leaddocs.drafting.cache import AnswerCache, CachedAnswer, cache_key
from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from leaddocs.drafting.llm import BadAnswer, ModelClient, Unavailable
from leaddocs.drafting.report import DraftReport
from leaddocs.drafting.sanitize import clean
from leaddocs.drafting.shape import Limits, Shaped, shape
from leaddocs.drafting.template import TemplateDrafter
from leaddocs.errors import DraftingError


class LlmDrafter:
    name = "llm"

    def __init__(
        self,
        settings: LlmConfig,
        *,
        model: str | None = None,
        cache_dir: Path | None,
        progress: Progress | None = None,
    ) -> None:
        # Raises DraftingError at once when there is no endpoint to talk to.
        self._client = ModelClient(settings, model)
        self._settings = settings
        self._cache = AnswerCache(cache_dir)
        self._progress = progress

    def draft(self, request: DraftRequest) -> DraftOutcome:
        settings = self._settings
        fallback = TemplateDrafter().draft(request).draft
        report = DraftReport(
            drafter=self.name,
            model=self._client.model,
            items=len(request.items),
            price_in_per_million=settings.price_in_per_million,
            price_out_per_million=settings.price_out_per_million,
        )
        prepared = prompts.prepare(request.items, settings.body_max_chars)
        report.redactions = prepared.redactions
        report.trimmed = prepared.trimmed
        plan = self._plan(request, prepared.payload, report)
        drafts: list[Draft] = []
        for number, chunk in enumerate(plan.chunks, start=1):
            if self._progress is not None and len(plan.chunks) > 1:
                self._progress(f"drafting: request {number} of {len(plan.chunks)}")
            try:
                drafts.append(self._chunk(request, chunk, report))
            except (Unavailable, DraftingError) as exc:
                report.fallbacks.append(str(exc))
                if isinstance(exc, DraftingError):
                    report.fatal = str(exc)
                # The chunks never asked are as unsent as those over the budget.
                report.stopped = [str(e["id"]) for rest in plan.chunks[number:] for e in rest]
                report.not_sent.extend(report.stopped)
                break
        merged = grounding.merge(drafts)
        final = grounding.ground(merged, request.items, request.known, settings.max_ids_per_bullet)
        report.rejected_ids.extend(final.rejected_ids)
        report.broad = len(final.broad)
        report.max_ids_per_bullet = settings.max_ids_per_bullet
        report.drafted = sum(1 for item in request.items if item.id in final.covered)
        report.omitted = [
            item.id for item in request.items if not item.required and item.id not in final.covered
        ]
        report.filled = list(final.missing)
        report.uncited = len(final.uncited)
        draft = grounding.fill(final.draft, final.missing, fallback)
        return DraftOutcome(draft, report, filled_ids=set(final.missing))

    def _plan(
        self, request: DraftRequest, payload: list[dict[str, object]], report: DraftReport
    ) -> budget.Plan:
        settings = self._settings
        overhead = budget.estimate_tokens(
            "".join(m["content"] for m in self._messages(request, []))
        )
        # The budget covers a whole request: the prompt, the answer it may get, and the
        # correction a retry adds.
        reserve = settings.max_tokens + prompts.correction_tokens()
        plan = budget.split(
            payload,
            budget=settings.token_budget,
            overhead=overhead,
            max_requests=settings.max_requests,
            reserve=reserve,
        )
        report.not_sent = list(plan.not_sent)
        if plan.not_sent and plan.room < settings.token_budget // 4:
            report.budget_note = (
                f"llm.token_budget {settings.token_budget} leaves ~{max(plan.room, 0)} tokens "
                f"for data: the fixed prompt takes ~{overhead} and the answer and a retry "
                f"~{reserve} (llm.max_tokens {settings.max_tokens}); raise llm.token_budget "
                "or lower llm.max_tokens"
            )
        return plan

    def _messages(
        self, request: DraftRequest, chunk: list[dict[str, object]]
    ) -> list[dict[str, str]]:
        return prompts.messages(
            request, chunk, Draft.model_json_schema(), max_ids=self._settings.max_ids_per_bullet
        )

    def _chunk(
        self, request: DraftRequest, chunk: list[dict[str, object]], report: DraftReport
    ) -> Draft:
        """One request (and at most one corrective retry) for one chunk of the manifest."""
        ids = {str(entry["id"]) for entry in chunk}
        items = [item for item in request.items if item.id in ids]

        def known(item_id: str) -> bool:
            return item_id in ids or (
                request.also_valid is not None and request.also_valid(item_id)
            )

        first = self._messages(request, chunk)
        messages = first
        limits = Limits.of(len(items), self._settings.body_max_chars)
        best = Draft()
        flags: list[str] = []
        shaped: Shaped | None = None
        cut_off = 0
        for attempt in (1, 2):
            try:
                content = self._ask(messages, report)
            except BadAnswer as exc:
                cut_off = cut_off + 1 if exc.cut_off else 0
                if cut_off == 2:
                    # A third request would be cut off at the same length: stop the run.
                    raise Unavailable(f"{exc} (twice in a row)") from exc
                if attempt == 2:
                    report.fallbacks.append(f"{exc} (after one retry)")
                    break
                # One more try, told what was wrong; a second bad answer leaves it to history.
                report.reasked += 1
                messages = [*first, {"role": "user", "content": prompts.correction([str(exc)])}]
                continue
            # Repeats and sizes first: sanitising ten thousand bullets would be wasted work.
            shaped = shape(Draft.model_validate_json(content), limits)
            best, flags = self._sanitised(shaped.draft)
            violations = grounding.ground(
                best, items, known, self._settings.max_ids_per_bullet
            ).violations()
            if not violations or attempt == 2:
                break
            report.retries += 1
            # The first answer is not sent back: the list says what to fix, and the retry
            # stays within the budget the split reserved for it.
            messages = [*first, {"role": "user", "content": prompts.correction(violations)}]
        # Only the kept answer's flags and drops: a discarded first answer is not in the document.
        report.flagged.extend(flags)
        if shaped is not None:
            report.duplicate_bullets += shaped.duplicates
            report.merged_sections.extend(shaped.merged)
            report.over_limit.extend(shaped.over_limit)
        return best

    def _ask(self, messages: list[dict[str, str]], report: DraftReport) -> str:
        key = cache_key(
            base_url=self._client.base_url,  # the same model name on two servers is two models
            model=self._client.model,
            messages=messages,
            schema=SCHEMA_VERSION,
            temperature=self._settings.temperature,
            max_tokens=self._settings.max_tokens,
        )
        cached = self._cache.get(key)
        if cached is not None:
            report.cached += 1
            return cached.content
        report.requests += 1
        try:
            answer = self._client.ask(messages, Draft)
        except BadAnswer as exc:
            report.tokens_in += exc.tokens_in
            report.tokens_out += exc.tokens_out
            raise
        report.tokens_in += answer.tokens_in
        report.tokens_out += answer.tokens_out
        self._cache.put(key, CachedAnswer(answer.content, answer.tokens_in, answer.tokens_out))
        return answer.content

    def _sanitised(self, draft: Draft) -> tuple[Draft, list[str]]:
        flags: list[str] = []
        sections: list[DraftSection] = []
        for section in draft.sections:
            title = clean(section.title).text or "Other"
            bullets: list[Bullet] = []
            for bullet in section.bullets:
                cleaned = clean(bullet.text)
                if cleaned.problems:
                    cited = ", ".join(bullet.ids) or "no id"
                    flags.append(f"bullet citing {cited} tried to add {cleaned.report()}")
                bullets.append(Bullet(text=cleaned.text, ids=bullet.ids))
            sections.append(DraftSection(title=title, bullets=bullets))
        return Draft(sections=sections), flags
