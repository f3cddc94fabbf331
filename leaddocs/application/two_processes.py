"""Independent pieces of work shared with a forked second process, results in order.

A changelog's releases, once grouped, are rendered independently of each other: on a big
history their views and text are a third of a cold run. Where ``os.fork`` exists and the work is
big enough to pay for a process, a forked child does the later part of the list while this
process does the earlier part; the child's results come back through an unlinked temporary
file (so it never waits on a pipe the parent is not reading yet), one pickled result at a time
(so neither process holds them all twice). Anything that goes wrong in the child (an error, a
signal, a result that cannot be read) leaves its part to this process: the results are the same
either way, only slower. Nothing else changes for the caller: ``work`` must be a pure function
of its item (its side effects in the child are lost).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import IO, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def in_two(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    weights: Sequence[int],
    minimum: int,
) -> list[Result]:
    """``[work(item) for item in items]``, the items after the middle of ``weights`` done by a
    forked child when their total weight reaches ``minimum`` and forking is safe here."""
    cut = _middle(weights)
    if sum(weights) < minimum or cut in (0, len(items)) or not _can_fork():
        return [work(item) for item in items]
    with tempfile.TemporaryFile() as results:
        pid = _fork(work, items[cut:], results)
        if pid is None:
            return [work(item) for item in items]
        try:
            mine = [work(item) for item in items[:cut]]
        except BaseException:
            _stop(pid)  # an error or Ctrl-C here: the child's part is not wanted any more
            raise
        theirs: list[Result] | None = _read(results, len(items) - cut) if _finished(pid) else None
    if theirs is None:  # the child failed: its part is done here
        theirs = [work(item) for item in items[cut:]]
    return mine + theirs


def _middle(weights: Sequence[int]) -> int:
    """The index where the running weight first reaches half the total."""
    half = sum(weights) / 2
    running = 0
    for index, weight in enumerate(weights):
        if running >= half:
            return index
        running += weight
    return len(weights)


def _can_fork() -> bool:
    """A fork copies only the calling thread: safe while it is the only one (no git reader
    left running), and only where fork is the platform's own (Linux; macOS's frameworks are
    not fork-safe)."""
    return (
        hasattr(os, "fork") and sys.platform.startswith("linux") and threading.active_count() == 1
    )


def _fork(work: Callable[[Item], Result], items: Sequence[Item], out: IO[bytes]) -> int | None:
    """Start the child on ``items``; its pid, or None when no process could be started."""
    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid != 0:
        return pid
    status = 1
    try:  # the child: never returns, never runs the parent's exit handlers or flushes
        for item in items:
            pickle.dump(work(item), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
        status = 0
    except BaseException:  # any failure at all leaves the part to the parent
        pass
    finally:
        os._exit(status)


def _finished(pid: int) -> bool:
    """Wait for the child; whether it did its whole part."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _read(results: IO[bytes], count: int) -> list[Result] | None:
    """The child's ``count`` results, or None when they cannot all be read."""
    results.seek(0)
    found: list[Result] = []
    try:
        for _ in range(count):
            found.append(pickle.load(results))  # written by our own child, just now
    except (EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None
    return found
