"""The memo one ``mkdocs serve`` keeps between rebuilds is never stale: after any change to
what the pages are made from, the pages made with it equal a fresh build's."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from leaddocs.application import api
from tests.gitrepo import Repo
from tests.site.sites import commit_small_site


def _record(
    title: str, *, body: str = "We chose it.", status: str = "accepted", extra: str = ""
) -> str:
    return (
        f"---\nstatus: {status}\ndate: 2024-03-01\ntags: [platform]\n{extra}---\n"
        f"# {title}\n\n## Context\n\n{body}\n"
    )


AMENDS = "amends: ['0002']\n"


@pytest.fixture
def site(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> Repo:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = repo.path
    (root / "adr").mkdir()
    (root / "adr" / "0001-use-postgres.md").write_text(_record("Use PostgreSQL"))
    (root / "adr" / "0002-use-kafka.md").write_text(_record("Use Kafka"))
    # 0003 amends 0002: the page of 0003 names 0002's title, which 0003's file does not hold.
    (root / "adr" / "0003-use-redis.md").write_text(_record("Use Redis", extra=AMENDS))
    commit_small_site(repo)
    repo.commit("fix: a widget wobbled")
    return repo


def _pages(root: Path, memo: api.SiteMemo | None) -> dict[str, tuple[str, tuple[str, ...]]]:
    options = api.SiteOptions(docs_dir=root / "docs")
    pages = api.site_pages(api.open_project(root), options, memo)
    return {page.path.as_posix(): (page.body, page.notes) for page in pages}


def _undated(repo: Repo) -> None:
    """A record that states no date: its date is its file's first commit, once committed."""
    (repo.path / "adr" / "0004-no-date.md").write_text("# No date\n\nStatus: accepted\n")


