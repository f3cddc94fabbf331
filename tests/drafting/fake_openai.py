"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat completions API, from a script.

Tests queue replies (a completion, an HTTP error, a slow answer, or a function of the request)
and read back every request body that reached the server.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

from leaddocs.drafting.prompts import DATA_CLOSE, DATA_OPEN


@dataclass(slots=True)
class Reply:
    status: int = 200
    body: Any = None  # a dict is sent as JSON, a str as it is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    trickle: float = 0.0  # seconds between the body's bytes: a server that is slow, not silent


Script = Reply | Callable[[dict[str, Any]], Reply]


def completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    tokens: tuple[int, int] = (100, 20),
) -> Reply:
    return Reply(
        body={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": "fake-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": tokens[0],
                "completion_tokens": tokens[1],
                "total_tokens": sum(tokens),
            },
        }
    )


def draft(*bullets: tuple[str, str, list[str]]) -> Reply:
    """A completion whose content is a draft: (section, text, ids) per bullet."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for title, text, ids in bullets:
        sections.setdefault(title, []).append({"text": text, "ids": ids})
    content = {"sections": [{"title": t, "bullets": b} for t, b in sections.items()]}
    return completion(json.dumps(content))


def error(status: int, message: str = "scripted error") -> Reply:
    return Reply(status=status, body={"error": {"message": message, "type": "test"}})


def manifest_of(request: dict[str, Any]) -> list[dict[str, Any]]:
    """The data items a request carried, read back from between the fence markers."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    start = user.index(DATA_OPEN) + len(DATA_OPEN)
    data: list[dict[str, Any]] = json.loads(user[start : user.index(DATA_CLOSE)])
    return data


def faithful(request: dict[str, Any]) -> Reply:
    """A well-behaved model: one bullet per item, in the item's section, citing its id."""
    return draft(
        *(
            (str(item["section"]), f"Drafted: {item['subject']}", [item["id"]])
            for item in manifest_of(request)
        )
    )


class FakeOpenAI:
    # Small waits between the client's retries keep the suite fast (the client honours it).
    RETRY_HEADERS: ClassVar[dict[str, str]] = {"retry-after-ms": "5"}

    def __init__(self) -> None:
        self.script: list[Script] = []
        self.default: Script | None = None  # used when the script runs out
        self.requests: list[dict[str, Any]] = []
        self.raw: list[bytes] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def queue(self, *replies: Script) -> None:
        self.script.extend(replies)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()  # ends a trickle, so no handler outlives the test
        self._server.shutdown()
        self._server.server_close()

    def _next(self, request: dict[str, Any]) -> Reply:
        with self._lock:
            step = self.script.pop(0) if self.script else self.default
        if step is None:
            return error(500, "the test scripted no reply for this request")
        return step(request) if callable(step) else step

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(error(404, f"no route {self.path}"))
                    return
                body = json.loads(raw)
                with fake._lock:
                    fake.raw.append(raw)
                    fake.requests.append(body)
                    fake.headers.append(dict(self.headers.items()))
                reply = fake._next(body)
                if reply.delay:
                    time.sleep(reply.delay)
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                payload = (
                    reply.body.encode()
                    if isinstance(reply.body, str)
                    else json.dumps(reply.body).encode()
                )
                headers = dict(reply.headers)
                if reply.status >= 400:
                    headers = {**FakeOpenAI.RETRY_HEADERS, **headers}
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if reply.trickle:
                        self._trickle(payload, reply.trickle)
                    else:
                        self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            def _trickle(self, payload: bytes, pause: float) -> None:
                for byte in payload:
                    if fake._stopping.wait(pause):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()

        return Handler
