"""Releases read from history: one range for release notes, every tag for a changelog."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from leaddocs.config import MergesConfig
from leaddocs.errors import RefError, ShallowHistoryError
from leaddocs.history.changes import Change, group_changes
from leaddocs.history.commits import Commit, Person, parse_commit
from leaddocs.history.commits import person as shared_person
from leaddocs.history.git import GitRepository, RawCommit, TagRef
from leaddocs.history.merges import TopicMerges
from leaddocs.history.versions import TagMatcher, Version

Progress = Callable[[int], None]
Counts = Callable[[Change], bool]
_ANCESTOR_PROBES = 3


@dataclass(slots=True)
class Release:
    """One release (or the unreleased work at the tip): its changes and who made them."""

    tag: str | None
    title: str | None  # what the release is called: --version if given, else its tag
    timestamp: int | None
    from_ref: str | None
    to_ref: str
    from_sha: str | None
    to_sha: str
    changes: list[Change]
    cancelled: list[Change] = field(default_factory=list)
    first_time_contributors: list[Person] = field(default_factory=list)
    next_version: str | None = None

    @property
    def contributors(self) -> list[Person]:
        """Everyone who wrote a listed change, first seen first."""
        seen: dict[str, Person] = {}
        for change in reversed(self.changes):
            for person in change.authors:
                seen.setdefault(person.key, person)
        return list(seen.values())


@dataclass(frozen=True, slots=True)
class ReleaseTag:
    name: str
    version: Version
    commit: str
    timestamp: int


class History:
    """Reads releases from one repository, recognising release tags by ``tag_pattern``.

    ``counts`` tells which changes count towards the suggested next version (the documents
    layer leaves out the ones its skip rules drop); by default every change does.
    """

    def __init__(
        self,
        repo: GitRepository,
        tag_pattern: str,
        progress: Progress | None = None,
        counts: Counts | None = None,
        merges: MergesConfig | None = None,
    ) -> None:
        self.repo = repo
        self._matcher = TagMatcher(tag_pattern)
        self._progress = progress
        self._counts = counts
        self._topics = TopicMerges(merges)
        # What the caller should tell the user, as data: today, release-named tags skipped
        # because they point at a tree or a blob (git allows it; no release can be read there).
        self.notes: list[str] = []

    def release_tags(self) -> list[ReleaseTag]:
        """Release tags, lowest version first; of several on one commit only the highest counts,
        and of one version tagged on several commits only the latest-created tag."""
        refs = []
        for ref in self.repo.tags():
            if ref.kind == "commit":
                refs.append(ref)
                continue
            note = f"tag {ref.name} points at a {ref.kind}, not a commit: skipped"
            if self._matcher.version_of(ref.name) is not None and note not in self.notes:
                self.notes.append(note)
        return _release_tags(refs, self._matcher)

    def release(
        self,
        from_ref: str | None,
        to_ref: str,
        title: str | None = None,
        paths: Iterable[str] = (),
    ) -> Release:
        """The release ``from_ref..to_ref``; with no ``from_ref``, since the latest release tag."""
        self.repo.require_commits()
        to_sha = self.repo.resolve(to_ref)
        tags = self.release_tags()
        tag_at_tip = next((tag for tag in reversed(tags) if tag.commit == to_sha), None)
        if from_ref is None:
            if tag_at_tip is not None and not tag_at_tip.version.prerelease:
                # Notes for 1.1.0 tell what changed since 1.0.0, not since 1.1.0-rc.3.
                tags = [tag for tag in tags if not tag.version.prerelease]
            previous = self._latest_tag_below(tags, to_sha)
            from_ref = previous.name if previous else None
            from_sha = previous.commit if previous else None
        else:
            from_sha = self.repo.resolve(from_ref)
            if not self.repo.is_ancestor(from_sha, to_sha):
                raise RefError(
                    f"--from {from_ref} is not an ancestor of --to {to_ref}: "
                    "the range would leave out or reverse history (are the two swapped?)"
                )
        revisions = [to_sha, f"^{from_sha}"] if from_sha else [to_sha]
        commits = self._read(revisions, f"{from_ref or '(first commit)'}..{to_ref}")
        grouping = group_changes(commits, to_sha, self._topics)
        changes = _only_touching(grouping.changes, self._touching(revisions, paths))
        earlier_authors = (
            {Person(name, email).key for name, email in self.repo.authors_in([from_sha])}
            if from_sha
            else None
        )
        release = Release(
            # --version retitles the notes; a tag on the tip still names and dates them.
            tag=tag_at_tip.name if tag_at_tip else None,
            title=title or (tag_at_tip.name if tag_at_tip else None),
            timestamp=tag_at_tip.timestamp if tag_at_tip else None,
            from_ref=from_ref,
            to_ref=to_ref,
            from_sha=from_sha,
            to_sha=to_sha,
            changes=changes,
            cancelled=grouping.cancelled,
        )
        release.first_time_contributors = _newcomers(release, earlier_authors)
        if tag_at_tip is None:  # a tagged release needs no suggestion
            base = self._matcher.version_of(from_ref) if from_ref else None
            release.next_version = self._suggest(base, changes, tags)
        return release

    def span(self, from_sha: str | None, to_sha: str) -> Release:
        """The changes of ``from_sha..to_sha`` (everything up to ``to_sha`` without one): a
        period of a status page, bounded by commits of the main line rather than by tags."""
        revisions = [to_sha, f"^{from_sha}"] if from_sha else [to_sha]
        label = f"{from_sha[:12] if from_sha else '(first commit)'}..{to_sha[:12]}"
        grouping = group_changes(self._read(revisions, label), to_sha, self._topics)
        return Release(
            tag=None,
            title=None,
            timestamp=None,
            from_ref=from_sha,
            to_ref=to_sha,
            from_sha=from_sha,
            to_sha=to_sha,
            changes=grouping.changes,
            cancelled=grouping.cancelled,
        )

    def releases(self, paths: Iterable[str] = ()) -> tuple[list[Release], Release]:
        """Every release tag reachable from HEAD (newest first) and the unreleased work."""
        self.repo.require_commits()
        head = self.repo.resolve("HEAD")
        tags = self.release_tags()
        commits = self._read([head], "HEAD")
        by_sha = {commit.sha: commit for commit in commits}
        reachable = [tag for tag in tags if tag.commit in by_sha]
        owner = _assign_to_releases(by_sha, [tag.commit for tag in reachable] + [head])
        buckets: list[list[Commit]] = [[] for _ in range(len(reachable) + 1)]
        for commit in commits:
            buckets[owner[commit.sha]].append(commit)
        touching = self._touching([head], paths)
        releases: list[Release] = []
        seen_authors: set[str] = set()
        previous: ReleaseTag | None = None
        for index, tag in enumerate([*reachable, None]):
            tip = tag.commit if tag else head
            grouping = group_changes(buckets[index], tip, self._topics)
            changes = _only_touching(grouping.changes, touching)
            release = Release(
                tag=tag.name if tag else None,
                title=tag.name if tag else None,
                timestamp=tag.timestamp if tag else None,
                from_ref=previous.name if previous else None,
                to_ref=tag.name if tag else "HEAD",
                from_sha=previous.commit if previous else None,
                to_sha=tip,
                changes=changes,
                cancelled=grouping.cancelled,
            )
            everyone = {
                person.key
                for commit in buckets[index]
                for person in (commit.author, *commit.co_authors)
            }
            release.first_time_contributors = _newcomers(release, seen_authors if index else None)
            seen_authors |= everyone
            if tag is None:
                release.next_version = self._suggest(
                    previous.version if previous else None, changes, tags
                )
            releases.append(release)
            if tag is not None:
                previous = tag
        unreleased = releases.pop()
        return list(reversed(releases)), unreleased

    def _latest_tag_below(self, tags: list[ReleaseTag], to_sha: str) -> ReleaseTag | None:
        """The highest release tag reachable from ``to_sha`` (other than one on it)."""
        candidates = [tag for tag in reversed(tags) if tag.commit != to_sha]
        # Asking per tag is instant for the usual case (the newest tag is an ancestor); a run of
        # misses means tags on other branches, where one walk of the whole graph is cheaper.
        for tag in candidates[:_ANCESTOR_PROBES]:
            if self.repo.is_ancestor(tag.commit, to_sha):
                return tag
        if len(candidates) <= _ANCESTOR_PROBES:
            return None
        merged = self.repo.tags_merged_into(to_sha)
        return next((tag for tag in candidates if tag.name in merged), None)

    def _read(self, revisions: list[str], label: str) -> list[Commit]:
        boundary = self.repo.shallow_boundary()
        commits = [parse_commit(raw) for raw in self._counted(self.repo.log(revisions))]
        if boundary:
            hit = next((c.sha for c in commits if c.sha in boundary), None)
            if hit is not None:
                raise ShallowHistoryError(
                    f"the range {label} reaches past this shallow clone's boundary at {hit[:12]}: "
                    "run `git fetch --unshallow --tags` (in GitHub Actions: actions/checkout with "
                    "fetch-depth: 0), or pass --unshallow"
                )
        _mailmap_co_authors(self.repo, commits)
        return commits

    def _counted(self, raws: Iterator[RawCommit]) -> Iterator[RawCommit]:
        if self._progress is None:
            yield from raws
            return
        count = 0
        for raw in raws:
            count += 1
            if count % 5000 == 0:
                self._progress(count)
            yield raw
        self._progress(count)

    def _touching(self, revisions: list[str], paths: Iterable[str]) -> set[str] | None:
        """Shas of the commits in ``revisions`` that touch ``paths``; None: no path filter."""
        path_list = list(paths)
        return self.repo.commits_touching(revisions, path_list) if path_list else None

    def _suggest(
        self, base: Version | None, changes: list[Change], tags: list[ReleaseTag]
    ) -> str | None:
        """The next version after ``base`` (else the highest release) that no tag has yet."""
        if base is None:
            base = max((tag.version for tag in tags), default=None)
        if base is None:
            return None
        counts = self._counts
        # Only breaking changes and features decide the bump: ask ``counts`` about those alone.
        breaking = any(c.breaking and (counts is None or counts(c)) for c in changes)
        feature = any(c.type == "feat" and (counts is None or counts(c)) for c in changes)
        suggested = base.bump(breaking=breaking, feature=feature)
        taken = {tag.version for tag in tags}
        while suggested in taken:
            suggested = suggested.bump(breaking=False, feature=False)
        return str(suggested)


def _mailmap_co_authors(repo: GitRepository, commits: list[Commit]) -> None:
    """Co-authors under the name and e-mail ``.mailmap`` gives them, as git gives authors."""
    named = {who for commit in commits for who in commit.co_authors}
    if not named:
        return
    mapped = repo.mailmap([(who.name, who.email) for who in named])
    if not mapped:
        return
    for commit in commits:
        if commit.co_authors:
            commit.co_authors = tuple(
                shared_person(*mapped.get((who.name, who.email), (who.name, who.email)))
                for who in commit.co_authors
            )


def _only_touching(changes: list[Change], touching: set[str] | None) -> list[Change]:
    if touching is None:
        return changes
    return [change for change in changes if any(c.sha in touching for c in change.commits)]


def _release_tags(refs: list[TagRef], matcher: TagMatcher) -> list[ReleaseTag]:
    per_commit: dict[str, ReleaseTag] = {}
    for ref in refs:
        version = matcher.version_of(ref.name)
        if version is None:
            continue
        tag = ReleaseTag(ref.name, version, ref.commit, ref.timestamp)
        current = per_commit.get(ref.commit)
        if current is None or current.version < version:
            per_commit[ref.commit] = tag
    # One version tagged twice (1.1.0 and v1.1.0 on different commits) is one release: the
    # later-created tag's (git sorts tags by name, so ties fall to the later name).
    per_version: dict[Version, ReleaseTag] = {}
    for tag in per_commit.values():
        current = per_version.get(tag.version)
        if current is None or current.timestamp <= tag.timestamp:
            per_version[tag.version] = tag
    return sorted(per_version.values(), key=lambda tag: tag.version)


def _assign_to_releases(by_sha: dict[str, Commit], tips: list[str]) -> dict[str, int]:
    """Each commit belongs to the first tip (by index, in release order) that reaches it."""
    owner: dict[str, int] = {}
    for index, tip in enumerate(tips):
        stack = [tip]
        while stack:
            sha = stack.pop()
            if sha in owner or sha not in by_sha:
                continue
            owner[sha] = index
            stack.extend(by_sha[sha].parents)
    return owner


def _newcomers(release: Release, earlier: set[str] | None) -> list[Person]:
    """Contributors not seen before; none for the first release (everyone would be new)."""
    if earlier is None:
        return []
    return [person for person in release.contributors if person.key not in earlier]
