"""The decision log as text: a table for a terminal, JSON for scripts, Markdown for a page."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from leaddocs.adr.model import Adr
from leaddocs.markup import md_cell, md_link_path
from leaddocs.textsafe import printable


def select(adrs: Sequence[Adr], *, status: str | None, tag: str | None) -> list[Adr]:
    return [
        adr
        for adr in adrs
        if (status is None or adr.status == status) and (tag is None or tag in adr.tags)
    ]


def as_json(adrs: Sequence[Adr]) -> str:
    # One record a line: json's indent= switches to its pure-Python encoder, 10x slower.
    if not adrs:
        return "[]\n"
    lines = ",\n".join(f"  {json.dumps(adr.record(), ensure_ascii=False)}" for adr in adrs)
    return f"[\n{lines}\n]\n"


GIT_DATE_MARK = "*"  # in the table, after a date taken from git history


def as_table(adrs: Sequence[Adr]) -> str:
    rows = [("ID", "STATUS", "DATE", "TITLE")]
    # A terminal shows this: a title's escape sequences would retitle or clear it.
    rows += [
        (
            printable(adr.id),
            printable(adr.status),
            printable(_date(adr, GIT_DATE_MARK, "-")),
            printable(adr.title),
        )
        for adr in adrs
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return "".join(
        f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}\n"
        for row in rows
    )


def as_markdown(
    adrs: Sequence[Adr], links_from: Path | None = None, every: Sequence[Adr] = ()
) -> str:
    """A Markdown table; links are repository-relative, or relative to ``links_from``. A
    superseded record's status links the records that replace it, looked up in ``every``
    (default: ``adrs``), so a table of one status still links to records of another."""
    by_id = {adr.id: adr for adr in every or adrs}

    def target(adr: Adr) -> str:
        link = Path(os.path.relpath(adr.path, links_from)).as_posix() if links_from else adr.rel
        return md_link_path(link)

    lines = ["| ADR | Title | Status | Date |", "| --- | --- | --- | --- |"]
    for adr in adrs:
        # Every field comes from the file, its name too: anyone opening a pull request writes it.
        number, title, status = map(md_cell, (adr.id, adr.title, adr.status))
        replaced_by = ", ".join(
            f"[{md_cell(by_id[ref].id)}]({target(by_id[ref])})" if ref in by_id else md_cell(ref)
            for ref in adr.links["superseded-by"]
        )
        if replaced_by:
            status = (
                f"{status} by {replaced_by}"
                if adr.status == "superseded"
                else f"{status} (superseded by {replaced_by})"
            )
        date = md_cell(_date(adr, " (first commit)", ""))
        lines.append(f"| {number} | [{title}]({target(adr)}) | {status} | {date} |")
    return "\n".join(lines) + "\n"


def _date(adr: Adr, from_git: str, none: str) -> str:
    if adr.date is None:
        return none
    return adr.date + (from_git if adr.date_from_git else "")


def as_detail(adr: Adr) -> str:
    """``adr show``: the record as aligned ``key: value`` lines."""
    record = adr.record()
    lines = []
    for key, value in record.items():
        shown = ", ".join(value) if isinstance(value, list) else ("" if value is None else value)
        lines.append(f"{key + ':':<17}{printable(str(shown))}".rstrip())
    return "\n".join(lines) + "\n"
