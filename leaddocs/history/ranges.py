"""The one range rule of every document (ADR 0014): what a release lists and what it follows.

A release lists the commits its tip reaches and no earlier release reaches: git's
``TIP ^A1 ^A2 …`` over every release tag that is an ancestor of the tip. It is described as
following the *latest* of those ancestors: of the ones no other ancestor descends from, the
highest version. Version order alone never decides: a patch release of an older line that
is not an ancestor is not "previous", and one merged in (a maintenance branch) is left out
whole, so its fixes are not listed twice.

With ``fold`` (``tags.fold_prereleases``), a final release does not stop at pre-releases: it
lists everything since the previous final release, its release candidates folded into it.
A pre-release, and the unreleased work, stop at any release.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from leaddocs.history.tags import ReleaseTag, Rewritten
from leaddocs.history.versions import Version

Parents = Mapping[str, Sequence[str]]


def is_boundary(tip: Version | None, tag: ReleaseTag, fold: bool) -> bool:
    """Whether ``tag`` ends the history of a release at ``tip`` (None: unreleased work)."""
    return stops_at_prereleases(tip, fold) or not tag.version.prerelease


def stops_at_prereleases(tip: Version | None, fold: bool) -> bool:
    """Whether a release at ``tip`` ends at a pre-release too (only a folding final does not)."""
    return not fold or tip is None or tip.prerelease


@dataclass(frozen=True, slots=True)
class Bounds:
    previous: ReleaseTag | None  # what the release is described since (compare links)
    latest: tuple[ReleaseTag, ...]  # the boundaries no other boundary descends from


def bounds(
    tip: Version | None,
    ancestors: Iterable[ReleaseTag],
    latest_of: Callable[[list[ReleaseTag]], list[ReleaseTag]],
    fold: bool,
) -> Bounds:
    """The rule itself. ``ancestors``: release tags that are ancestors of the tip (at least the
    latest ones); ``latest_of``: those of a list that no other in it descends from."""
    candidates = [tag for tag in ancestors if is_boundary(tip, tag, fold)]
    latest = latest_of(candidates) if len(candidates) > 1 else candidates
    previous = max(latest, key=lambda tag: (tag.version, tag.timestamp), default=None)
    return Bounds(previous, tuple(latest))


class Reach:
    """Which of ``tips`` reach each commit of a history read into memory, as one bit set per
    commit (tip ``i`` is bit ``1 << i``): one pass over the commits, no git process.

    A tip whose index is in ``rewritten`` (a release tag standing at its twin) reaches what its
    tag held: the history of its base and its twins, not what the main line gained under the
    twins."""

    def __init__(
        self,
        parents: Parents,
        tips: Sequence[str],
        rewritten: Mapping[int, Rewritten] | None = None,
    ) -> None:
        self.tips = list(tips)
        seeds: list[tuple[int, Sequence[str]]] = []
        self._marks: dict[str, int] = {}
        for index, tip in enumerate(self.tips):
            held = rewritten.get(index) if rewritten else None
            seeds.append((index, held.base if held else (tip,)))
            for twin in held.twins if held else ():
                self._marks[twin] = self._marks.get(twin, 0) | 1 << index
        self._bits = _propagate(parents, seeds)
        self._below: list[int] | None = None

    def bits(self, sha: str) -> int:
        """The tips that reach ``sha`` (a tip on it included)."""
        if self._marks:
            return self._bits.get(sha, 0) | self._marks.get(sha, 0)
        return self._bits.get(sha, 0)

    def reaches(self, tip: int, sha: str) -> bool:
        return bool(self.bits(sha) >> tip & 1)

    def below(self, tip: int) -> int:
        """The other tips that tip ``tip`` reaches (one on its own commit too), as bits."""
        if self._below is None:
            below = [0] * len(self.tips)
            for index, sha in enumerate(self.tips):
                for other in indices(self.bits(sha) & ~(1 << index)):
                    below[other] |= 1 << index
            self._below = below
        return self._below[tip]

    def latest(self, members: int) -> int:
        """Of the tips in ``members`` (bits), those no other member reaches.

        Highest index first, skipping what a member already reaches (whatever that one reaches,
        the member reaches too): on a straight line of releases this is one step, not one per
        release below."""
        covered = 0
        seen = 0
        rest = members
        while rest:
            index = rest.bit_length() - 1
            seen |= 1 << index
            covered |= self.below(index)
            rest &= ~(1 << index) & ~covered
        return seen & ~covered


def indices(bits: int) -> Iterator[int]:
    """The positions of the set bits of ``bits``, lowest first."""
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low


Seeds = Sequence[tuple[int, Sequence[str]]]  # (tip index, the commits its bit starts from)


def _seeded(seeds: Seeds) -> dict[str, int]:
    bits: dict[str, int] = {}
    for index, shas in seeds:
        for sha in shas:
            bits[sha] = bits.get(sha, 0) | 1 << index
    return bits


def _propagate(parents: Parents, seeds: Seeds) -> dict[str, int]:
    """Each commit's bits: its own seeds' and its children's. One pass when ``parents`` lists
    children first, as ``git log --topo-order`` does; Kahn's order otherwise."""
    bits = _seeded(seeds)
    get = bits.get
    done: set[str] = set()
    mark = done.add
    for sha, shas in parents.items():
        mine = get(sha, 0)
        mark(sha)
        for parent in shas:
            if parent in done:  # a parent listed before its child: not children first
                return _propagate_any_order(parents, seeds)
            old = get(parent)
            # A run of single-parent commits shares one int: no new object per commit.
            bits[parent] = mine if old is None else old | mine
    return bits


