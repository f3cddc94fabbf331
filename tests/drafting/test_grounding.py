"""Grounding: invented ids drop their bullet; uncovered required items come back."""

from __future__ import annotations

from leaddocs.drafting.base import DraftRequest, ManifestItem
from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from leaddocs.drafting.grounding import fill, ground, merge
from leaddocs.drafting.template import TemplateDrafter

ITEMS = [
    ManifestItem("a", "feat", "add A", section="Features"),
    ManifestItem("b", "fix", "fix B", section="Fixes"),
    ManifestItem("c", "chore", "bump C", section="Maintenance", required=False),
]


def known(item_id: str) -> bool:
    return item_id in {"a", "b", "c"}


def section(title: str, *bullets: tuple[str, list[str]]) -> DraftSection:
    return DraftSection(title=title, bullets=[Bullet(text=t, ids=i) for t, i in bullets])


def test_a_bullet_with_an_invented_id_is_dropped_whole() -> None:
    draft = Draft(sections=[section("New", ("A and Z", ["a", "zz"]), ("B", ["b"]))])
    result = ground(draft, ITEMS, known)
    assert result.rejected_ids == ["zz"]
    assert result.missing == ["a"]  # its real id is now uncovered, and will be filled
    assert [b.text for b in result.draft.sections[0].bullets] == ["B"]


def test_a_bullet_without_ids_or_words_is_dropped() -> None:
    draft = Draft(sections=[section("New", ("no ids", []), ("  ", ["a"]), ("B", ["b"]))])
    result = ground(draft, ITEMS, known)
    assert result.missing == ["a"]
    assert result.rejected_ids == []


def test_optional_items_may_be_left_out() -> None:
    draft = Draft(sections=[section("New", ("A and B", ["a", "b", "a"]))])
    result = ground(draft, ITEMS, known)
    assert result.missing == [] and result.violations() == []
    assert result.draft.sections[0].bullets[0].ids == ["a", "b"]


def test_fill_adds_the_template_bullets_to_their_sections() -> None:
    template = TemplateDrafter().draft(DraftRequest("notes", ITEMS)).draft
    draft = Draft(sections=[section("Fixes", ("B, reworded", ["b"]))])
    filled = fill(draft, ["a"], template)
    assert [(s.title, [b.text for b in s.bullets]) for s in filled.sections] == [
        ("Fixes", ["B, reworded"]),
        ("Features", ["add A"]),
    ]


def test_merge_joins_sections_of_the_same_title() -> None:
    one = Draft(sections=[section("Features", ("A", ["a"]))])
    two = Draft(sections=[section("Fixes", ("B", ["b"])), section("Features", ("C", ["c"]))])
    merged = merge([one, two])
    assert [(s.title, len(s.bullets)) for s in merged.sections] == [("Features", 2), ("Fixes", 1)]


def test_the_template_drafter_covers_every_item() -> None:
    outcome = TemplateDrafter().draft(DraftRequest("notes", ITEMS))
    assert outcome.filled_ids == {"a", "b", "c"}
    assert [s.title for s in outcome.draft.sections] == ["Features", "Fixes", "Maintenance"]
