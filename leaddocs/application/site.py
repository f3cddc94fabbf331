"""The site's generated pages, for the MkDocs plugin: each kind in ``KINDS`` that has site
pages contributes them, and the Status index lists the status pages in the docs folder.

Every page is a ``Document`` with a path relative to the docs folder; its ``notes`` are what
the build must warn about (an ADR that cannot be read), so ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from leaddocs.application import changelog, stats
from leaddocs.application.kinds import KINDS, DocumentKind
from leaddocs.application.pages.memo import SiteMemo, history_key
from leaddocs.application.pages.options import SiteContext, SiteOptions
from leaddocs.application.pages.sections import SITE_KIND
from leaddocs.application.pages.status import status_index
from leaddocs.application.project import Project
from leaddocs.document import Document

# The kinds whose site pages are made from the history and the configuration alone: a memo
# keeps them while ``history_key`` is unchanged.
_FROM_HISTORY = frozenset({changelog.KIND, stats.KIND})


def site_pages(
    project: Project, options: SiteOptions, memo: SiteMemo | None = None
) -> list[Document]:
    """Every generated page, nothing written: the plugin hands them to MkDocs in memory.
    ``memo``: what the last rebuild of one ``mkdocs serve`` read and made; only what changed
    since is read and made again (``pages/memo.py``)."""
    context = SiteContext(project, options, memo)
    key = history_key(project) if memo is not None and (options.releases or options.stats) else None
    pages = [page for kind in KINDS for page in _kind_pages(kind, context, key)]
    index = Path(options.status_dir) / "index.md"
    if not (options.docs_dir / index).is_file():  # a hand-written index is the person's own
        body, warnings = status_index(options.docs_dir / options.status_dir, project.root)
        pages.append(Document(SITE_KIND, index, body, notes=warnings))
    return pages


def _kind_pages(kind: DocumentKind, context: SiteContext, history: str | None) -> list[Document]:
    """The kind's pages; a kind made from the history alone is kept while ``history`` (its
    ``history_key``) and the site's options are unchanged."""
    if kind.site is None:
        return []
    make = partial(kind.site, context)
    if context.memo is None or kind.name not in _FROM_HISTORY:
        return make()
    key = None if history is None else (history, context.options)
    return context.memo.made(f"kind:{kind.name}", key, make)
