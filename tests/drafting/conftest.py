"""Fixtures for drafting: the fake OpenAI server, pointed at through OPENAI_BASE_URL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.drafting.fake_openai import FakeOpenAI


@pytest.fixture
def fake_llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    server = FakeOpenAI()
    server.start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-dummy")
    try:
        yield server
    finally:
        server.stop()
