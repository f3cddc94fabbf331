"""The RFC and runbook indexes: every record with its status (an RFC's review state, a
runbook's verification), the files that could not be read, and each stale runbook named.
Everything taken from a file is escaped; a record is linked only where the caller has a page
for it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from leaddocs.application.pages.decisions import unreadable_admonition
from leaddocs.application.pages.shared import status_badge
from leaddocs.markup import md_cell, md_link_path, md_text
from leaddocs.records.read import Listing
from leaddocs.records.rfc import STATUSES, Rfc
from leaddocs.records.runbook import Runbook

# Where a record's page is, from the index (None: it has none on the site).
LinkTo = Callable[[Path], str | None]


def rfc_index(listing: Listing[Rfc], link_to: LinkTo) -> str:
    lines = ["# RFCs", "", _rfc_count(listing.records), ""]
    lines += unreadable_admonition(listing.unreadable, "file")
    if not listing.records:
        return "\n".join([*lines, "No RFCs yet: `leaddocs new rfc TITLE` writes one."]) + "\n"
    lines += ["| RFC | Title | Status | Authors | Reviewers | Date |", "| --- " * 6 + "|"]
    for rfc in listing.records:
        number = f"{rfc.number:04d}" if rfc.number is not None else ""
        cells = (
            number,
            _linked(rfc.title, rfc.path, rfc.rel, link_to),
            status_badge(rfc.status, STATUSES),
            ", ".join(map(md_cell, rfc.authors)),
            ", ".join(map(md_cell, rfc.reviewers)),
            md_cell(rfc.date) if rfc.date else "—",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _rfc_count(records: tuple[Rfc, ...]) -> str:
    count = len(records)
    line = f"{count} request{'s' if count != 1 else ''} for comments"
    by_status = Counter(rfc.status for rfc in records)
    known = [f"{by_status[status]} {status}" for status in STATUSES if by_status[status]]
    others = sum(n for status, n in by_status.items() if status not in STATUSES)
    known += [f"{others} with an unknown status"] if others else []
    return line + (f": {', '.join(known)}." if known else ".")


def runbook_index(listing: Listing[Runbook], stale_after_days: int, link_to: LinkTo) -> str:
    books = listing.records
    stale = [book for book in books if book.stale is not None]
    services = len({book.service for book in books})
    lines = [
        "# Runbooks",
        "",
        f"{len(books)} runbook{'s' if len(books) != 1 else ''} for {services} "
        f"service{'s' if services != 1 else ''}; {len(stale)} stale (not verified in the last "
        f"{stale_after_days} days, or never).",
        "",
    ]
    lines += unreadable_admonition(listing.unreadable, "file")
    if stale:
        count = len(stale)
        lines += [f'!!! warning "{count} runbook{"s are" if count != 1 else " is"} stale"', ""]
        for book in stale:
            linked = _linked(book.title, book.path, book.rel, link_to, cell=False)
            lines.append(f"    - {md_text(book.service)}: {linked}: {md_text(book.stale or '')}")
        lines.append("")
    if not books:
        none = "No runbooks yet: `leaddocs new runbook TITLE --service S` writes one."
        return "\n".join([*lines, none]) + "\n"
    lines += ["| Service | Runbook | Owner | Last verified | State |", "| --- " * 5 + "|"]
    for book in books:
        cells = (
            md_cell(book.service),
            _linked(book.title, book.path, book.rel, link_to),
            md_cell(book.owner) if book.owner else "—",
            md_cell(book.last_verified) if book.last_verified else "never",
            status_badge("stale" if book.stale else "current", ("stale", "current")),
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _linked(title: str, path: Path, rel: str, link_to: LinkTo, *, cell: bool = True) -> str:
    """The title linked to the record's page, or with its file named where it has none."""
    escape = md_cell if cell else md_text
    target = link_to(path)
    if target is None:
        return f"{escape(title)} ({escape(rel)})"
    return f"[{escape(title)}]({md_link_path(target)})"
