"""The decision timeline: records by the date they state, newest first, grouped by year."""

from __future__ import annotations

from itertools import groupby

from leaddocs.application.pages.records import DecisionRecord, DecisionRecords
from leaddocs.application.pages.shared import FROM_GIT, link, status_badge
from leaddocs.markup import md_text


def timeline_page(decisions: DecisionRecords) -> str:
    dated = sorted(
        (record for record in decisions.records if record.date),
        key=lambda record: (record.date or "", record.stem),
        reverse=True,
    )
    undated = [record for record in decisions.records if not record.date]
    lines = ["# Decision timeline", "", "[All decisions](index.md)", ""]
    for year, records in groupby(dated, key=lambda record: (record.date or "")[:4]):
        lines += [f"## {md_text(year)}", ""]
        lines += [_entry(record) for record in records]
        lines.append("")
    if undated:
        lines += ["## Undated", ""] + [_entry(record) for record in undated] + [""]
    if not decisions.records:
        lines.append("No decision records yet.")
    return "\n".join(lines).rstrip("\n") + "\n"


def _entry(record: DecisionRecord) -> str:
    date = (
        f"**{md_text(record.date)}**{FROM_GIT if record.date_from_git else ''} — "
        if record.date
        else ""
    )
    return f"- {date}{link(record)} {status_badge(record.status)}"
