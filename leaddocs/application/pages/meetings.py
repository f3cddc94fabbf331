"""The Meetings index: the meeting pages in ``meetings.folder``, newest first, each with its
date, title, decisions and the action items still open, counted from the page as it is now
(a person who ticks off an item on the page sees the count go down)."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.sections import SITE_KIND
from leaddocs.application.pages.status import read_status_page
from leaddocs.document import Document
from leaddocs.markup import md_cell, md_link_path

INDEX = "index.md"
SITE_FOLDER = Path("meetings")  # where the index goes when the pages are not in docs/
_SECTION = re.compile(r"^## +(?P<title>.+?)\s*$", re.M)
_BULLET = re.compile(r"^[-*+] +(?P<box>\[[ xX]\] +)?", re.M)
_MAX_BYTES = 2 * 1024 * 1024


def meeting_pages(context: SiteContext) -> list[Document]:
    """The index, once the folder holds a meeting page; none while it does not (and none
    when the docs folder has its own index, which is the person's)."""
    folder = context.project.root / context.project.config.meetings.folder
    pages = sorted(path for path in folder.glob("*.md") if path.name != INDEX and path.is_file())
    if not pages:
        return []
    docs = Path(os.path.abspath(context.options.docs_dir))
    inside = Path(os.path.abspath(folder)).is_relative_to(docs)
    placed = Path(os.path.abspath(folder)).relative_to(docs) if inside else SITE_FOLDER
    if (docs / placed / INDEX).is_file():
        return []
    outside = None if inside else context.project.config.meetings.folder
    return [Document(SITE_KIND, placed / INDEX, meetings_index(pages, outside))]


def meetings_index(pages: list[Path], outside: str | None = None) -> str:
    """The table of ``pages``; ``outside``: the folder they are in, when the site does not
    have them (the table then names them without links)."""
    rows = sorted((_row(path, linked=outside is None) for path in pages), reverse=True)
    lines = ["# Meetings", ""]
    if outside is not None:
        lines += [
            f"The meeting pages are kept in {md_cell(outside)}, outside the docs folder, so "
            "they are listed here without links (set meetings.folder inside it).",
            "",
        ]
    lines += ["| Date | Meeting | Decisions | Open action items |", "| --- | --- | --- | --- |"]
    lines += [row for _, row in rows]
    return "\n".join(lines) + "\n"


def _row(path: Path, *, linked: bool) -> tuple[tuple[str, str], str]:
    page = read_status_page(path)
    title = md_cell(html.unescape(page.title))  # escaped for HTML in the front matter
    shown = f"[{title}]({md_link_path(page.name)})" if linked else title
    decisions, open_actions = _counts(path)
    date = md_cell(page.date) if page.date else ""
    return (page.date or "", page.name), f"| {date} | {shown} | {decisions} | {open_actions} |"


def _counts(path: Path) -> tuple[str, str]:
    """Bullets under "## Decisions", unticked tasks under "## Action items" (``?`` for a file
    too big to be a meeting page)."""
    try:
        if path.stat().st_size > _MAX_BYTES:
            return "?", "?"
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "?", "?"
    sections: dict[str, str] = {}
    headings = list(_SECTION.finditer(text))
    # A page a person wrote may have no "## " heading at all: then it has no section.
    ends = [heading.start() for heading in headings[1:]] + [len(text)] * bool(headings)
    for here, end in zip(headings, ends, strict=True):
        sections[here["title"].casefold()] = text[here.end() : end]
    decisions = len(_BULLET.findall(sections.get("decisions", "")))
    boxes = _BULLET.findall(sections.get("action items", ""))
    return str(decisions), str(sum(1 for box in boxes if box.strip() == "[ ]"))
