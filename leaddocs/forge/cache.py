"""Enrichment answers kept on disk, one small JSON file per commit sha, so a rerun asks nothing.

Not a generated document (nobody reviews it), so it is written here and not through delivery.
A commit's pull request, once merged, does not change; a commit of no pull request is cached
too (as ``null``), or every rerun would ask about it again. Delete the folder to refresh.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from leaddocs.forge.base import PullRequestInfo

_SHA = re.compile(r"^[0-9a-f]{40}$")
_VERSION = 1  # bumped when the stored shape changes: older entries are then ignored


class EnrichmentCache:
    def __init__(self, folder: Path | None, host: str, repository: str) -> None:
        # One folder per repository: a fork's commit can belong to another pull request.
        safe = [re.sub(r"[^\w.-]", "_", part) for part in (host, *repository.split("/"))]
        self._folder = folder.joinpath(*safe) if folder is not None else None

    def get(self, sha: str) -> tuple[bool, PullRequestInfo | None]:
        """``(found, pull request)``: found with None is a commit cached as having none."""
        path = self._path(sha)
        if path is None:
            return False, None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry["v"] != _VERSION:
                return False, None
            return True, None if entry["pr"] is None else _info(entry["pr"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return False, None  # absent, unreadable or corrupt: asked again, then rewritten

    def put(self, sha: str, info: PullRequestInfo | None) -> None:
        path = self._path(sha)
        if path is None:
            return
        entry = {"v": _VERSION, "pr": None if info is None else asdict(info)}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        except OSError:
            return  # a cache that cannot be written costs requests next time, not this run
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(entry, stream)
            os.replace(temporary, path)  # a reader sees the old entry or the new, never half
        except OSError:
            Path(temporary).unlink(missing_ok=True)

    def _path(self, sha: str) -> Path | None:
        if self._folder is None or not _SHA.match(sha):
            return None
        return self._folder / sha[:2] / f"{sha}.json"


def _info(data: dict[str, Any]) -> PullRequestInfo:
    return PullRequestInfo(
        number=int(data["number"]),
        title=str(data["title"]),
        labels=tuple(str(label) for label in data["labels"]),
        author=None if data["author"] is None else str(data["author"]),
        author_is_bot=bool(data["author_is_bot"]),
        merged=bool(data["merged"]),
        url=None if data["url"] is None else str(data["url"]),
    )
