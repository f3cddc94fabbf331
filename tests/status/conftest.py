from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import Repo
from tests.status.scenario import NOTES, two_weeks


@pytest.fixture
def weeks(tmp_path: Path) -> Repo:
    return two_weeks(tmp_path / "service")


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(NOTES)
    return path
