"""Independent pieces of work shared with a forked second process, results in order.

A changelog's releases, once grouped, are rendered independently of each other: on a big
history their views and text are a third of a cold run. Where ``os.fork`` is safe, the work is
big enough to pay for a process and there is a second core, a forked child takes items from
the end of the list while this process takes them from the start, until the two meet: should
the child get little time (other jobs hold the cores), this process does most of the work, so
sharing never costs much more than the fork (the pages each process writes afterwards are
copied). Each side says how far it got in a few bytes of shared memory before it starts an
item (when both start the same one, both do it, and this process's result is taken). The
child's results come back through an unlinked temporary file (so it never waits on a pipe the
parent is not reading yet), one pickled result at a time (so neither process holds them all
twice). Anything that goes wrong in the child (an error, a signal, a result that cannot be
read) leaves what it did not deliver to this process: the results are the same either way,
only slower.
``work`` must be a pure function of its item (its side effects in the child are lost).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import IO, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
_CLAIM = struct.Struct("=q")  # a count of items started, in shared memory
_FRONT, _BACK = 0, _CLAIM.size  # where each side's count is: this process's, the child's


def in_two(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    weights: Sequence[int],
    minimum: int,
) -> list[Result]:
    """``[work(item) for item in items]``, shared with a forked child when the items' total
    weight reaches ``minimum`` and forking is safe here."""
    if sum(weights) < minimum or len(items) < 2 or not _can_fork():
        return [work(item) for item in items]
    count = len(items)
    try:
        claims = mmap.mmap(-1, 2 * _CLAIM.size)  # anonymous and shared: each sees the other's
        results = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, with the mmap
    except OSError:  # no shared memory or no temporary folder here: one process does it all
        return [work(item) for item in items]
    with claims, results:
        pid = _fork(work, items, claims, results)
        if pid is None:
            return [work(item) for item in items]
        mine: list[Result] = []
        try:
            for index, item in enumerate(items):
                if index >= count - _CLAIM.unpack_from(claims, _BACK)[0]:
                    break  # the child has started this one: the rest is its
                _CLAIM.pack_into(claims, _FRONT, index + 1)
                mine.append(work(item))
            os.waitpid(pid, 0)  # whatever it wrote whole is used, however it ended
        except BaseException:
            _stop(pid)  # an error or Ctrl-C here: the child's part is not wanted any more
            raise
        theirs: dict[int, Result] = _read(results)
    rest = [
        theirs[index] if index in theirs else work(items[index])  # what the child did not give
        for index in range(len(mine), count)
    ]
    return mine + rest


def _can_fork() -> bool:
    """A fork copies only the calling thread: safe while it is the only one (no git reader
    left running), and only where fork is the platform's own (Linux; macOS's frameworks are
    not fork-safe). And only with a second core to run on: each process copies the pages it
    writes after the fork (Python's reference counts are writes), which one core would pay for
    with nothing gained."""
    return (
        hasattr(os, "fork")
        and sys.platform.startswith("linux")
        and threading.active_count() == 1
        and _usable_cores() >= 2
    )


def _usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return 1


def _fork(
    work: Callable[[Item], Result], items: Sequence[Item], claims: mmap.mmap, out: IO[bytes]
) -> int | None:
    """Start the child, working from the back of ``items``; its pid, or None when no process
    could be started."""
    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid != 0:
        return pid
    status = 1
    try:  # the child: never returns, never runs the parent's exit handlers or flushes
        count = len(items)
        for index in range(count - 1, -1, -1):
            if index < _CLAIM.unpack_from(claims, _FRONT)[0]:
                break  # the parent has started this one
            if os.getppid() != parent:
                break  # the parent was killed (SIGTERM runs no handler): nobody will read on
            _CLAIM.pack_into(claims, _BACK, count - index)
            pickle.dump((index, work(items[index])), out, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    except BaseException:  # any failure at all leaves the rest to the parent
        pass
    finally:
        with contextlib.suppress(BaseException):
            out.flush()  # what was written whole is still used
        os._exit(status)


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, ChildProcessError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _read(results: IO[bytes]) -> dict[int, Result]:
    """The child's results by index, up to the first that cannot be read whole."""
    results.seek(0)
    found: dict[int, Result] = {}
    with contextlib.suppress(Exception):  # a result cut short, or anything else unreadable
        while True:
            index, result = pickle.load(results)  # written by our own child, just now
            found[index] = result
    return found
