"""The files the plugin ships with every site (no CDN): the filter's script and style, and
mermaid.js for the decision graph. mermaid.min.js is a pinned copy of the npm package's dist
file (see tools/vendor_mermaid.py); Material would otherwise fetch it from unpkg.com."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from leaddocs.paths import symlink_leak

FOLDER = Path(__file__).parent / "assets"
SITE_FOLDER = "assets/leaddocs"  # where they are served from on the site
STYLE = f"{SITE_FOLDER}/leaddocs.css"
SCRIPT = f"{SITE_FOLDER}/leaddocs.js"
MERMAID = f"{SITE_FOLDER}/mermaid.min.js"
SHIPPED = {
    STYLE: FOLDER / "leaddocs.css",
    SCRIPT: FOLDER / "leaddocs.js",
    MERMAID: FOLDER / "mermaid.min.js",
}


def with_script(html: str, src: str) -> str:
    """``html`` loading ``src`` in its head: before Material's bundle looks for ``mermaid``."""
    tag = f'<script src="{src}"></script>'
    head_end = html.find("</head>")
    return html if head_end < 0 else html[:head_end] + tag + html[head_end:]


def beside(folder: Path, site_folder: str, root: Path) -> tuple[dict[str, Path], list[str]]:
    """The files in the ADR folder that are not Markdown (images, diagrams), each with where
    it is served from: beside the ADR pages, as beside the records in the repository. Second,
    what was left out and why: a symlink leading out of the repository ``root`` (or into its
    .git folder), or something that is not a regular file; the plugin warns about each."""
    if not folder.is_dir():
        return {}, []
    served: dict[str, Path] = {}
    skipped: list[str] = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.suffix.lower() == ".md" or any(part.startswith(".") for part in rel.parts):
            continue  # records are pages (the decision log vets them); hidden files stay home
        if path.is_dir() and not path.is_symlink():
            continue
        named = os.path.relpath(path, root).replace(os.sep, "/")
        leak = symlink_leak(path, root)
        if leak is not None:
            skipped.append(f"{named}: {leak}; left out of the site")
        elif path.is_dir():
            continue  # a symlinked folder inside the repository: its files are found by their own
        elif not _regular(path):
            skipped.append(f"{named}: not a regular file; left out of the site")
        else:
            served[f"{site_folder}/{rel.as_posix()}"] = path
    return served, skipped


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:  # a broken symlink
        return False
