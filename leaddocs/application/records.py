"""The project's RFCs and runbooks as read from their configured folders (``rfcs.dir``,
``runbooks.dir``), for the site, ``build`` and the status page's rule on stale runbooks."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from leaddocs.application.project import Project
from leaddocs.markup import md_link_path
from leaddocs.records.read import Listing
from leaddocs.records.rfc import Rfc, read_rfcs
from leaddocs.records.runbook import Runbook, read_runbooks
from leaddocs.status.rules import StaleRunbook
from leaddocs.status.summary import Source
from leaddocs.textsafe import printable


def rfcs(project: Project) -> Listing[Rfc]:
    return read_rfcs(project.rfc_folder, project.root)


def runbooks(project: Project, today: dt.date | None = None) -> Listing[Runbook]:
    """Every runbook, each stale or not on ``today`` (default: today)."""
    return read_runbooks(
        project.runbook_folder,
        project.root,
        today=today or dt.date.today(),
        stale_after_days=project.config.runbooks.stale_after_days,
    )


def stale_runbooks(
    project: Project, until: dt.date, pages_dir: Path
) -> tuple[list[StaleRunbook], tuple[str, ...]]:
    """The runbooks stale on ``until`` (a status period's last day), each linked from
    ``pages_dir`` (where the page goes), and the files that could not be read."""
    listing = runbooks(project, until)
    stale = [
        StaleRunbook(
            rel=book.rel,
            title=book.title,
            service=book.service,
            why=book.stale,
            source=Source(
                label=book.rel,
                url=md_link_path(Path(os.path.relpath(book.path, pages_dir)).as_posix()),
            ),
        )
        for book in listing.records
        if book.stale is not None
    ]
    return stale, listing.warnings()


def runbook_findings(project: Project, today: dt.date | None = None) -> list[str]:
    """``file:line: message`` for every runbook that is stale, cannot be read or has a wrong
    key (``leaddocs runbook lint``); none for a project without runbooks."""
    listing = runbooks(project, today)
    stale = [
        f"{book.rel}:{book.line}: stale: {book.stale}" for book in listing.records if book.stale
    ]
    return [*listing.warnings(), *(printable(line) for line in stale)]
