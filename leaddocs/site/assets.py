"""The files the plugin ships with every site (no CDN): the filter's script and style, and
mermaid.js for the decision graph. mermaid.min.js is a pinned copy of the npm package's dist
file (see tools/vendor_mermaid.py); Material would otherwise fetch it from unpkg.com."""

from __future__ import annotations

from pathlib import Path

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


def beside(folder: Path, site_folder: str) -> dict[str, Path]:
    """The files in the ADR folder that are not Markdown (images, diagrams), each with where
    it is served from: beside the ADR pages, as beside the records in the repository."""
    if not folder.is_dir():
        return {}
    return {
        f"{site_folder}/{path.relative_to(folder).as_posix()}": path
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and path.suffix.lower() != ".md"
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }
