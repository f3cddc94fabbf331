"""Which tags are releases: the tags ``tags.pattern`` recognises, one per commit and version."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leaddocs.history.git import TagRef
from leaddocs.history.versions import TagMatcher, Version, looks_like_version

_NAMED_IN_NOTE = 3  # unmatched tags named in the warning; the rest are counted


@dataclass(frozen=True, slots=True)
class Rewritten:
    """What a release tag a rebase left off the main line shipped, as the main line holds it:
    the history of ``base`` and the ``twins``, not everything the last twin reaches (the main
    line may have gained commits the tag never held before the rebase put the twins on top)."""

    tagged: str  # the commit the tag points at, off the main line
    base: tuple[str, ...]  # the main-line commits the tag's own line grew from
    twins: tuple[str, ...]  # the main-line twins of the tag's own line, the tagged one's first


@dataclass(frozen=True, slots=True)
class ReleaseTag:
    name: str
    version: Version
    commit: str
    timestamp: int
    rewritten: Rewritten | None = None  # a tag standing at its twin (history/twins.py)

    @property
    def tagged(self) -> str:
        """The commit the tag itself points at (off the main line when it was rewritten)."""
        return self.rewritten.tagged if self.rewritten else self.commit


def matched_tags(refs: Iterable[TagRef], matcher: TagMatcher) -> list[ReleaseTag]:
    """Every tag ``matcher`` reads a version from, as it is."""
    found = []
    for ref in refs:
        version = matcher.version_of(ref.name)
        if version is not None:
            found.append(ReleaseTag(ref.name, version, ref.commit, ref.timestamp))
    return found


def retagged_notes(matched: Iterable[ReleaseTag], kept: Iterable[ReleaseTag]) -> list[str]:
    """A line for each release tag left out because its version is tagged later on another
    commit (``v5.15`` then ``5.15.0``): its release would vanish with no word otherwise."""
    by_version = {tag.version: tag for tag in kept}
    held = {tag.commit for tag in by_version.values()}
    return [
        f"tag {tag.name} names the version of {by_version[tag.version].name}, which is tagged "
        f"later on another commit: {tag.name} is left out"
        for tag in matched
        if tag.commit not in held and tag.version in by_version
    ]


def one_per_commit(tags: Iterable[ReleaseTag]) -> list[ReleaseTag]:
    """Of several tags on one commit the highest version; of one version on several commits the
    latest-created tag (git sorts tags by name, so ties fall to the later name)."""
    per_commit: dict[str, ReleaseTag] = {}
    for tag in tags:
        current = per_commit.get(tag.commit)
        if current is None or current.version < tag.version:
            per_commit[tag.commit] = tag
    per_version: dict[Version, ReleaseTag] = {}
    for tag in per_commit.values():
        current = per_version.get(tag.version)
        if current is None or current.timestamp <= tag.timestamp:
            per_version[tag.version] = tag
    return sorted(per_version.values(), key=lambda tag: tag.version)


def unmatched_note(names: Iterable[str], matcher: TagMatcher) -> str | None:
    """One line when most tags that look like versions are not releases by ``tags.pattern``
    (a project tagging ``release-1.2`` would otherwise get no releases and no word why)."""
    version_like = [name for name in names if looks_like_version(name)]
    missed = [name for name in version_like if matcher.version_of(name) is None]
    if not missed or len(missed) * 2 <= len(version_like):
        return None
    shown = ", ".join(sorted(missed)[-_NAMED_IN_NOTE:])
    more = f" and {len(missed) - _NAMED_IN_NOTE:,} more" if len(missed) > _NAMED_IN_NOTE else ""
    return (
        f"{len(missed):,} of {len(version_like):,} tags that look like versions are not "
        f"releases by tags.pattern ({shown}{more}): set tags.pattern to match them, its "
        "(?P<version>...) group around the version (see docs/releases-and-ranges.md)"
    )
