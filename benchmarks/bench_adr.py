#!/usr/bin/env python3
"""Benchmark: `leaddocs adr list --format json` over 10,000 ADRs of mixed styles.

Target: under 1 s for the whole command (a fresh process, imports included). Reported also as
ratios to two baselines measured in the same run, alternating, best of N, because these
machines are shared and noisy: `cat` of every file, and Python reading every file's bytes.

    python benchmarks/bench_adr.py [--count 10000] [--repeat 5]

The folder is generated into benchmarks/.work/adr-<count>/ (a git repository, no commits):
a fifth each of MADR 4 front matter, MADR 2 bullets, adr-tools, log4brains, and front matter
without a status, with supersede links between neighbours.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".work"
BODY = (
    "## Context and Problem Statement\n\nBilling emits forty events a second at peak and the "
    "ledger database polls for them.\n\n## Considered Options\n\n* Postgres\n* Kafka\n\n"
    '## Decision Outcome\n\nChosen option: "Kafka", because consumers can replay.\n'
)


def _record(number: int) -> tuple[str, str]:
    title = f"Decision number {number} about the event log"
    slug = f"decision-number-{number}-about-the-event-log"
    date = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    style = number % 5
    if style == 0:
        sup = f"supersedes: ['{number - 1:04d}']\n" if number > 1 else ""
        text = (
            f"---\nstatus: accepted\ndate: {date}\ndecision-makers: [Ada Lovelace, Grace Hopper]\n"
            f"consulted: []\ninformed: []\n{sup}tags: [events, storage]\n---\n# {title}\n\n{BODY}"
        )
    elif style == 1:
        text = f"# {title}\n\n* Status: superseded by ADR-{number + 4:04d}\n* Deciders: Ada\n"
        text += f"* Date: {date}\n\n{BODY}"
    elif style == 2:
        text = f"# {number}. {title}\n\nDate: {date}\n\n## Status\n\nAccepted\n\n{BODY}"
    elif style == 3:
        stamp = date.replace("-", "")
        return f"{stamp}-{slug}-{number}.md", (
            f"# {title}\n\n- Status: draft\n- Tags: observability, tracing\n\n{BODY}"
        )
    else:
        text = f"---\nlayout: default\ntitle: {title}\nnav_order: {number}\n---\n"
        text += f"# {number}. {title}\n\n- Status: proposed\n- Date: {date}\n\n{BODY}"
    return f"{number:04d}-{slug}.md", text


def build(count: int) -> Path:
    repo = WORK / f"adr-{count}"
    if (repo / "adr").is_dir() and len(list((repo / "adr").iterdir())) == count:
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    (repo / "adr").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for number in range(1, count + 1):
        name, text = _record(number)
        (repo / "adr" / name).write_text(text)
    return repo


def _time(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    repo = build(args.count)
    leaddocs = shutil.which("leaddocs") or str(Path(sys.executable).with_name("leaddocs"))
    runs: dict[str, list[float]] = {"leaddocs": [], "cat": [], "python-read": []}
    read_all = "import sys,pathlib\nfor p in pathlib.Path(sys.argv[1]).iterdir(): p.read_bytes()"
    for _ in range(args.repeat):
        runs["leaddocs"].append(
            _time([leaddocs, "--repo", str(repo), "adr", "list", "--format", "json"], repo)
        )
        runs["cat"].append(_time(["sh", "-c", "cat adr/* > /dev/null"], repo))
        runs["python-read"].append(_time([sys.executable, "-c", read_all, "adr"], repo))
    best = {name: min(times) for name, times in runs.items()}
    out = subprocess.run(
        [leaddocs, "--repo", str(repo), "adr", "list", "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    listed = len(json.loads(out.stdout))
    print(f"ADRs generated: {args.count:,} (5 styles); listed: {listed:,}")
    print(f"leaddocs adr list --format json: {best['leaddocs']:.3f} s (best of {args.repeat})")
    print(f"baseline cat of all files:       {best['cat']:.3f} s")
    print(f"baseline python reading all:     {best['python-read']:.3f} s")
    print(f"ratio to cat:         {best['leaddocs'] / best['cat']:.1f}x")
    print(f"ratio to python read: {best['leaddocs'] / best['python-read']:.1f}x")
    print(f"target < 1 s: {'met' if best['leaddocs'] < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
