"""The Status index: the status pages in the site's status folder, newest first, each dated
by what it states (its front matter's date, or the date in its file name)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from leaddocs.adr.frontmatter import FrontMatterError, load, split
from leaddocs.application.pages.decisions import unreadable_admonition
from leaddocs.markup import md_link_path, md_text
from leaddocs.records.read import Problem, read_listed

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEADING = re.compile(r"^# (.+)$", re.M)
INDEX = "index.md"


@dataclass(frozen=True, slots=True)
class StatusPage:
    name: str  # the file name inside the status folder
    title: str
    date: str | None


def status_index(folder: Path, root: Path) -> tuple[str, tuple[str, ...]]:
    """The index of the status pages in ``folder``, and a warning (``file:1: why``) for each
    page it could not read: the same rule as the RFC index (``read_listed``)."""
    paths = sorted(path for path in folder.glob("*.md") if path.name != INDEX)
    read = [read_status_page(path, root) for path in paths]
    unreadable = [page for page in read if isinstance(page, Problem)]
    pages = sorted(
        (page for page in read if isinstance(page, StatusPage)),
        key=lambda page: (page.date or "", page.name),
        reverse=True,
    )
    warnings = tuple(f"{problem} (not listed)" for problem in unreadable)
    lines = ["# Status", "", *unreadable_admonition(unreadable, "page")]
    if not pages:
        return "\n".join([*lines, "No status pages yet."]) + "\n", warnings
    for page in pages:
        date = f"**{md_text(page.date)}** — " if page.date else ""
        lines.append(f"- {date}[{md_text(page.title)}]({md_link_path(page.name)})")
    return "\n".join(lines) + "\n", warnings


def read_status_page(path: Path, root: Path) -> StatusPage | Problem:
    """The page's title and date, or why it was not read (``read_listed``)."""
    data = read_listed(path, root)
    if isinstance(data, Problem):
        return data
    return status_page(path, data.decode("utf-8", errors="replace"))


def status_page(path: Path, text: str) -> StatusPage:
    """The title and date ``text``, the page at ``path``, states."""
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
