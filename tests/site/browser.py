"""What the browser test stands on: a built site served on 127.0.0.1, Debian's Chromium under
Playwright, and a crawler for the site's own links."""

from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# As /work/shared/ENVIRONMENT.md found: `playwright install` cannot download here.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def require_chromium() -> None:
    """A missing browser fails the test, so CI cannot pass without running it; only a machine
    that says so (LEADDOCS_SKIP_BROWSER=1, where the package cannot be installed) skips."""
    if CHROMIUM.is_file():
        return
    if os.environ.get("LEADDOCS_SKIP_BROWSER") == "1":
        pytest.skip(f"{CHROMIUM} is missing and LEADDOCS_SKIP_BROWSER=1: browser test skipped")
    pytest.fail(
        f"{CHROMIUM} is missing: install it (apt-get install -y chromium; .ci/run does), or set "
        "LEADDOCS_SKIP_BROWSER=1 where it cannot be installed"
    )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser dropping a connection it no longer needs is not a failure


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1, in a thread; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value and tag in ("a", "link", "script", "img"):
                self.found.append(value)


def crawl(base: str) -> dict[str, int]:
    """Every URL of the site reachable from ``base`` by its own links, with its HTTP status."""
    seen: dict[str, int] = {}
    queue = [base]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                seen[url] = response.status
                body = response.read() if "html" in response.headers["Content-Type"] else b""
        except urllib.error.HTTPError as error:
            seen[url] = error.code
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8", "replace"))
        for link in parser.found:
            target = urldefrag(urljoin(url, link))[0]
            if urlsplit(target).netloc == urlsplit(base).netloc and target not in seen:
                queue.append(target)
    return seen
