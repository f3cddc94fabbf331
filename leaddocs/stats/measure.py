"""What a review kept of a draft, and the totals (docs/stats.md gives the measure exactly).

A drafted line is kept when difflib's SequenceMatcher pairs its fingerprint with a line of the
merged file: the drafted lines and the merged file's lines are compared as two sequences, so
a line kept must be kept in order (a paragraph moved above another keeps one of the two). The
words kept are the words of the lines kept. A document is accepted unchanged when the merged
file is the draft, trailing white space aside (``markers.digest``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from leaddocs.markers import digest
from leaddocs.stats.lines import fingerprint, paired, words, writing
from leaddocs.stats.model import DraftResult, Totals
from leaddocs.stats.record import DraftedDocument


@dataclass(frozen=True, slots=True)
class Kept:
    lines: int
    words: int
    unchanged: bool


def kept(document: DraftedDocument, merged: str | None) -> Kept:
    """What of ``document`` the merged file (None: there is none) still has."""
    if merged is None:
        return Kept(0, 0, False)
    lines = writing(merged)
    if digest(merged) == document.sha256:
        # The record is anyone's to write: it cannot have drafted more than the file holds.
        held = sum(map(words, lines))
        return Kept(min(len(document.fingerprints), len(lines)), min(document.words, held), True)
    pairs = paired(document.fingerprints, [fingerprint(line) for line in lines])
    return Kept(len(pairs), sum(words(lines[at]) for _, at in pairs), False)


def totals(results: Sequence[DraftResult], words_per_minute: float, kind: str = "all") -> Totals:
    measured = [result for result in results if result.lines_drafted is not None]
    unchanged = sum(result.outcome == "unchanged" for result in results)
    lines_drafted = sum(result.lines_drafted or 0 for result in measured)
    lines_kept = sum(result.lines_kept or 0 for result in measured)
    words_kept = sum(result.words_kept or 0 for result in measured)
    return Totals(
        kind=kind,
        documents=len(results),
        merged=sum(result.outcome != "not-merged" for result in results),
        unchanged=unchanged,
        not_merged=sum(result.outcome == "not-merged" for result in results),
        not_measured=len(results) - len(measured),
        lines_drafted=lines_drafted,
        lines_kept=lines_kept,
        words_drafted=sum(result.words_drafted or 0 for result in measured),
        words_kept=words_kept,
        unchanged_share=_share(unchanged, len(results)),
        lines_kept_share=_share(lines_kept, lines_drafted),
        minutes_saved=round(words_kept / words_per_minute, 1),
    )


def by_kind(results: Sequence[DraftResult], words_per_minute: float) -> list[Totals]:
    kinds = sorted({result.kind for result in results})
    return [
        totals([r for r in results if r.kind == kind], words_per_minute, kind) for kind in kinds
    ]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
