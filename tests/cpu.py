"""Bounds on work, not on wall-clock time.

A guard against quadratic or runaway work must not fail because the machine is busy: CI
runners and these 2-core machines are shared, and a wall clock counts the other jobs too.
The CPU time this process spent (all its threads) does not.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Fail when the block uses more than ``seconds`` of this process's CPU time."""
    started = time.process_time()
    yield
    spent = time.process_time() - started
    assert spent < seconds, f"{spent:.2f} s of CPU, the budget is {seconds} s"
