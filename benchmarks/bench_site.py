#!/usr/bin/env python3
"""Benchmark: what the leaddocs MkDocs plugin adds to `mkdocs build`, for 1,000 ADRs and 200
releases, and a `mkdocs serve`-style rebuild after one ADR is edited.

Targets: under 2 s added to the build; the rebuild after an ADR edit under 1 s.

    python benchmarks/bench_site.py [--adrs 1000] [--releases 200] [--repeat 3]

The workload is generated into benchmarks/.work/site-<adrs>-<releases>/: a git repository
with the ADRs in five styles (benchmarks/bench_adr.py's generator), 200 tagged releases of
ten commits each (made with git fast-import), and a docs/ folder of a few pages.

Four builds are measured in the same run, alternating, best of N, in this process (MkDocs'
own build function, as `mkdocs serve` calls it), so process start-up is not counted:

- **plain**: the same pages as files. The plugin's pages are written into a copy of docs/
  once, and MkDocs builds that without the plugin: what a site with hand-kept pages costs.
- **plugin**: docs/ alone, the leaddocs plugin making every page in memory at build time.
- **rebuild**: `mkdocs serve` started (its first build, not timed), one ADR's file edited,
  then the whole build again, as `mkdocs serve` does on a change (config reloaded, every page
  rendered; the plugin reads again only the records that changed).
- **dirty rebuild**: one ADR's title edited, then `build(config, dirty=True)`, as
  `mkdocs serve --dirty` (`leaddocs site serve --dirty`) does: config reloaded, the plugin
  instance kept, only the edited record read again, and only the pages whose Markdown changed
  rendered (the record's, the index, timeline and graph, the page of the record it
  supersedes); the count of pages written is printed.

The difference plugin - plain is what the plugin adds: reading 1,000 records and 200
releases from git and making their pages. `site_pages` alone is timed too, and again after one
ADR edit with the memo one `mkdocs serve` keeps (`api.SiteMemo`).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from leaddocs.application import api

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_adr import _record  # the same ADRs as the listing benchmark

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"
MKDOCS_YML = """\
site_name: Bench
theme:
  name: material
  font: false
plugins:
  - search
{leaddocs}markdown_extensions:
  - admonition
