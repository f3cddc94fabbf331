"""The model-output sanitiser works to a fixed point, and its report says what it did.

One pass of removals can build what it removes: taking ``<b>`` out of ``<im<b>g …>`` leaves
``<img …>``. The sanitiser repeats until nothing changes, so its output holds nothing it would
remove, and a second run finds nothing to report.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from leaddocs.drafting.sanitize import clean
from leaddocs.markup import md_text
from tests.security.rendered import assert_safe
from tests.security.strategies import untrusted

REBUILT = {
    "a tag rebuilt by removing a tag": ("A <im<b>g src=x onerror=alert(1)> move", "A move"),
    "a link rebuilt by removing a tag": ("Go [x]<b>(//evil.example) now", "Go x now"),
    "a link inside a link": ("See [a [b](//evil.example)](//evil.example)", "See a b"),
    "a script rebuilt by removing a comment": ("<scr<!-- -->ipt>alert(1)</script>", ""),
    "an image around a link": (
        "![[x](//a.example)](//evil.example/p.png) pixel",
        "](//evil.example/p.png) pixel",
    ),
}


@pytest.mark.parametrize(("text", "expected"), REBUILT.values(), ids=REBUILT.keys())
def test_removing_markup_cannot_build_markup(text: str, expected: str) -> None:
    result = clean(text)
    assert result.text == expected
    assert clean(result.text).problems == []


def test_a_mention_after_a_stray_backtick_is_neutralised_and_reported() -> None:
    result = clean("Thanks `@octocat for the review")
    assert result.text == "Thanks `@\u200boctocat for the review"
    assert result.report() == "mention (neutralised)"
    assert_safe(f"- {md_text(result.text)}")


def test_a_mention_inside_real_code_is_left_alone() -> None:
    result = clean("Run `npm i @types/node` first")
    assert result.text == "Run `npm i @types/node` first"
    assert result.problems == []


def test_the_report_says_what_was_removed_quoted_and_neutralised() -> None:
    result = clean("# See [docs](https://evil.example), thanks @octocat (#12)")
    assert result.removed == ["link"]
    assert result.quoted == ["reference"]
    assert result.neutralised == ["markup", "mention"]
    assert (
        result.report()
        == "link (removed); reference (quoted as code); markup, mention (neutralised)"
    )


@settings(max_examples=200, deadline=None)
@given(untrusted(12))
def test_cleaning_twice_changes_nothing_and_reports_nothing(text: str) -> None:
    once = clean(text)
    twice = clean(once.text)
    assert twice.text == once.text
    assert twice.problems == []
