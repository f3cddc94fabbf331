"""The built site in a real browser: headless Chromium (Debian's) driven by Playwright, on a
site built from a repository of 32 ADRs in every style and status plus one broken file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from leaddocs.application import api
from tests.gitrepo import init_repo
from tests.site.browser import CHROMIUM, CHROMIUM_ARGS, crawl, require_chromium, serve
from tests.site.sites import BROKEN, SEARCH_WORD, make_site, mkdocs

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra")


@dataclass
class Site:
    base: str
    folder: Path
    records: api.DecisionRecords
    page: playwright_api.Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions

    def open(self, path: str) -> playwright_api.Page:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    require_chromium()
    folder = tmp_path_factory.mktemp("browser")
    with pytest.MonkeyPatch.context() as env:
        # What tests/conftest.py's sealed_git does per test, once for the module's repository.
        (folder / ".gitconfig").write_text("[user]\n\tname = T\n\temail = t@example.com\n")
        env.setenv("HOME", str(folder))
        env.setenv("GIT_CONFIG_GLOBAL", str(folder / ".gitconfig"))
        env.setenv("GIT_CONFIG_NOSYSTEM", "1")
        env.delenv("GITHUB_TOKEN", raising=False)
        root = make_site(init_repo(folder / "repo"))
        built = mkdocs(root)  # not --strict: the broken record is part of what is checked
        assert built.returncode == 0, built.stderr
        records = api.decision_records(api.open_project(root))
    with serve(root / "site") as base, playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        result = Site(base, folder, records, page)
        page.on("request", lambda request: result.requests.append(request.url))
        page.on(
            "console",
            lambda message: result.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: result.errors.append(str(error)))
        yield result
        browser.close()


def _rows(page: playwright_api.Page) -> dict[str, str]:
    """Visible rows of the Decisions table: id -> the status its badge shows."""
    found: dict[str, str] = page.eval_on_selector_all(
        "article table tbody tr",
        """rows => Object.fromEntries(rows.filter(r => !r.hidden).map(r => [
               r.cells[0].textContent.trim(),
               r.querySelector('[data-status]').textContent.trim()]))""",
    )
    return found


def test_the_index_lists_every_record_with_its_status_and_the_broken_one_with_its_error(
    site: Site,
) -> None:
    page = site.open("decisions/")
    shown = _rows(page)
    assert {r.id: r.status for r in site.records.records}.items() <= shown.items()
    assert shown["0031"] == "unreadable" and len(shown) == len(site.records.records) + 1
    text = page.inner_text("article")
    assert f"adr/{BROKEN}:1: front matter is not closed" in text
    page.screenshot(path=str(site.folder / "decisions-index.png"), full_page=True)
    shutil.copy(site.folder / "decisions-index.png", "/tmp/leaddocs-site-index.png")


def test_the_filter_narrows_the_index_by_status_and_by_tag(site: Site) -> None:
    page = site.open("decisions/")
    page.select_option('select[data-filter="status"]', "superseded")
    superseded = {r.id for r in site.records.records if r.status == "superseded"}
    assert set(_rows(page)) == superseded and len(superseded) >= 2
    page.select_option('select[data-filter="status"]', "")
    page.select_option('select[data-filter="tag"]', "storage")
    tagged = {r.id for r in site.records.records if "storage" in r.tags}
    assert set(_rows(page)) == tagged and 0 < len(tagged) < len(site.records.records)
    assert page.inner_text(".leaddocs-filter__count") == f"{len(tagged)} of 33 shown"


def test_a_superseded_record_links_to_its_successor_and_back(site: Site) -> None:
    page = site.open("decisions/0021-decide-topic-21/")
    page.click(".admonition >> text=0022. Decide topic 22")
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == "/decisions/0022-decide-topic-22/"
    assert "Supersedes" in page.inner_text(".admonition")
    page.click(".admonition >> text=0021. Decide topic 21")
    assert urlsplit(page.url).path == "/decisions/0021-decide-topic-21/"


def test_search_finds_a_record_by_a_word_in_its_body(site: Site) -> None:
    page = site.open("")
    page.click("input.md-search__input")
    page.keyboard.type(SEARCH_WORD)
    result = page.wait_for_selector(".md-search-result__item")
    assert result is not None
    assert "Decide topic 12" in page.inner_text(".md-search-result")


def test_the_releases_status_and_graph_pages_render(site: Site) -> None:
    releases = site.open("releases/").inner_text("article")
    assert releases.startswith("Releases") and "v1.1.0" in releases and "wobble" in releases
    status = site.open("status/").inner_text("article")
    assert status.index("Week of 2026-11-27") < status.index("Week of 2026-11-20")
    graph = site.open("decisions/graph/")
    # Material swaps each pre.mermaid for a div holding the drawing in a closed shadow root,
    # once mermaid.js (the copy shipped with the site) has drawn it.
    drawing = graph.wait_for_selector("div.mermaid")
    assert drawing is not None and graph.locator("pre.mermaid").count() == 0
    box = drawing.bounding_box()
    assert box is not None and box["height"] > 200
    graph.screenshot(path=str(site.folder / "graph.png"))
    assert "0022. Decide topic 22 supersedes 0021. Decide topic 21" in graph.inner_text("article")


def test_a_hostile_title_is_text_on_its_page_and_in_the_navigation(site: Site) -> None:
    page = site.open("decisions/0020-decide-topic-20/")
    assert page.locator("article img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.inner_text("article h1")
    assert "<img src=x" in page.inner_text(".md-header__topic:last-child")


def test_a_script_link_in_a_body_is_not_a_link_in_the_browser(site: Site) -> None:
    page = site.open("decisions/0020-decide-topic-20/")
    # The URLs as Chromium parsed them, entities decoded: only the safe one is a link.
    protocols = page.eval_on_selector_all(
        "article a[href], article [src]", "els => els.map(e => new URL(e.href || e.src).protocol)"
    )
    assert set(protocols) <= {"http:", "https:"}, protocols
    assert page.locator("article a[href='https://example.org/']").count() == 1
    assert "a b c [d][r] e safe" in " ".join(page.inner_text("article").split())


def test_every_internal_link_answers_200(site: Site) -> None:
    statuses = crawl(site.base)
    pages = {f"{site.base}decisions/{record.stem}/" for record in site.records.records}
    assert pages <= set(statuses)  # every ADR page is reached from the site's own links
    assert {url: code for url, code in statuses.items() if code != 200} == {}


def test_no_console_error_and_no_request_but_to_127_0_0_1(site: Site) -> None:
    # Runs last in this module: it checks what every page visit above recorded.
    assert site.requests and not site.errors, site.errors
    hosts = {urlsplit(url).hostname for url in site.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}
