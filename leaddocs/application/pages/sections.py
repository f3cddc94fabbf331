"""The site pages of the kinds in ``KINDS``: the decision log's, and the releases'."""

from __future__ import annotations

from pathlib import Path

from leaddocs.application.pages.adr_page import adr_page
from leaddocs.application.pages.decisions import index_page
from leaddocs.application.pages.graph import graph_page
from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.records import decision_records
from leaddocs.application.pages.releases import releases_page
from leaddocs.application.pages.shared import page_name
from leaddocs.application.pages.timeline import timeline_page
from leaddocs.document import Document

SITE_KIND = "site-page"


def decision_pages(context: SiteContext) -> list[Document]:
    """The index (which notes every record that cannot be read), the timeline, the graph, and
    a page per record, all in ``decisions_dir``."""
    decisions = decision_records(context.project, context.options.adr_dir)
    folder = Path(context.options.decisions_dir)
    problems = tuple(f"{broken} (listed as unreadable)" for broken in decisions.unreadable)
    problems += decisions.problems
    known = decisions.by_id()
    return [
        Document(SITE_KIND, folder / "index.md", index_page(decisions), notes=problems),
        Document(SITE_KIND, folder / "timeline.md", timeline_page(decisions)),
        Document(SITE_KIND, folder / "graph.md", graph_page(decisions)),
        *(
            # Out of the navigation: the index (with its filter) is the way in, and a sidebar of
            # a thousand records would be rendered into each of a thousand pages.
            Document(
                SITE_KIND,
                folder / page_name(record),
                adr_page(record, known),
                front_matter={"in_nav": False},
            )
            for record in decisions.records
        ),
    ]


def release_pages(context: SiteContext) -> list[Document]:
    if not context.options.releases:
        return []
    page, notes = releases_page(context.project)
    return [Document(SITE_KIND, Path(context.options.releases_page), page, notes=notes)]
