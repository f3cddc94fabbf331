"""Outside text quoted in drafting messages reaches the terminal without escapes or controls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leaddocs.config import LlmConfig
from leaddocs.drafting.base import DraftRequest, ManifestItem
from leaddocs.drafting.engine import LlmDrafter
from tests.drafting.fake_openai import FakeOpenAI, Reply, completion, draft, error, manifest_of

TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J\x1b[H"
REQUEST = DraftRequest(
    document="release notes",
    items=[
        ManifestItem("pr-1", "feat", "add invoices", section="Features"),
        ManifestItem("pr-2", "fix", "round totals", section="Fixes"),
    ],
)


def report_lines(tmp_path: Path) -> list[str]:
    settings = LlmConfig(model="fake-model", timeout=1, max_retries=0)
    drafter = LlmDrafter(settings, cache_dir=tmp_path / "cache")
    lines = drafter.draft(REQUEST).report.lines()
    for line in lines:
        assert line.isprintable(), repr(line)
    return lines


def test_an_error_message_from_the_endpoint_is_reported_without_escapes(
    fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    fake_llm.default = error(400, f"bad request{TITLE}{CLEAR} \u202eevil\r\nspoofed")
    lines = report_lines(tmp_path)
    assert (
        "template drafter answered: the endpoint rejected the request: bad request evil spoofed"
        in lines
    )


def test_a_refusal_is_reported_without_escapes(fake_llm: FakeOpenAI, tmp_path: Path) -> None:
    fake_llm.default = completion(None, refusal=f"no{TITLE} way")
    lines = report_lines(tmp_path)
    assert "template drafter answered: the model refused: no way (after one retry)" in lines


def test_ids_the_model_invents_are_reported_without_escapes(
    fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    def hostile(request: dict[str, Any]) -> Reply:
        good = [(str(i["section"]), f"Drafted {i['id']}", [i["id"]]) for i in manifest_of(request)]
        return draft(
            *good,
            ("Features", "invented", [f"pr-9{TITLE}"]),
            ("Features", "a link [x](http://e.example)", [f"pr-1{CLEAR}"]),
        )

    fake_llm.queue(hostile, hostile)
    lines = report_lines(tmp_path)
    assert "invented ids rejected: pr-9, pr-1" in lines
