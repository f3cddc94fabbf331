"""The site's pages as the application layer makes them, rendered by Python-Markdown as MkDocs
does: outside text stays text, a broken record is listed with its line, dates are the records'."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from leaddocs.application import api
from leaddocs.application.pages.body import adr_body as api_body
from tests.gitrepo import Repo
from tests.site.sites import BROKEN, HOSTILE_TITLE, make_site


def _pages(root: Path) -> dict[str, api.Document]:
    project = api.open_project(root)
    pages = api.site_pages(project, api.SiteOptions(docs_dir=root / "docs"))
    return {page.path.as_posix(): page for page in pages}


def _html(text: str) -> str:
    # MkDocs always adds toc, tables and fenced_code; the test sites add admonition.
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # MkDocs reads front matter apart
    return markdown.markdown(text, extensions=["admonition", "tables", "fenced_code", "toc"])


def test_every_record_is_a_page_and_the_index_lists_each_with_its_status(repo: Repo) -> None:
    pages = _pages(make_site(repo))
    records = api.decision_records(api.open_project(repo.path))
    assert len(records.records) == 32  # 11 samples + 21 made here; the broken one apart
    index = pages["decisions/index.md"].body
    for record in records.records:
        assert f"decisions/{record.stem}.md" in pages
        row = next(line for line in index.splitlines() if f"]({record.stem}.md)" in line)
        assert f'data-status="{record.status}"' in row
    assert {"decisions/timeline.md", "decisions/graph.md", "releases.md", "status/index.md"} <= set(
        pages
    )


def test_a_broken_record_is_listed_with_its_file_and_line_and_noted(repo: Repo) -> None:
    pages = _pages(make_site(repo))
    index = pages["decisions/index.md"]
    assert f"adr/{BROKEN}:1: front matter is not closed" in index.notes[0]
    assert "could not be read" in _html(index.body)
    assert f"adr/{BROKEN}:1:" in re.sub(r"\\(.)", r"\1", index.body)
    assert len([n for n in index.notes]) == 1


def test_a_hostile_title_and_body_render_as_text(repo: Repo) -> None:
    pages = _pages(make_site(repo))
    for path in (
        "decisions/index.md",
        "decisions/timeline.md",
        "decisions/0020-decide-topic-20.md",
    ):
        html = _html(pages[path].body)
        assert "<img" not in html and 'href="javascript:' not in html, path
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, path
    front_matter = pages["decisions/0020-decide-topic-20.md"].body.split("---")[1]
    assert "<" not in front_matter and "&lt;img src=x" in front_matter  # the nav's title
    body = _html(pages["decisions/0012-decide-topic-12.md"].body)
    assert "<script" not in body and "&lt;script&gt;alert(3)" in body


def test_an_adr_body_keeps_its_markdown_but_makes_no_html(repo: Repo) -> None:
    root = make_site(repo)
    (root / "adr" / "0032-markup.md").write_text(
        "# Markup\n\n<!-- a template hint -->\n## Options\n\n* `<b>` in code {stays}\n"
        "* <b>bold</b> and {: onclick=x} <https://example.com/x>\n"
        "* [run](javascript:alert(1)) and [ok](https://example.com)\n\n"
        "```html\n<script>kept as code</script>\n```\n"
    )
    html = _html(_pages(root)["decisions/0032-markup.md"].body)
    assert '<h2 id="options">Options</h2>' in html and "template hint" not in html
    assert "<code>&lt;b&gt;</code>" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert '<a href="https://example.com/x">' in html and '<a href="https://example.com">' in html
    assert 'href="javascript:' not in html and "onclick" not in html.split("{")[0] + "x"
    assert "&lt;script&gt;kept as code&lt;/script&gt;" in html
    assert html.count("<h1") == 1 and "Markup</h1>" in html  # the escaped title, once


def test_supersede_links_go_both_ways(repo: Repo) -> None:
    pages = _pages(make_site(repo))
    old = _html(pages["decisions/0021-decide-topic-21.md"].body)
    new = _html(pages["decisions/0022-decide-topic-22.md"].body)
    assert 'Superseded by <a href="0022-decide-topic-22.md">' in old
    assert 'Supersedes <a href="0021-decide-topic-21.md">' in new
    graph = pages["decisions/graph.md"].body
    assert "adr_0022 --&gt;|supersedes| adr_0021" in graph
    assert "adr_0005 --&gt;|supersedes| adr_0002" in graph


def test_dates_come_from_the_records_newest_first(repo: Repo) -> None:
    pages = _pages(make_site(repo))
    timeline = pages["decisions/timeline.md"].body
    dates = re.findall(r"^- \*\*(\d{4}-\d{2}-\d{2})\*\*", timeline, re.M)
    stated = [r.date for r in api.decision_records(api.open_project(repo.path)).records]
    assert dates == sorted((d for d in stated if d), reverse=True)
    status = pages["status/index.md"].body
    assert status.index("Week of 2026-11-27") < status.index("Week of 2026-11-20")


def test_releases_come_from_the_changelog_and_an_empty_repository_has_none(
    repo: Repo, tmp_path: Path
) -> None:
    pages = _pages(make_site(repo))
    releases = pages["releases.md"].body
    assert releases.startswith("# Releases") and "v1.1.0" in releases and "wobble" in releases
    empty = Repo(tmp_path / "empty")
    empty.path.mkdir()
    empty.git("init", "-q", "-b", "main")
    (empty.path / "docs").mkdir()
    fresh = _pages(empty.path)
    assert "No commits yet" in fresh["releases.md"].body
    assert "No status pages yet" in fresh["status/index.md"].body
    # No ADR folder yet: the Decisions tab still has its page (a nav entry never dangles).
    assert "No decision records yet" in fresh["decisions/index.md"].body


def test_hostile_text_cannot_make_html_in_a_status_title_or_a_mermaid_label(repo: Repo) -> None:
    root = make_site(repo)
    (root / "docs" / "status" / "2026-12-04.md").write_text(f"# {HOSTILE_TITLE}\n")
    (root / "adr" / "0033-hostile.md").write_text(
        f'---\nstatus: accepted\nsupersedes: ["0010"]\n---\n# {HOSTILE_TITLE}"] --> x["\n'
    )
    pages = _pages(root)
    assert "<img" not in _html(pages["status/index.md"].body)
    diagram = pages["decisions/graph.md"].body.split("<code>")[1].split("</code>")[0]
    labels = re.findall(r'\["([^"]*)"\]', diagram)
    assert any(label.startswith("0033 img src x onerror") for label in labels)
    assert all(re.fullmatch(r"[\w .,\-]*", label) for label in labels)
    assert "<" not in diagram and "adr_0033 --&gt;|supersedes| adr_0010" in diagram


HOSTILE_LINKS = (
    "[a](&#106;avascript:alert(1))",
    "[b](javascript&colon;alert(2))",
    "[c](java&#9;script:alert(3))",
    "[c2](java\tscript:alert(3))",
    "[r4][r]\n\n[r]: &#x6A;avascript:alert(4)",
    "[r5][s]\n\n[s]:\n  javascript:alert(5)",
    "[d](&#x64;ata:text/html,x)",
    "![i](&#x64;ata:text/html,x)",
    "[e](<javascript:alert(6)>)",
    "[f](JaVaScRiPt:alert(7))",
    "[g](vbscript:msgbox(8))",
    "[h](&#0000106;avascript:alert(9))",
    "[i](&amp;#106;avascript:alert(10))",
    "[[nested](javascript:alert(11))](javascript:alert(12))",
)


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value or "" for name, value in attrs if name in ("href", "src")]


def _browser_scheme(url: str) -> str | None:
    """The scheme a browser reads (the URL standard strips tab and newline everywhere and
    leading C0 controls and spaces); the parser has decoded the entities already."""
    bare = re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(0x21))))
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", bare)
    return scheme[1].lower() if scheme else None


@pytest.mark.parametrize("markdown_text", HOSTILE_LINKS)
def test_an_encoded_script_link_keeps_only_its_text(markdown_text: str) -> None:
    body = api_body(
        f"# T\n\n{markdown_text}\n\nSafe [docs](https://example.org) and [x](other.md).\n"
    )
    parser = _Targets()
    parser.feed(_html(body))
    schemes = {_browser_scheme(target) for target in parser.found}
    assert schemes <= {None, "https"}, (parser.found, body)
    assert "https://example.org" in parser.found and "other.md" in parser.found


CODE_FORMS = {
    "fenced": "Text.\n\n```java\nList<String> names;\nif (a < b) {}\n```\n",
    "tilde fenced": "Text.\n\n~~~\nList<String> names;\nif (a < b) {}\n~~~\n",
    "indented": "Text.\n\n    List<String> names;\n    if (a < b) {}\n\nMore.\n",
    "indented in a list": "- item\n\n        List<String> names;\n        if (a < b) {}\n",
    "fenced in a list": "- item\n\n    ```java\n    List<String> names;\n    if (a < b) {}\n    ```\n",
    "fenced in a list, no blank line": "1. item\n    ```\n    List<String> names;\n    if (a < b) {}\n    ```\n",
}


@pytest.mark.parametrize("form", CODE_FORMS)
def test_code_in_every_form_shows_its_angle_brackets_as_written(form: str) -> None:
    html = _html(api_body("# T\n\nIntro.\n\n" + CODE_FORMS[form]))
    codes = "".join(re.findall(r"<code[^>]*>(.*?)</code>", html, flags=re.S))
    assert "List&lt;String&gt;" in codes and "a &lt; b" in codes, html
    assert "&amp;lt;" not in html, html


HTML_NOT_CODE = {
    # Python-Markdown's fenced_code reads a fence at column 0 only, closed by the same fence.
    "fence indented by 2": "Intro.\n\n  ```\nx\n\n<img src=x onerror=alert(1)>\n  ```\n",
    "longer closing fence": "Intro.\n\n````\n<img src=x onerror=alert(2)>\n`````\n",
    "unclosed fence": "Intro.\n\n```\n<img src=x onerror=alert(3)>\n",
    # 4 spaces after a list item: the item's paragraph, not code.
    "list paragraph": "- item\n\n    <img src=x onerror=alert(4)>\n",
    "nested list paragraph": "- a\n\n    - b\n\n        <img src=x onerror=alert(5)>\n",
    # The body follows the status admonition: 4 spaces at its start are the admonition's.
    "indented first block": "    <img src=x onerror=alert(6)>\n",
    "fence in a list with a blank line": "- i\n\n    ```\n    x\n\n    <img src=x onerror=alert(7)>\n    ```\n",
    "fence in a list broken by a heading": "- i\n\n    ```\n    # h\n    <img src=x onerror=alert(8)>\n    ```\n",
}


@pytest.mark.parametrize("form", HTML_NOT_CODE)
def test_html_where_the_renderer_sees_text_stays_text(form: str) -> None:
    page = "!!! note\n\n    Status box.\n\n" + api_body("# T\n\n" + HTML_NOT_CODE[form])
    html = _html(page)
    assert "<img" not in html, (api_body("# T\n\n" + HTML_NOT_CODE[form]), html)


def test_an_unreadable_record_is_listed_in_number_order(repo: Repo) -> None:
    root = make_site(repo)
    (root / "adr" / "0015-broken-too.md").write_text("---\nstatus: accepted\n# unclosed\n")
    index = _pages(root)["decisions/index.md"].body
    ids = [line.split("|")[1].strip() for line in index.splitlines() if line.startswith("| 00")]
    numbered = [i for i in ids if len(i) == 4]
    assert numbered == sorted(numbered) and "0015" in numbered and "0031" in numbered
