from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import Repo
from tests.stats.shop import Shop, open_shop


@pytest.fixture
def shop(repo: Repo, tmp_path: Path, cli: Any) -> Shop:
    return open_shop(repo, tmp_path, cli)
