"""The Meetings index: the meeting pages in ``meetings.folder``, newest first, each with its
date, title, decisions and the action items still open, counted from the page as it is now
(a person who ticks off an item on the page sees the count go down). A page is read by the
rule of every site index (``read_listed``): a planted symlink or a huge file is named in a
warning, not read."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from pathlib import Path

from leaddocs.application.pages.decisions import unreadable_admonition
from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.sections import SITE_KIND
from leaddocs.application.pages.status import INDEX, status_page
from leaddocs.document import Document
from leaddocs.markup import md_cell, md_link_path
from leaddocs.records.read import Problem, read_listed

SITE_FOLDER = Path("meetings")  # where the index goes when the pages are not in docs/
_SECTION = re.compile(r"^## +(?P<title>.+?)\s*$", re.M)
_BULLET = re.compile(r"^[-*+] +(?P<box>\[[ xX]\] +)?", re.M)


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
    read = [(path, read_listed(path, context.project.root)) for path in pages]
    unreadable = [data for _, data in read if isinstance(data, Problem)]
    listed = [(path, data) for path, data in read if not isinstance(data, Problem)]
    body = meetings_index(listed, outside, unreadable)
    notes = tuple(f"{problem} (not listed)" for problem in unreadable)
    return [Document(SITE_KIND, placed / INDEX, body, notes=notes)]


def meetings_index(
    pages: list[tuple[Path, bytes]],
    outside: str | None = None,
    unreadable: Sequence[Problem] = (),
) -> str:
    """The table of ``pages`` (each path with its bytes); ``outside``: the folder they are in,
    when the site does not have them (the table then names them without links)."""
    rows = sorted(
        (_row(path, data.decode("utf-8", errors="replace"), linked=outside is None)
         for path, data in pages),
        reverse=True,
    )  # fmt: skip
    lines = ["# Meetings", "", *unreadable_admonition(unreadable, "page")]
    if outside is not None:
        lines += [
            f"The meeting pages are kept in {md_cell(outside)}, outside the docs folder, so "
            "they are listed here without links (set meetings.folder inside it).",
            "",
        ]
    lines += ["| Date | Meeting | Decisions | Open action items |", "| --- | --- | --- | --- |"]
    lines += [row for _, row in rows]
    return "\n".join(lines) + "\n"


def _row(path: Path, text: str, *, linked: bool) -> tuple[tuple[str, str], str]:
    page = status_page(path, text)
    title = md_cell(html.unescape(page.title))  # escaped for HTML in the front matter
    shown = f"[{title}]({md_link_path(page.name)})" if linked else title
    decisions, open_actions = _counts(text)
    date = md_cell(page.date) if page.date else ""
    return (page.date or "", page.name), f"| {date} | {shown} | {decisions} | {open_actions} |"


def _counts(text: str) -> tuple[int, int]:
    """Bullets under "## Decisions", unticked tasks under "## Action items"."""
    sections: dict[str, str] = {}
    headings = list(_SECTION.finditer(text))
    # A page a person wrote may have no "## " heading at all: then it has no section.
    ends = [heading.start() for heading in headings[1:]] + [len(text)] * bool(headings)
    for here, end in zip(headings, ends, strict=True):
        sections[here["title"].casefold()] = text[here.end() : end]
    decisions = len(_BULLET.findall(sections.get("decisions", "")))
    boxes = _BULLET.findall(sections.get("action items", ""))
    return decisions, sum(1 for box in boxes if box.strip() == "[ ]")
