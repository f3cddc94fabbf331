"""The CHANGELOG's releases, each tagged one rendered once and then taken from the cache; git is
read whole only when the release tags changed (ADR 0016).

The warm path, when the release tags are the ones the last full run saw (same names, commits
and dates), all on HEAD's line, and HEAD descends from that run's HEAD: every tagged release is
what it was, so only the unreleased work is read (``git log HEAD ^<every release>``), and the
tagged parts come from the cache. Otherwise the whole history is read and the range rule
applied (``History.releases``), and a release whose key is known is still not rendered again:
the key holds what its text depends on (its tag, the releases its range stops at, who came
before it, and the fingerprint of everything else).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from leaddocs import markers
from leaddocs.application.enrichment import enriched_views
from leaddocs.application.project import Project
from leaddocs.application.release_cache import CachedRelease, ReleaseCache, TaggedState
from leaddocs.application.two_processes import in_two
from leaddocs.document import Format
from leaddocs.documents.changelog import RenderedRelease, listed
from leaddocs.documents.model import ReleaseView
from leaddocs.history.releases import History, Release

Render = Callable[[ReleaseView], str]
# The changes to render from which a second process pays for itself (a fork and a file: ~10 ms;
# the views and text of 10,000 changes take ~0.1 s).
_IN_TWO_FROM = 10_000


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
    window = project.config.forge.enrich_max_changes if project.forge_client() else 0
    cache, notes = (
        ReleaseCache.open(project, fmt, paths, enriched=window > 0) if use_cache else (None, ())
    )
    if cache is None:
        return _parts(project, history, None, notes, fmt, paths, render, window)
    cache.read_ahead()  # every path below reads it: beside git, not after it
    try:
        warm = _warm(project, history, cache, paths, window)
        if warm is not None:
            return ChangelogParts(warm[0], warm[1], (*notes, *history.notes, *warm[2]))
        return _parts(project, history, cache, notes, fmt, paths, render, window)
    finally:
        cache.settle()


def _parts(
    project: Project,
    history: History,
    cache: ReleaseCache | None,
    notes: tuple[str, ...],
    fmt: Format,
    paths: Sequence[str],
    render: Render,
    window: int,
) -> ChangelogParts:
    """Every release from the history, each taken from ``cache`` when it holds it."""
    tagged, unreleased = history.releases(paths)  # newest first
    views, enrich_notes = enriched_views(project, [unreleased, *tagged])
    enriched = _enriched([unreleased, *tagged], window)
    keys = _keys(cache, tagged) if cache is not None else []
    oldest_first = list(reversed(tagged))
    stored = [
        cache.get(keys[index]) if cache is not None and id(release) not in enriched else None
        for index, release in enumerate(oldest_first)
    ]
    fresh = [release for release, kept in zip(oldest_first, stored, strict=True) if kept is None]

    def made(release: Release) -> tuple[str, str | None, int]:
        """A release's text, its digest (a Markdown section is hashed once, here, for its
        marker and for the cache) and how many entries it lists."""
        view = views.release(release)
        body = render(view)
        # Its commits are not needed any more: a big history's text grows as they go.
        release.changes, release.cancelled = [], []
        return body, markers.digest(body) if fmt == "md" else None, listed(view)

    changes = {id(release): len(release.changes) for release in fresh}
    # Independent of each other: a big history's share a second process (two_processes.py).
    texts = iter(in_two(made, fresh, list(changes.values()), _IN_TWO_FROM))
    rendered: list[RenderedRelease] = []
    for index, release in enumerate(oldest_first):
        kept = stored[index]
        if kept is not None:
            rendered.append(_rendered(kept))
            continue
        body, digest, items = next(texts)
        release.changes, release.cancelled = [], []
        rendered.append(RenderedRelease(release.tag or "", body, digest, items=items))
        if cache is not None and id(release) not in enriched:
            count = changes[id(release)]
            cache.put(keys[index], CachedRelease(release.tag or "", body, count, digest, items))
    if cache is not None:
        cache.remember(_state(history, tagged, unreleased, keys))
        cache.prune()
    return ChangelogParts(
        list(reversed(rendered)),
        views.release(unreleased),
        (*notes, *history.notes, *enrich_notes),
    )


def _warm(
    project: Project, history: History, cache: ReleaseCache, paths: Sequence[str], window: int
) -> tuple[list[RenderedRelease], ReleaseView, tuple[str, ...]] | None:
    """The parts from the cache and the unreleased work alone, when the last full run's
    releases still hold; None when they may not."""
    state = cache.state()
    if state is None or not state.all_on_line:
        return None  # a tag off HEAD's line may gain a twin on it: the whole history decides
    head = history.repo.resolve("HEAD")
    tags = history.release_tags()
    if [(tag.name, tag.commit, tag.timestamp) for tag in tags] != state.tags:
        return None
    if state.head != head and history.repo.commits_since(state.head, head) is None:
        return None  # HEAD does not descend from the head the state was learnt at
    kept = [cache.get(key) for key in state.keys]
    if any(release is None for release in kept):
        return None
    stored = [release for release in kept if release is not None]  # oldest first
    seen = set(state.seen) if state.keys else None  # the first release welcomes no one
    unreleased = history.unreleased_since(head, tags, state.previous, state.stops, seen, paths)
    if window > len(unreleased.changes) and any(release.changes for release in stored):
        return None  # the forge describes some tagged releases, which may change: read all
    views, notes = enriched_views(project, [unreleased], sum(r.changes for r in stored))
    if unreleased.to_sha != state.head:
        cache.remember(state.at(unreleased.to_sha))
    return [_rendered(release) for release in reversed(stored)], views.release(unreleased), notes


def _keys(cache: ReleaseCache, tagged: list[Release]) -> list[str]:
    """The key of each tagged release, oldest first: its tag, the releases its range stops at
    (by commit), the pre-releases folded into it, and who wrote a commit of any release
    before it (a running hash of each release's newcomers)."""
    keys = []
    seen: set[str] = set()
    before = hashlib.sha256(b"nobody: the first release welcomes no one")
    for release in reversed(tagged):
        keys.append(
            cache.key(
                release.tag or "",
                release.to_sha,
                release.timestamp or 0,
                sorted(release.stops),
                release.folded,
                before.hexdigest(),
            )
        )
        newcomers = sorted(release.everyone - seen)
        before.update(repr(newcomers).encode())
        seen |= release.everyone
    return keys


def _state(
    history: History, tagged: list[Release], unreleased: Release, keys: list[str]
) -> TaggedState:
    """What the next run needs to take every tagged release from the cache."""
    return TaggedState(
        head=unreleased.to_sha,
        tags=[(tag.name, tag.commit, tag.timestamp) for tag in history.release_tags()],
        all_on_line=len(history.off_line) == 0,
        keys=keys,
        previous=unreleased.from_ref,
        stops=unreleased.stops,
        seen=frozenset(who for release in tagged for who in release.everyone),
    )


def _rendered(release: CachedRelease) -> RenderedRelease:
    return RenderedRelease(release.tag, release.body, release.digest, items=release.items)


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
