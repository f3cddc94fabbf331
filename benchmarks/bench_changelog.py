#!/usr/bin/env python3
"""Benchmark: `leaddocs changelog` on the 108k-commit workload, as a ratio to raw `git log`.

Both are measured in the same run, alternating, best of N, because these machines are shared and
noisy: the ratio is the figure that means something, not the seconds.

    python3 benchmarks/bench_changelog.py [--commits 100000] [--repeat 3]

The workload is built once by ../shared/bench/make_history.py into benchmarks/.work/.
Run it from the project's virtual environment (`python3 tasks.py test` creates .venv).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_HISTORY = ROOT.parent / "shared" / "bench" / "make_history.py"
WORK = ROOT / "benchmarks" / ".work"

sys.path.insert(0, str(ROOT))
from leaddocs.history.git import LOG_FORMAT  # noqa: E402 - the same format leaddocs reads


def build_workload(commits: int) -> Path:
    target = WORK / f"history-{commits}"
    if (target / ".git").is_dir():
        return target
    if not MAKE_HISTORY.is_file():
        sys.exit(f"workload generator not found: {MAKE_HISTORY}")
    shutil.rmtree(target, ignore_errors=True)
    print(f"building the workload ({commits:,} commits) in {target} ...", flush=True)
    subprocess.run(
        [sys.executable, str(MAKE_HISTORY), str(target), "--commits", str(commits)], check=True
    )
    return target


def measure(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run, stdout discarded."""
    with open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        stderr = process.stderr.read().decode() if process.stderr else ""
        sys.exit(f"{' '.join(command)} failed: {stderr}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--commits", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--commitizen",
        metavar="CZ",
        help="also time a peer, commitizen's `cz changelog --dry-run` (path to its cz executable)",
    )
    args = parser.parse_args()
    history = build_workload(args.commits)
    leaddocs = [sys.executable, "-m", "leaddocs", "--quiet", "changelog"]
    raw_git = ["git", "log", "-z", "--topo-order", f"--format={LOG_FORMAT}", "HEAD"]
    commits = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"],
        cwd=history,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    tags = len(
        subprocess.run(
            ["git", "tag"], cwd=history, capture_output=True, text=True, check=True
        ).stdout.split()
    )

    git_runs, ours, ours_rss, peer = [], [], [], []
    for _ in range(args.repeat):
        git_runs.append(measure(raw_git, history)[0])
        seconds, rss = measure(leaddocs, history)
        ours.append(seconds)
        ours_rss.append(rss)
        if args.commitizen:
            peer.append(measure([args.commitizen, "changelog", "--dry-run"], history))
    baseline, best = min(git_runs), min(ours)
    print(f"workload: {int(commits):,} commits, {tags} tags ({history})")
    print(f"raw git log          best of {args.repeat}: {baseline:6.2f} s")
    peak_mb = max(ours_rss) / 1024
    print(f"leaddocs changelog   best of {args.repeat}: {best:6.2f} s   peak RSS {peak_mb:.0f} MB")
    print(f"ratio leaddocs / git log: {best / baseline:.2f}x   (target <= 1.5x, RSS < 500 MB)")
    notes = min(measure([*leaddocs[:-1], "release-notes"], history)[0] for _ in range(args.repeat))
    print(f"leaddocs release-notes (latest release, ~200 commits): {notes:.2f} s")
    if peer:
        peer_best = min(seconds for seconds, _ in peer)
        peer_mb = max(rss for _, rss in peer) / 1024
        print(f"commitizen (peer)    best of {args.repeat}: {peer_best:6.2f} s", end="")
        print(f"   peak RSS {peer_mb:.0f} MB")
        print(f"ratio commitizen / git log: {peer_best / baseline:.2f}x")


if __name__ == "__main__":
    main()
