"""The site pages of the kinds in ``KINDS``: the decision log's, and the releases'."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path

from leaddocs.application.pages.adr_page import adr_page
from leaddocs.application.pages.decisions import index_page
from leaddocs.application.pages.graph import graph_page
from leaddocs.application.pages.memo import SiteMemo
from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.records import DecisionRecord, decision_records
from leaddocs.application.pages.releases import releases_page
from leaddocs.application.pages.shared import page_name
from leaddocs.application.pages.timeline import timeline_page
from leaddocs.document import Document

SITE_KIND = "site-page"


def decision_pages(context: SiteContext) -> list[Document]:
    """The index (which notes every record that cannot be read), the timeline, the graph, and
    a page per record, all in ``decisions_dir``. With a memo, a page whose inputs are all
    unchanged since the last rebuild is not made again."""
    memo = context.memo
    folder = context.options.adr_dir or context.project.adr_folder
    if memo is None:
        decisions = decision_records(context.project, folder)
    else:
        memo.start(context.project.root, folder)
        decisions = decision_records(context.project, folder, memo.reads)
    made = memo.made if memo is not None else _make
    where = Path(context.options.decisions_dir)
    problems = tuple(f"{broken} (listed as unreadable)" for broken in decisions.unreadable)
    problems += decisions.problems
    known = decisions.by_id()
    return [
        Document(
            SITE_KIND,
            where / "index.md",
            made("index", decisions, partial(index_page, decisions)),
            notes=problems,
        ),
        Document(
            SITE_KIND,
            where / "timeline.md",
            made("timeline", decisions, partial(timeline_page, decisions)),
        ),
        Document(
            SITE_KIND, where / "graph.md", made("graph", decisions, partial(graph_page, decisions))
        ),
        *(
            # Out of the navigation: the index (with its filter) is the way in, and a sidebar of
            # a thousand records would be rendered into each of a thousand pages.
            Document(
                SITE_KIND,
                where / page_name(record),
                made(
                    f"record:{record.path}",
                    _page_key(record, known, memo),
                    partial(adr_page, record, known),
                ),
                front_matter={"in_nav": False},
            )
            for record in decisions.records
        ),
    ]


def _page_key(
    record: DecisionRecord, known: dict[str, DecisionRecord], memo: SiteMemo | None
) -> Hashable:
    """What a record's page is made from: the record, the records it names, its file's bytes
    (None when this rebuild did not keep them: the page is made again)."""
    data = memo.reads.bytes_of(record.path) if memo is not None else None
    if data is None:
        return None
    linked = (record.supersedes, record.superseded_by, record.amends, record.amended_by)
    return (record, tuple(known.get(other) for ids in linked for other in ids), data)


def _make(name: str, key: Hashable, make: Callable[[], str]) -> str:
    """Without a memo (``mkdocs build``): every page made."""
    return make()


def release_pages(context: SiteContext) -> list[Document]:
    if not context.options.releases:
        return []
    page, notes = releases_page(context.project)
    return [Document(SITE_KIND, Path(context.options.releases_page), page, notes=notes)]
