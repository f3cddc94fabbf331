"""A damaged or planted entry of the pull-request cache is a miss, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddocs.forge.base import PullRequestInfo
from leaddocs.forge.cache import EnrichmentCache

SHA = "a" * 40


@pytest.mark.parametrize("damage", ["{damaged", "[" * 100_000, '{"v": 1, "pr": 3}'])
def test_a_damaged_entry_is_asked_again(tmp_path: Path, damage: str) -> None:
    cache = EnrichmentCache(tmp_path, "github.com", "acme/shop")
    info = PullRequestInfo(1, "Add a page", (), "ada", False, True, None)
    cache.put(SHA, info)
    assert cache.get(SHA) == (True, info)
    [entry] = tmp_path.rglob(f"{SHA}.json")
    entry.write_text(damage)  # "[" nested deeper than json's decoder recurses
    assert cache.get(SHA) == (False, None)
