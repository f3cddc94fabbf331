"""Text files as edits see them: ``\\n`` text without a byte-order mark, and how to put back
the file's own line endings and BOM, so a CRLF or BOM file stays one.

Only reading lives here; ``leaddocs.delivery`` writes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from leaddocs.errors import DocumentError

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class NotUtf8:
    """Where bytes stop being UTF-8, as messages name it: the line, the byte, its offset."""

    line: int
    byte: int
    offset: int

    def __str__(self) -> str:
        return f"byte 0x{self.byte:02x} at offset {self.offset}"


def not_utf8(data: bytes, exc: UnicodeDecodeError) -> NotUtf8:
    """Where ``data``'s decoding failed with ``exc``."""
    return NotUtf8(data.count(b"\n", 0, exc.start) + 1, data[exc.start], exc.start)


@dataclass(frozen=True, slots=True)
class Source:
    text: str  # "\n" line endings (unless the file mixes them), no BOM
    newline: str
    bom: str
    sha256: str  # of the file's bytes as read: an edit lands only on the same bytes

    def restore(self, text: str) -> str:
        """``text`` (an edit of ``self.text``) in the file's own line endings and BOM."""
        return self.bom + (text.replace("\n", self.newline) if self.newline != "\n" else text)


def read_source(path: Path, shown: Callable[[Path], str] = str) -> Source:
    """The file at ``path`` as text to edit; a file that is not UTF-8 is a DocumentError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {shown(path)}: {exc.strerror}") from exc
    return decode_source(data, path, shown)


def decode_source(data: bytes, path: Path, shown: Callable[[Path], str] = str) -> Source:
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{shown(path)}: not UTF-8 text ({not_utf8(data, exc)})") from exc
    digest = hashlib.sha256(data).hexdigest()
    bom = _BOM if raw.startswith(_BOM) else ""
    raw = raw.removeprefix(_BOM)
    crlf = raw.count("\r\n")
    # Only a file that is CRLF throughout is normalised; a mixed one is edited as it is.
    if crlf and crlf == raw.count("\n"):
        return Source(raw.replace("\r\n", "\n"), "\r\n", bom, digest)
    return Source(raw, "\n", bom, digest)
