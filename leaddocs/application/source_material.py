"""``--from FILE``: the source material a new record is drafted from, read safely, and the
drafter the request asks for (``adr new``, ``new rfc``, ``new runbook``)."""

from __future__ import annotations

import stat
from pathlib import Path

from leaddocs.application.project import Project
from leaddocs.application.requests import DraftOptions
from leaddocs.drafting.base import Drafter
from leaddocs.drafting.source_draft import Source
from leaddocs.errors import UsageError
from leaddocs.paths import escape_from
from leaddocs.textfile import not_utf8

SOURCE_MAX_BYTES = 1024 * 1024  # notes, an issue, a discussion: far more than a model reads


def read_source_material(
    path: Path,
    boundary: Path,
    *,
    what: str = "--from",
    limit: int = SOURCE_MAX_BYTES,
    shown: str | None = None,
) -> str:
    """The text of ``--from FILE`` (``what`` names it in messages): a regular file of UTF-8
    text, at most ``limit`` bytes (a device or a FIFO would be read forever), not led out of
    the repository by a committed symlink. ``shown``: the path as messages name it."""
    name = shown or str(path)
    outside = escape_from(path, boundary)
    if outside is not None:
        raise UsageError(f"{what} {name}: a symlink to {outside}, outside the repository")
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise UsageError(f"{what} {name}: not a regular file")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from exc
    if len(data) > limit:
        raise UsageError(f"{what} {name}: larger than {limit // 1024} KiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = not_utf8(data, exc)
        raise UsageError(
            f"{what} {name}:{bad.line}: not UTF-8 text ({bad}): save it as UTF-8"
        ) from exc


def source_and_drafter(
    project: Project, path: Path | None, drafting: DraftOptions
) -> tuple[Source, Drafter] | None:
    """The source (secrets redacted) and the drafter for it; None without ``--from``, where
    asking for a model is refused: it drafts from source material only."""
    if path is None:
        if drafting.llm:
            raise UsageError("--llm drafts from source material: add --from FILE")
        return None
    text = read_source_material(path, project.root)
    settings = project.config.llm
    drafter = drafting.drafter(project, use_llm=drafting.use_llm(settings))
    return Source.of(path.name, text), drafter