def _propagate_any_order(parents: Parents, seeds: Seeds) -> dict[str, int]:
    children_left: dict[str, int] = {}
    for shas in parents.values():
        for parent in shas:
            children_left[parent] = children_left.get(parent, 0) + 1
    bits = _seeded(seeds)
    ready = [sha for sha in parents if sha not in children_left]
    while ready:
        sha = ready.pop()
        mine = bits.get(sha, 0)
        for parent in parents.get(sha, ()):
            bits[parent] = bits.get(parent, 0) | mine
            left = children_left[parent] - 1
            children_left[parent] = left
            if not left:
                ready.append(parent)
    return bits


@dataclass(slots=True)
class PlannedRelease:
    """One section of a changelog: a release (or the unreleased work) and its commits."""

    tag: ReleaseTag | None
    bounds: Bounds
    commits: list[str] = field(default_factory=list)  # newest first, as read
    folded: list[ReleaseTag] = field(default_factory=list)  # pre-releases listed within it


def plan(
    parents: Parents,
    order: Sequence[str],
    head: str,
    tags: Sequence[ReleaseTag],
    fold: bool,
) -> list[PlannedRelease]:
    """Every release among ``tags`` (all reached from ``head``, one per commit, lowest version
    first) and the unreleased work (last), each with the commits of ``order`` (the history read
    from ``head``, newest first) that the rule gives it. A commit two releases reach without a
    common earlier release (two lines forked after a release) is listed in both, as each
    release's notes list it."""
    reach = Reach(parents, [*(tag.commit for tag in tags), head], rewritten_of(tags))
    unreleased = len(tags)  # HEAD's tip index
    every = (1 << unreleased) - 1
    finals = sum(1 << index for index, tag in enumerate(tags) if not tag.version.prerelease)
    position = {tag.commit: index for index, tag in enumerate(tags)}
    planned: list[PlannedRelease] = []
    folded: list[int] = []
    for index in range(unreleased + 1):
        tag = tags[index] if index < unreleased else None
        # A pre-release that a final release descends from is folded into that release.
        if fold and tag is not None and tag.version.prerelease and reach.bits(tag.commit) & finals:
            folded.append(index)
            continue
        version = tag.version if tag else None
        # The unreleased work follows a release tagged on HEAD itself: below() includes it.
        candidates = reach.below(index) & (every if stops_at_prereleases(version, fold) else finals)
        latest = [tags[i] for i in indices(reach.latest(candidates))]
        planned.append(PlannedRelease(tag, bounds(version, latest, _as_given, fold)))
    owners = _Owners(planned, reach, position, unreleased)
    for sha in order:
        for release in owners.of(sha):
            release.commits.append(sha)
    for index in folded:
        for release in owners.of(tags[index].commit):
            release.folded.append(tags[index])
    return planned


def rewritten_of(tags: Iterable[ReleaseTag]) -> dict[int, Rewritten]:
    """Which of ``tags``, as ``Reach``'s tips, stand at a twin (``Reach``'s ``rewritten``)."""
    return {i: tag.rewritten for i, tag in enumerate(tags) if tag.rewritten is not None}


def _as_given(latest: list[ReleaseTag]) -> list[ReleaseTag]:
    return latest


class _Owners:
    """The releases a commit belongs to: those that reach it while none of their bounds does.
    Commits between two releases share one bit set, so each set is decided once."""

    def __init__(
        self, planned: list[PlannedRelease], reach: Reach, position: dict[str, int], head: int
    ) -> None:
        self._reach = reach
        self._tips: list[tuple[PlannedRelease, int, int]] = []
        for release in planned:
            own = 1 << (position[release.tag.commit] if release.tag else head)
            stop = sum(1 << position[tag.commit] for tag in release.bounds.latest)
            self._tips.append((release, own, stop))
        self._known: dict[int, list[PlannedRelease]] = {}

    def of(self, sha: str) -> list[PlannedRelease]:
        bits = self._reach.bits(sha)
        found = self._known.get(bits)
        if found is None:
            found = [r for r, own, stop in self._tips if bits & own and not bits & stop]
            self._known[bits] = found
        return found
