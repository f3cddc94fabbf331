"""Where a repository keeps its ADRs, and which files there are ADRs."""

from __future__ import annotations

import os
from pathlib import Path

from leaddocs.errors import DocumentError

# The places real repositories use, in the order they are tried when nothing is configured.
CANDIDATES = ("adr", "doc/adr", "docs/adr", "docs/decisions", "docs/architecture/decisions")
DEFAULT = "adr"
# Files that live among ADRs without being one (templates, indexes); compared lower-cased.
NOT_ADRS = frozenset({"template.md", "adr-template.md", "index.md", "readme.md", "_index.md"})


def adr_folder(root: Path, configured: str | None) -> Path:
    """The ADR folder: ``adr.dir`` when configured, else adr-tools' ``.adr-dir`` file, else the
    first candidate that exists, else ``adr/`` (which may not exist yet)."""
    if configured:
        return root / configured
    marker = root / ".adr-dir"
    if marker.is_file():
        named = marker.read_text(encoding="utf-8", errors="replace").strip()
        if named:
            return root / named
    for candidate in CANDIDATES:
        if (root / candidate).is_dir():
            return root / candidate
    return root / DEFAULT


def require_folder(folder: Path, root: Path) -> None:
    if not folder.is_dir():
        shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
        raise DocumentError(
            f"{shown}: ADR folder does not exist (create one with `leaddocs adr new`, or set "
            "adr.dir in leaddocs.yml)"
        )


def is_adr_file(path: Path) -> bool:
    return _is_adr_name(path.name) and path.is_file()


def _is_adr_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(".md") and lower not in NOT_ADRS and not name.startswith((".", "_"))


def adr_files(folder: Path) -> list[Path]:
    """Every ADR file directly in ``folder``, sorted by name."""
    # scandir knows each entry's type from the directory read: no stat per file.
    with os.scandir(folder) as entries:
        names = sorted(
            entry.name for entry in entries if _is_adr_name(entry.name) and entry.is_file()
        )
    return [folder / name for name in names]
