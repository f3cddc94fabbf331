"""Drafting stats rendered: an aligned table for a terminal, a Markdown page for the site, and
JSON for scripts (docs/stats.md). Paths and kinds come from the history (anyone's commits):
the table shows them printable, the page escaped."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from leaddocs.markup import md_cell, md_text
from leaddocs.stats.model import DraftingStats, DraftResult, Totals
from leaddocs.textsafe import printable

PAGE_DRAFTS = 100  # the page lists the newest drafts; the JSON has them all
_HEADINGS = ("kind", "drafted", "merged", "unchanged", "lines kept", "words kept", "time saved")
_OUTCOMES = {"unchanged": "unchanged", "edited": "edited", "not-merged": "not merged"}


def as_json(stats: DraftingStats) -> str:
    return json.dumps(stats.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def table(stats: DraftingStats) -> str:
    """The totals by kind and in all, in aligned columns, then what to know about them."""
    lines = [printable(_scope(stats)), ""]
    if not stats.drafts:
        lines.append(_nothing(stats))
    else:
        rows = [_row(printable(kind.kind), kind) for kind in stats.kinds]
        rows.append(_row("total", stats.total))
        widths = [max(len(row[i]) for row in [_HEADINGS, *rows]) for i in range(len(_HEADINGS))]
        for row in [_HEADINGS, *rows]:
            cells = [row[0].ljust(widths[0])] + [
                cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
            ]
            lines.append("  ".join(cells).rstrip())
        lines += ["", _rate(stats)]
    lines += [f"- {note}" for note in _notes(stats, printable)]
    return "\n".join(lines) + "\n"


def markdown(stats: DraftingStats) -> str:
    """The site's Drafting stats page."""
    lines = ["# Drafting stats", "", md_text(_scope(stats)), ""]
    if not stats.drafts:
        lines += [md_text(_nothing(stats)), ""]
    else:
        lines += ["| " + " | ".join(h.capitalize() for h in _HEADINGS) + " |"]
        lines += ["|" + " --- |" * len(_HEADINGS)]
        rows = [_row(md_cell(kind.kind), kind) for kind in stats.kinds]
        rows.append(_row("**Total**", stats.total))
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        lines += ["", md_text(_rate(stats)), "", "## Drafts", ""]
        lines += _drafts_table(stats.drafts)
    notes = _notes(stats, md_text)
    if notes:
        lines += ["## Notes", "", *(f"- {note}" for note in notes), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _scope(stats: DraftingStats) -> str:
    if stats.branch is None:
        return f"{stats.repository} has no commits yet."
    since = f"since {stats.since}" if stats.since else "all of the history"
    return (
        f"What leaddocs drafted in {stats.repository}, and what review kept of it on "
        f"{stats.branch}, {since}."
    )


def _nothing(stats: DraftingStats) -> str:
    since = f" since {stats.since}" if stats.since else ""
    return (
        f"No drafts by leaddocs{since}: a draft counts from its pull request "
        "(--pr, leaddocs ci) or from a generated file committed with its marker."
    )


def _rate(stats: DraftingStats) -> str:
    wpm = f"{stats.words_per_minute:g}"
    return f"Time saved: the words kept, written at {wpm} words a minute (stats.words_per_minute)."


def _row(kind: str, totals: Totals) -> tuple[str, ...]:
    return (
        kind,
        str(totals.documents),
        str(totals.merged),
        f"{totals.unchanged} ({_percent(totals.unchanged_share)})",
        _of(totals.lines_kept, totals.lines_drafted, totals.lines_kept_share),
        _of(totals.words_kept, totals.words_drafted, None),
        duration(totals.minutes_saved),
    )


def _drafts_table(drafts: Sequence[DraftResult]) -> list[str]:
    newest = sorted(drafts, key=lambda d: (d.date, d.kind, d.path), reverse=True)[:PAGE_DRAFTS]
    lines = [
        "| Date | Kind | Document | Outcome | Lines kept | Words kept |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for draft in newest:
        measured = draft.lines_drafted is not None
        lines_kept = _of(draft.lines_kept or 0, draft.lines_drafted or 0, None) if measured else "—"
        words_kept = _of(draft.words_kept or 0, draft.words_drafted or 0, None) if measured else "—"
        cells = (draft.date, md_cell(draft.kind), md_cell(draft.path), _OUTCOMES[draft.outcome])
        lines.append(f"| {' | '.join(cells)} | {lines_kept} | {words_kept} |")
    if len(drafts) > PAGE_DRAFTS:
        lines += [
            "",
            f"The newest {PAGE_DRAFTS} of {len(drafts)}; `leaddocs stats --format json` lists all.",
        ]
    return [*lines, ""]


def _notes(stats: DraftingStats, escape: Callable[[str], str]) -> list[str]:
    waiting = [draft for draft in stats.drafts if draft.outcome == "not-merged"]
    notes = [
        f"{escape(draft.path)} ({escape(draft.kind)}): not merged; waits on "
        f"{escape(draft.branch or 'a deleted branch')} since {draft.date}"
        for draft in waiting
    ]
    if stats.total.not_measured:
        count = stats.total.not_measured
        many = count != 1
        notes.append(
            f"{count} document{'s' if many else ''} edited before {'their' if many else 'its'} "
            "first commit, with no draft record: counted, not measured (the text drafted is not "
            "in the history)"
        )
    return notes + [escape(note) for note in stats.notes]


def _of(part: int, whole: int, share: float | None) -> str:
    text = f"{part:,} of {whole:,}"
    return f"{text} ({_percent(share)})" if share is not None else text


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def duration(minutes: float) -> str:
    """``42 min``, ``3 h 05 min``; ``<1 min`` for a moment, ``0 min`` for nothing."""
    if minutes <= 0:
        return "0 min"
    if minutes < 1:
        return "<1 min"
    whole = round(minutes)
    return f"{whole} min" if whole < 60 else f"{whole // 60} h {whole % 60:02d} min"
