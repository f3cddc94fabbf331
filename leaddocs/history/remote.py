"""Links to the forge a repository's ``origin`` points at (GitHub, GitLab, Gitea, Bitbucket,
generic)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

Provider = Literal["github", "gitlab", "gitea", "bitbucket", "generic"]

_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?(?P<host>[\w.-]+):(?!//)(?P<path>[^\\]+?)(?:\.git)?/?$")
_URL = re.compile(
    r"^(?P<scheme>https?|ssh|git)://(?:[^@/]+@)?(?P<host>[\w.-]+)(?::(?P<port>\d+))?"
    r"/(?P<path>.+?)(?:\.git)?/?$"
)


@dataclass(frozen=True, slots=True)
class Forge:
    provider: Provider
    web_url: str  # https://host[:port]/owner/repo, no credentials, no .git

    def commit_url(self, sha: str) -> str:
        if self.provider == "gitlab":
            return f"{self.web_url}/-/commit/{sha}"
        if self.provider == "bitbucket":
            return f"{self.web_url}/commits/{sha}"
        return f"{self.web_url}/commit/{sha}"

    def pr_url(self, number: int) -> str | None:
        if self.provider == "generic":
            return None  # no common pull-request path: shown as plain text
        if self.provider == "gitlab":
            return f"{self.web_url}/-/merge_requests/{number}"
        if self.provider == "gitea":
            return f"{self.web_url}/pulls/{number}"
        if self.provider == "bitbucket":
            return f"{self.web_url}/pull-requests/{number}"
        return f"{self.web_url}/pull/{number}"

    def compare_url(self, base: str, head: str) -> str:
        if self.provider == "bitbucket":
            # Bitbucket names the newer ref first, the two joined by an encoded carriage return.
            return f"{self.web_url}/branches/compare/{head}%0D{base}"
        middle = "/-/compare/" if self.provider == "gitlab" else "/compare/"
        return f"{self.web_url}{middle}{base}...{head}"

    def file_url(self, ref: str, path: str) -> str | None:
        """A file as the forge shows it at ``ref`` (a branch); None for a generic forge."""
        if self.provider == "generic":
            return None
        where = f"{quote(ref, safe='/')}/{quote(path, safe='/')}"
        if self.provider == "gitlab":
            return f"{self.web_url}/-/blob/{where}"
        if self.provider == "gitea":
            return f"{self.web_url}/src/branch/{where}"
        if self.provider == "bitbucket":
            return f"{self.web_url}/src/{where}"
        return f"{self.web_url}/blob/{where}"

    def pr_label(self, number: int) -> str:
        return f"!{number}" if self.provider == "gitlab" else f"#{number}"


def forge_for(
    remote_url: str | None, provider: str = "auto", url_override: str | None = None
) -> Forge | None:
    """The forge behind ``remote_url``; None when no links can be built (no remote, a path)."""
    if provider == "none":
        return None
    web_url = (
        url_override.rstrip("/").removesuffix(".git") if url_override else _web_url(remote_url)
    )
    if web_url is None:
        return None
    if provider != "auto":
        return Forge(provider, web_url)  # type: ignore[arg-type]
    host = web_url.split("/")[2].split(":")[0].lower()
    if "gitlab" in host:
        return Forge("gitlab", web_url)
    if any(name in host for name in ("gitea", "codeberg", "forgejo")):
        return Forge("gitea", web_url)
    if "github" in host:
        return Forge("github", web_url)
    if host == "bitbucket.org":
        return Forge("bitbucket", web_url)
    if "bitbucket" in host:
        return None  # Bitbucket Server/Data Center: paths of its own (projects/X/repos/Y)
    # An unknown host: /commit/<sha> and /compare/a...b are shared by most forges; PR paths are not.
    return Forge("generic", web_url)


def unlinked_reason(remote_url: str) -> str:
    """Why ``remote_url`` (origin's, not empty) gives no links, for a note: a local path is
    named; of an address only its host is, never credentials it may hold."""
    url = remote_url.strip()
    if _is_local(url):
        return f"origin is a local path ({url.removeprefix('file://')})"
    host = _HOST.match(url) or _SCP_LIKE.match(url)
    at = f" (host {host['host']})" if host is not None else ""
    return f"origin's address{at} is not one leaddocs can build links from"


_HOST = re.compile(r"^[A-Za-z][\w+.-]*://(?:[^@/]+@)?(?P<host>[\w.-]+)")


def _is_local(url: str) -> bool:
    return url.startswith(("/", ".", "file://", "~")) or bool(re.match(r"^[A-Za-z]:[\\/]", url))


def _web_url(remote_url: str | None) -> str | None:
    if not remote_url:
        return None
    url = remote_url.strip()
    if _is_local(url):
        return None
    match = _URL.match(url)
    if match is None and "://" not in url:
        match = _SCP_LIKE.match(url)
    if match is None:
        return None
    path = match["path"].strip("/")
    if "/" not in path:
        return None
    # A web remote keeps its scheme and port (http://localhost:3000); an ssh one's port is
    # ssh's, not the web server's.
    if match.groupdict().get("scheme") in ("http", "https"):
        port = f":{match['port']}" if match["port"] else ""
        return f"{match['scheme']}://{match['host']}{port}/{path}"
    return f"https://{match['host']}/{path}"
