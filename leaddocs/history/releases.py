"""Releases read from history: one range for release notes, every tag for a changelog, both
by the one range rule of ``ranges`` (ADR 0014)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol

from leaddocs.config import MergesConfig
from leaddocs.errors import RefError, ShallowHistoryError
from leaddocs.history.changes import Change, group_changes
from leaddocs.history.commits import Commit, Person, parse_records
from leaddocs.history.commits import person as shared_person
from leaddocs.history.git import GitRepository
from leaddocs.history.merges import TopicMerges
from leaddocs.history.ranges import Reach, bounds, is_boundary, plan, rewritten_of
from leaddocs.history.tags import (
    ReleaseTag,
    matched_tags,
    one_per_commit,
    retagged_notes,
    unmatched_note,
)
from leaddocs.history.twins import find_twins, placed, tags_note
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
    folded: list[str] = field(default_factory=list)  # pre-release tags listed within it
    # The commits whose history it leaves out (the releases it follows, by the range rule).
    stops: tuple[str, ...] = ()
    # Who wrote any commit of its own (Person.key; co-authors, skipped changes and reverts
    # too): whom the releases after it no longer count as first-time contributors.
    everyone: frozenset[str] = frozenset()

    @property
    def contributors(self) -> list[Person]:
        """Everyone who wrote a listed change, first seen first."""
        seen: dict[str, Person] = {}
        for change in reversed(self.changes):
            for person in change.authors:
                seen.setdefault(person.key, person)
        return list(seen.values())


class AuthorsMemo(Protocol):
    """Who wrote the commits some commits reach, remembered (a cache): release notes name
    first-time contributors against it, which otherwise costs a walk of all earlier history."""

    def authors_before(self, stops: tuple[str, ...]) -> frozenset[str] | None: ...

    def remember_authors(self, stops: tuple[str, ...], authors: frozenset[str]) -> None: ...


@dataclass(frozen=True, slots=True)
class _Span:
    """What one range rule decided for release notes: the changes and what they follow."""

    from_ref: str | None
    from_sha: str | None
    base: Version | None  # the version it follows, which the suggested next version bumps
    stops: tuple[str, ...]  # the commits whose history is left out
    commits: list[Commit]
    folded: list[str]
    tip: ReleaseTag | None = None  # a rebased release tag whose twin is the range's end


class History:
    """Reads releases from one repository, recognising release tags by ``tag_pattern``.

    ``counts`` tells which changes count towards the suggested next version (the documents
    layer leaves out the ones its skip rules drop); by default every change does.
    ``fold_prereleases``: a final release lists everything since the previous final one, its
    pre-releases folded in (``tags.fold_prereleases``; the range rule is in ``ranges``).
    """

    def __init__(
        self,
        repo: GitRepository,
        tag_pattern: str,
        progress: Progress | None = None,
        counts: Counts | None = None,
        *,
        fold_prereleases: bool = True,
        authors: AuthorsMemo | None = None,
        merges: MergesConfig | None = None,
    ) -> None:
        self.repo = repo
        self._matcher = TagMatcher(tag_pattern)
        self._progress = progress
        self._counts = counts
        self._fold = fold_prereleases
        self._authors = authors
        self._topics = TopicMerges(merges)
        # What the caller should tell the user, as data: release-named tags skipped because
        # they point at a tree or a blob, tags mapped to their twins, a pattern matching little.
        self.notes: list[str] = []
        # The release tags the last ``releases()`` found off HEAD's line (at a twin, or lost).
        self.off_line: list[str] = []

    def _note(self, note: str) -> None:
        if note not in self.notes:
            self.notes.append(note)

    def release_tags(self) -> list[ReleaseTag]:
        """Release tags, lowest version first; of several on one commit only the highest counts,
        and of one version tagged on several commits only the latest-created tag."""
        refs = []
        every = self.repo.tags()
        for ref in every:
            if ref.kind == "commit":
                refs.append(ref)
            elif self._matcher.version_of(ref.name) is not None:
                self._note(f"tag {ref.name} points at a {ref.kind}, not a commit: skipped")
        unmatched = unmatched_note((ref.name for ref in every), self._matcher)
        if unmatched:
            self._note(unmatched)
        matched = matched_tags(refs, self._matcher)
        kept = one_per_commit(matched)
        for note in retagged_notes(matched, kept):
            self._note(note)
        return kept

    def release(
        self,
        from_ref: str | None,
        to_ref: str,
        title: str | None = None,
        paths: Iterable[str] = (),
    ) -> Release:
        """The release ``from_ref..to_ref``; with no ``from_ref``, since the previous release
        by the range rule (``ranges``)."""
        self.repo.require_commits()
        to_sha = self.repo.resolve(to_ref)
        tags = self.release_tags()
        tag_at_tip = next((tag for tag in reversed(tags) if tag.commit == to_sha), None)
        if from_ref is None:
            span = self._since_previous(tags, tag_at_tip, to_sha, to_ref)
            if span.tip is not None and span.tip.rewritten is not None:
                # The tip is a rebased release's twin: the notes are that release as tagged
                # (what the main line gained under the twins was never in it).
                to_sha = span.tip.tagged
                tagged = next((tag for tag in tags if tag.commit == to_sha), None)
                span = replace(self._since_previous(tags, tagged, to_sha, to_ref), tip=span.tip)
        else:
            span = self._between(from_ref, to_ref, to_sha)
        tag_at_tip = tag_at_tip or span.tip
        grouping = group_changes(span.commits, to_sha, self._topics)
        revisions = [to_sha, *(f"^{sha}" for sha in span.stops)]
        changes = _only_touching(grouping.changes, self._touching(revisions, paths))
        earlier_authors = self._authors_before(span.stops, tags) if span.stops else None
        release = Release(
            # --version retitles the notes; a tag on the tip still names and dates them.
            tag=tag_at_tip.name if tag_at_tip else None,
            title=title or (tag_at_tip.name if tag_at_tip else None),
            timestamp=tag_at_tip.timestamp if tag_at_tip else None,
            from_ref=span.from_ref,
            to_ref=to_ref,
            from_sha=span.from_sha,
            to_sha=to_sha,
            changes=changes,
            cancelled=grouping.cancelled,
            folded=span.folded,
            stops=span.stops,
        )
        release.first_time_contributors = _newcomers(release, earlier_authors)
        if tag_at_tip is None:  # a tagged release needs no suggestion
            release.next_version = self._suggest(span.base, changes, tags)
        return release

    def _since_previous(
        self, tags: list[ReleaseTag], tag_at_tip: ReleaseTag | None, to_sha: str, to_ref: str
    ) -> _Span:
        """The range rule for one tip, asking git only about the few tags that matter: the
        highest-version ancestor, then the release tags inside what it leaves (a merged
        maintenance branch) and the twins there of higher tags a rebase left off the line."""
        version = tag_at_tip.version if tag_at_tip else None
        boundaries = [
            tag for tag in tags if tag.commit != to_sha and is_boundary(version, tag, self._fold)
        ]
        below = self._latest_tag_below(boundaries, to_sha)
        label = f"{below.name if below else '(first commit)'}..{to_ref}"
        commits = self._read([to_sha, f"^{below.commit}"] if below else [to_sha], label)
        by_sha = {commit.sha: commit for commit in commits}
        higher = [
            tag
            for tag in tags
            if tag.commit not in by_sha
            and tag.commit != to_sha
            and tag is not below
            and (below is None or below.version < tag.version)
            and (version is None or tag.version < version)
        ]
        twins = find_twins(self.repo, [(tag.name, tag.commit) for tag in higher], commits, to_sha)
        named = {tag.name: tag for tag in higher}
        parents = {commit.sha: commit.parents for commit in commits}
        fixed = [tag for tag in tags if tag.commit in by_sha]
        twins = placed(twins, named, fixed, parents) if twins else twins
        note = tags_note(twins, f"the history of {to_ref}")
        if note:
            self._note(note)
        mapped = [twin.mapped(named[twin.name]) for twin in twins]
        # A rebased release whose twin is the tip itself names the notes, as a tag there would.
        at_tip = next((tag for tag in mapped if tag.commit == to_sha), None)
        on_line = one_per_commit(
            tag for tag in [*tags, *mapped] if tag.commit in by_sha and tag.commit != to_sha
        )
        inside = [tag for tag in on_line if is_boundary(version, tag, self._fold)]
        reach = Reach(parents, [tag.commit for tag in inside], rewritten_of(inside))
        position = {tag.commit: index for index, tag in enumerate(inside)}

        def latest_of(candidates: list[ReleaseTag]) -> list[ReleaseTag]:
            members = sum(1 << position[tag.commit] for tag in candidates if tag is not below)
            bits = reach.latest(members)
            latest = [tag for tag in inside if bits >> position[tag.commit] & 1]
            # The tag below is outside what was read: latest unless a tag inside descends from it.
            if below in candidates and not any(
                self.repo.is_ancestor(below.commit, tag.commit) for tag in latest
            ):
                latest.append(below)
            return latest

        rule = bounds(version, [*([below] if below else []), *inside], latest_of, self._fold)
        stop = sum(1 << position[tag.commit] for tag in rule.latest if tag is not below)
        kept = [commit for commit in commits if not reach.bits(commit.sha) & stop]
        kept_shas = {commit.sha for commit in kept}
        folded = [
            tag.name
            for tag in on_line
            if tag.version.prerelease and tag.commit in kept_shas and tag.commit != to_sha
        ]
        previous = rule.previous
        return _Span(
            previous.name if previous else None,
            previous.commit if previous else None,
            previous.version if previous else None,
            tuple(tag.tagged for tag in rule.latest),
            kept,
            folded if version is not None and not version.prerelease else [],
            at_tip,
        )

    def _between(self, from_ref: str, to_ref: str, to_sha: str) -> _Span:
        """``--from``: git's ``from..to``. A ``--from`` off ``--to``'s line stands for its twin
        there when it has one (a rebased release); a range that is reversed is refused."""
        from_sha = self.repo.resolve(from_ref)
        label = f"{from_ref}..{to_ref}"
        base = self._matcher.version_of(from_ref)
        if self.repo.is_ancestor(from_sha, to_sha):
            commits = self._read([to_sha, f"^{from_sha}"], label)
            return _Span(from_ref, from_sha, base, (from_sha,), commits, [])
        if self.repo.is_ancestor(to_sha, from_sha):
            raise RefError(
                f"--from {from_ref} is not an ancestor of --to {to_ref}: "
                "the range would leave out or reverse history (are the two swapped?)"
            )
        commits = self._read([to_sha, f"^{from_sha}"], label)
        twins = find_twins(self.repo, [(from_ref, from_sha)], commits, to_sha)
        if not twins:
            self._note(
                f"--from {from_ref} is not an ancestor of --to {to_ref} and has no twin there "
                f"(the two lines parted): listing what {to_ref} has that {from_ref} lacks, "
                f"as `git log {label}` does"
            )
            return _Span(from_ref, from_sha, base, (from_sha,), commits, [])
        twin = twins[0]
        self._note(twin.note(f"--from {from_ref}", f"the history of --to {to_ref}"))
        parents = {commit.sha: commit.parents for commit in commits}
        reach = Reach(parents, [twin.sha], {0: twin.held})
        kept = [commit for commit in commits if not reach.bits(commit.sha)]
        return _Span(from_ref, twin.sha, base, (from_sha,), kept, [])

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
        """Every release tag reachable from HEAD (newest first) and the unreleased work, each by
        the range rule; a release tag a rebase left off the line stands at its twin."""
        self.repo.require_commits()
        head = self.repo.resolve("HEAD")
        tags = self.release_tags()
        commits = self._read([head], "HEAD")
        by_sha = {commit.sha: commit for commit in commits}
        parents = {commit.sha: commit.parents for commit in commits}
        on_line = [tag for tag in tags if tag.commit in by_sha]
        off_line = [tag for tag in tags if tag.commit not in by_sha]
        self.off_line = [tag.name for tag in off_line]
        mapped = self._twins_on_line(on_line, off_line, commits, parents, head)
        reachable = one_per_commit([*on_line, *mapped])
        planned = plan(parents, list(by_sha), head, reachable, self._fold)
        touching = self._touching([head], paths)
        releases: list[Release] = []
        seen_authors: set[str] | None = None
        for part in planned:  # lowest version first, so "first time" means before it
            tag = part.tag
            tip = tag.commit if tag else head
            previous = part.bounds.previous
            own = [by_sha[sha] for sha in part.commits]
            everyone = frozenset(_keys_of_everyone(own))
            grouping = group_changes(own, tip, self._topics)
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
                folded=[folded.name for folded in part.folded],
                stops=tuple(bound.commit for bound in part.bounds.latest),
                everyone=everyone,
            )
            release.first_time_contributors = _newcomers(release, seen_authors)
            seen_authors = (seen_authors or set()) | everyone
            if tag is None:
                base = previous.version if previous else None
                release.next_version = self._suggest(base, changes, tags)
            releases.append(release)
        unreleased = releases.pop()
        return list(reversed(releases)), unreleased

    def unreleased_since(
        self,
        head: str,
        tags: list[ReleaseTag],
        previous: str | None,
        stops: tuple[str, ...],
        seen: set[str] | None,
        paths: Iterable[str] = (),
    ) -> Release:
        """The unreleased work at ``head`` as ``releases`` gives it, when the release tags
        (``tags``) are what they were for an earlier HEAD (a cache knows them): the commits
        ``head`` reaches and ``stops`` (the latest releases it reaches) do not, following the
        tag ``previous``. ``seen``: who wrote a commit of any release (their ``everyone``)."""
        before = next((tag for tag in tags if tag.name == previous), None)
        revisions = [head, *(f"^{sha}" for sha in stops)]
        label = f"{previous or '(first commit)'}..HEAD"
        grouping = group_changes(self._read(revisions, label), head, self._topics)
        changes = _only_touching(grouping.changes, self._touching(revisions, paths))
        release = Release(
            tag=None,
            title=None,
            timestamp=None,
            from_ref=before.name if before else None,
            to_ref="HEAD",
            from_sha=before.commit if before else None,
            to_sha=head,
            changes=changes,
            cancelled=grouping.cancelled,
            stops=stops,
        )
        release.first_time_contributors = _newcomers(release, seen)
        release.next_version = self._suggest(before.version if before else None, changes, tags)
        return release

    def _authors_before(self, stops: tuple[str, ...], tags: list[ReleaseTag]) -> set[str]:
        """Who wrote any commit ``stops`` reach: remembered, or walked; from one release tag,
        only from the highest release below it whose authors are remembered (its commits need
        no second walk)."""
        memo = self._authors
        known = memo.authors_before(stops) if memo is not None else None
        if known is not None:
            return set(known)
        base: tuple[str, frozenset[str]] | None = None
        probes = _ANCESTOR_PROBES
        for tag in reversed(tags) if memo is not None and len(stops) == 1 else ():
            remembered = memo.authors_before((tag.commit,)) if memo is not None else None
            if remembered is None or tag.commit in stops:
                continue
            if self.repo.is_ancestor(tag.commit, stops[0]):
                base = (tag.commit, remembered)
                break
            probes -= 1
            if probes == 0:
                break
        revisions = [*stops, f"^{base[0]}"] if base is not None else list(stops)
        authors = {Person(name, email).key for name, email in self.repo.authors_in(revisions)}
        if base is not None:
            authors |= base[1]
        if memo is not None:
            memo.remember_authors(stops, frozenset(authors))
        return authors

    def _twins_on_line(
        self,
        on_line: list[ReleaseTag],
        off_line: list[ReleaseTag],
        commits: list[Commit],
        parents: dict[str, tuple[str, ...]],
        head: str,
    ) -> list[ReleaseTag]:
        """The release tags off HEAD's line that stand at a twin on it, each with a note; a
        twin whose place contradicts the versions around it (a backported fix, whose twin
        comes after a later release) is no twin."""
        twins = find_twins(self.repo, [(tag.name, tag.commit) for tag in off_line], commits, head)
        if not twins:
            self._lost(off_line)
            return []
        named = {tag.name: tag for tag in off_line}
        tagged = {tag.commit for tag in on_line}
        twins = [twin for twin in twins if twin.sha not in tagged]
        kept = placed(twins, named, on_line, parents)
        mapped = [twin.mapped(named[twin.name]) for twin in kept]
        note = tags_note(kept, "the history of HEAD")
        if note:
            self._note(note)
        self._lost([tag for tag in off_line if tag.name not in {t.name for t in mapped}])
        return mapped

    def _lost(self, tags: list[ReleaseTag]) -> None:
        """Say, in one line, which release tags the changelog leaves out and why."""
        lost = [tag.name for tag in tags]
        if lost:
            shown = ", ".join(lost[-3:]) + (f" and {len(lost) - 3:,} more" if len(lost) > 3 else "")
            self._note(
                f"{len(lost):,} release tag{'s are' if len(lost) > 1 else ' is'} not in HEAD's "
                f"history and {'have' if len(lost) > 1 else 'has'} no twin there ({shown}): "
                "not listed (release-notes --from/--to describes any range)"
            )

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
        commits: list[Commit] = []
        named: dict[str, str] = {}
        for block in self.repo.log_records(revisions):
            # Parsed a block at a time while git writes the next (history/stream.py).
            commits.extend(parse_records(block, named))
            if self._progress is not None:
                self._progress(len(commits))
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
        if base is None or base.calendar:  # a calendar version's next number is a date
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


def _keys_of_everyone(commits: list[Commit]) -> set[str]:
    """``Person.key`` of every author and co-author of ``commits``: one comprehension for the
    authors, and a loop over the few commits with co-authors (no tuple per commit)."""
    keys = {commit.author.key for commit in commits}
    for commit in commits:
        if commit.co_authors:
            keys.update(person.key for person in commit.co_authors)
    return keys


def _only_touching(changes: list[Change], touching: set[str] | None) -> list[Change]:
    if touching is None:
        return changes
    return [change for change in changes if any(c.sha in touching for c in change.commits)]


def _newcomers(release: Release, earlier: set[str] | None) -> list[Person]:
    """Contributors not seen before; none for the first release (everyone would be new)."""
    if earlier is None:
        return []
    return [person for person in release.contributors if person.key not in earlier]
