"""Classification remembers what depends on a subject alone, and asks patterns the fast way.

The remembered answers must never leak into a change whose other facts differ: the same
subject by a bot, with a skip marker in its body, or with another type, is placed by those.
"""

from __future__ import annotations

import itertools
import re

import pytest

from leaddocs.config import Config
from leaddocs.documents.classify import Classifier, Placement
from leaddocs.documents.patterns import AnyOf, FirstOf
from leaddocs.history.changes import Change, group_changes
from leaddocs.history.commits import parse_commit
from leaddocs.history.git import RawCommit

_PEOPLE = [
    ("Ada", "ada@example.com"),
    ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
]
_MESSAGES = [
    "Fix the cache",
    "fix: the cache",
    "chore(release): 1.2.0",
    "Fix the cache\n\n[skip changelog]",
    "docs: Fix the cache",
    "Bump lodash from 1.0 to 1.1",
    "Release 1.2.0",
    "Teach the parser to read tabs",
    "meson: Fix the cache",
    "The cache has been fixed",
]


def _changes() -> list[Change]:
    raws = [
        RawCommit(f"{number:040x}", (f"{number + 1:040x}",), name, email, number, message)
        for number, ((name, email), message) in enumerate(itertools.product(_PEOPLE, _MESSAGES))
    ]
    commits = [parse_commit(raw) for raw in raws]
    return group_changes(commits, commits[0].sha).changes


def _placed(classifier: Classifier, change: Change) -> tuple[Placement, str]:
    return classifier.place(classifier.read(change))


def test_one_classifier_asked_many_times_says_what_a_fresh_one_says() -> None:
    config = Config()
    changes = _changes()
    assert len(changes) == len(_PEOPLE) * len(_MESSAGES)
    remembering = Classifier(config)
    # Twice over, in both orders: answers remembered from one change never decide another's.
    for change in [*changes, *reversed(changes)]:
        assert _placed(remembering, change) == _placed(Classifier(config), change)
    placements = {_placed(remembering, change)[0] for change in changes}
    assert {Placement.SKIPPED, Placement.SECTION, Placement.MAINTENANCE} <= placements


def test_the_same_subject_is_placed_by_its_other_facts() -> None:
    by_subject: dict[str, set[Placement]] = {}
    classifier = Classifier(Config())
    for change in _changes():
        by_subject.setdefault(change.head.subject, set()).add(_placed(classifier, change)[0])
    # Ada's "Fix the cache" is a fix; the bot's is housekeeping; its "[skip changelog]" twin
    # (same subject) is skipped.
    assert by_subject["Fix the cache"] == {
        Placement.SECTION,
        Placement.MAINTENANCE,
        Placement.SKIPPED,
    }


@pytest.mark.parametrize(
    "patterns",
    [
        [],
        [r"^release\b"],
        [r"\[skip changelog\]"],
        [r"^release\b", r"\bwip\b"],
        [r"^(?P<x>a)", r"^(?P<x>b)"],  # one group named twice: asked pattern by pattern
        [r"^a|b"],  # not anchored, though it opens with ^
    ],
)
def test_any_of_found_agrees_with_search(patterns: list[str]) -> None:
    any_of = AnyOf(patterns, re.IGNORECASE)
    for text in ["", "Release 1.0", "a wip b", "xb", "ab", "[skip changelog] now", "nothing"]:
        assert bool(any_of.found(text)) == any_of.search(text), (patterns, text)


@pytest.mark.parametrize(
    "lists",
    [
        [[r"^release\b"], [r"^bump\b", r"deps"], [r"^chore\b"]],
        # A group named in two lists: they cannot be joined, each list is asked on its own.
        [[r"^(?P<w>release)\b"], [r"^(?P<w>bump)\b", r"deps"], [r"^chore\b"]],
        [[r"release"], [r"bump"], []],  # none anchored: nothing to join
    ],
)
def test_first_of_names_the_first_list_that_matches(lists: list[list[str]]) -> None:
    first = FirstOf(lists)
    cases = {"release 1.2": 0, "bump x": 1, "chore: deps": 1, "chore: tidy": 2, "docs": None}
    for text, index in cases.items():
        expected = next((i for i, found in enumerate(lists) if AnyOf(found).search(text)), None)
        assert first.first(text) == expected
        if lists[2]:
            assert expected == index


def test_a_section_s_phrases_place_a_plain_subject_once_compiled() -> None:
    """Phrases are compiled when a subject first needs them: the same answers."""
    reader = Classifier(Config()).subjects
    assert reader._phrases is None
    assert reader.section_of("Fix the cache") is not None  # a verb: no phrase asked
    assert reader._phrases is None
    assert reader.section_of("The cache has been fixed") == reader.section_of("Fix the cache")
    assert reader._phrases is not None
    assert reader.section_of("Nothing to see here") is None
