"""Model answers cached by the hash of everything that shapes them, so a rerun costs nothing.

The key covers the model, every message, the schema version and the sampling settings: change
any of them and the answer is asked for again. Entries live under ``.leaddocs/cache/llm/``, a
folder that ignores itself in git.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class CachedAnswer:
    content: str
    tokens_in: int
    tokens_out: int


def cache_key(**parts: Any) -> str:
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class AnswerCache:
    def __init__(self, folder: Path | None) -> None:
        # None: --no-cache; nothing is read or written.
        self._folder = folder / "llm" if folder is not None else None

    def get(self, key: str) -> CachedAnswer | None:
        if self._folder is None:
            return None
        path = self._folder / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return CachedAnswer(
                str(data["content"]), int(data["tokens_in"]), int(data["tokens_out"])
            )
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None  # missing or damaged (nested past json's recursion too): ask again

    def put(self, key: str, answer: CachedAnswer) -> None:
        if self._folder is None:
            return
        temporary: str | None = None
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            ignore = self._folder.parent / ".gitignore"
            if not ignore.exists() and not ignore.is_symlink():  # a dangling link is not followed
                ignore.write_text("# leaddocs' cache of model answers\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self._folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(
                    {
                        "content": answer.content,
                        "tokens_in": answer.tokens_in,
                        "tokens_out": answer.tokens_out,
                    },
                    stream,
                )
            os.replace(temporary, self._folder / f"{key}.json")
        except OSError:
            # A cache that cannot be written only costs a request next time.
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
