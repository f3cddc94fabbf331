"""The Decisions index: every record with its number, title, status, date and tags (the
filter is the plugin's script, reading the table), and the records that could not be read."""

from __future__ import annotations

from collections.abc import Sequence

from leaddocs.adr.parse import identity
from leaddocs.application.pages.records import DecisionRecords
from leaddocs.application.pages.shared import date_of, link, status_badge
from leaddocs.markup import md_cell, md_text


def index_page(decisions: DecisionRecords) -> str:
    count = len(decisions.records)
    lines = [
        "# Decisions",
        "",
        f"{count} architecture decision record{'s' if count != 1 else ''}. "
        "See also the [timeline](timeline.md) and the [graph](graph.md) of what supersedes "
        "or amends what.",
        "",
    ]
    lines += unreadable_admonition(decisions.unreadable)
    if not decisions.records and not decisions.unreadable:
        return "\n".join([*lines, "No decision records yet."]) + "\n"
    # The filter's controls are made by the plugin's script from this table's own cells.
    lines += ['<div class="leaddocs-filter"></div>', ""]
    lines += ["| ADR | Title | Status | Date | Tags |", "| --- | --- | --- | --- | --- |"]
    rows: list[tuple[tuple[bool, int, str], str]] = []
    for record in decisions.records:
        tags = " ".join(f'<span class="leaddocs-tag">{md_cell(tag)}</span>' for tag in record.tags)
        date = date_of(record) if record.date else ""
        title = link(record, cell=True, numbered=False)
        badge = status_badge(record.status)
        row = f"| {md_cell(record.id)} | {title} | {badge} | {date} | {tags} |"
        rows.append(((record.number is None, record.number or 0, record.stem), row))
    for broken in decisions.unreadable:
        number = identity(broken.stem)[1]
        row = (
            f"| {md_cell(broken.id)} | {md_cell(broken.stem)} (could not be read: "
            f"{md_cell(str(broken))}) | {status_badge('unreadable')} | | |"
        )
        rows.append(((number is None, number or 0, broken.stem), row))
    # In number order, the unreadable among the rest: 0031 stays between 0030 and 0032.
    lines += [row for _, row in sorted(rows, key=lambda pair: pair[0])]
    return "\n".join(lines) + "\n"


def unreadable_admonition(unreadable: Sequence[object], noun: str = "record") -> list[str]:
    """The files an index could not list, each as ``file:line: reason``."""
    if not unreadable:
        return []
    count = len(unreadable)
    lines = [f'!!! failure "{count} {noun}{"s" if count != 1 else ""} could not be read"', ""]
    lines += [f"    - {md_text(str(broken))}" for broken in unreadable]
    return [*lines, ""]
