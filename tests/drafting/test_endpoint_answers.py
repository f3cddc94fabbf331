"""What the endpoint may send back that is not a usable completion, end to end."""

from __future__ import annotations

import time
from typing import Any

import pytest

from leaddocs.config import LlmConfig
from leaddocs.drafting.draft import Draft
from leaddocs.drafting.llm import ModelClient, Unavailable
from tests.drafting.fake_openai import FakeOpenAI, Reply, completion, error
from tests.drafting.history import build_release
from tests.gitrepo import Repo


def notes(cli: Any, repo: Repo, *args: str) -> Any:
    return cli("--repo", repo.path, "release-notes", *args)


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (Reply(body="<html><body>502 Bad Gateway</body></html>"), "JSONDecodeError"),
        (Reply(body={}), "TypeError"),
        (Reply(body={"choices": [{"index": 0, "finish_reason": "stop"}]}), "AttributeError"),
    ],
    ids=["html", "empty-object", "no-message"],
)
def test_an_unreadable_200_leaves_the_template_to_answer(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI, reply: Reply, kind: str
) -> None:
    build_release(repo)
    expected = notes(cli, repo, "--no-llm").stdout
    fake_llm.default = reply
    result = notes(cli, repo, "--llm")
    assert result.code == 0, result
    assert result.stdout == expected
    assert f"unexpected answer from {fake_llm.base_url} (" in result.stderr
    assert "5 items: 0 drafted by model, 5 filled from history" in result.stderr


@pytest.mark.parametrize(
    "reply",
    [
        completion("not json at all", tokens=(70, 9)),
        completion('{"sections": "nope"}', tokens=(70, 9)),
        completion('{"sections": []}', finish_reason="content_filter", tokens=(70, 9)),
    ],
    ids=["malformed", "schema-invalid", "content-filter"],
)
def test_tokens_of_a_bad_answer_are_counted(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI, reply: Reply
) -> None:
    build_release(repo)
    fake_llm.default = reply
    result = notes(cli, repo, "--llm")
    assert result.code == 0, result
    assert "2 requests, 0 from cache, 140 tokens in, 18 out" in result.stderr


def test_a_trickling_server_is_held_to_the_timeout(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    config = "llm:\n  model: fake-model\n  timeout: 0.5\n  max_retries: 0\n"
    build_release(repo, config=config)
    expected = notes(cli, repo, "--no-llm").stdout
    # Each byte arrives well within the read timeout; the whole body would take minutes.
    fake_llm.default = Reply(body={"padding": "x" * 2000}, trickle=0.05)
    started = time.monotonic()
    result = notes(cli, repo, "--llm")
    assert time.monotonic() - started < 3
    assert result.code == 0, result
    assert result.stdout == expected
    assert f"{fake_llm.base_url} did not answer within 0.5s" in result.stderr


def test_a_400_about_something_else_keeps_structured_output_for_later_requests(
    fake_llm: FakeOpenAI,
) -> None:
    client = ModelClient(LlmConfig(model="fake-model", timeout=1, max_retries=0))
    asked = [{"role": "user", "content": "draft"}]
    too_long = error(400, "the prompt is too long")
    fake_llm.queue(too_long, too_long, too_long, completion('{"sections": []}'))
    with pytest.raises(Unavailable, match="the prompt is too long"):
        client.ask(asked, Draft)
    assert client.ask(asked, Draft).content == '{"sections": []}'
    formats = [r.get("response_format", {}).get("type") for r in fake_llm.requests]
    assert formats == ["json_schema", "json_object", None, "json_schema"]


def test_a_mode_the_server_answers_in_is_kept(fake_llm: FakeOpenAI) -> None:
    client = ModelClient(LlmConfig(model="fake-model", timeout=1, max_retries=0))
    asked = [{"role": "user", "content": "draft"}]
    unsupported = error(400, "response_format json_schema is not supported")
    fake_llm.queue(unsupported, completion('{"sections": []}'), completion('{"sections": []}'))
    client.ask(asked, Draft)
    client.ask(asked, Draft)
    formats = [r.get("response_format", {}).get("type") for r in fake_llm.requests]
    assert formats == ["json_schema", "json_object", "json_object"]