def _same_size_and_time(repo: Repo) -> None:
    """An edit that keeps the file's size and modification time: its bytes still tell."""
    path = repo.path / "adr" / "0002-use-kafka.md"
    before = path.stat()
    path.write_text(path.read_text().replace("Kafka", "Pulsa"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _symlinked(repo: Repo) -> None:
    """A record replaced by a symlink leading out of the repository: never published."""
    outside = repo.path.parent / "outside.md"
    outside.write_text(_record("Secret"))
    target = repo.path / "adr" / "0003-use-redis.md"
    target.unlink()
    target.symlink_to(outside)


CHANGES: dict[str, Callable[[Repo], object]] = {
    "a record's body": lambda repo: (repo.path / "adr" / "0002-use-kafka.md").write_text(
        _record("Use Kafka", body="We chose it for its log.")
    ),
    "a record's title, which a page of a record linking it shows": lambda repo: (
        repo.path / "adr" / "0002-use-kafka.md"
    ).write_text(_record("Use Apache Kafka")),
    "a link: the other record's page shows its half": lambda repo: (
        repo.path / "adr" / "0003-use-redis.md"
    ).write_text(_record("Use Redis", extra="supersedes: ['0001']\n")),
    "a new record": lambda repo: (repo.path / "adr" / "0004-use-nats.md").write_text(
        _record("Use NATS", status="proposed")
    ),
    "a deleted record": lambda repo: (repo.path / "adr" / "0001-use-postgres.md").unlink(),
    "a record that cannot be read": lambda repo: (
        repo.path / "adr" / "0002-use-kafka.md"
    ).write_text("---\nstatus: accepted\n# Use Kafka\n"),
    "the same size and modification time": _same_size_and_time,
    "a symlink out of the repository": _symlinked,
    "a new commit": lambda repo: repo.commit("feat: add a gadget"),
    "a new tag": lambda repo: repo.tag("v1.1.0"),
    "an undated record committed": lambda repo: (
        _undated(repo),
        repo.git("add", "-A"),
        repo.commit("docs: an undated record"),
    ),
    "the configuration": lambda repo: (repo.path / "leaddocs.yml").write_text(
        "skip:\n  message_patterns: ['wobbled']\n"  # the fix is left out of the Releases
    ),
    "a branch moved to another commit (HEAD's sha the same)": lambda repo: repo.git(
        "checkout", "-q", "-b", "topic"
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_pages_made_with_the_memo_equal_a_fresh_builds_after_a_change(
    site: Repo, change: str
) -> None:
    memo = api.SiteMemo()
    first = _pages(site.path, memo)
    assert _pages(site.path, memo) == first  # kept, and the same
    CHANGES[change](site)
    fresh = _pages(site.path, None)
    assert fresh != first or change.startswith("a branch")  # the change shows on the site
    assert _pages(site.path, memo) == fresh
    assert _pages(site.path, memo) == fresh  # and again, from what the memo kept this time


def test_every_change_in_a_row_with_one_memo(site: Repo) -> None:
    memo = api.SiteMemo()
    _pages(site.path, memo)
    for change in CHANGES.values():
        change(site)
        assert _pages(site.path, memo) == _pages(site.path, None)


def test_an_undated_record_gets_its_date_when_committed_though_its_bytes_did_not_change(
    site: Repo,
) -> None:
    memo = api.SiteMemo()
    _undated(site)
    undated = _pages(site.path, memo)
    site.git("add", "-A")
    site.commit("docs: an undated record")
    dated = _pages(site.path, memo)
    assert dated == _pages(site.path, None)
    assert dated["decisions/timeline.md"] != undated["decisions/timeline.md"]


def test_a_memo_moved_to_another_repository_reads_it_afresh(site: Repo, tmp_path: Path) -> None:
    memo = api.SiteMemo()
    before = _pages(site.path, memo)
    copy = tmp_path / "copy"
    shutil.copytree(site.path, copy, symlinks=True)
    (copy / "adr" / "0002-use-kafka.md").write_text(_record("Use Kafka elsewhere"))
    assert _pages(copy, memo) == _pages(copy, None)
    assert _pages(site.path, memo) == before


def test_a_title_edit_is_read_again_but_an_unchanged_record_is_not(
    site: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memo does what it is for: one edit parses one record again."""
    from leaddocs.application.pages import memo as memo_module

    memo = api.SiteMemo()
    _pages(site.path, memo)
    read: list[str] = []
    real = memo_module.read_file
    monkeypatch.setattr(
        memo_module, "read_file", lambda path, rel, root: read.append(rel) or real(path, rel, root)
    )
    (site.path / "adr" / "0002-use-kafka.md").write_text(_record("Use Apache Kafka"))
    _pages(site.path, memo)
    assert read == ["adr/0002-use-kafka.md"]


# The plugin, as `mkdocs serve` runs it: one instance, started once, rebuilt after each change.


def _build(root: Path, site_dir: str, *, start: str | None) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / site_dir))
    if start is not None:
        config.plugins.on_startup(command=start, dirty=False)  # type: ignore[arg-type]
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        build(config)
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)


def _html(root: Path, site_dir: str) -> dict[str, str]:
    folder = root / site_dir
    return {
        path.relative_to(folder).as_posix(): path.read_text()
        for path in sorted(folder.rglob("*.html"))
        if path.relative_to(folder).parts[0] in ("decisions", "releases")
    }


def test_a_serve_rebuild_after_changes_equals_a_fresh_mkdocs_build(site: Repo) -> None:
    _build(
        site.path, "served", start="serve"
    )  # `mkdocs serve` starts; later rebuilds start nothing
    (site.path / "adr" / "0002-use-kafka.md").write_text(_record("Use Apache Kafka"))
    site.commit("feat: add a gadget")
    site.tag("v1.1.0")
    _build(site.path, "served", start=None)
    served = _html(site.path, "served")
    _build(site.path, "fresh", start="build")  # `mkdocs build`: reads everything
    assert served == _html(site.path, "fresh")
    assert "Use Apache Kafka" in served["decisions/index.html"]
    assert "v1.1.0" in served["releases/index.html"]


def test_leaddocs_site_build_after_a_serve_in_the_same_process_keeps_no_memo(
    site: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs keeps the plugin instance for the whole process: a build starts it again, so it
    reads every record through ``read_file``, as ``mkdocs build`` does."""
    from leaddocs.adr.log import read_file
    from leaddocs.application.pages import records
    from leaddocs.application.pages.memo import RecordReads

    readers: list[object] = []
    real = records.load_log
    monkeypatch.setattr(
        records,
        "load_log",
        lambda root, folder, read: readers.append(read) or real(root, folder, read),
    )
    _build(site.path, "served", start="serve")
    assert isinstance(readers[-1], RecordReads)
    api.build_site(api.open_project(site.path))
    assert readers[-1] is read_file
