"""ADR files as edits see them, and writing several of them all-or-nothing.

Edits work on ``\\n`` text without a byte-order mark, the form parse.decode reads and whose
line numbers Adr.lines holds; ``Source.restore`` gives the edited text back the file's own line
endings and BOM, so a CRLF or BOM file stays one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leaddocs.documents.writer import write_atomic
from leaddocs.errors import OutputError

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Source:
    text: str  # "\n" line endings, no BOM
    newline: str
    bom: str

    def restore(self, text: str) -> str:
        """``text`` (an edit of ``self.text``) in the file's own line endings and BOM."""
        return self.bom + (text.replace("\n", self.newline) if self.newline != "\n" else text)


def read_source(path: Path) -> Source:
    # newline="" so the file's own line endings can be seen, and put back on write.
    with path.open(encoding="utf-8", newline="") as stream:
        raw = stream.read()
    bom = _BOM if raw.startswith(_BOM) else ""
    raw = raw.removeprefix(_BOM)
    crlf = raw.count("\r\n")
    # Only a file that is CRLF throughout is normalised; a mixed one is edited as it is.
    if crlf and crlf == raw.count("\n"):
        return Source(raw.replace("\r\n", "\n"), "\r\n", bom)
    return Source(raw, "\n", bom)


def edit_file(path: Path, change: Callable[[str], str]) -> str:
    """The whole new text of ``path`` after ``change`` of its ``\\n`` text."""
    source = read_source(path)
    return source.restore(change(source.text))


def write_all(writes: Sequence[tuple[Path, str]], shown: Callable[[Path], str] = str) -> None:
    """Write every ``(path, text)`` or none: each file is checked writable first, and those
    already written are put back if a later one fails."""
    for path, _ in writes:
        check_writable(path, shown)
    done: list[tuple[Path, bytes | None]] = []
    for path, text in writes:
        try:
            before = path.read_bytes() if path.exists() else None
            write_atomic(path, text)
        except (OutputError, OSError) as exc:
            undo(done)
            # Messages name files from the repository root, like every other ADR message.
            message = str(exc) if isinstance(exc, OutputError) else f"cannot write {path}"
            raise OutputError(message.replace(str(path), shown(path))) from exc
        done.append((path, before))


def undo(done: Sequence[tuple[Path, bytes | None]]) -> None:
    """Put back what ``write_all`` wrote: old bytes restored, new files removed."""
    for path, before in reversed(done):
        with contextlib.suppress(OSError):
            if before is None:
                path.unlink()
            else:
                path.write_bytes(before)


def check_writable(path: Path, shown: Callable[[Path], str] = str) -> None:
    """Fail before anything is written when ``path`` (or its folder, for a new file) cannot be
    written. Opening for update is the test root cannot bypass: ``chattr +i`` refuses it."""
    try:
        if path.exists():
            with open(path, "r+b"):
                pass
        elif not os.access(path.parent, os.W_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        raise OutputError(f"cannot write {shown(path)}: {exc.strerror}") from exc
