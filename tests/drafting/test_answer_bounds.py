"""Oversized and repetitive answers: the bytes read, the shape kept and what the run reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from leaddocs.config import LlmConfig
from leaddocs.drafting.base import DraftRequest, ManifestItem
from leaddocs.drafting.engine import LlmDrafter
from tests.cpu import cpu_budget
from tests.drafting.fake_openai import FakeOpenAI, Reply, completion, manifest_of
from tests.drafting.history import build_release
from tests.gitrepo import Repo

ITEMS = [ManifestItem(f"pr-{n}", "feat", f"change {n}", section="Features") for n in range(1, 6)]
REQUEST = DraftRequest(document="release notes", items=ITEMS)


def drafter(tmp_path: Path, **settings: Any) -> LlmDrafter:
    config = LlmConfig(model="fake-model", timeout=5, max_retries=0, **settings)
    return LlmDrafter(config, cache_dir=tmp_path / "cache")


def answer(sections: list[tuple[str, list[tuple[str, list[str]]]]]) -> Reply:
    content = {
        "sections": [
            {"title": title, "bullets": [{"text": t, "ids": ids} for t, ids in bullets]}
            for title, bullets in sections
        ]
    }
    return completion(json.dumps(content))


def bullets_of(outcome: Any) -> list[tuple[str, str, list[str]]]:
    return [(s.title, b.text, b.ids) for s in outcome.draft.sections for b in s.bullets]


def test_a_10_mb_answer_is_not_read_past_its_limit(fake_llm: FakeOpenAI, tmp_path: Path) -> None:
    huge = [(f"Feature {n}: " + "words " * 170, ["pr-1"]) for n in range(10_000)]
    reply = answer([("Features", huge)])
    assert len(json.dumps(reply.body)) > 10_000_000
    fake_llm.default = reply
    with cpu_budget(5):
        outcome = drafter(tmp_path).draft(REQUEST)
    # Nothing of it is used: the template's five bullets are the draft.
    assert [text for _, text, _ in bullets_of(outcome)] == [f"change {n}" for n in range(1, 6)]
    limit = 64 * 1024 + 64 * 4096
    reason = (
        f"the answer was larger than {limit:,} bytes, more than llm.max_tokens 4096 allows; "
        "the rest was not read (twice in a row)"
    )
    assert f"template drafter answered: {reason}" in outcome.report.lines()
    assert outcome.report.as_json()["fallbacks"] == [reason]


def test_10000_bullets_are_cut_to_the_limits_and_reported(
    fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    many = [(f"Bullet {n}", [f"pr-{n % 5 + 1}"]) for n in range(10_000)]
    more = [(f"Section {n}", [(f"More {n}.{k}", ["pr-1"]) for k in range(3)]) for n in range(40)]
    fake_llm.default = answer([("Features", many), *more])
    outcome = drafter(tmp_path, max_tokens=200_000, token_budget=300_000).draft(REQUEST)
    kept = bullets_of(outcome)
    # 5 items: at most 5 + 10 = 15 sections, 15 bullets a section, 3 x 5 + 30 = 45 in all.
    assert len(kept) == 45
    assert len([b for b in kept if b[0] == "Features"]) == 15
    assert [s.title for s in outcome.draft.sections][-1] == "Section 9"
    over = [
        "26 sections past 15 dropped (78 bullets)",
        "9,985 bullets past 15 in section 'Features' dropped",
        "12 bullets past 45 in all dropped",
    ]
    assert f"answer over its limits: {'; '.join(over)}" in outcome.report.lines()
    report = outcome.report.as_json()
    assert report["over_limit"] == over
    assert report["duplicate_bullets"] == 0


def test_a_long_bullet_is_cut_to_the_limit(fake_llm: FakeOpenAI, tmp_path: Path) -> None:
    fake_llm.default = answer([("Features", [("word " * 1000, [i.id]) for i in ITEMS])])
    outcome = drafter(tmp_path, body_max_chars=200).draft(REQUEST)
    texts = [text for _, text, _ in bullets_of(outcome)]
    assert all(len(text) <= 500 for text in texts) and texts[0].endswith("…")
    assert "answer over its limits: 5 bullets cut to 500 characters" in outcome.report.lines()


def test_duplicate_bullets_and_sections_are_written_once(
    fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    features = [(f"Added change {n}", [f"pr-{n}"]) for n in (1, 2, 3)]
    fixes = [("Fixed change 4", ["pr-4"]), ("Fixed change 5", ["pr-5"])]
    fake_llm.default = answer(
        [
            ("Features", features),
            ("Fixes", fixes),
            ("features ", [("  added   CHANGE 1 ", ["pr-1"]), *features]),  # same, reworded
            ("Fixes", fixes),
            ("Fixes", [("Fixed change 4", ["pr-4", "pr-5"])]),  # other ids: not a duplicate
        ]
    )
    outcome = drafter(tmp_path).draft(REQUEST)
    assert bullets_of(outcome) == [
        ("Features", "Added change 1", ["pr-1"]),
        ("Features", "Added change 2", ["pr-2"]),
        ("Features", "Added change 3", ["pr-3"]),
        ("Fixes", "Fixed change 4", ["pr-4"]),
        ("Fixes", "Fixed change 5", ["pr-5"]),
        ("Fixes", "Fixed change 4", ["pr-4", "pr-5"]),
    ]
    lines = outcome.report.lines()
    assert "duplicate bullets dropped: 6" in lines
    assert "sections repeated in the answer, merged: Features (2 times), Fixes (3 times)" in lines
    report = outcome.report.as_json()
    assert report["duplicate_bullets"] == 6
    assert report["merged_sections"] == ["Features (2 times)", "Fixes (3 times)"]


def test_a_clean_answer_reports_no_drops(fake_llm: FakeOpenAI, tmp_path: Path) -> None:
    fake_llm.default = answer([("Features", [(f"Did {i.id}", [i.id]) for i in ITEMS])])
    outcome = drafter(tmp_path).draft(REQUEST)
    report = outcome.report.as_json()
    assert report["duplicate_bullets"] == 0
    assert report["merged_sections"] == [] and report["over_limit"] == []
    assert not any("limits" in line or "duplicate" in line for line in outcome.report.lines())


def test_release_notes_write_each_duplicate_once(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    build_release(repo)

    def repetitive(request: dict[str, Any]) -> Reply:
        items = manifest_of(request)
        bullets = [(f"Drafted: {i['subject']}", [i["id"]]) for i in items]
        return answer([("Changes", bullets * 3), ("Changes", bullets)])

    fake_llm.default = repetitive
    result = cli("--repo", repo.path, "release-notes", "--llm")
    assert result.code == 0, result
    assert result.stdout.count("- Drafted: api: add invoices endpoint (#1)") == 1
    assert "duplicate bullets dropped: 15" in result.stderr
    assert "sections repeated in the answer, merged: Changes (2 times)" in result.stderr
