"""Release notes drafted through a Drafter: the manifest of changes, the drafted view, rendering.

The model's bullets carry words and ids; the links after each bullet come from the release's
own items (``ItemView``), exactly as the deterministic notes build them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from leaddocs.documents.items import cited_ids, item_line, item_link
from leaddocs.documents.model import ItemView, ReleaseView, release_json
from leaddocs.documents.render import Renderer
from leaddocs.drafting.base import Audience, Drafter, DraftRequest, ManifestItem
from leaddocs.drafting.report import DraftReport
from leaddocs.history.releases import Release

INSTRUCTIONS = (
    'Group the bullets into sections titled like the items\' "section" values (you may merge '
    "or rename them for the audience); breaking changes first. One bullet may cite several "
    "related ids."
)


@dataclass(slots=True)
class DraftedBullet:
    text: str
    ids: list[str]
    items: list[ItemView]
    filled: bool  # True: the deterministic drafter's line, the model did not draft it

    @property
    def refs(self) -> str:
        """The links leaddocs builds for the cited items: PR links, else the first commit."""
        links = [item_link(item) for item in self.items]
        return f" ({', '.join(link for link in links if link)})" if any(links) else ""

    @property
    def line(self) -> str:
        return item_line(self.items[0])


@dataclass(slots=True)
class DraftedSection:
    title: str
    bullets: list[DraftedBullet] = field(default_factory=list)


@dataclass(slots=True)
class DraftedRelease:
    release: ReleaseView
    audience: Audience
    sections: list[DraftedSection]
    report: DraftReport

    @property
    def by_model(self) -> bool:
        """Whether any words came from the model; if none did, the plain notes are shown."""
        return self.report.drafted > 0


def manifest(
    release: Release, view: ReleaseView, audience: Audience
) -> tuple[list[ManifestItem], dict[str, ItemView]]:
    """The items of ``view`` for the model, and each id's ItemView for rendering links."""
    bodies = {change.head.sha: _body(change.commits) for change in release.changes}
    items: list[ManifestItem] = []
    views: dict[str, ItemView] = {}
    ids = cited_ids(item for section in view.sections for item in section.items)
    for section in view.sections:
        for item in section.items:
            key = ids[item.commits[0].sha]
            views[key] = item
            kind = (item.type or "change") + ("!" if item.breaking else "")
            notes = "".join(f"BREAKING CHANGE: {note}\n" for note in item.breaking_notes)
            items.append(
                ManifestItem(
                    id=key,
                    type=kind,
                    subject=f"{item.scope}: {item.subject}" if item.scope else item.subject,
                    body=notes + bodies.get(item.commits[0].sha, ""),
                    section=section.title,
                    # Housekeeping is optional where readers do not care about it.
                    required=not (section.collapsed and audience != "engineering"),
                )
            )
    return items, views


def _body(commits: list[Any]) -> str:
    return "\n\n".join(commit.body for commit in commits if commit.body)


def draft_release(
    release: Release, view: ReleaseView, drafter: Drafter, audience: Audience
) -> DraftedRelease:
    items, views = manifest(release, view, audience)
    request = DraftRequest(
        document="release notes", items=items, audience=audience, instructions=INSTRUCTIONS
    )
    outcome = drafter.draft(request)
    sections = [
        DraftedSection(
            title=section.title,
            bullets=[
                DraftedBullet(
                    text=bullet.text,
                    ids=bullet.ids,
                    items=[views[i] for i in bullet.ids if i in views],
                    filled=bool(outcome.filled_ids.intersection(bullet.ids)),
                )
                for bullet in section.bullets
            ],
        )
        for section in outcome.draft.sections
    ]
    return DraftedRelease(view, audience, sections, outcome.report)


def render_markdown(renderer: Renderer, drafted: DraftedRelease) -> str:
    if not drafted.by_model:
        return renderer.render("release-notes.md.j2", release=drafted.release)
    return renderer.render("release-drafted.md.j2", release=drafted.release, draft=drafted)


def render_json(drafted: DraftedRelease) -> str:
    """The documented release JSON, plus the draft and the drafting report."""
    data = release_json(drafted.release)
    data["draft"] = {
        "audience": drafted.audience,
        "sections": [
            {
                "title": section.title,
                "bullets": [
                    {
                        "text": bullet.text,
                        "ids": bullet.ids,
                        "source": "history" if bullet.filled else "model",
                    }
                    for bullet in section.bullets
                ],
            }
            for section in drafted.sections
        ],
    }
    data["drafting"] = drafted.report.as_json()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
