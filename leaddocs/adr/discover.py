"""Where a repository keeps its ADRs, and which files there are ADRs."""

from __future__ import annotations

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
    name = path.name
    return (
        name.lower().endswith(".md")
        and name.lower() not in NOT_ADRS
        and not name.startswith((".", "_"))
        and path.is_file()
    )


def adr_files(folder: Path) -> list[Path]:
    """Every ADR file directly in ``folder``, sorted by name."""
    return sorted(path for path in folder.iterdir() if is_adr_file(path))
