"""What the document kinds of one ``build`` share: the project, the request, one history read."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from leaddocs.application.enrichment import enriched_views
from leaddocs.application.project import Project
from leaddocs.application.requests import BuildRequest
from leaddocs.documents.model import ReleaseView
from leaddocs.history.releases import Release


@dataclass(frozen=True, slots=True)
class ReadHistory:
    tagged: list[Release]  # newest first
    unreleased: Release
    tagged_views: list[ReleaseView]
    unreleased_view: ReleaseView
    # Tags skipped and why; what the forge could not be asked about.
    notes: tuple[str, ...] = ()

    @property
    def latest(self) -> tuple[Release, ReleaseView]:
        """The release the notes describe: the unreleased work, or the release at HEAD (not
        always the highest version: a maintenance release checked out beside newer ones)."""
        for release, view in zip(self.tagged, self.tagged_views, strict=True):
            if release.to_sha == self.unreleased.to_sha:
                return release, view
        return self.unreleased, self.unreleased_view


class BuildContext:
    def __init__(self, project: Project, request: BuildRequest) -> None:
        self.project = project
        self.request = request

    @cached_property
    def history(self) -> ReadHistory:
        """One read of the history serves every kind (the notes are a changelog section)."""
        history = self.project.history(self.request.progress)
        tagged, unreleased = history.releases()
        views, notes = enriched_views(self.project, [unreleased, *tagged])
        return ReadHistory(
            tagged,
            unreleased,
            [views.release(r) for r in tagged],
            views.release(unreleased),
            (*history.notes, *notes),
        )
