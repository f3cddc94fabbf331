"""``mkdocs serve --dirty``: after one ADR edit, only that record's page is rendered again (and
the index, timeline and graph, whose Markdown changed too), in one process as ``mkdocs serve``
rebuilds."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import Repo
from tests.site.sites import commit_small_site

RECORDS = 50


def _record(number: int, title: str, extra: str = "") -> str:
    return (
        f"---\nstatus: accepted\ndate: 2024-01-{number % 28 + 1:02d}\ntags: [platform]\n---\n"
        f"# {title}\n\n## Context\n\nRecord {number}.\n{extra}"
    )


def _name(number: int) -> str:
    return f"{number:04d}-decide-topic-{number}.md"


@pytest.fixture
def site(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = repo.path
    (root / "adr").mkdir()
    for number in range(1, RECORDS + 1):
        (root / "adr" / _name(number)).write_text(_record(number, f"Decide topic {number}"))
    commit_small_site(repo)
    return root


def _build(root: Path, *, dirty: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # 50 "not in nav" lines otherwise
    try:
        # A new configuration each time, as `mkdocs serve` loads one for every rebuild.
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")), dirty=dirty)
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)


def _page(root: Path, number: int) -> Path:
    return root / "site" / "decisions" / _name(number).removesuffix(".md") / "index.html"


def test_a_dirty_rebuild_renders_the_edited_record_and_the_index_only(site: Path) -> None:
    _build(site, dirty=False)
    untouched = _page(site, 7).stat().st_mtime_ns
    releases = (site / "site" / "releases" / "index.html").stat().st_mtime_ns
    before = _page(site, 25).read_text()
    (site / "adr" / _name(25)).write_text(_record(25, "Use Kafka for the event log"))

    _build(site, dirty=True)

    after = _page(site, 25).read_text()
    assert after != before and "Use Kafka for the event log" in after
    assert _page(site, 7).stat().st_mtime_ns == untouched  # not rendered again
    index = (site / "site" / "decisions" / "index.html").read_text()
    assert "Use Kafka for the event log" in index and "Decide topic 25<" not in index
    timeline = (site / "site" / "decisions" / "timeline" / "index.html").read_text()
    assert "Use Kafka for the event log" in timeline
    # History did not change: the Releases page is made again but not rendered again.
    assert (site / "site" / "releases" / "index.html").stat().st_mtime_ns == releases


def test_a_dirty_rebuild_renders_a_record_whose_links_changed(site: Path) -> None:
    _build(site, dirty=False)
    untouched = _page(site, 7).stat().st_mtime_ns
    # 0030 now supersedes 0012: the page of 0012 says so, though its file did not change.
    link = f"\nSupersedes [ADR 12]({_name(12)})\n"
    (site / "adr" / _name(30)).write_text(_record(30, "Decide topic 30", link))

    _build(site, dirty=True)

    assert "Superseded by" in _page(site, 12).read_text()
    assert _page(site, 7).stat().st_mtime_ns == untouched


def test_a_dirty_rebuild_renders_every_record_when_the_site_changed(site: Path) -> None:
    _build(site, dirty=False)
    first = _page(site, 7).stat().st_mtime_ns
    _page(site, 8).unlink()  # an output file gone: rendered again
    (site / "docs" / "guide.md").write_text("# Guide\n")  # a new page in the navigation

    _build(site, dirty=True)

    assert _page(site, 8).is_file()
    assert _page(site, 7).stat().st_mtime_ns != first
    assert "Guide" in _page(site, 7).read_text()  # the navigation of every page has it


def test_site_serve_dirty_serves_as_mkdocs_serve_dirty(
    site: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mkdocs.commands.serve

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(mkdocs.commands.serve, "serve", lambda **kwargs: calls.append(kwargs))
    assert cli("--repo", site, "site", "serve", "--dirty").code == 0
    assert cli("--repo", site, "site", "serve").code == 0
    assert calls[0]["build_type"] == "dirty"
    assert "build_type" not in calls[1]


def test_serve_watches_where_git_writes_a_commit_and_a_tag(site: Path, repo: Repo) -> None:
    # A commit or a tag alone changes the Releases page: `serve` rebuilds on it, not only on
    # the next edit of a page.
    from mkdocs.config import load_config

    config = load_config(str(site / "mkdocs.yml"))
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    config.plugins["leaddocs"].on_serve(Server(), config=config, builder=None)
    refs = Path(repo.git("rev-parse", "--path-format=absolute", "--git-common-dir")) / "refs"
    assert str(refs.resolve()) in watched
