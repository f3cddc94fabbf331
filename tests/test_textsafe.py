"""Outside text made safe to print on a terminal: no escapes, no control characters."""

from __future__ import annotations

import pytest

from leaddocs.textsafe import printable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bad gateway \x1b]0;pwned\x07 from proxy", "bad gateway from proxy"),
        (
            "osc ended by ST \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
            "osc ended by ST link",
        ),
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("8-bit csi \x9b2J cleared", "8-bit csi cleared"),
        ("a bell\x07 and a backspace\x08", "a bell and a backspace"),
        ("carriage\rreturn", "carriage return"),
        ("two\nlines\ttabbed", "two lines tabbed"),
        ("line\u2028separator", "line separator"),
        ("bidi \u202eoverride\u202c and \u2066isolate\u2069", "bidi override and isolate"),
        ("nul\x00byte \x7fdel", "nulbyte del"),
        ("café \u2013 naïve 日本 ✓", "café \u2013 naïve 日本 ✓"),
        ("an unterminated \x1b]0;title to the end", "an unterminated"),
    ],
)
def test_one_line_keeps_words_and_drops_every_control(text: str, expected: str) -> None:
    assert printable(text) == expected


def test_multiline_keeps_newlines_only() -> None:
    assert printable("first\r\nsecond\x1b[2K\n\x07third", multiline=True) == "first\nsecond\nthird"


def test_ordinary_text_is_returned_unchanged() -> None:
    text = "HTTP 404: model 'gpt-4o-mini' not found at http://127.0.0.1:8080/v1"
    assert printable(text) == text
