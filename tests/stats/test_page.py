"""The Drafting stats page on the site, and outside text (file names) on the page and in the
table: shown as written, never as markup or terminal control."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leaddocs.application import api
from leaddocs.markers import mark_document
from tests.security.rendered import assert_safe, commonmark, text_of
from tests.site.sites import MKDOCS_YML, mkdocs
from tests.stats.shop import Shop

HOSTILE = "notes/<img src=x onerror=alert(1)> [me](javascript:alert(2)) @here | x.md"


def _commit_generated(shop: Shop, path: str) -> None:
    target = shop.repo.path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(mark_document("# Notes\n\nWritten by leaddocs.\n"))
    shop.git("add", "--", path)
    shop.git("commit", "-qm", "docs: generated notes", at="2025-02-02T10:00:00Z")


def _page(root: Path, **options: Any) -> api.Document | None:
    project = api.open_project(root)
    pages = api.site_pages(project, api.SiteOptions(docs_dir=root / "docs", **options))
    named = {page.path.as_posix(): page for page in pages}
    return named.get(options.get("stats_page", "drafting-stats.md"))


def test_the_site_has_a_drafting_stats_page_unless_turned_off(shop: Shop) -> None:
    path = shop.draft()
    shop.merge(at="2025-03-03T10:00:00Z")
    page = _page(shop.repo.path)
    assert page is not None and page.body.startswith("# Drafting stats\n")
    assert "| release-notes | 1 | 1 | 1 (100%) |" in page.body
    assert f"| 2025-03-03 | release-notes | {path} | unchanged |" in page.body.replace("\\", "")
    assert_safe(page.body)
    moved = _page(shop.repo.path, stats_page="about/drafts.md")
    assert moved is not None and moved.path.as_posix() == "about/drafts.md"
    assert _page(shop.repo.path, stats=False) is None


def test_a_hostile_file_name_is_text_on_the_page_and_in_the_table(shop: Shop, cli: Any) -> None:
    _commit_generated(shop, HOSTILE)
    _commit_generated(shop, "notes/red\x1b[31m\x9b2J.md")
    page = _page(shop.repo.path)
    assert page is not None
    assert_safe(page.body)
    shown = text_of(commonmark(page.body))  # a mention is no mention: "@" + zero-width space
    assert "<img src=x onerror=alert(1)> [me](javascript:alert(2)) @\u200bhere | x.md" in shown
    table = cli("--repo", shop.repo.path, "stats")
    assert table.code == 0, table
    assert "\x1b" not in table.stdout and "\x9b" not in table.stdout
    assert "other" in table.stdout and "2 (100%)" in table.stdout


def test_mkdocs_builds_the_page_strictly(shop: Shop) -> None:
    shop.draft()
    (shop.repo.path / "mkdocs.yml").write_text(MKDOCS_YML)
    (shop.repo.path / "docs").mkdir(exist_ok=True)
    (shop.repo.path / "docs" / "index.md").write_text("# Shop\n")
    built = mkdocs(shop.repo.path, "--strict")
    assert built.returncode == 0, built.stderr
    html = (shop.repo.path / "site" / "drafting-stats" / "index.html").read_text()
    assert "Drafting stats" in html and "not merged" in html
