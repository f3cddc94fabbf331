"""A model's answer held to a sensible shape: repeats collapsed, sizes bounded, drops counted.

A model can loop: the same bullet three times, a section twice, ten thousand bullets. The
grounding checks ids, not quantity, so each answer passes here first. The limits follow the
request: no section needs more bullets than the items it was sent plus a few split ones, and
no bullet more words than the longest item it can cite (``prompts.SUBJECT_MAX`` plus
``llm.body_max_chars``). The bytes read are bounded before this (``llm.answer_limit``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from leaddocs.drafting.prompts import SUBJECT_MAX

TITLE_CHARS = 120  # a section title is a heading: a few words


@dataclass(frozen=True, slots=True)
class Limits:
    sections: int
    bullets_per_section: int
    bullets: int  # in the whole answer
    chars: int  # per bullet

    @classmethod
    def of(cls, items: int, body_max_chars: int) -> Limits:
        """The limits for an answer about ``items`` manifest items."""
        return cls(
            sections=items + 10,
            bullets_per_section=items + 10,
            # An ADR's paragraph may back several statements: options, pros, cons.
            bullets=3 * items + 30,
            chars=SUBJECT_MAX + body_max_chars,
        )


@dataclass(slots=True)
class Shaped:
    draft: Draft
    duplicates: int = 0  # bullets dropped as repeats of an earlier one
    merged: list[str] = field(default_factory=list)  # "Fixes (3 times)"
    over_limit: list[str] = field(default_factory=list)  # what the limits dropped or cut


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def shape(draft: Draft, limits: Limits) -> Shaped:
    """``draft`` with repeated sections merged, repeated bullets dropped, and within ``limits``."""
    result = Shaped(Draft())
    sections: dict[str, DraftSection] = {}
    repeats: dict[str, int] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for section in draft.sections:
        key = _key(section.title)
        if key in sections:
            repeats[key] = repeats.get(key, 1) + 1
        title = _cut(section.title.strip(), TITLE_CHARS)
        target = sections.setdefault(key, DraftSection(title=title))
        for bullet in section.bullets:
            # The same words citing the same items, wherever in the answer: written once.
            identity = (_key(bullet.text), tuple(sorted({i.strip() for i in bullet.ids})))
            if identity in seen:
                result.duplicates += 1
                continue
            seen.add(identity)
            target.bullets.append(bullet)
    # A section whose every bullet repeated an earlier one is gone before the limits count.
    kept = [section for section in sections.values() if section.bullets]
    _bound(kept, limits, result)
    # Only the sections kept: the ones dropped are counted by the limits.
    result.merged = [
        f"{section.title} ({repeats[key]} times)"
        for section in result.draft.sections
        if (key := _key(section.title)) in repeats
    ]
    return result


def _bound(sections: list[DraftSection], limits: Limits, result: Shaped) -> None:
    if len(sections) > limits.sections:
        extra = sections[limits.sections :]
        dropped = sum(len(section.bullets) for section in extra)
        result.over_limit.append(
            f"{len(extra):,} sections past {limits.sections} dropped ({dropped:,} bullets)"
        )
        del sections[limits.sections :]
    room = limits.bullets
    past_total = 0
    for section in sections:
        if len(section.bullets) > limits.bullets_per_section:
            over = len(section.bullets) - limits.bullets_per_section
            result.over_limit.append(
                f"{over:,} bullets past {limits.bullets_per_section} in section "
                f"{section.title!r} dropped"
            )
            del section.bullets[limits.bullets_per_section :]
        past_total += max(len(section.bullets) - room, 0)
        del section.bullets[room:]
        room -= len(section.bullets)
    if past_total:
        result.over_limit.append(f"{past_total:,} bullets past {limits.bullets} in all dropped")
    cut = 0
    for section in sections:
        for index, bullet in enumerate(section.bullets):
            if len(bullet.text) > limits.chars:
                section.bullets[index] = Bullet(
                    text=_cut(bullet.text, limits.chars), ids=bullet.ids
                )
                cut += 1
    if cut:
        result.over_limit.append(f"{cut:,} bullets cut to {limits.chars} characters")
    result.draft = Draft(sections=[section for section in sections if section.bullets])
