"""The CHANGELOG: every release a marked section, newest first, plus Unreleased.

Updating an existing file inserts the releases it lacks and refreshes an untouched Unreleased
section; a section a human edited, and any text outside the marked sections, is kept as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from leaddocs.documents import markers
from leaddocs.documents.model import ReleaseView, release_json
from leaddocs.documents.render import Renderer
from leaddocs.history.releases import Progress
from leaddocs.project import Project

UNRELEASED_ID = "unreleased"
_LEGACY_HEADING = re.compile(r"^##\s+\[?v?(?P<version>\d+\.\d+\.\d+[^\]\s]*)", re.M)


@dataclass(slots=True)
class ChangelogUpdate:
    text: str
    added: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ChangelogWriter:
    def __init__(self, renderer: Renderer, title: str) -> None:
        self._renderer = renderer
        self._title = title

    def sections(
        self, releases: list[ReleaseView], unreleased: ReleaseView
    ) -> list[tuple[str, str]]:
        """(id, rendered body) for Unreleased and every release, newest first."""
        ordered = [(UNRELEASED_ID, unreleased), *((r.anchor, r) for r in releases)]
        return [
            (section_id, self._renderer.render("release.md.j2", release=view, level=2) + "\n")
            for section_id, view in ordered
        ]

    def render(self, releases: list[ReleaseView], unreleased: ReleaseView) -> str:
        header = self._renderer.render("changelog-header.md.j2", title=self._title) + "\n"
        marked = (markers.mark_section(i, body) for i, body in self.sections(releases, unreleased))
        return header + "".join(marked)

    def update(
        self, existing: str, releases: list[ReleaseView], unreleased: ReleaseView
    ) -> ChangelogUpdate:
        fresh = self.sections(releases, unreleased)
        preamble, old_sections = markers.split_sections(existing)
        if not old_sections:
            return _adopt_legacy(existing, fresh)
        order = {section_id: index for index, (section_id, _) in enumerate(fresh)}
        bodies = dict(fresh)
        present = {section.id for section in old_sections}
        pending = [section_id for section_id, _ in fresh if section_id not in present]
        update = ChangelogUpdate(text="")
        parts = [preamble]

        def flush_before(limit: int) -> None:
            while pending and order[pending[0]] < limit:
                section_id = pending.pop(0)
                parts.append(markers.mark_section(section_id, bodies[section_id]))
                update.added.append(section_id)

        for section in old_sections:
            if section.id in order:
                flush_before(order[section.id])
            if section.id == UNRELEASED_ID and section.id in bodies:
                if section.edited:
                    update.warnings.append(
                        "the Unreleased section was edited by hand: kept as it is "
                        "(delete it to have leaddocs regenerate it)"
                    )
                    parts.append(section.text())
                else:
                    parts.append(markers.mark_section(UNRELEASED_ID, bodies[UNRELEASED_ID]))
            else:
                parts.append(section.text())
        flush_before(len(fresh))
        update.added = [i for i in update.added if i != UNRELEASED_ID]
        update.text = "".join(_ensure_break(part) for part in parts if part)
        return update


def _adopt_legacy(existing: str, fresh: list[tuple[str, str]]) -> ChangelogUpdate:
    """A CHANGELOG written before leaddocs: new sections go above its first release heading."""
    known = {match["version"] for match in _LEGACY_HEADING.finditer(existing)}
    first = _LEGACY_HEADING.search(existing) or re.search(r"^## ", existing, re.M)
    cut = first.start() if first else len(existing)
    header, legacy = existing[:cut], existing[cut:]
    added = [
        (section_id, body) for section_id, body in fresh if section_id.lstrip("vV") not in known
    ]
    text = _ensure_break(header) + "".join(markers.mark_section(i, b) for i, b in added) + legacy
    return ChangelogUpdate(text=text, added=[i for i, _ in added if i != UNRELEASED_ID])


def _ensure_break(part: str) -> str:
    if not part.strip():
        return part
    return part if part.endswith("\n\n") else part.rstrip("\n") + "\n\n"


def changelog_views(
    project: Project, paths: Sequence[str] = (), progress: Progress | None = None
) -> tuple[list[ReleaseView], ReleaseView]:
    """Views of every release reachable from HEAD (newest first) and of the unreleased work."""
    releases, unreleased = project.history(progress).releases(paths)
    views = project.views()
    return [views.release(release) for release in releases], views.release(unreleased)


def changelog_json(releases: list[ReleaseView], unreleased: ReleaseView) -> str:
    document = {
        "releases": [release_json(view) for view in releases],
        "unreleased": release_json(unreleased),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
