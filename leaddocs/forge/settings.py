"""Where the forge is: its API URLs, the repository, the token and what kind of token it is.

Read from the environment GitHub Actions sets (``GITHUB_API_URL``, ``GITHUB_GRAPHQL_URL``,
``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY``; also on GitHub Enterprise Server), then the
``forge:`` configuration, then the ``origin`` remote's web address, which the application
passes in: this package never talks to git.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import SplitResult, urlsplit

from leaddocs.config import ForgeConfig
from leaddocs.paths import escape_from

TokenKind = Literal["workflow", "app-or-pat", "none"]

_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
PUBLIC_API = "https://api.github.com"


@dataclass(frozen=True, slots=True)
class ForgeSettings:
    api_url: str  # REST, no trailing slash
    graphql_url: str
    repository: str  # owner/name
    host: str  # as messages name the forge (github.com, ghes.example.com)
    token: str | None = field(default=None, repr=False)  # never in a repr, log or message
    token_kind: TokenKind = "none"
    web_url: str | None = None  # GITHUB_SERVER_URL: links are built on it (GHES)
    strict: bool = False
    timeout: int = 15
    cache_dir: Path | None = None  # None: no cache

    @property
    def owner(self) -> str:
        return self.repository.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.repository.split("/", 1)[1]

    @property
    def repository_web_url(self) -> str | None:
        """The repository's web page when ``GITHUB_SERVER_URL`` says where: links use it, so a
        GHES run never links to github.com whatever ``origin`` looks like."""
        return f"{self.web_url}/{self.repository}" if self.web_url else None


def forge_settings(
    env: Mapping[str, str],
    config: ForgeConfig,
    origin_web_url: str | None,
    root: Path,
    *,
    github_remote: bool = False,
) -> ForgeSettings | None:
    """The settings for this run, or None when the repository is not (known to be) on GitHub.

    ``origin_web_url`` is ``https://HOST/owner/name`` from the ``origin`` remote;
    ``github_remote`` says the configuration declares it GitHub (``remote.provider: github``),
    for a GHES host whose name does not say so. The token is sent only to a host that is
    GitHub by one of these signs, never to whatever ``origin`` happens to be.
    """
    server = _clean(env.get("GITHUB_SERVER_URL"))
    origin = urlsplit(origin_web_url) if origin_web_url else None
    repository = _clean(env.get("GITHUB_REPOSITORY"))
    if not repository and origin is not None:
        repository = origin.path.strip("/")
    if not repository or not _REPOSITORY.match(repository):
        return None
    api_url = _clean(env.get("GITHUB_API_URL")) or _clean(config.api_url)
    if api_url is None:
        base = server or _github_origin(origin, github_remote)
        if base is None:
            return None
        api_url = _rest_url(base)
    graphql_url = (
        _clean(env.get("GITHUB_GRAPHQL_URL")) or _clean(config.graphql_url) or _graphql(api_url)
    )
    token, variable = _token(env, config.token_env)
    return ForgeSettings(
        api_url=api_url,
        graphql_url=graphql_url,
        repository=repository,
        host=_web_host(server, api_url),
        token=token,
        token_kind=_token_kind(token, variable, env),
        web_url=server,
        strict=config.strict,
        timeout=config.timeout,
        # A symlink planted in the repository must not lead the cache elsewhere: no cache then.
        cache_dir=None if escape_from(root / config.cache_dir, root) else root / config.cache_dir,
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip().rstrip("/")
    return value or None


def _github_origin(origin: SplitResult | None, github_remote: bool) -> str | None:
    """``scheme://host`` of an origin that is GitHub: github.com, a host named for it, or a host
    the configuration declares GitHub."""
    if origin is None or not origin.hostname:
        return None
    if "github" in origin.hostname or github_remote:
        return f"{origin.scheme}://{origin.netloc}"
    return None


def _rest_url(server: str) -> str:
    """GitHub's REST root for a server: api.github.com for github.com, /api/v3 on GHES."""
    parts = urlsplit(server)
    if parts.hostname in ("github.com", "www.github.com"):
        return PUBLIC_API
    return f"{server}/api/v3"


def _graphql(api_url: str) -> str:
    """GitHub's GraphQL endpoint beside a REST root: /graphql, or /api/graphql on GHES."""
    return api_url.removesuffix("/v3") + "/graphql"


def _web_host(server: str | None, api_url: str) -> str:
    host = urlsplit(server or api_url).netloc
    return "github.com" if host == "api.github.com" else host


def _token(env: Mapping[str, str], configured: str | None) -> tuple[str | None, str | None]:
    """The token and the variable it came from: the configured variable first."""
    for variable in (configured, "GITHUB_TOKEN", "GH_TOKEN"):
        if variable and (env.get(variable) or "").strip():
            return env[variable].strip(), variable
    return None, None


def _token_kind(token: str | None, variable: str | None, env: Mapping[str, str]) -> TokenKind:
    """``workflow`` for the Actions job's own token, whose pull requests start no workflows.

    The Action knows: it sets ``LEADDOCS_TOKEN_IS_WORKFLOWS`` to whether its ``github-token``
    input is the job's ``github.token`` (compared by the runner; the token itself is not
    passed twice). Without it (leaddocs run by a workflow step of its own) the prefix tells,
    as a guess: the job's token is an installation token (``ghs_``), but so is a GitHub App's,
    which is why the message built on it says "looks like".
    """
    if token is None:
        return "none"
    told = env.get("LEADDOCS_TOKEN_IS_WORKFLOWS", "").strip().lower()
    if told in ("true", "false"):
        return "workflow" if told == "true" else "app-or-pat"
    return "workflow" if token.startswith("ghs_") else "app-or-pat"
