"""Where the site's generated pages go: the plugin's configuration, as the application sees it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leaddocs.application.project import Project

if TYPE_CHECKING:
    from leaddocs.application.pages.memo import SiteMemo


@dataclass(frozen=True, slots=True)
class SiteOptions:
    docs_dir: Path  # the MkDocs docs folder: status pages are read from it
    decisions_dir: str = "decisions"  # the site folder of the index, timeline, graph and ADRs
    releases_page: str = "releases.md"
    releases: bool = True  # False: no Releases page (and no need for the whole history)
    status_dir: str = "status"  # docs/status/*.md are the status pages; its index is generated
    adr_dir: Path | None = None  # None: the project's ADR folder (adr.dir, .adr-dir, ...)
    stats_page: str = "drafting-stats.md"  # what the drafts were worth (docs/stats.md)
    stats: bool = True  # False: no Drafting stats page


@dataclass(frozen=True, slots=True)
class SiteContext:
    """What a kind's site pages are made from."""

    project: Project
    options: SiteOptions
    # What the last rebuild of one ``mkdocs serve`` read and made (None: read everything).
    memo: SiteMemo | None = None
