"""A call that must finish by a deadline, whatever the network does meanwhile.

The client's timeout limits each read, so a server that trickles a byte now and then could hold
a run for minutes; a worker thread bounds the whole request instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Overdue(Exception):
    """The call did not finish within its deadline."""


def within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``'s result or exception, or :class:`Overdue` once ``seconds`` have passed."""
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as exc:  # handed to the caller's thread, re-raised there
            outcome.append((False, exc))

    # A daemon: a request still trickling when the run ends must not keep the process alive.
    worker = threading.Thread(target=run, name="leaddocs-llm-request", daemon=True)
    worker.start()
    worker.join(seconds)
    if not outcome:
        raise Overdue
    finished, value = outcome[0]
    if not finished:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
