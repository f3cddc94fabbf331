"""The fast flat-mapping reader gives exactly what ruamel.yaml gives, or steps aside."""

from __future__ import annotations

import pytest

from leaddocs import yamlio

SAME = [
    "status: accepted\ndate: 2024-01-15\n",
    "decision-makers: [Ada Lovelace, Grace Hopper]\nconsulted: []\ninformed: []\n",
    "supersedes: ['0003', 4]\nsuperseded-by: [\"0009\"]\n",
    "tags:\n  - storage\n  - events\n",
    "tags:\n- storage\n- events\n",
    "title: Use Postgres (v2) for events\nnav_order: 7\nlayout: default\n",
    "# a comment line\nstatus: proposed\n\ndraft: true\nempty:\nnothing: null\n",
    "deciders: Ada Lovelace <ada@example.com>, O'Brien\n",
]
ASIDE = [
    "status: accepted # trailing comment\n",
    "title: 'It''s quoted'\n",
    'title: "Escaped \\" quote"\n',
    "status: accepted\nstatus: rejected\n",
    "nested:\n  key: value\n",
    "anchor: &a value\n",
    "title: ADR-0012: colon\n",
    "ratio: 1.5\n",
    "text: |\n  block\n",
]


@pytest.mark.parametrize("text", SAME)
def test_same_answer_as_ruamel(text: str) -> None:
    assert yamlio.load_flat_mapping(text) == yamlio.plain(yamlio.load(text))


@pytest.mark.parametrize("text", ASIDE)
def test_outside_the_subset_it_steps_aside(text: str) -> None:
    assert yamlio.load_flat_mapping(text) is None


def test_an_impossible_date_stays_text_for_the_caller_to_report() -> None:
    assert yamlio.load_flat_mapping("date: 2024-13-45\n") == {"date": "2024-13-45"}
