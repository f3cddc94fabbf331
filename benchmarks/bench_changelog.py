#!/usr/bin/env python3
"""Benchmark: every speed target of issue 12 in one run, each as a ratio to raw `git log`.

All runs are measured in the same session, alternating, best of N, because these machines are
shared and noisy: the ratios are the figures that mean something, not the seconds.

    python3 benchmarks/bench_changelog.py [--repeat 5] [--work DIR] [--cliff PATH] [--commitizen CZ]

Workloads, built once by ../shared/bench/make_history.py into --work (default benchmarks/.work):

* 108k: 108,081 commits, 500 tags, Conventional Commits, squash and merge PRs;
* 82k-plain: the same generator with plain subjects ("Fix the cache", no type, no colon), as
  projects without Conventional Commits write them (82,080 commits, 380 tags);
* small: a 1,500-commit project (7 tags), for one release's notes.

Measured: `changelog` cold (no cache: the first run, which also fills it) in Markdown and JSON
with their peak RSS; `changelog` warm, after one new commit; the plain history cold; the latest
release's notes of the small project; and, when given, git-cliff and commitizen on the same.
Run it from the project's virtual environment (`python3 tasks.py test` creates .venv).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
MAKE_HISTORY = ROOT.parent / "shared" / "bench" / "make_history.py"

sys.path.insert(0, str(ROOT))
from leaddocs.history.git import LOG_FORMAT  # noqa: E402 - the same format leaddocs reads

RAW_GIT = ["git", "log", "-z", "--topo-order", f"--format={LOG_FORMAT}"]
LEADDOCS = [sys.executable, "-m", "leaddocs", "--quiet"]
CACHE = Path(".leaddocs") / "cache"


def _generator() -> ModuleType:
    if not MAKE_HISTORY.is_file():
        sys.exit(f"workload generator not found: {MAKE_HISTORY}")
    spec = importlib.util.spec_from_file_location("make_history", MAKE_HISTORY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_PLAIN_VERBS = ["Fix", "Add", "Remove", "Rework", "Speed up", "Validate", "Log", "Cache",
                "Document", "Update", "Handle", "Support", "Clean up", "Rename"]  # fmt: skip


def _plain_subjects(nouns: list[str]) -> Callable[[random.Random, int | None], tuple[str, str]]:
    def subject(rng: random.Random, pr: int | None) -> tuple[str, str]:
        """A subject as projects without Conventional Commits write them: no type, no colon."""
        text = f"{rng.choice(_PLAIN_VERBS)} {rng.choice(nouns)}"
        if pr is not None:
            text += f" (#{pr})"
        body = ""
        if rng.random() < 0.3:
            body = "\n\n" + " ".join(rng.choice(nouns) for _ in range(rng.randint(5, 30))) + "."
        return text, body

    return subject


def build(work: Path, name: str, commits: int, tag_every: int = 200, plain: bool = False) -> Path:
    target = work / name
    if (target / ".git").is_dir():
        return target
    shutil.rmtree(target, ignore_errors=True)
    print(f"building the workload {name} ({commits:,} iterations) in {target} ...", flush=True)
    generator = _generator()
    if plain:
        generator.subject = _plain_subjects(generator.NOUNS)  # type: ignore[attr-defined]
    generator.build(target, commits, tag_every, 7)
    return target


def warm_copy(source: Path) -> Path:
    """A clone to add commits to, so the workload itself never changes."""
    target = source.with_name(source.name + "-warm")
    if not (target / ".git").is_dir():
        subprocess.run(["git", "clone", "-q", str(source), str(target)], check=True)
    return target


TIME = Path("/usr/bin/time")  # GNU time, a small C program: its child's peak RSS is its own


def measure(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run, stdout discarded. The peak is read by GNU
    time where it is installed: Linux keeps a process's high-water mark across exec, so a
    child of this Python process would count this process's pages too."""
    with tempfile.NamedTemporaryFile("r") as peak, tempfile.TemporaryFile() as errors:
        timed = [str(TIME), "-o", peak.name, "-f", "%M", *command] if TIME.exists() else command
        start = time.perf_counter()
        process = subprocess.Popen(timed, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(command)} failed: {errors.read().decode(errors='replace')}")
        text = peak.read().strip().splitlines()
    return elapsed, int(text[-1]) if text and text[-1].isdigit() else usage.ru_maxrss


@dataclass
class Timing:
    label: str
    command: list[str]
    cwd: Path
    before: Callable[[], None] | None = None  # set-up outside the timed part
    seconds: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    def run(self) -> None:
        if self.before is not None:
            self.before()
        seconds, rss = measure(self.command, self.cwd)
        self.seconds.append(seconds)
        self.rss.append(rss)

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.rss) / 1024


def _no_cache(repo: Path) -> Callable[[], None]:
    return lambda: shutil.rmtree(repo / CACHE, ignore_errors=True)


