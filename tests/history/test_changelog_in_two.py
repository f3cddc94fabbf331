"""A big changelog's releases are rendered in two processes: the same document as in one, and
one process alone whenever the second cannot help or fails."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from leaddocs.application import changelog_parts, two_processes
from leaddocs.application.two_processes import in_two
from tests.gitrepo import Repo
from tests.history.sample import ADA, GRACE, LINUS, build_service_history

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine running the tests decides nothing here (a test about it says otherwise):
    two cores, and only the threads a test starts count, not a server thread an earlier test
    of the session left waiting (with it, no test here would fork at all)."""
    monkeypatch.setattr(two_processes, "_usable_cores", lambda: 2)
    real = threading.active_count
    lingering = real() - 1
    monkeypatch.setattr(threading, "active_count", lambda: real() - lingering)


def _squared_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def _parent_slow(parent: int) -> Callable[[int], tuple[int, int]]:
    """Work this process does slowly, so the child surely takes some."""

    def work(number: int) -> tuple[int, int]:
        if os.getpid() == parent:
            time.sleep(0.01)
        return number * number, os.getpid()

    return work


@linux_only
def test_the_child_takes_items_from_the_end_and_they_come_back_in_order() -> None:
    parent = os.getpid()
    results = in_two(_parent_slow(parent), list(range(40)), [1] * 40, minimum=0)
    assert [value for value, _ in results] == [n * n for n in range(40)]
    by_parent = [pid == parent for _, pid in results]
    assert by_parent[0] and not by_parent[-1]  # the parent from the front, the child the back
    meeting = by_parent.index(False)
    assert by_parent == [True] * meeting + [False] * (40 - meeting)


@linux_only
def test_a_child_that_gets_no_time_leaves_the_work_to_this_process() -> None:
    parent = os.getpid()

    def child_stalls(number: int) -> tuple[int, int]:
        if os.getpid() != parent:
            time.sleep(0.5)  # as a child whose core another job holds
        return number * number, os.getpid()

    started = time.perf_counter()
    results = in_two(child_stalls, list(range(30)), [1] * 30, minimum=0)
    assert [value for value, _ in results] == [n * n for n in range(30)]
    assert sum(pid == parent for _, pid in results) >= 29  # the child finished one at most
    assert time.perf_counter() - started < 5


def test_small_work_stays_in_this_process() -> None:
    results = in_two(_squared_with_pid, list(range(10)), [1] * 10, minimum=11)
    assert results == [(n * n, os.getpid()) for n in range(10)]


def test_one_core_keeps_the_work_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(two_processes, "_usable_cores", lambda: 1)
    results = in_two(_squared_with_pid, list(range(10)), [1] * 10, minimum=0)
    assert results == [(n * n, os.getpid()) for n in range(10)]


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity here")
def test_usable_cores_are_those_the_process_may_run_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real function
    assert two_processes._usable_cores() == len(os.sched_getaffinity(0))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert two_processes._usable_cores() == 1


def test_no_temporary_folder_keeps_the_work_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unwritable() -> None:
        raise PermissionError("TMPDIR is read-only")

    monkeypatch.setattr(two_processes.tempfile, "TemporaryFile", unwritable)
    results = in_two(_squared_with_pid, list(range(10)), [1] * 10, minimum=0)
    assert results == [(n * n, os.getpid()) for n in range(10)]


def test_another_thread_running_keeps_the_work_in_this_process() -> None:
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        results = in_two(_squared_with_pid, list(range(10)), [1] * 10, minimum=0)
    finally:
        stop.set()
        waiting.join()
    assert results == [(n * n, os.getpid()) for n in range(10)]


