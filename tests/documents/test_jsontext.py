"""The fast JSON writer writes exactly what ``json.dumps(indent=2, ensure_ascii=False)`` does."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from leaddocs.documents.jsontext import dumps

_SCALARS = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(_VALUES)
def test_same_text_as_the_standard_library(value: Any) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@given(st.dictionaries(st.text(max_size=5), _VALUES, max_size=3))
def test_a_part_written_at_a_depth_fits_in_place(value: dict[str, Any]) -> None:
    whole = json.dumps({"releases": [value]}, indent=2, ensure_ascii=False)
    assert whole == '{\n  "releases": [\n    ' + dumps(value, depth=2) + "\n  ]\n}"


def test_keys_that_are_not_strings_are_written_as_json_does() -> None:
    value = {1: "a", None: "b", False: "c", 2.5: "d"}
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
