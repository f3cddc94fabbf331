"""Splitting by the token budget, and the answer cache."""

from __future__ import annotations

from pathlib import Path

from leaddocs.drafting.budget import split
from leaddocs.drafting.cache import AnswerCache, CachedAnswer, cache_key


def entry(item_id: str, section: str, size: int = 10) -> dict[str, object]:
    return {"id": item_id, "section": section, "subject": "x" * size}


def test_everything_fits_in_one_request() -> None:
    plan = split([entry("a", "F"), entry("b", "G")], budget=1000, overhead=100, max_requests=5)
    assert [[e["id"] for e in chunk] for chunk in plan.chunks] == [["a", "b"]]
    assert plan.not_sent == []


def test_sections_stay_whole_when_they_fit() -> None:
    payload = [entry("a", "F", 200), entry("b", "F", 200), entry("c", "G", 200)]
    plan = split(payload, budget=240, overhead=100, max_requests=5)
    assert [[e["id"] for e in chunk] for chunk in plan.chunks] == [["a", "b"], ["c"]]


def test_a_large_section_is_split_and_an_oversized_item_is_listed() -> None:
    payload = [entry("a", "F", 300), entry("huge", "F", 5000), entry("b", "F", 300)]
    plan = split(payload, budget=200, overhead=100, max_requests=5)
    assert [[e["id"] for e in chunk] for chunk in plan.chunks] == [["a"], ["b"]]
    assert plan.not_sent == ["huge"]


def test_chunks_past_the_request_limit_are_listed_not_dropped() -> None:
    payload = [entry(str(n), f"S{n}", 300) for n in range(4)]
    plan = split(payload, budget=200, overhead=100, max_requests=2)
    assert len(plan.chunks) == 2
    assert plan.not_sent == ["2", "3"]


def test_the_cache_round_trips_and_ignores_itself_in_git(tmp_path: Path) -> None:
    cache = AnswerCache(tmp_path / "cache")
    key = cache_key(model="m", messages=[{"role": "user", "content": "hi"}])
    assert cache.get(key) is None
    cache.put(key, CachedAnswer('{"sections": []}', 3, 4))
    assert cache.get(key) == CachedAnswer('{"sections": []}', 3, 4)
    assert (tmp_path / "cache" / ".gitignore").read_text().endswith("*\n")


def test_the_key_changes_with_any_part() -> None:
    base = {"model": "m", "messages": [], "schema": "1", "temperature": 0.2}
    keys = {
        cache_key(**base),
        cache_key(**{**base, "model": "n"}),
        cache_key(**{**base, "schema": "2"}),
        cache_key(**{**base, "temperature": 0.3}),
    }
    assert len(keys) == 4


def test_a_damaged_entry_is_a_miss_and_no_cache_reads_nothing(tmp_path: Path) -> None:
    cache = AnswerCache(tmp_path)
    cache.put("k", CachedAnswer("{}", 1, 1))
    (tmp_path / "llm" / "k.json").write_text("{damaged")
    assert cache.get("k") is None
    (tmp_path / "llm" / "k.json").write_text("[" * 100_000)  # deeper than json's decoder recurses
    assert cache.get("k") is None
    off = AnswerCache(None)
    off.put("k", CachedAnswer("{}", 1, 1))
    assert off.get("k") is None
