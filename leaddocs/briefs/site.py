"""The site's list of briefs: the ones kept in the docs folder's ``briefs/``, by title."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from leaddocs.markup import md_cell, md_link_path


def _field(meta: dict[str, Any], key: str, default: str = "") -> str:
    # Escaped for HTML in the front matter (Material prints a title as HTML): as written here.
    return md_cell(html.unescape(str(meta.get(key) or default)))


def index_page(pages: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """``pages``: (file name, front matter) of each brief."""
    rows = "".join(
        f"| [{_field(meta, 'title', name)}]({md_link_path(name)}) "
        f"| {_field(meta, 'audience')} | {_field(meta, 'about')} |\n"
        for name, meta in sorted(pages, key=lambda page: str(page[1].get("title") or page[0]))
    )
    count = len(pages)
    return (
        "# Briefs\n\n"
        f"{count} plain-language brief{'s' if count != 1 else ''} of decisions, releases and "
        "status, each for one reader.\n\n"
        "| brief | for | on |\n|---|---|---|\n" + rows
    )
