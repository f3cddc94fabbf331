"""Hypothesis strategies for outside text: random characters mixed with the fragments an
attacker reaches for (HTML, links, backticks, definitions, mentions, escapes, line breaks)."""

from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = [
    "<",
    ">",
    "`",
    "``",
    "```",
    "\\",
    "\\`",
    "[",
    "]",
    "](",
    "![",
    "]:",
    "][",
    "(",
    ")",
    "|",
    "*",
    "_",
    "~~~",
    "{",
    "}",
    "{: onclick=alert(1) }",
    "!!! note",
    "# ",
    "- ",
    "1. ",
    "> ",
    "    ",
    "\t",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "&lt;",
    "&amp;",
    "&#60;",
    "&#x3C;",
    "<!--",
    "-->",
    "<b>",
    "</b>",
    "<img src=x onerror=alert(1)>",
    "<details>",
    "</details>",
    "<summary>",
    "<script>alert(1)</script>",
    "<https://evil.example>",
    "<ada@evil.example>",
    "javascript:",
    "javascript:alert(1)",
    "//evil.example",
    "https://evil.example",
    "[x](https://evil.example)",
    "[x](//evil.example)",
    "[x](javascript:alert(1))",
    "![i](https://evil.example/i.png)",
    "[x][r]",
    "\n[r]: https://evil.example",
    "[r]: //evil.example",
    "[^1]: //evil.example",
    "@user",
    "@acme/team",
    "(@user)",
    "a@b.example",
    "#12",
    "dependabot[bot]",
    "`<img src=x onerror=alert(1)>`",
    "``<img src=x onerror=alert(1)>`",
]

fragment = st.sampled_from(FRAGMENTS)
noise = st.text(max_size=6)


def untrusted(parts: int = 8) -> st.SearchStrategy[str]:
    """One piece of outside text: up to ``parts`` fragments and random runs, joined."""
    return st.lists(st.one_of(fragment, fragment, noise), max_size=parts).map("".join)
