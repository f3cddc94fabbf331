"""A process's NUL-terminated records, read on a thread beside it and handed over in blocks.

``git log`` on a 100k-commit history writes ~25 MB in about as long as Python takes to parse it.
Read and parsed in turns, each waits for the other: git stops whenever the pipe (64 KiB) is full
while Python parses, and Python waits on the pipe in between. A reader thread drains the pipe as
git writes (a blocking read releases the GIL), so git runs on its own core while the caller
parses the block before; the time of the two overlaps instead of adding up.
"""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

_READ = 1 << 20  # bytes asked per read: as much as the pipe holds
_BLOCK = 1 << 20  # bytes handed over at once: one decode and one split per ~3,000 commits
_BACKLOG = 16  # blocks waiting at most (16 MiB): a reader far ahead of the parser stops there
_PIPE_SIZE = 1 << 20  # F_SETPIPE_SZ: git may run up to 1 MiB ahead of the reader thread
_F_SETPIPE_SZ = 1031  # Linux; elsewhere the pipe keeps its size


class RecordStream:
    """Iterate to get lists of decoded records; after the last, ``status`` and ``stderr`` say
    how the process ended. Closing the iterator early stops the process."""

    def __init__(self, command: list[str], cwd: Path, env: Mapping[str, str]) -> None:
        self._command = command
        self._cwd = cwd
        self._env = env
        self.status = 0
        self.stderr = ""

    def __iter__(self) -> Iterator[list[str]]:
        # stderr goes to a file: a pipe nobody drains until the end could fill and stop git.
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(
                self._command,
                cwd=self._cwd,
                env=dict(self._env),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
            assert process.stdout is not None
            _widen(process.stdout.fileno())
            blocks: queue.Queue[bytes | None] = queue.Queue(maxsize=_BACKLOG)
            stop = threading.Event()
            reader = threading.Thread(
                target=_pump, args=(process.stdout.fileno(), blocks, stop), daemon=True
            )
            reader.start()
            try:
                yield from _records(blocks)
            finally:
                stop.set()
                if process.poll() is None and reader.is_alive():
                    process.kill()  # the caller stopped early: git need not finish
                _drain(blocks)
                reader.join()
                process.stdout.close()
                self.status = process.wait()
                errors.seek(0)
                self.stderr = errors.read().decode("utf-8", "replace")


def _widen(fd: int) -> None:
    """A bigger pipe where the system allows it (Linux); elsewhere it keeps its size."""
    try:
        import fcntl
    except ImportError:
        return
    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, _F_SETPIPE_SZ, _PIPE_SIZE)


def _pump(fd: int, blocks: queue.Queue[bytes | None], stop: threading.Event) -> None:
    """Read ``fd`` to its end, putting blocks of whole records (cut after a NUL) on ``blocks``,
    then None."""
    pending: list[bytes] = []
    size = 0
    try:
        while not stop.is_set():
            chunk = os.read(fd, _READ)
            if not chunk:
                break
            pending.append(chunk)
            size += len(chunk)
            if size < _BLOCK:
                continue
            data = b"".join(pending)
            cut = data.rfind(b"\0") + 1
            if cut == 0:  # one record longer than a block: keep reading
                pending, size = [data], len(data)
                continue
            pending, size = [data[cut:]], len(data) - cut
            _put(blocks, data[:cut], stop)
        if pending and not stop.is_set():
            _put(blocks, b"".join(pending), stop)
    except OSError:
        pass  # the process was stopped and the pipe closed under us
    finally:
        _put(blocks, None, stop, always=True)


def _put(
    blocks: queue.Queue[bytes | None],
    item: bytes | None,
    stop: threading.Event,
    always: bool = False,
) -> None:
    while True:
        try:
            blocks.put(item, timeout=0.1)
            return
        except queue.Full:
            if stop.is_set() and not always:
                return
            if stop.is_set():
                _drain(blocks)


def _drain(blocks: queue.Queue[bytes | None]) -> None:
    with contextlib.suppress(queue.Empty):
        while True:
            blocks.get_nowait()


def _records(blocks: queue.Queue[bytes | None]) -> Iterator[list[str]]:
    while (block := blocks.get()) is not None:
        # One decode per block of whole records: a bad byte (a Latin-1 message from an old
        # tool) becomes U+FFFD in place and never spills into the next record.
        records = block.decode("utf-8", "replace").split("\0")
        if records[-1].strip("\n") == "":
            records.pop()
        if records:
            yield records
