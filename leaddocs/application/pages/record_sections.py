"""The RFC and runbook indexes as the site's pages and as ``build`` documents.

On the site, a folder inside the MkDocs docs folder (``docs/rfcs``, the default) holds pages
MkDocs renders itself: its index goes beside them (``rfcs/index.md``), linking each. A folder
outside it has no pages: the index goes to ``rfcs/index.md`` and names each file. A project
with no such folder gets no index.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from leaddocs.application import records
from leaddocs.application.context import BuildContext
from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.record_indexes import LinkTo, rfc_index, runbook_index
from leaddocs.application.pages.sections import SITE_KIND
from leaddocs.document import Document

RFC_INDEX_KIND = "rfc-index"
RUNBOOK_INDEX_KIND = "runbook-index"


def rfc_pages(context: SiteContext) -> list[Document]:
    listing = records.rfcs(context.project)
    if listing.folder is None:
        return []
    index, link_to = _placed(listing.folder, context.options.docs_dir, "rfcs")
    body = rfc_index(listing, link_to)
    return [Document(SITE_KIND, index, body, notes=listing.warnings())]


def runbook_pages(context: SiteContext) -> list[Document]:
    project = context.project
    listing = records.runbooks(project)
    if listing.folder is None:
        return []
    index, link_to = _placed(listing.folder, context.options.docs_dir, "runbooks")
    body = runbook_index(listing, project.config.runbooks.stale_after_days, link_to)
    return [Document(SITE_KIND, index, body, notes=listing.warnings())]


def _placed(folder: Path, docs_dir: Path, site_folder: str) -> tuple[Path, LinkTo]:
    """Where the index goes on the site, and how it links a record."""
    docs = Path(os.path.realpath(docs_dir))
    inside = Path(os.path.realpath(folder))
    if not inside.is_relative_to(docs) or inside == docs:
        return Path(site_folder) / "index.md", lambda _: None
    # The index goes in the folder itself, so a record's link is its path inside it.
    uri = inside.relative_to(docs).as_posix()
    return Path(uri) / "index.md", lambda path: path.relative_to(folder).as_posix()


def rfc_index_documents(context: BuildContext) -> list[Document]:
    """``rfcs.md`` in the build folder, linking each RFC from there; none without RFCs."""
    listing = records.rfcs(context.project)
    if listing.folder is None:
        return []
    body = rfc_index(listing, _from(context.request.out_dir))
    return [Document(RFC_INDEX_KIND, Path("rfcs.md"), body, notes=listing.warnings())]


def runbook_index_documents(context: BuildContext) -> list[Document]:
    """``runbooks.md`` in the build folder, stale runbooks flagged as of today."""
    project = context.project
    listing = records.runbooks(project, dt.date.today())
    if listing.folder is None:
        return []
    days = project.config.runbooks.stale_after_days
    body = runbook_index(listing, days, _from(context.request.out_dir))
    return [Document(RUNBOOK_INDEX_KIND, Path("runbooks.md"), body, notes=listing.warnings())]


def _from(out_dir: Path) -> LinkTo:
    return lambda path: Path(os.path.relpath(path, out_dir)).as_posix()
