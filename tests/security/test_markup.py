"""Outside text placed in Markdown stays text, in every place leaddocs puts it, in both renderers.

Each attack is rendered where leaddocs writes such text: a list entry (``- {text}``), the start
of a paragraph (the contributors line), a heading (``### {text}``), a quotation (``> {text}``)
and a table cell inside a link (the ADR index).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

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