def _one_more_commit(repo: Path) -> Callable[[], None]:
    def commit() -> None:
        # Dated a minute after HEAD: the workload's clock runs into the 2030s, and a commit
        # older than its parent sends git's date-ordered walks through years of history.
        head = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=repo, capture_output=True, text=True
        )
        stamp = str(int(head.stdout) + 60)
        subprocess.run(
            ["git", "commit", "-q", "--allow-empty", "-m", f"fix(api): one more thing {stamp}"],
            cwd=repo,
            check=True,
            env={**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
        )

    return commit


def _count(repo: Path, *args: str) -> int:
    out = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return len(out.stdout.split()) if args[0] == "tag" else int(out.stdout)


def compile_bytecode() -> None:
    """Compile the leaddocs the runs import to bytecode, as pip does when it installs a wheel.

    An editable checkout run with PYTHONDONTWRITEBYTECODE set (as on these machines) would
    otherwise compile ~100 modules from source on every run (~60 ms), which no installed copy
    does; Python still ignores a compiled file whose source has changed since."""
    where = subprocess.run(
        [sys.executable, "-c", "import leaddocs, os; print(os.path.dirname(leaddocs.__file__))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    compileall = [sys.executable, "-m", "compileall", "-q", where]
    subprocess.run(compileall, check=True, stdout=subprocess.DEVNULL)
    print(f"bytecode: {where} compiled, as an installed copy is", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".work")
    parser.add_argument("--cliff", metavar="GIT_CLIFF", help="also time git-cliff (its path)")
    parser.add_argument("--commitizen", metavar="CZ", help="also time commitizen's cz (its path)")
    args = parser.parse_args()

    compile_bytecode()
    big = build(args.work, "history-100000", 100_000)
    plain = build(args.work, "plain-76000", 76_000, tag_every=200, plain=True)
    small = build(args.work, "small-1400", 1_400)
    warm = warm_copy(big)
    for fmt in ("md", "json"):  # fills the cache: the runs timed are the ones after it
        subprocess.run(
            [*LEADDOCS, "changelog", "--format", fmt], cwd=warm, check=True, capture_output=True
        )
    latest = subprocess.run(
        ["git", "describe", "--tags", "--abbrev=0", "HEAD"],
        cwd=small, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    previous = subprocess.run(
        ["git", "describe", "--tags", "--abbrev=0", f"{latest}^"],
        cwd=small, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip

    timings = [
        Timing("raw git log, 108k", [*RAW_GIT, "HEAD"], big),
        Timing("changelog md, cold", [*LEADDOCS, "changelog"], big, _no_cache(big)),
        Timing(
            "changelog json, cold",
            [*LEADDOCS, "changelog", "--format", "json"],
            big,
            _no_cache(big),
        ),
        Timing(
            "changelog md, warm +1 commit", [*LEADDOCS, "changelog"], warm, _one_more_commit(warm)
        ),
        Timing(
            "changelog json, warm +1 commit",
            [*LEADDOCS, "changelog", "--format", "json"],
            warm,
            _one_more_commit(warm),
        ),
        Timing("raw git log, 82k plain", [*RAW_GIT, "HEAD"], plain),
        Timing("changelog md, 82k plain, cold", [*LEADDOCS, "changelog"], plain, _no_cache(plain)),
        Timing("raw git log, small: one release", [*RAW_GIT, f"{previous}..{latest}"], small),
        Timing("release-notes, small: one release", [*LEADDOCS, "release-notes"], small),
    ]
    if args.cliff:
        cliff = [args.cliff, "--latest", "--output", os.devnull]
        # Only the small project: on the 108k history git-cliff takes about 4 minutes a run.
        timings.append(Timing("git-cliff --latest, small (peer)", cliff, small))
    if args.commitizen:
        cz = [args.commitizen, "changelog", "--dry-run"]
        timings.append(Timing("commitizen changelog, 108k (peer)", cz, big))
    for _ in range(args.repeat):
        for timing in timings:
            timing.run()

    report(timings, big, plain, small, args.repeat)


def report(timings: list[Timing], big: Path, plain: Path, small: Path, repeat: int) -> None:
    by = {timing.label: timing for timing in timings}
    print(
        f"workloads: {_count(big, 'rev-list', '--count', 'HEAD'):,} commits and "
        f"{_count(big, 'tag')} tags; {_count(plain, 'rev-list', '--count', 'HEAD'):,} commits "
        f"and {_count(plain, 'tag')} tags, plain subjects; "
        f"{_count(small, 'rev-list', '--count', 'HEAD'):,} commits, {_count(small, 'tag')} tags"
    )
    print(f"best of {repeat}, load average {os.getloadavg()[0]:.1f}\n")
    baselines = {
        "108k": by["raw git log, 108k"].best,
        "82k plain": by["raw git log, 82k plain"].best,
        "small": by["raw git log, small: one release"].best,
    }
    targets = {
        "changelog md, cold": 1.5,
        "changelog json, cold": 1.5,
        "changelog md, warm +1 commit": 0.3,
        "changelog json, warm +1 commit": 0.3,
        "changelog md, 82k plain, cold": 2.0,
    }
    print(f"{'run':42} {'seconds':>8} {'ratio':>8} {'target':>8} {'peak RSS':>9}")
    for timing in timings:
        workload = next((name for name in baselines if name in timing.label), "108k")
        ratio = timing.best / baselines[workload]
        target = targets.get(timing.label)
        target_text = f"<= {target}x" if target else ""
        print(
            f"{timing.label:42} {timing.best:8.3f} {ratio:7.2f}x {target_text:>8} "
            f"{timing.peak_mb:7.0f} MB"
        )
    notes = by["release-notes, small: one release"].best
    print(f"\none release of the small project: {notes:.3f} s (target about 0.15 s)")
    if "git-cliff --latest, small (peer)" in by:
        peer = by["git-cliff --latest, small (peer)"].best
        print(f"  git-cliff: {peer:.3f} s; leaddocs / git-cliff {notes / peer:.1f}x (target <= 6x)")


if __name__ == "__main__":
    main()
