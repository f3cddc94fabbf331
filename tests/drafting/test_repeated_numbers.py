"""Two merges that cite the same number (``(#10)``: an issue number read as a pull request's)
are two items with two ids in a model's manifest, the same ids on every run, so a bullet is
grounded in the item it cites and in no other."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from leaddocs.drafting.status import manifest
from leaddocs.status.summary import HealthState, InFlight, Item, Source, StatusSummary
from tests.drafting.fake_openai import FakeOpenAI, Reply, draft, manifest_of
from tests.gitrepo import Repo

PERIOD = ("--since", "2023-11-14", "--until", "2023-11-16")


def two_merges_citing_ten(repo: Repo) -> tuple[str, str]:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.branch("meeting")
    repo.commit("feat(meeting): read meeting transcripts")
    repo.checkout("main")
    meeting = repo.merge("meeting", "merge: leaddocs meeting (#10)")
    repo.branch("briefs")
    repo.commit("fix(brief): customers briefs leave people out")
    repo.checkout("main")
    briefs = repo.merge("briefs", "merge: customers briefs leave people out (#10)")
    return meeting, briefs


def cite_first(
    manifests: list[list[dict[str, Any]]], section: str
) -> Callable[[dict[str, Any]], Reply]:
    """An answer citing the first item sent, keeping each manifest it was sent."""

    def answer(request: dict[str, Any]) -> Reply:
        items = manifest_of(request)
        manifests.append(items)
        return draft((section, "One sentence.", [items[0]["id"]]))

    return answer


def test_release_notes_give_each_merge_its_own_id_stable_across_runs(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    meeting, briefs = two_merges_citing_ten(repo)
    manifests: list[list[dict[str, Any]]] = []

    def answer(request: dict[str, Any]) -> Reply:
        items = manifest_of(request)
        manifests.append(items)
        by_subject = {item["subject"]: item["id"] for item in items}
        meeting_id = next(i for s, i in by_subject.items() if "meeting" in s)
        return draft(("Changes", "Meetings are read from their transcripts.", [meeting_id]))

    fake_llm.queue(answer, answer)
    args = ("--repo", repo.path, "release-notes", "--llm")
    first = cli(*args)
    assert first.code == 0, first
    ids = [item["id"] for item in manifests[0]]
    assert sorted(ids) == sorted([f"pr-10-{meeting[:10]}", f"pr-10-{briefs[:10]}"])
    # The bullet about meetings is grounded in the meeting merge only: the briefs merge is
    # not covered by it, so it comes back from the history, under its own words.
    assert "1 drafted by model, 1 filled from history, 0 invented ids rejected" in first.stderr
    assert "Meetings are read from their transcripts." in first.stdout
    assert "customers briefs leave people out" in first.stdout

    # Another run over a fresh clone (no answer cache) sends the same ids.
    clone = repo.path.parent / "clone"
    repo.git("clone", "-q", str(repo.path), str(clone))
    second = cli("--repo", clone, "release-notes", "--llm")
    assert second.code == 0, second
    assert [item["id"] for item in manifests[1]] == ids


def test_a_bullet_citing_the_shared_number_alone_is_rejected_not_grounded_in_either(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    meeting, briefs = two_merges_citing_ten(repo)
    reply = draft(("Changes", "Everything about meetings and briefs.", ["pr-10"]))
    fake_llm.queue(reply, reply)  # the engine asks once more, listing what was wrong
    result = cli("--repo", repo.path, "release-notes", "--llm")
    assert result.code == 0, result
    assert "Everything about meetings and briefs." not in result.stdout
    assert "invented ids rejected: pr-10\n" in result.stderr  # the report names it
    filled = sorted([f"pr-10-{meeting[:10]}", f"pr-10-{briefs[:10]}"])
    assert f"filled from history: {', '.join(filled)}\n" in result.stderr
    assert "- leaddocs meeting (#10)" in result.stdout
    assert "- customers briefs leave people out (#10)" in result.stdout


def test_a_status_page_sends_both_merges_to_the_model(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    meeting, briefs = two_merges_citing_ten(repo)
    manifests: list[list[dict[str, Any]]] = []
    answer = cite_first(manifests, "Summary")
    fake_llm.queue(answer, answer)
    result = cli("--repo", repo.path, "status", *PERIOD, "--llm", "-o", "-")
    assert result.code == 0, result
    shipped = [item["id"] for item in manifests[0] if item["section"] == "Shipped"]
    assert len(shipped) == len(set(shipped)) == 3  # "feat: first" and the two merges
    assert sorted(i for i in shipped if i.startswith("pr-")) == sorted(
        [f"pr-10-{meeting[:10]}", f"pr-10-{briefs[:10]}"]
    )


def test_a_release_brief_sends_both_merges_under_their_own_ids(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    meeting, briefs = two_merges_citing_ten(repo)
    manifests: list[list[dict[str, Any]]] = []
    answer = cite_first(manifests, "What shipped")
    fake_llm.queue(answer, answer)
    args = ("brief", "--release", "unreleased", "--audience", "product", "--llm")
    result = cli("--repo", repo.path, *args)
    assert result.code == 0, result
    ids = [item["id"] for item in manifests[0]]
    assert len(ids) == len(set(ids)), ids
    assert {f"pr-10-{meeting[:10]}", f"pr-10-{briefs[:10]}"} <= set(ids)


def test_an_open_pull_request_and_a_merge_citing_its_number_are_both_in_the_manifest() -> None:
    # "(#10)" in a merge's subject and pull request #10 still open: two facts, two ids.
    page = StatusSummary(
        repository="main",
        since="2026-11-24",
        until="2026-11-30",
        health=HealthState(value="on track", by="rules"),
        shipped=[Item(id="pr-10", title="leaddocs meeting", source=Source(label="#10"))],
        in_flight=[
            InFlight(
                id="pr-10", title="more meetings", source=Source(label="#10"), kind="pull request"
            )
        ],
    )
    items, sources = manifest(page)
    assert [(item.id, item.section) for item in items] == [
        ("pr-10", "Shipped"),
        ("open-pr-10", "In flight"),
    ]
    assert set(sources) == {"pr-10", "open-pr-10"}
