"""The field-by-field JSON of an entry and of a release is the text the general writer gives."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from leaddocs.documents import jsontext
from leaddocs.documents.model import (
    CommitView,
    ItemView,
    ReleaseView,
    SectionView,
    item_json,
    item_json_text,
    release_json,
)

_TEXT = st.text(max_size=12)  # any character: quotes, backslashes, controls, non-ASCII
_COMMITS = st.builds(CommitView, _TEXT, _TEXT, st.none() | _TEXT)
_ITEMS = st.builds(
    ItemView,
    subject=_TEXT,
    type=st.none() | _TEXT,
    scope=st.none() | _TEXT,
    breaking=st.booleans(),
    breaking_notes=st.lists(_TEXT, max_size=3),
    pr=st.none() | st.integers(min_value=0, max_value=10**18),
    pr_label=st.none() | _TEXT,
    pr_url=st.none() | _TEXT,
    commits=st.lists(_COMMITS, max_size=3),
    authors=st.lists(_TEXT, max_size=3),
    issues=st.lists(st.integers(min_value=0, max_value=10**18), max_size=3).map(tuple),
    repeats=st.integers(min_value=1, max_value=500),
)
_RELEASES = st.builds(
    ReleaseView,
    title=_TEXT,
    version=st.none() | _TEXT,
    tag=st.none() | _TEXT,
    date=st.none() | _TEXT,
    from_ref=st.none() | _TEXT,
    to_ref=_TEXT,
    compare_url=st.none() | _TEXT,
    next_version=st.none() | _TEXT,
    sections=st.lists(
        st.builds(SectionView, _TEXT, st.lists(_ITEMS, max_size=3), st.booleans(), st.booleans()),
        max_size=3,
    ),
    contributors=st.lists(_TEXT, max_size=2),
    first_time_contributors=st.lists(_TEXT, max_size=2),
    skipped=st.lists(_ITEMS, max_size=2),
    cancelled=st.lists(_ITEMS, max_size=2),
    folded=st.lists(_TEXT, max_size=2),
)


@given(_ITEMS, st.integers(min_value=0, max_value=6))
def test_an_entry_is_written_as_the_general_writer_writes_it(item: ItemView, depth: int) -> None:
    assert item_json_text(item, depth) == jsontext.dumps(item_json(item), depth)


@given(_RELEASES, st.integers(min_value=0, max_value=3))
def test_a_release_with_entries_as_text_is_the_same_document(view: ReleaseView, depth: int) -> None:
    fast = jsontext.dumps(release_json(view, depth=depth), depth)
    assert fast == jsontext.dumps(release_json(view), depth)
    if depth == 0:  # and both are what the standard library writes
        assert fast == json.dumps(release_json(view), indent=2, ensure_ascii=False)
