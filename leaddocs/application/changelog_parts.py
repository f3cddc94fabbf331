"""The CHANGELOG's releases, each tagged one computed once: cached ones are taken as they are,
and git is asked only for the commits no cached release holds (ADR 0016).

Without the cache (turned off, untrusted, or a first run) the whole history is read, as before;
every tagged release computed is then stored. With it, the warm path is: list the tags, ask git
which commits are new since the last run (to know which tags HEAD reaches), read the commits of
the releases not cached and of the unreleased work, and join the cached parts with them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from leaddocs import markers
from leaddocs.application.enrichment import enriched_views
from leaddocs.application.project import Project
from leaddocs.application.release_cache import CachedRelease, ReleaseCache, TagPoint
from leaddocs.document import Format
from leaddocs.documents.changelog import RenderedRelease, listed
from leaddocs.documents.model import ReleaseView
from leaddocs.history.releases import History, Release

Render = Callable[[ReleaseView], str]


@dataclass(frozen=True, slots=True)
class ChangelogParts:
    tagged: list[RenderedRelease]  # newest first: a Markdown section, or a release's JSON
    unreleased: ReleaseView
    notes: tuple[str, ...]


def changelog_parts(
    project: Project,
    history: History,
    fmt: Format,
    paths: Sequence[str],
    render: Render,
    *,
    use_cache: bool = True,
) -> ChangelogParts:
    """Every tagged release HEAD reaches, rendered by ``render`` (or as cached), and the
    unreleased work's view."""
    enriching = project.forge_client() is not None
    cache, notes = (
        ReleaseCache.open(project, fmt, paths, enriched=enriching) if use_cache else (None, ())
    )
    plan = history.plan(cache.reachability()) if cache is not None else None
    kept: list[CachedRelease] = []
    if plan is None:
        fresh, unreleased = history.releases(paths)  # newest first
        reachability = history.reachability
        points = [TagPoint(r.tag or "", r.to_sha, r.timestamp or 0) for r in reversed(fresh)]
    else:
        reachability = plan.reachability
        points = [TagPoint(tag.name, tag.commit, tag.timestamp) for tag in plan.reachable]
    keys = cache.keys(points) if cache is not None else []
    if plan is not None and cache is not None:
        kept = _cached_below(
            cache, keys, project.config.forge.enrich_max_changes if enriching else 0
        )
        seen = {who for release in kept for who in release.newcomers}
        fresh, unreleased = history.releases_from(plan, len(kept), seen, paths)
    views, enrich_notes = enriched_views(
        project, [unreleased, *fresh], sum(release.changes for release in kept)
    )
    enriched = _enriched(
        [unreleased, *fresh], project.config.forge.enrich_max_changes if enriching else 0
    )
    earlier = {who for release in kept for who in release.newcomers}
    rendered = [_rendered(release) for release in kept]
    for offset, release in enumerate(reversed(fresh)):
        key = keys[len(kept) + offset] if cache is not None else None
        newcomers = tuple(sorted(release.everyone - earlier))
        earlier |= release.everyone
        stored = cache.get(key) if cache is not None and key is not None else None
        if stored is not None and id(release) not in enriched:
            rendered.append(_rendered(stored))
            continue
        view = views.release(release)
        body = render(view)
        # A Markdown section is hashed once, here, for its marker and for the cache.
        digest = markers.digest(body) if fmt == "md" else None
        items = listed(view)
        rendered.append(RenderedRelease(release.tag or "", body, digest, items=items))
        if cache is not None and key is not None and id(release) not in enriched:
            entry = CachedRelease(
                release.tag or "", body, len(release.changes), newcomers, digest, items
            )
            cache.put(key, entry)
    if cache is not None:
        if reachability is not None:
            cache.remember(reachability)
        cache.prune()
    return ChangelogParts(
        list(reversed(rendered)), views.release(unreleased), (*notes, *history.notes, *enrich_notes)
    )


def _rendered(release: CachedRelease) -> RenderedRelease:
    return RenderedRelease(release.tag, release.body, release.digest, items=release.items)


def _cached_below(cache: ReleaseCache, keys: list[str], window: int) -> list[CachedRelease]:
    """The cached releases from the lowest version up to the first one not cached, less those
    the newest ``window`` changes reach into (with a forge, those are looked up again)."""
    kept: list[CachedRelease] = []
    for key in keys:
        found = cache.get(key)
        if found is None:
            break
        kept.append(found)
    above = 0
    while kept and above < window:
        above += kept.pop().changes
    return kept


def _enriched(releases: list[Release], window: int) -> set[int]:
    """``id()`` of the releases (newest first) with a change among the newest ``window``: what
    the forge says about them can change, so they are not cached."""
    found = set()
    above = 0
    for release in releases:
        if release.changes and above < window:
            found.add(id(release))
        above += len(release.changes)
    return found
