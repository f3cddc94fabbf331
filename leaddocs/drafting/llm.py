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
from leaddocs.drafting import deadline
from leaddocs.errors import DraftingError
from leaddocs.textsafe import printable

NO_ENDPOINT = (
    "--llm needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama); "
    "set one (see docs/llm.md) or draft without --llm"
)


class Unavailable(Exception):
    """The endpoint could not answer now (rate limit, server error, timeout, network)."""


class BadAnswer(Exception):
    """The endpoint answered, but not with a usable draft (malformed, empty, cut off, refused)."""

    def __init__(
        self, reason: str, tokens_in: int = 0, tokens_out: int = 0, *, cut_off: bool = False
    ) -> None:
        super().__init__(reason)
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out
        self.cut_off = cut_off  # finish_reason length: asking again rarely helps


class _Rejected(Exception):
    """HTTP 400/422: maybe only the response_format; a simpler mode may be accepted."""


CUT_OFF = "the answer was cut off (finish_reason: length); raise llm.max_tokens"


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
        # The client keeps a trailing slash for joining paths; people wrote it without one.
        return str(self._client.base_url).rstrip("/")

    @property
    def deadline(self) -> float:
        """Seconds one request may take in all, the client's own retries included."""
        return self._settings.timeout * (self._settings.max_retries + 1)

    def ask(self, messages: list[dict[str, str]], schema: type[pydantic.BaseModel]) -> Answer:
        """One answer validated against ``schema``; raises Unavailable, BadAnswer, DraftingError.

        A 400/422 tries the next, simpler mode for this request only; the modes are given up
        for later requests once a simpler one got an answer, so a 400 about something else
        (a prompt too long, say) does not cost the run its structured output.
        """
        rejected = ""
        for index, mode in enumerate(self._modes):
            try:
                answer = self._sorted(mode, messages, schema)
            except _Rejected as exc:
                rejected = str(exc)
                continue
            except BadAnswer:
                del self._modes[:index]  # the server took this mode; its answer was poor
                raise
            del self._modes[:index]
            return answer
        raise Unavailable(f"the endpoint rejected the request: {rejected}")

    def _sorted(
        self, mode: str, messages: list[dict[str, str]], schema: type[pydantic.BaseModel]
    ) -> Answer:
        """One request in ``mode``, its failures sorted into this module's exceptions."""
        try:
            return deadline.within(self.deadline, lambda: self._ask(mode, messages, schema))
        except (deadline.Overdue, openai.APITimeoutError) as exc:
            raise Unavailable(f"{self.base_url} did not answer within {self.deadline:g}s") from exc
        except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
            raise _Rejected(_message(exc)) from exc
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

    def _ask(
        self, mode: str, messages: list[dict[str, str]], schema: type[pydantic.BaseModel]
    ) -> Answer:
        common: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": self._settings.temperature,
            "max_tokens": self._settings.max_tokens,
        }
        # A streamed response: the body is read here, up to the answer's limit, not by the
        # client whole (a server that ignores max_tokens could send gigabytes).
        completions = self._client.chat.completions.with_streaming_response
        call: Any
        if mode == "structured":
            call = completions.parse(response_format=schema, **common)
        elif mode == "json":
            call = completions.create(response_format={"type": "json_object"}, **common)
        else:
            call = completions.create(**common)
        with call as response:
            body = self._read(response)
        return self._answer(body, schema)

    def _read(self, response: Any) -> bytes:
        """The response body, or BadAnswer once it passes :func:`answer_limit`."""
        limit = answer_limit(self._settings.max_tokens)
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    break
        except Exception as exc:  # the transport's own errors, whichever HTTP library
            raise Unavailable(
                f"{self.base_url} broke off the answer ({type(exc).__name__})"
            ) from exc
        if size > limit:
            # Like a cut-off answer, asking again rarely helps: twice in a row stops the run.
            raise BadAnswer(
                f"the answer was larger than {limit:,} bytes, more than llm.max_tokens "
                f"{self._settings.max_tokens} allows; the rest was not read",
                cut_off=True,
            )
        return b"".join(chunks)

    def _answer(self, body: bytes, schema: type[pydantic.BaseModel]) -> Answer:
        """The draft's JSON text from a completion's body, or why there is none."""
        try:
            completion = json.loads(body)
        except ValueError as exc:
            # HTML from a proxy: an answer, but not one anyone can read.
            raise BadAnswer(f"unexpected answer from {self.base_url} (JSONDecodeError)") from exc
        tokens = _usage(completion)
        if not isinstance(completion, dict) or not isinstance(completion.get("choices"), list):
            raise BadAnswer(f"unexpected answer from {self.base_url} (no choices)", *tokens)
        if not completion["choices"]:
            raise BadAnswer("empty answer (no choices)", *tokens)
        choice = completion["choices"][0]
        message = choice.get("message") if isinstance(choice, dict) else None
        if not isinstance(message, dict):
            raise BadAnswer(f"unexpected answer from {self.base_url} (no message)", *tokens)
        if message.get("refusal"):
            raise BadAnswer(f"the model refused: {_one_line(str(message['refusal']))}", *tokens)
        if choice.get("finish_reason") == "length":
            raise BadAnswer(CUT_OFF, *tokens, cut_off=True)
        if choice.get("finish_reason") == "content_filter":
            raise BadAnswer("the model refused (content filter)", *tokens)
        content = message.get("content")
        if not isinstance(content, str) or not content.strip():
            raise BadAnswer("empty answer", *tokens)
        content = _strip_fence(content)
        try:
            schema.model_validate_json(content)
        except pydantic.ValidationError as exc:
            raise BadAnswer("malformed JSON: it does not match the schema", *tokens) from exc
        return Answer(content, *tokens)


def answer_limit(max_tokens: int) -> int:
    """Bytes of a response body read at the most: what ``max_tokens`` tokens can take.

    A token is ~4 characters; in the completion's JSON a character can take up to 12 bytes
    (a non-ASCII character escaped in the draft's JSON, escaped again in the envelope). 64
    bytes a token leaves room for long tokens, and 64 KiB for the envelope around the text.
    """
    return 64 * 1024 + 64 * max_tokens


def _usage(completion: Any) -> tuple[int, int]:
    """Tokens in and out from the response body, when it says; (0, 0) for anything else."""
    try:
        usage = completion.get("usage") or {}
        return int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    except (ValueError, TypeError, AttributeError):
        return 0, 0


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
    # The server's words end up in a message on a terminal: no escapes, one line, short.
    return printable(text or "")[:200]