"""


def _history(repo: Path, releases: int) -> None:
    """Ten commits per release, each release tagged, through git fast-import (seconds)."""
    lines: list[str] = []
    mark = 0
    for release in range(1, releases + 1):
        for n in range(10):
            mark += 1
            kind = ("feat", "fix", "docs", "refactor", "perf")[mark % 5]
            message = f"{kind}(core): change {mark} of release {release}\n"
            stamp = 1_600_000_000 + mark * 3600
            lines += [
                "commit refs/heads/main",
                f"mark :{mark}",
                f"committer Bench <bench@example.com> {stamp} +0000",
                f"data {len(message.encode())}",
                message,
            ]
            if mark > 1:
                lines.append(f"from :{mark - 1}")
            lines += [f"M 644 inline f{n}.txt", f"data {len(str(mark)) + 1}", f"{mark}", ""]
        lines += [f"reset refs/tags/v{release}.0.0", f"from :{mark}", ""]
    stream = "\n".join(lines) + "\n"
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=stream.encode(), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)


def workload(adrs: int, releases: int) -> Path:
    repo = WORK / f"site-{adrs}-{releases}"
    if (repo / "mkdocs.yml").is_file():
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    (repo / "adr").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    _history(repo, releases)
    for number in range(1, adrs + 1):
        name, text = _record(number)
        (repo / "adr" / name).write_text(text)
    docs = repo / "docs"
    (docs / "status").mkdir(parents=True)
    (docs / "index.md").write_text("# Bench\n\nA site of many decisions.\n")
    for week in range(1, 11):
        (docs / "status" / f"2026-{week:02d}-01.md").write_text(f"# Week {week}\n\nShipped.\n")
    (repo / "mkdocs.yml").write_text(MKDOCS_YML.format(leaddocs="  - leaddocs\n"))
    return repo


def plain_copy(repo: Path) -> Path:
    """The same site without the plugin: its pages written out as files, once."""
    plain = WORK / f"{repo.name}-plain"
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(repo / "docs", plain / "docs")
    project = api.open_project(repo)
    for page in api.site_pages(project, api.SiteOptions(docs_dir=repo / "docs")):
        target = plain / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.body)
    for name in ("leaddocs.css", "leaddocs.js", "mermaid.min.js"):  # what the plugin ships
        source = ROOT / "leaddocs" / "site" / "assets" / name
        (plain / "docs" / "assets" / "leaddocs").mkdir(parents=True, exist_ok=True)
        shutil.copy(source, plain / "docs" / "assets" / "leaddocs" / name)
    # The plugin keeps the ADR pages out of the navigation; the plain site does the same.
    not_in_nav = "not_in_nav: |\n  /decisions/*.md\n" + "".join(
        f"  !/decisions/{name}.md\n" for name in ("index", "timeline", "graph")
    )
    (plain / "mkdocs.yml").write_text(MKDOCS_YML.format(leaddocs="") + not_in_nav)
    return plain


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _build(folder: Path, *, dirty: bool = False, start: str | None = None) -> None:
    """One build, as MkDocs' commands run it: ``start`` ("build", "serve") is the command
    starting (``on_startup``: a build's plugin reads everything; serve's keeps what it read for
    the rebuilds that follow, which start nothing)."""
    config = load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site"))
    if start is not None:
        config.plugins.on_startup(command=start, dirty=dirty)  # type: ignore[arg-type]
    build(config, dirty=dirty)


def _rebuilt_pages(repo: Path, options: api.SiteOptions, memo: api.SiteMemo) -> None:
    """``site_pages`` as a rebuild of one ``mkdocs serve`` makes them: the project opened
    again, the memo of the build before kept."""
    api.site_pages(api.open_project(repo), options, memo)


def _written_since(site: Path, moment: int) -> int:
    """How many pages a build wrote after ``moment`` (ns)."""
    return sum(1 for page in site.rglob("*.html") if page.stat().st_mtime_ns >= moment)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adrs", type=int, default=1000)
    parser.add_argument("--releases", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # 1,000 "not in nav" lines otherwise
    repo = workload(args.adrs, args.releases)
    plain = plain_copy(repo)
    project = api.open_project(repo)
    options = api.SiteOptions(docs_dir=repo / "docs")
    pages = len(api.site_pages(project, options))
    edited = sorted((repo / "adr").glob("0500-*.md"))[0]
    original = edited.read_text()
    runs: dict[str, list[float]] = {
        "plain": [],
        "plugin": [],
        "site_pages": [],
        "site_pages_memo": [],
        "rebuild": [],
        "dirty": [],
    }
    try:
        for turn in range(args.repeat):
            runs["plain"].append(_timed(lambda: _build(plain)))
            runs["plugin"].append(_timed(lambda: _build(repo, start="build")))
            runs["site_pages"].append(_timed(lambda: api.site_pages(project, options)))
            memo = api.SiteMemo()
            api.site_pages(api.open_project(repo), options, memo)
            edited.write_text(original.replace("Billing", f"Billing (memo {turn})"))
            runs["site_pages_memo"].append(_timed(partial(_rebuilt_pages, repo, options, memo)))
            _build(repo, start="serve")  # `mkdocs serve` starts: its first build, not timed
            edited.write_text(original.replace("Billing", f"Billing (edit {turn})"))
            runs["rebuild"].append(_timed(lambda: _build(repo)))
            # Its title this time: the index, timeline and graph change too (and 0499's page,
            # which 0500 supersedes), the most one record's edit re-renders.
            retitled = original.replace("about the event log", f"about the log ({turn})", 1)
            edited.write_text(retitled)
            before = time.time_ns()
            runs["dirty"].append(_timed(lambda: _build(repo, dirty=True)))
            rendered = _written_since(repo / "site", before)
    finally:
        edited.write_text(original)
    best = {name: min(times) for name, times in runs.items()}
    added = best["plugin"] - best["plain"]
    print(f"workload: {args.adrs:,} ADRs, {args.releases} releases; {pages:,} generated pages")
    print(f"plain mkdocs build, same pages as files: {best['plain']:.2f} s (best of {args.repeat})")
    print(f"mkdocs build with the leaddocs plugin:   {best['plugin']:.2f} s")
    print(f"  of which site_pages (records, history, pages): {best['site_pages']:.2f} s")
    print(f"  site_pages again after one ADR edit, in one serve: {best['site_pages_memo']:.3f} s")
    print(f"added by the plugin: {added:+.2f} s; ratio {best['plugin'] / best['plain']:.2f}x")
    print(f"rebuild after one ADR edit (serve-style, whole build): {best['rebuild']:.2f} s")
    print(
        f"rebuild after one ADR edit, --dirty: {best['dirty']:.2f} s "
        f"({rendered} pages rendered again)"
    )
    print(f"target added < 2 s: {'met' if added < 2 else 'NOT met'}")
    print(f"target rebuild < 1 s (--dirty): {'met' if best['dirty'] < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
