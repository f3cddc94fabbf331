"""Holding a draft to its manifest: invented ids rejected, left-out items put back.

A bullet that cites an id the manifest lacks is dropped whole: its words may describe something
that never happened. A bullet that cites more ids than a bullet may (``llm.max_ids_per_bullet``)
is dropped too and covers none of them: one catch-all sentence citing every id would otherwise
account for every item. A required item no bullet cites comes back in the deterministic
drafter's words, so a reader never loses a change because a model skipped it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from leaddocs.drafting.base import ManifestItem
from leaddocs.drafting.draft import Bullet, Draft, DraftSection


@dataclass(slots=True)
class Grounded:
    draft: Draft
    rejected_ids: list[str] = field(default_factory=list)
    covered: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)  # required ids no bullet cites
    uncited: list[str] = field(default_factory=list)  # texts of bullets that cite no id
    broad: list[tuple[str, int]] = field(default_factory=list)  # (text, ids) over the cap
    max_ids: int | None = None  # the cap on ids a bullet may cite and still cover them

    def violations(self) -> list[str]:
        out = [f"id {item_id!r} is not in the data" for item_id in self.rejected_ids]
        out.extend(
            f"the bullet {text[:60]!r} cites no id; every bullet cites the ids it is based on"
            for text in self.uncited
        )
        out.extend(
            f"the bullet {text[:60]!r} cites {count} ids, more than the {self.max_ids} a bullet "
            "may cite, so it covers none of them; split it into bullets of closely related items"
            for text, count in self.broad
        )
        out.extend(f"id {item_id!r} is required but no bullet cites it" for item_id in self.missing)
        return out


def ground(
    draft: Draft,
    items: Sequence[ManifestItem],
    known: Callable[[str], bool],
    max_ids: int | None = None,
) -> Grounded:
    """Keep the bullets whose every id is ``known`` and that cite at most ``max_ids`` ids (None:
    any number); list rejected ids, bullets over the cap and uncovered items."""
    result = Grounded(Draft(), max_ids=max_ids)
    for section in draft.sections:
        kept: list[Bullet] = []
        for bullet in section.bullets:
            ids = [item_id.strip() for item_id in bullet.ids if item_id.strip()]
            invented = [item_id for item_id in ids if not known(item_id)]
            if invented or not ids or not bullet.text.strip():
                result.rejected_ids.extend(invented)
                if not ids and bullet.text.strip():
                    result.uncited.append(bullet.text.strip())
                continue
            unique = list(dict.fromkeys(ids))
            if max_ids is not None and len(unique) > max_ids:
                # Words for that many items at once account for none of them: each required
                # one comes back in history's words instead of being said twice.
                result.broad.append((bullet.text.strip(), len(unique)))
                continue
            kept.append(Bullet(text=bullet.text, ids=unique))
            result.covered.update(ids)
        if kept:
            result.draft.sections.append(DraftSection(title=section.title, bullets=kept))
    result.missing = [item.id for item in items if item.required and item.id not in result.covered]
    return result


def fill(draft: Draft, missing: Sequence[str], fallback: Draft) -> Draft:
    """``draft`` with the fallback's bullets for ``missing`` ids added to their own sections."""
    wanted = set(missing)
    sections = [DraftSection(title=s.title, bullets=list(s.bullets)) for s in draft.sections]
    by_title = {section.title: section for section in sections}
    for section in fallback.sections:
        for bullet in section.bullets:
            if not wanted.intersection(bullet.ids):
                continue
            target = by_title.get(section.title)
            if target is None:
                target = by_title[section.title] = DraftSection(title=section.title)
                sections.append(target)
            target.bullets.append(bullet)
    return Draft(sections=sections)


def merge(drafts: Sequence[Draft]) -> Draft:
    """Drafts of several chunks as one: sections of the same title joined, first seen first."""
    by_title: dict[str, DraftSection] = {}
    for draft in drafts:
        for section in draft.sections:
            target = by_title.setdefault(section.title, DraftSection(title=section.title))
            target.bullets.extend(section.bullets)
    return Draft(sections=list(by_title.values()))
