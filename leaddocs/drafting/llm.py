"""The one door to a model endpoint: the ``openai`` client, and its failures sorted into three.

``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` are left to the client to read, so every
OpenAI-compatible server (Ollama, vLLM, llama.cpp, a gateway) works as the client documents.
Failures become :class:`Unavailable` (try later; the template drafter answers),
:class:`BadAnswer` (worth one more request) or :class:`DraftingError` (fix the configuration).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

import openai
import pydantic

from leaddocs.config import LlmConfig
from leaddocs.errors import DraftingError

NO_ENDPOINT = (
    "--llm needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama); "
    "set one (see docs/llm.md) or draft without --llm"
)


class Unavailable(Exception):
    """The endpoint could not answer now (rate limit, server error, timeout, network)."""


class BadAnswer(Exception):
    """The endpoint answered, but not with a usable draft (malformed, empty, cut off, refused)."""

    def __init__(self, reason: str, tokens_in: int = 0, tokens_out: int = 0) -> None:
        super().__init__(reason)
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out


@dataclass(frozen=True, slots=True)
class Answer:
    content: str  # the JSON text, validated against the schema
    tokens_in: int
    tokens_out: int


class ModelClient:
    """Chat completions with structured output, falling back to JSON mode, then plain text."""

    def __init__(self, settings: LlmConfig, model: str | None = None) -> None:
        if not os.environ.get("OPENAI_API_KEY") and not os.environ.get("OPENAI_BASE_URL"):
            raise DraftingError(NO_ENDPOINT)
        self.model = model or settings.model
        self._settings = settings
        query = {"api-version": settings.api_version} if settings.api_version else None
        # Local servers need no key; the client insists on one, so it gets a placeholder.
        api_key = None if os.environ.get("OPENAI_API_KEY") else "no-key-needed"
        self._client = openai.OpenAI(
            api_key=api_key,
            timeout=settings.timeout,
            max_retries=settings.max_retries,
            default_query=query,
        )
        self._modes = ["structured", "json", "plain"]

    @property
    def base_url(self) -> str:
        return str(self._client.base_url)

    def ask(self, messages: list[dict[str, str]], schema: type[pydantic.BaseModel]) -> Answer:
        """One answer validated against ``schema``; raises Unavailable, BadAnswer, DraftingError."""
        while True:
            mode = self._modes[0]
            try:
                return self._ask(mode, messages, schema)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                # The server does not take this response_format: try the next, simpler mode.
                if len(self._modes) == 1:
                    raise Unavailable(
                        f"the endpoint rejected the request: {_message(exc)}"
                    ) from exc
                self._modes.pop(0)
            except openai.AuthenticationError as exc:
                raise DraftingError(
                    f"{self.base_url} refused the API key (HTTP {exc.status_code}); "
                    "check OPENAI_API_KEY"
                ) from exc
            except openai.PermissionDeniedError as exc:
                raise DraftingError(
                    f"{self.base_url} denied access to model '{self.model}' (HTTP 403); "
                    "check OPENAI_API_KEY and the model's permissions"
                ) from exc
            except openai.NotFoundError as exc:
                raise DraftingError(
                    f"model '{self.model}' not found at {self.base_url} (HTTP 404); "
                    "set --model or llm.model, or check OPENAI_BASE_URL"
                ) from exc
            except openai.APITimeoutError as exc:
                raise Unavailable(
                    f"{self.base_url} did not answer within {self._settings.timeout:g}s"
                ) from exc
            except openai.APIConnectionError as exc:
                raise Unavailable(f"cannot reach {self.base_url}") from exc
            except openai.RateLimitError as exc:
                raise Unavailable(
                    f"rate limited (HTTP 429) after {self._settings.max_retries} retries"
                ) from exc
            except openai.APIStatusError as exc:
                raise Unavailable(
                    f"HTTP {exc.status_code} after {self._settings.max_retries} retries"
                ) from exc
            except openai.LengthFinishReasonError as exc:
                usage = exc.completion.usage
                raise BadAnswer(
                    "the answer was cut off (finish_reason: length); raise llm.max_tokens",
                    *_tokens(usage),
                ) from exc
            except openai.ContentFilterFinishReasonError as exc:
                raise BadAnswer("the model refused (content filter)") from exc

    def _ask(
        self, mode: str, messages: list[dict[str, str]], schema: type[pydantic.BaseModel]
    ) -> Answer:
        common: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": self._settings.temperature,
            "max_tokens": self._settings.max_tokens,
        }
        if mode == "structured":
            try:
                completion: Any = self._client.chat.completions.parse(
                    response_format=schema, **common
                )
            except pydantic.ValidationError as exc:
                raise BadAnswer("malformed JSON: it does not match the schema") from exc
        elif mode == "json":
            completion = self._client.chat.completions.create(
                response_format={"type": "json_object"}, **common
            )
        else:
            completion = self._client.chat.completions.create(**common)
        tokens = _tokens(completion.usage)
        if not completion.choices:
            raise BadAnswer("empty answer (no choices)", *tokens)
        choice = completion.choices[0]
        if getattr(choice.message, "refusal", None):
            raise BadAnswer(f"the model refused: {_one_line(choice.message.refusal)}", *tokens)
        if choice.finish_reason == "length":
            raise BadAnswer(
                "the answer was cut off (finish_reason: length); raise llm.max_tokens", *tokens
            )
        content = choice.message.content or ""
        if not content.strip():
            raise BadAnswer("empty answer", *tokens)
        content = _strip_fence(content)
        try:
            schema.model_validate_json(content)
        except pydantic.ValidationError as exc:
            raise BadAnswer("malformed JSON: it does not match the schema", *tokens) from exc
        return Answer(content, *tokens)


def _tokens(usage: Any) -> tuple[int, int]:
    if usage is None:
        return 0, 0
    return int(usage.prompt_tokens or 0), int(usage.completion_tokens or 0)


def _strip_fence(content: str) -> str:
    # Models without JSON mode like to wrap JSON in a ```json fence.
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    return text.strip()


def _message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        detail = body.get("message") or json.dumps(body)[:200]
        return _one_line(str(detail))
    return _one_line(str(exc))


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())[:200]
