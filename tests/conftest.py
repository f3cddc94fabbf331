"""Shared fixtures: a sealed environment (no network, no user git config) and real git repos."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.forge.fake_github import FakeGitHub, FakeGitHubServer
from tests.gitrepo import Repo, init_repo

# Property tests run the same examples on every run of the test command, so a landing never
# depends on luck; `LEADDOCS_HYPOTHESIS=explore` draws new ones (run it when changing escaping,
# and add what it finds as an @example).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("LEADDOCS_HYPOTHESIS", "repeatable"))


def _is_loopback(address: Any) -> bool:
    if isinstance(address, tuple) and address:
        host = address[0]
    else:
        return True  # AF_UNIX paths
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkAccessError(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to a non-loopback address fails the test loudly."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            raise NetworkAccessError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            raise NetworkAccessError(f"test tried to reach the network: {address!r}")
        return real_connect_ex(self, address)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in (None, "localhost") and not _is_loopback((host,)):
            raise NetworkAccessError(f"test tried to resolve a network host: {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


@pytest.fixture(autouse=True)
def sealed_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git sees a fixed identity and none of the user's config; no API keys leak in."""
    home = tmp_path_factory.mktemp("home")
    config = home / ".gitconfig"
    config.write_text(
        "[user]\n\tname = Test Runner\n\temail = runner@example.com\n"
        "[commit]\n\tgpgSign = false\n[tag]\n\tgpgSign = false\n"
        '[init]\n\tdefaultBranch = main\n[protocol "file"]\n\tallow = always\n'
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "GITHUB_TOKEN",
        "GH_TOKEN",
        # A test run inside GitHub Actions must not aim the forge at the job's own repository.
        "GITHUB_ACTIONS",
        "GITHUB_API_URL",
        "GITHUB_GRAPHQL_URL",
        "GITHUB_SERVER_URL",
        "GITHUB_REPOSITORY",
        "EDITOR",
        "VISUAL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repo]:
    """An empty repository on branch main."""
    yield init_repo(tmp_path / "repo")


class CliResult:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code = code
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:
        return f"CliResult({self.code}, out={self.stdout[:500]!r}, err={self.stderr[:500]!r})"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Any:
    """Run leaddocs in-process: ``cli("--repo", path, "changelog")`` → CliResult."""
    from leaddocs.cli import run

    def invoke(*args: Any) -> CliResult:
        capsys.readouterr()
        code = run([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    """A fake GitHub on 127.0.0.1 (tests/forge/fake_github.py) that knows ``acme/widgets``:
    ``.url``, ``.env()``, ``.requests``, ``.pulls``, ``.fail_next(kind)``."""
    with FakeGitHubServer() as fake:
        fake.add_repo("acme/widgets")
        yield fake
