"""Outside text placed in Markdown stays text, in every place leaddocs puts it, in both renderers.

Each attack is rendered where leaddocs writes such text: a list entry (``- {text}``), the start
of a paragraph (the contributors line), a heading (``### {text}``), a quotation (``> {text}``)
and a table cell inside a link (the ADR index).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from leaddocs import markup, textsafe
from leaddocs.markup import md_cell, md_text
from tests.security.rendered import RENDERERS, assert_safe, text_of
from tests.security.strategies import untrusted

FORGE = "https://github.com/acme/shop/"


def in_every_place(text: str) -> str:
    """``text`` escaped and written in each place leaddocs writes outside text, as one document."""
    shown = md_text(text)
    return "\n\n".join(
        [
            f"- {shown} ([#12]({FORGE}pull/12)) by {shown}",
            f"{shown}, {shown}",
            f"### {shown}",
            f"> {shown}",
            f"| ADR | Title |\n| --- | --- |\n| 1 | [{md_cell(text)}](0001-x.md) |",
        ]
    )


ATTACKS = {
    "unbalanced backticks hide an image": "feat: ``<img src=x onerror=alert(1)>`",
    "unbalanced backticks hide a link": "feat: ``[click](https://evil.example)` here",
    "a backtick run of another length": "fix: `<b>`` and ``<i>` ok",
    "nested brackets make a link": "docs: [a [b] c](https://evil.example)",
    "a protocol-relative link": "docs: [home](//evil.example/x)",
    "a javascript link": "docs: [x](javascript:alert(1))",
    "an image": "docs: ![x](https://evil.example/p.png)",
    "an autolink": "docs: <https://evil.example>",
    "an e-mail autolink": "docs: <ada@evil.example>",
    "a reference definition": "[docs]: https://evil.example",
    "a reference definition with an escaped bracket": "[docs\\]: https://evil.example",
    "a footnote definition": "[^1]: https://evil.example",
    "a reference link": "see [docs][x]\n[x]: https://evil.example",
    "a comment": "docs: <!-- hidden",
    "a backslash undoing an escape": "\\<img src=x onerror=alert(1)>",
    "a backslash before a link": "\\[x](https://evil.example)",
    "a mention": "thanks @octocat!",
    "a team mention": "ping @acme/security",
    "a mention after a stray backtick": "thanks `@octocat",
    "a mention right after code": "`x`@octocat",
    "an event handler through attr_list": "Title {: onclick=alert(1) }",
    "an admonition": '!!! danger "<b>x</b>"',
    "a closing bracket leaving the link text": "x](https://evil.example) [y",
    "an HTML block": "<div onclick=alert(1)>x</div>",
    "a processing instruction": "<?php system('id'); ?>",
    "a table row": "a | <b>b</b> | c",
}


@pytest.mark.parametrize("text", ATTACKS.values(), ids=ATTACKS.keys())
def test_outside_text_renders_as_text(text: str) -> None:
    document = in_every_place(text)
    assert_safe(document, links=[FORGE, "0001-x.md"])


def test_code_holding_a_tag_stays_text_inside_a_collapsed_section() -> None:
    """Python-Markdown reads no Markdown inside a raw <details> block: a code span kept there
    would be live HTML on the MkDocs site."""
    entry = md_text("fix: `<img src=x onerror=alert(1)>` and `<b>`")
    document = f"<details>\n<summary>Maintenance (1)</summary>\n\n- {entry}\n\n</details>"
    assert_safe(document, raw={"details": 1, "summary": 1})


def test_code_holding_a_mention_is_not_kept_as_code() -> None:
    """Inside a collapsed section MkDocs shows a span's backticks and text as written; a
    mention inside it must be inert there too."""
    entry = md_text("build: `npm i @types/node` first")
    document = f"<details>\n<summary>Maintenance (1)</summary>\n\n- {entry}\n\n</details>"
    assert_safe(document, raw={"details": 1, "summary": 1})


def test_the_first_definition_cannot_make_a_later_word_a_link() -> None:
    document = "\n".join(
        f"- {md_text(subject)}" for subject in ["[docs]: https://evil.example", "see [docs]"]
    )
    assert_safe(document)


@pytest.mark.parametrize(
    "text",
    [
        "fix: keep `a[0] > b` code as written",
        "perf: `foo()` is twice as fast",
        "docs: `[x](y)` in `README`",
    ],
)
def test_a_balanced_code_span_stays_code(text: str) -> None:
    for render in RENDERERS.values():
        html = render(f"- {md_text(text)}")
        assert html.count("<code>") == text.count("`") // 2, html


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("docs: branches named `leaddocs/<kind>`", ["leaddocs/", "kind"]),
        ("fix: `a < b` when both are set", ["a", "b"]),
        ("docs: `<details>` and `<summary>` blocks", ["details", "summary"]),
        ("fix: `List<int>` parsing, then `x`", ["List", "int", "x"]),
        ("fix: `<<` alone is no code", []),
        ("fix: ` <b> ` with spaces", ["b"]),
        ("fix: `<x> @octocat` stays text", []),
    ],
)
def test_code_holding_a_tag_sign_is_code_around_it_in_both_renderers(
    text: str, code: list[str]
) -> None:
    """A code span holding ``<`` cannot stay whole (inside raw HTML it would be a tag), so its
    words stay code and its ``<``, ``>`` become text between them: no visible backticks."""
    shown = md_text(text)
    assert "<" not in shown
    for name, render in RENDERERS.items():
        html = render(f"- {shown}")
        assert re.findall(r"<code>(.*?)</code>", html) == code, (name, html)
        assert _plain(text_of(html).replace("\u200b", "")) == _plain(text), (name, html)


@pytest.mark.parametrize(
    "text",
    [
        "chore: bump requests from 2.31.0 to 2.32.0 by dependabot[bot]",
        "fix: the [skip changelog] marker",
        "feat: R&D <-> QA, 3 < 4 > 2, a\\b, &lt;b&gt; and &amp;",
        "fix: `code` then \\`not code`, ``double`` and `` ` `` spans",
        "docs: {curly} [1] [^2] * _ ~ | # ! @ -- end",
        "# big news",
        "1. first",
        "- not a list",
        "+ neither",
        "***",
        "~~~ fence",
        ">quote",
        "    indented",
    ],
)
def test_the_reader_sees_the_text_as_written(text: str) -> None:
    """Escaping is invisible: both renderers show the characters the author typed (emphasis
    aside: ``*`` and ``_`` stay Markdown, and a mention gains an invisible separator)."""
    for name, render in RENDERERS.items():
        for document in (f"- {md_text(text)}", md_text(text)):
            shown = text_of(render(document)).replace("\u200b", "")
            assert _plain(shown) == _plain(text), (name, document)


def _plain(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", "").replace("`", "").split())


@settings(max_examples=200, deadline=None)
@given(untrusted(8))
@example("*a**b*c")  # Python-Markdown's emphasis dropped the "c"
@example("*<**<*<")  # ... and leaked its placeholder "klzzwxh:0002"
@example("`# `0")  # a code span's end spaces: stripped differently by the two renderers
def test_any_text_is_shown_as_written_and_holds_no_tag(text: str) -> None:
    """For any text: the output has no "<" at all (so it stays text even inside raw HTML, where
    Markdown is not read) and no line break, and both renderers show the text as written."""
    # Python-Markdown drops the control characters it uses as placeholders (STX, ETX).
    text = "".join(c for c in text if c.isprintable() or c in "\n\r\t")
    for shown in (md_text(text), md_cell(text)):
        assert "<" not in shown and "\n" not in shown and "\r" not in shown
    for name, render in RENDERERS.items():
        seen = text_of(render(f"- {md_text(text)}")).replace("\u200b", "")
        assert _plain(seen) == _plain(text), (name, md_text(text))


def test_plain_brackets_and_words_are_left_as_written() -> None:
    """The raw CHANGELOG stays readable: nothing is escaped that needs no escaping."""
    for text in ["dependabot[bot]", "fix: the [skip changelog] marker", "plain words: 10.5%"]:
        assert md_text(text) == text


def test_a_mention_is_neutralised_with_an_invisible_separator() -> None:
    assert md_text("thanks @octocat") == "thanks @\u200boctocat"
    assert md_text("mail ada@example.com") == "mail ada@example.com"


def test_a_pipe_in_a_table_cell_stays_in_its_cell() -> None:
    document = f"| A | B |\n| --- | --- |\n| {md_cell('a | b `c|d`')} | end |"
    for render in RENDERERS.values():
        html = render(document)
        assert html.count("<td>") == 2, html
        assert "end" in html.split("<td>")[2], html


def test_line_breaks_cannot_open_a_block() -> None:
    text = "title\n# heading\n\n---\n[x]: https://evil.example"
    for render in RENDERERS.values():
        html = render(f"- {md_text(text)}")
        assert "<h1" not in html and "<hr" not in html, html


TERMINAL_ATTACKS = {
    "a window title and a clear screen": "feat: evil \x1b]0;PWNED\x07\x1b[2J title",
    "an OSC 8 link": "fix: \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ here",
    "8-bit CSI and OSC": "fix: \x9b2J\x9d0;PWNED\x9c title",
    "a colour": "fix: \x1b[31mred\x1b[0m title",
    "NUL, BEL, backspace, DEL": "fix: a\x00b\x07c\x08d\x7fe title",
    "a device control string": "fix: \x1bPq#0;2;0;0;0\x1b\\ title",
}


@pytest.mark.parametrize("text", TERMINAL_ATTACKS.values(), ids=TERMINAL_ATTACKS.keys())
def test_escape_sequences_and_control_characters_are_dropped(text: str) -> None:
    """A commit subject reaches release notes, the changelog and ``adr list --format md``: a
    terminal showing them (``cat CHANGELOG.md``) must not run what it holds."""
    for shown in (md_text(text), md_cell(text)):
        assert not [c for c in shown if unicodedata.category(c) == "Cc" and c != "\t"], shown
        assert "PWNED" not in shown and "2J" not in shown and "evil.example" not in shown
        assert shown.startswith(("feat: ", "fix: ")), shown
        assert shown.endswith(" title" if "title" in text else " here"), shown


def test_the_sequence_pattern_is_the_one_printable_strips() -> None:
    """markup may import no sibling (the layers contract), so it keeps a copy of the pattern."""
    assert markup._ESCAPE_SEQUENCE.pattern == textsafe._SEQUENCE.pattern


def test_line_breaking_controls_become_spaces_and_tabs_stay() -> None:
    assert md_text("a\x0bb\x0cc\x1cd\x85e\tf") == "a b c d e\tf"
    assert md_text("\x1b[1m# heading") == "\\# heading"


def test_control_characters_alone_leave_plain_words() -> None:
    assert md_text("plain\x1b[0m words") == "plain words"
    assert md_text("plain words") == "plain words"


@settings(max_examples=200, deadline=None)
@given(untrusted(8), st.text(alphabet=st.characters(categories=["Cc"]), max_size=4))
def test_no_control_character_but_a_tab_survives(text: str, controls: str) -> None:
    mixed = controls + text + controls
    for shown in (md_text(mixed), md_cell(mixed)):
        assert not [c for c in shown if unicodedata.category(c) == "Cc" and c != "\t"], shown


@pytest.mark.parametrize(
    "text", ["x&#62@octocat", "a &#x3e b", "a &#60img src=x> b", "a &#62; b", "R&D &# 1"]
)
def test_a_numeric_entity_without_its_semicolon_is_shown_as_written(text: str) -> None:
    """Python-Markdown reads ``&#62`` with no ``;`` as ``>``: ``x&#62@octocat`` showed
    ``x>@octocat`` on MkDocs, and a mention that dodged the mention rule."""
    for name, render in RENDERERS.items():
        for document in (f"- {md_text(text)}", f"| a |\n| --- |\n| {md_cell(text)} |"):
            shown = text_of(render(document)).replace("\u200b", "")
            assert shown in (text, f"a {text}"), (name, document, shown)
