"""The Releases page: the CHANGELOG document the application makes, under its own heading."""

from __future__ import annotations

import re

from leaddocs.application.changelog import changelog
from leaddocs.application.project import Project
from leaddocs.application.requests import ChangelogRequest
from leaddocs.errors import EmptyRepositoryError

_FIRST_H1 = re.compile(r"^# .*$", re.M)


def releases_page(project: Project) -> str:
    try:
        body = changelog(project, ChangelogRequest()).body
    except EmptyRepositoryError:  # a fresh `leaddocs init` before its first commit
        return "# Releases\n\nNo commits yet, so no releases.\n"
    # The CHANGELOG's title (changelog.title) gives way to the page's; the rest is as rendered.
    if _FIRST_H1.search(body):
        return _FIRST_H1.sub("# Releases", body, count=1)
    return "# Releases\n\n" + body
