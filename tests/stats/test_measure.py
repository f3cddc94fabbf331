"""The measure, line by line and word by word, as docs/stats.md states it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaddocs.markers import mark_document
from leaddocs.stats.lines import drafted_lines, paired, words, writing
from leaddocs.stats.measure import kept
from leaddocs.stats.record import drafted_document, dumps, loads, updated
from tests.cpu import cpu_budget


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("- export invoices as CSV", 4),
        ("Don't ship it on a Friday.", 6),  # an apostrophe keeps a word whole
        ("See [the guide](https://example.com/a/very/long/path?x=1) first", 4),
        ("<!-- a comment --> Hello <b>world</b>", 2),
        ("https://example.com/only-a-link", 0),
        ("- 请求 超时", 4),  # each Chinese character is a word
        ("Größe und Überblick", 3),
        ("| kind | count |", 2),
        ("", 0),
    ],
)
def test_words_are_what_a_person_writes(line: str, count: int) -> None:
    assert words(line) == count


def test_writing_leaves_out_blank_lines_markers_and_trailing_space() -> None:
    text = mark_document('# Notes  \n\n- one\r\n\n<!-- leaddocs:section id="x" -->\n- two\n')
    assert writing(text) == ["# Notes", "- one", "- two"]


def test_drafted_lines_are_the_lines_the_file_did_not_have() -> None:
    before = "# Status\n\n- 2025-03-01\n"
    after = "# Status\n\n- 2025-03-08\n- 2025-03-01\n"
    assert drafted_lines(before, after) == ["- 2025-03-08"]
    assert drafted_lines(None, after) == ["# Status", "- 2025-03-08", "- 2025-03-01"]


def test_a_draft_on_top_of_an_earlier_one_keeps_the_earlier_lines() -> None:
    first = drafted_document("n.md", "release-notes", None, "# 1.1\n\n- a\n", None)
    second = drafted_document(
        "n.md", "release-notes", "# 1.1\n\n- a\n", "# 1.1\n\n- a\n- b\n", first
    )
    assert len(second.fingerprints) == 3 and second.words == 4  # 1, 1, a, b
    record = updated(loads(dumps(updated(None, [first], []))), [second], [])
    assert loads(dumps(record)) == record and record.documents == (second,)
    assert updated(record, [], ["n.md"]).documents == ()


def test_a_moved_paragraph_keeps_one_of_the_two_in_order() -> None:
    draft = "# Notes\n\nAlpha one two.\n\nBeta three four.\n"
    document = drafted_document("n.md", "other", None, draft, None)
    moved = kept(document, "# Notes\n\nBeta three four.\n\nAlpha one two.\n")
    assert (moved.lines, moved.unchanged) == (2, False)
    assert kept(document, draft + "\n\n").unchanged  # trailing blank lines are no edit
    assert (kept(document, None).lines, kept(document, None).words) == (0, 0)


@given(
    st.lists(st.text(alphabet="ab \n", min_size=1, max_size=12), min_size=1, max_size=12),
    st.lists(st.text(alphabet="abc \n", max_size=12), max_size=12),
)
def test_kept_is_never_more_than_drafted(draft_lines: list[str], merged_lines: list[str]) -> None:
    draft = "\n".join(draft_lines)
    document = drafted_document("n.md", "other", None, draft, None)
    found = kept(document, "\n".join(merged_lines))
    assert 0 <= found.lines <= len(document.fingerprints)
    assert 0 <= found.words <= document.words
    same = kept(document, draft)
    assert same.unchanged and (same.lines, same.words) == (
        len(document.fingerprints),
        document.words,
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[]", "not a draft record"),
        (b'{"leaddocs_draft_record": 2}', "not a draft record"),
        (b"\xff\xfe", "not JSON"),
        (
            b'{"leaddocs_draft_record": 1, "documents": [{"path": "a.md", "kind": "Status<b>", '
            b'"sha256": "' + b"0" * 64 + b'", "words": 1, "lines": ""}]}',
            "documents.0.kind",
        ),
        (
            b'{"leaddocs_draft_record": 1, "documents": [{"path": "a.md", "kind": "status", '
            b'"sha256": "' + b"0" * 64 + b'", "words": 1, "lines": "abc"}]}',
            "documents.0.lines",
        ),
        (b" " * (4 << 20 + 1), "larger than 4 MiB"),
    ],
)
def test_a_record_is_read_only_when_it_is_one(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace(".", r"\.")):
        loads(data)


def test_thousands_of_equal_lines_are_paired_by_value_not_stalled() -> None:
    many = ["- same line"] * 6_000  # 36 million comparisons for difflib: a record made to stall
    with cpu_budget(2):
        pairs = paired(many, many[:5_000])
    assert len(pairs) == 5_000
    assert paired(["a", "b", "a"], ["b", "a"]) == [(1, 0), (2, 1)]  # in order, as difflib pairs
