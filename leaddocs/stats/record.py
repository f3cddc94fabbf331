"""The draft record (ADR 0013): what one draft pull request drafted, committed with the draft.

The PR delivery writes ``.leaddocs/drafts/<name>.json`` in every commit it makes on
``leaddocs/<name>``. Whatever way the pull request is merged (a merge commit, a squash, a
rebase), the record lands with it, so ``leaddocs stats`` works from the main line alone, even
when the branch and its commits are gone::

    {
      "leaddocs_draft_record": 1,
      "documents": [
        {
          "path": "docs/releases/1.4.0.md",
          "kind": "release-notes",
          "sha256": "…",
          "words": 412,
          "lines": "3f9a0c1b2d4e 77d01b5c9e0a …"
        }
      ]
    }

``sha256`` is ``markers.digest`` of the file as drafted, ``lines`` the fingerprints of the lines
the draft wrote, in order, and ``words`` their words (``leaddocs.stats.lines``). It holds no
time and no commit: the same draft makes the same bytes, so a rerun commits nothing new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import PurePosixPath

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from leaddocs.markers import digest
from leaddocs.stats.lines import drafted_lines, fingerprint, words

RECORD_DIR = ".leaddocs/drafts"
VERSION = 1
MAX_BYTES = 4 << 20  # ~300,000 lines of fingerprints: far past any document a person reviews
_VERSION_KEY = "leaddocs_draft_record"
_PRINTS = r"^(?:[0-9a-f]{12}(?: [0-9a-f]{12})*)?$"


class DraftedDocument(BaseModel):
    """One document of a draft: where it went and what of it the draft wrote."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    path: str = Field(min_length=1, max_length=1000)
    kind: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    words: int = Field(ge=0, le=10**9)
    lines: str = Field(pattern=_PRINTS)

    @field_validator("path")
    @classmethod
    def _inside(cls, value: str) -> str:
        # Anyone can commit a record: its path must name a file of the repository (what it
        # says is shown escaped, as any file name is).
        if value.startswith("/") or ".." in PurePosixPath(value).parts:
            raise ValueError(f"{value!r}: not a path inside the repository")
        return value

    @property
    def fingerprints(self) -> tuple[str, ...]:
        return tuple(self.lines.split())


class DraftRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    documents: tuple[DraftedDocument, ...] = Field(default=(), max_length=10_000)

    def get(self, path: str) -> DraftedDocument | None:
        return next((document for document in self.documents if document.path == path), None)


def record_path(name: str) -> str:
    """The record of the branch ``leaddocs/<name>``."""
    return f"{RECORD_DIR}/{name}.json"


def dumps(record: DraftRecord) -> bytes:
    documents = sorted(record.documents, key=lambda document: document.path)
    data = {_VERSION_KEY: VERSION, "documents": [d.model_dump() for d in documents]}
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def loads(data: bytes) -> DraftRecord:
    """The record in ``data``; ValueError saying why it is not one."""
    if len(data) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES >> 20} MiB")
    try:
        tree = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"not JSON ({exc})") from exc
    if not isinstance(tree, dict) or tree.get(_VERSION_KEY) != VERSION:
        raise ValueError(f'not a draft record ("{_VERSION_KEY}": {VERSION} missing)')
    try:
        return DraftRecord.model_validate(tree)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise ValueError(f"{where}: {error['msg']}") from exc


def drafted_document(
    path: str, kind: str, before: str | None, after: str, earlier: DraftedDocument | None
) -> DraftedDocument:
    """What a draft wrote in ``path``: ``after`` against ``before`` (the file there; None: a
    new file), counting again what ``earlier`` (this branch's previous draft of it) wrote."""
    lines = drafted_lines(before, after, earlier.fingerprints if earlier else ())
    return DraftedDocument(
        path=path,
        kind=kind,
        sha256=digest(after),
        words=sum(map(words, lines)),
        lines=" ".join(map(fingerprint, lines)),
    )


def updated(
    earlier: DraftRecord | None, documents: Iterable[DraftedDocument], removed: Iterable[str]
) -> DraftRecord:
    """``earlier`` (the branch's record, None: a fresh branch) with ``documents`` in place of
    its entries for their paths, and none for ``removed``."""
    fresh = {document.path: document for document in documents}
    gone = set(removed) | set(fresh)
    before = earlier.documents if earlier is not None else ()
    kept = [document for document in before if document.path not in gone]
    return DraftRecord(documents=(*kept, *fresh.values()))
