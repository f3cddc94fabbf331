"""``python -m tests.realworld``: the figures, and what each draft missed or added."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tests.realworld.measure import details, measure, table
from tests.realworld.scenarios import SCENARIOS


def main() -> None:
    # The scenarios' commits, as the tests make them: no user configuration, a fixed committer.
    os.environ["GIT_CONFIG_GLOBAL"] = os.devnull
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
    os.environ.setdefault("GIT_COMMITTER_NAME", "Test Runner")
    os.environ.setdefault("GIT_COMMITTER_EMAIL", "runner@example.com")
    with tempfile.TemporaryDirectory() as folder:
        every = [measure(scenario, Path(folder)) for scenario in SCENARIOS]
    print(table(every))
    for figures in every:
        found = details(figures)
        if found:
            print(found)


if __name__ == "__main__":
    main()
