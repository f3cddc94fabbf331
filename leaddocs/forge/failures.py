"""What went wrong with a request to GitHub, in one line that names the fix.

Rate limits, server errors and network errors are *transient*: enrichment falls back to what
git alone knows. Everything else (a refused token, a missing repository, a refused request) is
a ``ForgeError`` at once.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests
from github import GithubException

from leaddocs.forge.settings import ForgeSettings
from leaddocs.textsafe import printable

_MESSAGE_MAX = 200  # GitHub's own message, quoted: untrusted text, kept short


@dataclass(frozen=True, slots=True)
class Failure:
    message: str
    transient: bool  # a rate limit, a 5xx or the network: worth a fallback, not a stop


def describe(
    exc: Exception, settings: ForgeSettings, what: str, *, scope: str = "repository"
) -> Failure | None:
    """The failure ``exc`` stands for, or None when it is no failure of a request (a bug).

    ``what`` names the operation ("opening the pull request"); ``scope`` what a 404 means:
    the repository, or a thing inside it ("pull request #12").
    """
    if isinstance(exc, requests.RequestException):
        reason = printable(str(exc))[:_MESSAGE_MAX]
        return Failure(f"could not reach GitHub at {settings.api_url} ({reason})", True)
    if not isinstance(exc, GithubException):
        return None
    status = exc.status
    headers = _lower(exc.headers)
    message = _message(exc.data)
    limited = _rate_limit(status, headers, message)
    if limited is not None:
        return Failure(f"{limited} while {what}", True)
    if status >= 500:
        return Failure(f"GitHub answered {status} while {what}: try again later", True)
    if status == 401:
        return Failure(
            "the token was refused (401): check GITHUB_TOKEN (or GH_TOKEN): it may have "
            f"expired, or not be a token for {settings.host}",
            False,
        )
    if status == 404 and scope == "repository":
        return Failure(
            f"repository {settings.repository} not found on {settings.host} (404): check "
            "GITHUB_REPOSITORY / origin, and that the token can see it",
            False,
        )
    if status == 404:
        return Failure(f"{scope} not found in {settings.repository} (404) while {what}", False)
    if status == 403:
        return Failure(
            f"GitHub refused {what} (403: {message}): the token needs contents and "
            "pull-requests write permission on " + settings.repository,
            False,
        )
    return Failure(f"GitHub refused {what} ({status}: {message})", False)


def _lower(headers: Mapping[str, Any] | None) -> dict[str, str]:
    return {str(key).lower(): str(value) for key, value in (headers or {}).items()}


def _message(data: Any) -> str:
    text = ""
    if isinstance(data, dict):
        text = str(data.get("message") or "")
        errors = data.get("errors")
        if isinstance(errors, list):
            details = [
                str(error.get("message") or error.get("code") or "")
                for error in errors
                if isinstance(error, dict)
            ]
            text = "; ".join(filter(None, [text, *details]))
    return printable(text)[:_MESSAGE_MAX] or "no message"


def _rate_limit(status: int, headers: Mapping[str, str], message: str) -> str | None:
    """GitHub's words for a spent limit, from its headers (docs: "Rate limits for the REST
    API"): a primary limit spends ``x-ratelimit-remaining``; a secondary one sends
    ``retry-after`` or says so in the message."""
    if status not in (403, 429):
        return None
    lowered = message.lower()
    if "retry-after" in headers or "secondary rate limit" in lowered:
        wait = headers.get("retry-after", "").strip()
        after = f" (retry after {wait} s)" if wait.isdigit() else ""
        return f"GitHub's secondary rate limit was hit{after}"
    if headers.get("x-ratelimit-remaining") == "0" or status == 429 or "rate limit" in lowered:
        return "GitHub's rate limit for this token ran out" + _reset(headers)
    return None


def _reset(headers: Mapping[str, str]) -> str:
    reset = headers.get("x-ratelimit-reset", "")
    if not reset.isdigit():
        return ""
    at = int(reset)
    minutes = max(0, round((at - time.time()) / 60))
    return f" (it resets at {time.strftime('%H:%M UTC', time.gmtime(at))}, in {minutes} min)"
