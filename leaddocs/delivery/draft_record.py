"""The draft record that goes in every draft commit (``leaddocs.stats.record``, ADR 0013):
what the commit's Markdown documents drafted, so ``leaddocs stats`` can measure the review
from the main line alone, whichever way the pull request is merged."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from leaddocs.stats.record import (
    DraftRecord,
    drafted_document,
    dumps,
    loads,
    record_path,
    updated,
)

MARKDOWN = (".md", ".markdown")  # data (JSON, YAML) is not writing a person saves time on


def with_record(
    name: str,
    kinds: Mapping[str, str],
    files: Mapping[str, bytes | None],
    before: Callable[[str], bytes | None],
    earlier: bytes | None = None,
) -> dict[str, bytes | None]:
    """``files`` (path → new bytes; None: removed) and the record of ``leaddocs/<name>``.

    ``kinds``: each document's kind, by path; ``before``: a file as it is where the commit
    goes; ``earlier``: the record the branch holds when the commit goes on top of a person's
    commits (its drafts are still on the branch, and still count)."""
    previous = _record(earlier)
    documents = [
        drafted_document(
            path,
            kinds[path],
            _text(before(path)),
            data.decode("utf-8", "replace"),
            previous.get(path) if previous else None,
        )
        for path, data in files.items()
        if data is not None and path in kinds and path.lower().endswith(MARKDOWN)
    ]
    if not documents and previous is None:
        return dict(files)
    removed = [path for path, data in files.items() if data is None]
    return {**files, record_path(name): dumps(updated(previous, documents, removed))}


def _record(data: bytes | None) -> DraftRecord | None:
    if data is None:
        return None
    try:
        return loads(data)
    except ValueError:
        return None  # a record a person broke: this commit's record starts afresh


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", "replace")
