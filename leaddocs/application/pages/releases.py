"""The Releases page: the CHANGELOG document the application makes, under its own heading."""

from __future__ import annotations

import re

from leaddocs.application.changelog import changelog
from leaddocs.application.project import Project
from leaddocs.application.requests import ChangelogRequest
from leaddocs.errors import EmptyRepositoryError, ShallowHistoryError

_FIRST_H1 = re.compile(r"^# .*$", re.M)


SHALLOW = (
    "the Releases page needs the whole git history, and this is a shallow clone: in GitHub "
    "Actions give actions/checkout `fetch-depth: 0`, elsewhere run `git fetch --unshallow "
    "--tags` (or set `releases: false` under the leaddocs plugin)"
)


def releases_page(project: Project) -> tuple[str, tuple[str, ...]]:
    """The page, and what the build must warn about (a shallow clone hides the releases)."""
    try:
        body = changelog(project, ChangelogRequest()).body
    except EmptyRepositoryError:  # a fresh `leaddocs init` before its first commit
        return "# Releases\n\nNo commits yet, so no releases.\n", ()
    except ShallowHistoryError:  # a CI checkout of one commit: say so, build the rest
        page = (
            "# Releases\n\nThis site was built from a shallow clone of the repository, "
            "which does not hold the history the releases are made from.\n"
        )
        return page, (SHALLOW,)
    # The CHANGELOG's title (changelog.title) gives way to the page's; the rest is as rendered.
    if _FIRST_H1.search(body):
        return _FIRST_H1.sub("# Releases", body, count=1), ()
    return "# Releases\n\n" + body, ()
