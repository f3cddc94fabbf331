"""The project's RFCs and runbooks as read from their configured folders (``rfcs.dir``,
``runbooks.dir``), for the site, ``build`` and the status page's rule on stale runbooks."""

from __future__ import annotations

import datetime as dt

from leaddocs.application.project import Project
from leaddocs.records.read import Listing
from leaddocs.records.rfc import Rfc, read_rfcs
from leaddocs.records.runbook import Runbook, read_runbooks


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
