"""Pull requests for the changes of a range, from the forge when a token is there.

Without a token (or a forge) nothing is asked and the views come from commit messages alone,
exactly as offline. With one, the changes' pull request titles and labels, and the repository's
``.github/release.yml``, decide the sections; a forge that fails part-way leaves a note, not an
error (unless ``forge.strict``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leaddocs.application.project import Project
from leaddocs.document import Document
from leaddocs.documents.model import ViewBuilder
from leaddocs.documents.pulls import RELEASE_YML, ReleaseCategories, parse_release_yml
from leaddocs.errors import ConfigError
from leaddocs.history.releases import Release

if TYPE_CHECKING:  # annotations only: the forge's types load when a forge is used
    from leaddocs.forge.base import PullRequestInfo

_RELEASE_YML_MAX = 256 * 1024  # GitHub's own limit for a file it shows is far above any real one


@dataclass(frozen=True, slots=True)
class PullRequests:
    by_commit: Mapping[str, PullRequestInfo]
    categories: ReleaseCategories | None
    notes: tuple[str, ...] = ()


def pull_requests(
    project: Project, releases: Sequence[Release], older_changes: int = 0
) -> PullRequests:
    """The pull requests of ``releases``' changes (newest release first), by head commit;
    ``older_changes``: how many changes older releases, not given, have (a cache kept them)."""
    client = project.forge_client()
    if client is None:
        return PullRequests({}, None)
    heads = [change.head.sha for release in releases for change in release.changes]
    limit = project.config.forge.enrich_max_changes
    notes: tuple[str, ...] = ()
    if len(heads) + older_changes > limit:
        notes = (
            f"pull requests looked up for the newest {limit:,} of "
            f"{len(heads) + older_changes:,} changes; "
            "older ones are described from git alone (forge.enrich_max_changes)",
        )
        heads = heads[:limit]
    enrichment = client.enrich(heads) if heads else None
    if enrichment is None:
        return PullRequests({}, None, notes)
    return PullRequests(
        enrichment.by_commit, release_categories(project), (*enrichment.warnings, *notes)
    )


def release_categories(project: Project) -> ReleaseCategories | None:
    """``.github/release.yml`` (or ``.yaml``) of the repository, when it has one."""
    for name in RELEASE_YML:
        path = project.root / name
        if not path.is_file():
            continue
        try:
            with path.open("rb") as stream:
                data = stream.read(_RELEASE_YML_MAX + 1)
            if len(data) > _RELEASE_YML_MAX:
                raise ConfigError(f"{name}: larger than {_RELEASE_YML_MAX // 1024} KiB")
            return parse_release_yml(data.decode("utf-8"), name)
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{name}: cannot be read ({exc}): fix or remove it") from exc
    return None


def enriched_views(
    project: Project, releases: Sequence[Release], older_changes: int = 0
) -> tuple[ViewBuilder, tuple[str, ...]]:
    """A view builder that knows the pull requests of ``releases``, and the notes to show."""
    pulls = pull_requests(project, releases, older_changes)
    notes = (*project.link_notes(), *pulls.notes)
    return project.views(pulls.by_commit, pulls.categories), notes


def noted(documents: list[Document], notes: Sequence[str]) -> list[Document]:
    """``documents`` with ``notes`` added to what they tell the person who asked."""
    if not notes:
        return documents
    return [dataclasses.replace(d, notes=(*notes, *d.notes)) for d in documents]
