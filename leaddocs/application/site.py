"""The site's generated pages, for the MkDocs plugin: each kind in ``KINDS`` that has site
pages contributes them, and the Status index lists the status pages in the docs folder.

Every page is a ``Document`` with a path relative to the docs folder; its ``notes`` are what
the build must warn about (an ADR that cannot be read), so ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

from pathlib import Path

from leaddocs.application.kinds import KINDS
from leaddocs.application.pages.options import SiteContext, SiteOptions
from leaddocs.application.pages.sections import SITE_KIND
from leaddocs.application.pages.status import status_index
from leaddocs.application.project import Project
from leaddocs.document import Document


def site_pages(project: Project, options: SiteOptions) -> list[Document]:
    """Every generated page, nothing written: the plugin hands them to MkDocs in memory."""
    context = SiteContext(project, options)
    pages = [page for kind in KINDS if kind.site is not None for page in kind.site(context)]
    index = Path(options.status_dir) / "index.md"
    if not (options.docs_dir / index).is_file():  # a hand-written index is the person's own
        body, warnings = status_index(options.docs_dir / options.status_dir, project.root)
        pages.append(Document(SITE_KIND, index, body, notes=warnings))
    return pages
