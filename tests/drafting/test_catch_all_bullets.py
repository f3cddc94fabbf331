"""A bullet citing more ids than ``llm.max_ids_per_bullet`` (8) covers none of them: one
catch-all sentence citing every id no longer counts as drafting every item. The model is told
the cap, asked once more with the bullet named, and what it still leaves out comes back from
history and is reported."""

from __future__ import annotations

import json
from typing import Any

from leaddocs.drafting.base import ManifestItem
from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from leaddocs.drafting.grounding import ground
from tests.drafting.fake_openai import FakeOpenAI, Reply, draft, manifest_of
from tests.drafting.history import FAST_LLM, build_release
from tests.gitrepo import Repo

ITEMS = [ManifestItem(f"pr-{n}", "fix", f"fix {n}", section="Fixes") for n in range(1, 13)]
IDS = [item.id for item in ITEMS]


def _draft(*bullets: tuple[str, list[str]]) -> Draft:
    return Draft(
        sections=[DraftSection(title="Fixes", bullets=[Bullet(text=t, ids=i) for t, i in bullets])]
    )


def test_a_bullet_over_the_cap_covers_none_of_its_ids() -> None:
    result = ground(_draft(("Everything.", IDS)), ITEMS, IDS.__contains__, max_ids=8)
    assert result.draft.sections == []
    assert result.covered == set() and result.missing == IDS
    assert result.broad == [("Everything.", 12)]
    assert any("cites 12 ids, more than the 8" in v for v in result.violations())


def test_a_group_at_the_cap_still_covers_its_ids() -> None:
    group = (
        "Rounding fixes across billing.",
        [*IDS[:8], IDS[0]],  # a repeated id counts once
    )
    rest = ("The other fixes.", IDS[8:])
    result = ground(_draft(group, rest), ITEMS, IDS.__contains__, max_ids=8)
    assert result.missing == [] and result.broad == [] and result.violations() == []


def test_without_a_cap_any_number_covers() -> None:
    result = ground(_draft(("Everything.", IDS)), ITEMS, IDS.__contains__)
    assert result.missing == []


def _twelve_fixes(repo: Repo, config: str = FAST_LLM) -> None:
    (repo.path / "leaddocs.yml").write_text(config)
    repo.commit("feat: first", files={"leaddocs.yml": config})
    repo.tag("v1.0.0")
    for number in range(1, 13):
        repo.commit(f"fix: edge case {number} (#{number})")


def _catch_all(request: dict[str, Any]) -> Reply:
    return draft(("Fixes", "Everything was fixed.", [i["id"] for i in manifest_of(request)]))


def test_one_sentence_citing_every_id_is_filled_back_from_history(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    _twelve_fixes(repo)
    fake_llm.queue(_catch_all, _catch_all)
    result = cli("--repo", repo.path, "release-notes", "--llm")
    assert result.code == 0, result
    assert "Everything was fixed" not in result.stdout
    for number in range(1, 13):
        assert f"- edge case {number} (#{number})" in result.stdout
    assert "12 items: 0 drafted by model, 12 filled from history" in result.stderr
    assert (
        "bullets citing more than 8 ids dropped, covering none of them (llm.max_ids_per_bullet): 1"
    ) in result.stderr
    # The model is told the cap up front, and the retry names the bullet.
    system = fake_llm.requests[0]["messages"][0]["content"]
    assert "A bullet cites at most 8 ids" in system
    correction = fake_llm.requests[1]["messages"][-1]["content"]
    assert "'Everything was fixed.' cites 12 ids, more than the 8" in correction


def test_related_pull_requests_grouped_within_the_cap_are_drafted(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    _twelve_fixes(repo)

    def grouped(request: dict[str, Any]) -> Reply:
        ids = [i["id"] for i in manifest_of(request)]
        return draft(("Fixes", "Edge cases in billing.", ids[:8]), ("Fixes", "More.", ids[8:]))

    fake_llm.queue(grouped)
    result = cli("--repo", repo.path, "release-notes", "--llm")
    assert result.code == 0, result
    assert "12 items: 12 drafted by model, 0 filled from history" in result.stderr
    assert "max_ids_per_bullet" not in result.stderr
    assert len(fake_llm.requests) == 1


def test_the_cap_is_a_setting_and_the_json_report_counts_it(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    sample = build_release(repo, config=FAST_LLM + "  max_ids_per_bullet: 3\n")

    def pairs_and_a_lump(request: dict[str, Any]) -> Reply:
        ids = [i["id"] for i in manifest_of(request)]
        return draft(("Features", "The first one.", ids[:1]), ("Fixes", "The rest.", ids[1:]))

    fake_llm.queue(pairs_and_a_lump, pairs_and_a_lump)
    result = cli("--repo", sample.repo.path, "release-notes", "--llm", "--format", "json")
    assert result.code == 0, result
    report = json.loads(result.stdout)["drafting"]
    assert report["broad"] == 1
    assert report["drafted"] == 1 and len(report["filled"]) == 4
    assert "A bullet cites at most 3 ids" in fake_llm.requests[0]["messages"][0]["content"]