@linux_only
def test_a_child_that_fails_leaves_its_part_to_this_process() -> None:
    parent = os.getpid()

    def fails_in_the_child(number: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child breaks")
        return number + 1

    assert in_two(fails_in_the_child, list(range(10)), [1] * 10, minimum=0) == list(range(1, 11))


@linux_only
def test_a_child_killed_by_a_signal_leaves_its_part_to_this_process() -> None:
    parent = os.getpid()

    def dies_in_the_child(number: int) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), 9)
        return -number

    assert in_two(dies_in_the_child, list(range(6)), [1] * 6, minimum=0) == [0, -1, -2, -3, -4, -5]


@linux_only
def test_an_error_in_this_process_stops_the_child_and_is_raised() -> None:
    parent = os.getpid()

    def fails_here(number: int) -> int:
        if os.getpid() == parent:
            raise ValueError("broken here")
        return number

    with pytest.raises(ValueError, match="broken here"):
        in_two(fails_here, list(range(10)), [1] * 10, minimum=0)
    with pytest.raises(ChildProcessError):  # the child was reaped: no process left behind
        os.waitpid(-1, os.WNOHANG)


def _many_releases(repo: Repo) -> None:
    build_service_history(repo)
    for number in range(2, 8):
        repo.commit(f"feat(api): endpoint {number} (#{10 + number})", author=ADA)
        repo.commit(f"fix: off by {number} in the *totals*", author=GRACE)
        repo.merge_pr(
            20 + number, f"Add export {number}", [f"feat(export): format {number}", "test: cover"]
        )
        repo.commit(f"docs: note {number} by <{LINUS.split(' <')[0]}>", author=LINUS)
        repo.tag(f"v1.{number}.0", annotated=True)
    repo.commit("feat: unreleased work", author=GRACE)


@linux_only
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_the_changelog_made_in_two_processes_is_the_one_made_in_one(
    cli: Any, repo: Repo, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    _many_releases(repo)
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        pid = real_fork()
        if pid != 0:
            forks.append(pid)
        return pid

    monkeypatch.setattr(changelog_parts, "_IN_TWO_FROM", 10**9)
    one = cli("--repo", repo.path, "changelog", "--no-cache", "--format", fmt)
    monkeypatch.setattr(changelog_parts, "_IN_TWO_FROM", 0)
    monkeypatch.setattr(os, "fork", counted_fork)
    two = cli("--repo", repo.path, "changelog", "--format", fmt)  # fills the cache too
    again = cli("--repo", repo.path, "changelog", "--format", fmt)  # read from the cache
    assert one.code == two.code == again.code == 0, (one, two, again)
    assert forks, "the releases were not rendered in two processes"
    assert two.stdout == one.stdout == again.stdout
    assert "v1.7.0" in one.stdout and "v1.2.0" in one.stdout


_KILLED_PARENT = """
import os, sys, time
from leaddocs.application import two_processes
two_processes._usable_cores = lambda: 2
parent, seen = os.getpid(), sys.argv[1]

def work(number):
    if os.getpid() != parent and not os.path.exists(seen):
        with open(seen + ".tmp", "w") as out:
            out.write(str(os.getpid()))
        os.rename(seen + ".tmp", seen)
    time.sleep(0.05)
    return number

two_processes.in_two(work, list(range(2000)), [1] * 2000, minimum=0)
"""


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's new parent may never reap it)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


@linux_only
def test_a_child_whose_parent_was_killed_stops(tmp_path: Any) -> None:
    """SIGTERM (a cancelled CI job, `kill`) ends this process at once, without its handlers: the
    child must not go on with a hundred seconds of work nobody will read."""
    import subprocess

    seen = tmp_path / "child.pid"
    parent = subprocess.Popen([sys.executable, "-c", _KILLED_PARENT, str(seen)])
    try:
        deadline = time.monotonic() + 20
        while not seen.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        child = int(seen.read_text())
        parent.terminate()
        parent.wait(10)
        deadline = time.monotonic() + 5
        while _running(child) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not _running(child)
    finally:
        parent.kill()
        parent.wait()
        if seen.exists() and _running(int(seen.read_text())):
            os.kill(int(seen.read_text()), 9)
