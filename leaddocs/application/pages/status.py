"""The Status index: the status pages in the site's status folder, newest first, each dated
by what it states (its front matter's date, or the date in its file name)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from leaddocs.adr.frontmatter import FrontMatterError, load, split
from leaddocs.markup import md_link_path, md_text

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEADING = re.compile(r"^# (.+)$", re.M)


@dataclass(frozen=True, slots=True)
class StatusPage:
    name: str  # the file name inside the status folder
    title: str
    date: str | None


def status_index(folder: Path) -> str:
    pages = sorted(
        (read_status_page(path) for path in folder.glob("*.md") if path.name != "index.md"),
        key=lambda page: (page.date or "", page.name),
        reverse=True,
    )
    lines = ["# Status", ""]
    if not pages:
        return "\n".join([*lines, "No status pages yet."]) + "\n"
    for page in pages:
        date = f"**{md_text(page.date)}** — " if page.date else ""
        lines.append(f"- {date}[{md_text(page.title)}]({md_link_path(page.name)})")
    return "\n".join(lines) + "\n"


def read_status_page(path: Path) -> StatusPage:
    text = path.read_text(encoding="utf-8", errors="replace")
    meta: dict[str, object] = {}
    body = text
    try:
        parts = split(text)
        if parts.yaml is not None:
            meta, body = load(parts.yaml)[0], parts.body
    except (FrontMatterError, ValueError):
        pass  # MkDocs reports the page's own front matter; the index still lists it
    heading = _HEADING.search(body)
    title = str(meta.get("title") or (heading[1].strip() if heading else path.stem))
    stated = _DATE.search(str(meta.get("date") or "")) or _DATE.search(path.stem)
    return StatusPage(path.name, title, stated[0] if stated else None)
