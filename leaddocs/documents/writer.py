"""Writing documents to disk: whole files or nothing, and never over a human's edit."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from leaddocs.documents import markers
from leaddocs.errors import DocumentError, OutputError


def read_document(path: Path) -> tuple[str, str]:
    """A text file leaddocs will update: its text with \\n line ends, and the file's own ending."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from exc
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n"), newline


def write_atomic(path: Path, text: str, *, newline: str = "\n") -> None:
    """Write ``text`` to ``path`` through a temporary file, so a crash leaves no half file."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    if path.exists() and not (path.stat().st_mode & 0o222 and os.access(path, os.W_OK)):
        # Replacing by rename would succeed, even for root; a read-only file says "keep me".
        raise OutputError(f"cannot write {path}: the file is read-only")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"cannot write {path}: {exc.strerror}") from exc


def write_generated(path: Path, body: str, *, force: bool = False) -> None:
    """Write a whole generated Markdown document, refusing to replace one a human changed."""
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    if path.exists() and not force:
        state = markers.document_state(path.read_text(encoding="utf-8", errors="replace"))
        if state == "edited":
            raise OutputError(
                f"{path} was edited since leaddocs wrote it; kept it (--force replaces it)"
            )
        if state == "foreign":
            raise OutputError(
                f"{path} exists and was not written by leaddocs; kept it (--force replaces it)"
            )
    write_atomic(path, markers.mark_document(body))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
