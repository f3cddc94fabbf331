#!/usr/bin/env python3
"""Where a `changelog` run spends its time, phase by phase, in one process (docs/performance.md).

    python3 benchmarks/where_time_goes.py REPO [--format md|json] [--repeat 3]

Phases: imports; the git stream alone (records read and split, nothing parsed); parsing
commits; the range rule and grouping into changes (`History.releases`, which streams and
parses too, so the parse is counted again there); classification and views; rendering
(Markdown sections or JSON text); marking and joining the document; and the views and
rendering again as a run does them, shared with a second process (application/two_processes.py).
Best of N for each phase, with Python's cyclic collector paused as the CLI pauses it. The wall
time of a raw `git log` of the same history is printed for scale.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_started = time.perf_counter()
from leaddocs.application.enrichment import enriched_views  # noqa: E402 - timed
from leaddocs.application.project import Project  # noqa: E402
from leaddocs.application.two_processes import in_two  # noqa: E402
from leaddocs.documents.changelog import (  # noqa: E402
    ChangelogWriter,
    changelog_json,
    release_json_text,
)
from leaddocs.history.commits import parse_records  # noqa: E402
from leaddocs.history.git import LOG_FORMAT  # noqa: E402

IMPORTS = time.perf_counter() - _started


def best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("repo", type=Path)
    parser.add_argument("--format", choices=("md", "json"), default="md")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gc.disable()
    raw = ["git", "log", "-z", "--topo-order", f"--format={LOG_FORMAT}", "HEAD"]
    git_log, _ = best(
        args.repeat, lambda: subprocess.run(raw, cwd=args.repo, stdout=subprocess.DEVNULL)
    )
    project = Project.open(args.repo)
    stream, blocks = best(args.repeat, lambda: list(project.repo.log_records(["HEAD"])))
    parse, _ = best(args.repeat, lambda: [c for block in blocks for c in parse_records(block)])
    history = project.history()
    read, (tagged, unreleased) = best(args.repeat, lambda: history.releases())

    def views() -> tuple[list[Any], Any]:
        builder, _ = enriched_views(project, [unreleased, *tagged])
        return [builder.release(release) for release in tagged], builder.release(unreleased)

    classify, (made, tip) = best(args.repeat, views)
    writer = ChangelogWriter(project.renderer(), project.config.changelog.title)
    if args.format == "md":
        render, parts = best(args.repeat, lambda: [writer.release(view) for view in made])
        join, text = best(args.repeat, lambda: writer.render(parts, tip))
    else:
        render, texts = best(args.repeat, lambda: [release_json_text(view) for view in made])
        join, text = best(args.repeat, lambda: changelog_json(texts, tip))

    def both() -> list[str]:
        """Views and text of every tagged release, as a run makes them: in two processes
        (application/two_processes.py), where the machine allows it."""
        builder, _ = enriched_views(project, [unreleased, *tagged])
        section = writer.section if args.format == "md" else release_json_text
        weights = [len(release.changes) for release in tagged]
        return in_two(lambda release: section(builder.release(release)), tagged, weights, 0)

    in_both, _ = best(args.repeat, both)
    rows = [
        ("imports", IMPORTS),
        ("git stream: records read and split", stream),
        ("parse commits", parse),
        ("History.releases (stream, parse, range rule, grouping)", read),
        ("classification and views", classify),
        (f"render {args.format}", render),
        ("mark and join the document", join),
        ("classification, views and rendering in two processes", in_both),
    ]
    print(f"raw git log: {git_log:.3f} s; {len(text) / 1e6:.1f} MB of {args.format}")
    for name, seconds in rows:
        print(f"{name:58} {seconds:6.3f} s  {seconds / git_log:5.2f}x git log")
    total = IMPORTS + read + classify + render + join
    print(f"{'the phases of a run (stream and parse counted once)':58} {total:6.3f} s")
    shared = total - classify - render + in_both
    print(f"{'  the same, views and rendering in two processes':58} {shared:6.3f} s")


if __name__ == "__main__":
    main()
