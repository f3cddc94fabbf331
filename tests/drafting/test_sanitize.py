"""Model output is untrusted: only words survive."""

from __future__ import annotations

import pytest

from leaddocs.drafting.sanitize import clean


@pytest.mark.parametrize(
    ("text", "expected", "problems"),
    [
        ("Faster exports", "Faster exports", []),
        ("See [docs](https://evil.example)", "See docs", ["link"]),
        ("Logo ![x](http://evil/p.png) here", "Logo here", ["image"]),
        ("Hi <script>steal()</script> there", "Hi there", ["script"]),
        ("A <b>bold</b> <img src=x onerror=y> move", "A bold move", ["html"]),
        ("Visit http://evil.example/x now", "Visit now", ["link"]),
        ("Visit www.evil.example now", "Visit now", ["link"]),
        ("Visit <https://evil.example> now", "Visit now", ["link"]),
        ("Click [here][1]\n[1]: http://evil", "Click here", ["link"]),
        ("Thanks @octocat!", "Thanks @\u200boctocat!", ["mention"]),
        ("Ping @acme/team", "Ping @\u200bacme/team", ["mention"]),
        ("Mail ada@example.com", "Mail `ada@example.com`", ["email"]),
        ("Fixes #123 and org/repo#5", "Fixes `#123` and `org/repo#5`", ["reference"]),
        ("Closes GH-12.", "Closes `GH-12`.", ["reference"]),
        ("# Big news", "\\# Big news", ["markup"]),
        ("[ ] done?", "\\[ ] done?", ["markup"]),
        ("Version 2 is #1 in speed", "Version 2 is `#1` in speed", ["reference"]),
        ("javascript:alert(1) trick", "trick", ["link"]),
        ("Two\n\n# lines", "Two # lines", []),
    ],
)
def test_markup_the_model_may_not_write_is_removed(
    text: str, expected: str, problems: list[str]
) -> None:
    result = clean(text)
    assert result.text == expected
    assert result.problems == problems
