"""Release tags off the main line, found again on it (ADR 0014).

A release tagged on a branch that a rebase then rewrote (GitHub's "Rebase and merge", a
rebased release branch) points at a commit the main line does not hold: the main line holds
its *twin*, the same change under another sha. Left alone, such a release disappears, its
changes fold into the next one and a later release lists them again.

A twin is a main-line commit with the same ``git patch-id --stable``, else with the same
subject and author date (a rebase keeps both; a conflict it resolved changes the patch). A
tag is mapped to its commit's twin only when every commit of its own line (what it holds that
the main line does not, at most ``OWN_LINE_MAX``) has a twin: a maintenance release, whose
own line holds a commit of its own (the version bump), is left where it is.

A mapped tag holds what it held when it was tagged: the history its own line grew from and the
twins of that line. Commits the main line gained before the rebase put the twins on top are
not in it (the tag never shipped them): the next release lists them.

The cost stays small whatever the history and the number of tags: candidates are found by
subject and author date in the commits already read; the own lines of the tags that have one
are read by one ``git log``; only they and the candidates get a patch-id, from one ``git
diff-tree`` piped into one ``git patch-id``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from leaddocs.history.commits import Commit, parse_commit
from leaddocs.history.git import GitRepository
from leaddocs.history.ranges import Parents, Reach
from leaddocs.history.tags import ReleaseTag, Rewritten

OWN_LINE_MAX = 200  # a tag whose line left the main line longer ago is not looked at
_NAMED = 3  # tags a note names; the rest are counted


@dataclass(frozen=True, slots=True)
class Twin:
    name: str  # the tag (or ref) as given
    commit: str  # what it points at, off the main line
    sha: str  # its twin on the main line
    same_patch: bool  # found by patch-id (else by subject and author date)
    base: tuple[str, ...] = ()  # the main-line commits the tag's own line grew from
    line: tuple[str, ...] = ()  # the twins of every commit of its own line (``sha`` first)

    @property
    def held(self) -> Rewritten:
        """What the tag held, as the main line holds it."""
        return Rewritten(self.commit, self.base, self.line or (self.sha,))

    def mapped(self, tag: ReleaseTag) -> ReleaseTag:
        """``tag`` as the main line holds it: at its twin, holding what the tag held."""
        return dataclasses.replace(tag, commit=self.sha, rewritten=self.held)

    def note(self, what: str, line: str) -> str:
        """``what`` (``tag v1.1.0``) is not in ``line`` (``HEAD's history``), and why."""
        how = "the same patch" if self.same_patch else "the same subject and author date"
        return (
            f"{what} ({self.commit[:12]}) is not in {line}: a rebase rewrote it, and its twin "
            f"{self.sha[:12]} ({how}) stands for it"
        )


def tags_note(twins: Sequence[Twin], line: str) -> str | None:
    """One line for the release tags mapped to their twins in ``line``, however many."""
    if len(twins) <= 1:
        return twins[0].note(f"tag {twins[0].name}", line) if twins else None
    shown = ", ".join(f"{twin.name} at {twin.sha[:12]}" for twin in twins[:_NAMED])
    more = f" and {len(twins) - _NAMED:,} more" if len(twins) > _NAMED else ""
    return (
        f"{len(twins):,} release tags are not in {line}: a rebase rewrote them, and their "
        f"twins stand for them ({shown}{more})"
    )


def find_twins(
    repo: GitRepository,
    tips: Sequence[tuple[str, str]],
    line: Sequence[Commit],
    line_tip: str,
) -> list[Twin]:
    """The twins of ``tips`` (name, sha; none reachable from ``line_tip``) among ``line``, the
    main-line commits read (newest first)."""
    if not tips or not line:
        return []
    shas = list(dict.fromkeys(sha for _, sha in tips))
    tagged = [parse_commit(r) for r in repo.commits_of(["--no-walk=unsorted", *shas], len(shas))]
    # First the tagged commits alone, from what is in memory: most off-line tags (other
    # branches, maintenance releases) have no candidate at all and cost nothing more.
    likely = _candidates(line, tagged)
    hopeful = list(dict.fromkeys(sha for sha in shas if likely.get(sha)))
    own_lines = _own_lines(repo, hopeful, line_tip, {commit.sha for commit in line})
    everyone = [commit for own in own_lines.values() for commit in own]
    candidates = _candidates(line, everyone)
    wanted = {commit.sha for commit in everyone}
    wanted.update(sha for commit in everyone for sha in candidates.get(commit.sha, ()))
    patch_ids = repo.commit_patch_ids(sorted(wanted))
    by_sha = {commit.sha: commit for commit in line}
    found: dict[str, Twin] = {}
    for sha, own in own_lines.items():
        matches = {c.sha: _twin(c, candidates.get(c.sha, []), by_sha, patch_ids) for c in own}
        twin = matches.get(sha)
        if twin is None or any(match is None for match in matches.values()):
            continue
        others = (match[0] for match in matches.values() if match is not None)
        twins = tuple(dict.fromkeys((twin[0], *others)))
        mine = set(matches)
        base = tuple(dict.fromkeys(p for c in own for p in c.parents if p not in mine))
        found[sha] = Twin("", sha, *twin, base, twins)
    return [dataclasses.replace(found[sha], name=name) for name, sha in tips if sha in found]


def _own_lines(
    repo: GitRepository, shas: list[str], line_tip: str, on_line: set[str]
) -> dict[str, list[Commit]]:
    """What each of ``shas`` holds that ``line_tip`` does not (at most ``OWN_LINE_MAX``
    commits, else it is left out): one ``git log`` of them all, each line then walked in
    memory. A parent the log does not hold is on the line, unless the log stopped at its
    limit (a line past the cap among them); then only a tag whose walk meets a parent that
    is in neither the log nor ``on_line`` (the line's commits read) is asked about alone."""
    if not shas:
        return {}
    limit = OWN_LINE_MAX * len(shas) + 1
    read = [parse_commit(raw) for raw in repo.commits_of([*shas, f"^{line_tip}"], limit)]
    cut = len(read) >= limit
    by_sha = {commit.sha: commit for commit in read}
    found: dict[str, list[Commit]] = {}
    for sha in shas:
        own = _walk(by_sha, sha, on_line if cut else None)
        if own is None:  # past the log's limit: this one line, read on its own
            raws = repo.commits_of([sha, f"^{line_tip}"], OWN_LINE_MAX + 1)
            own = [parse_commit(raw) for raw in raws]
        if own and len(own) <= OWN_LINE_MAX:
            found[sha] = own
    return found


def _walk(by_sha: dict[str, Commit], tip: str, known: set[str] | None) -> list[Commit] | None:
    """``tip``'s commits among ``by_sha`` (at most one past ``OWN_LINE_MAX``); None when
    ``known`` is given and a parent is in neither (the log may have been cut before it)."""
    seen: dict[str, Commit] = {}
    stack = [tip]
    while stack and len(seen) <= OWN_LINE_MAX:
        sha = stack.pop()
        commit = by_sha.get(sha)
        if commit is None:
            if known is not None and sha not in known:
                return None
            continue
        if sha in seen:
            continue
        seen[sha] = commit
        stack.extend(commit.parents)
    return list(seen.values())


def placed(
    twins: Sequence[Twin],
    named: Mapping[str, ReleaseTag],
    fixed: Sequence[ReleaseTag],
    parents: Parents,
) -> list[Twin]:
    """The ``twins`` (of the tags ``named``) whose place agrees with the versions around them:
    the release tags ``fixed`` on the line and the twins already placed, highest version first.
    A twin that reaches a higher release (or stands on its commit), or that a lower one
    reaches, is no twin: a backport whose original landed after a later release, a
    cherry-picked maintenance release whose original a later release holds."""
    tips = [*(twin.sha for twin in twins), *(tag.commit for tag in fixed)]
    reach = Reach(parents, tips)
    versions = [named[twin.name].version for twin in twins]
    settled = [(len(twins) + at, tag.version) for at, tag in enumerate(fixed)]
    kept: list[int] = []
    for index in sorted(range(len(twins)), key=versions.__getitem__, reverse=True):
        version = versions[index]
        if any(
            (other > version and reach.reaches(index, tips[at]))
            or (other < version and reach.reaches(at, tips[index]))
            for at, other in [*settled, *((i, versions[i]) for i in kept)]
        ):
            continue
        kept.append(index)
    return [twins[index] for index in sorted(kept)]


def _candidates(line: Sequence[Commit], commits: Iterable[Commit]) -> dict[str, list[str]]:
    """For each of ``commits``, the shas in ``line`` with its subject or its author date."""
    by_subject: dict[str, list[str]] = {}
    by_time: dict[int, list[str]] = {}
    for commit in commits:
        by_subject.setdefault(commit.subject, []).append(commit.sha)
        by_time.setdefault(commit.timestamp, []).append(commit.sha)
    found: dict[str, list[str]] = {}
    for candidate in line:
        for sha in {*by_subject.get(candidate.subject, ()), *by_time.get(candidate.timestamp, ())}:
            found.setdefault(sha, []).append(candidate.sha)
    return found


def _twin(
    commit: Commit, candidates: list[str], line: dict[str, Commit], patch_ids: dict[str, str]
) -> tuple[str, bool] | None:
    """(sha, found by patch-id) of ``commit``'s twin among ``candidates`` (newest first): the
    oldest with its patch, else the oldest with its subject and author date."""
    patch = patch_ids.get(commit.sha)
    if patch is not None:
        same = [sha for sha in candidates if patch_ids.get(sha) == patch]
        if same:
            return same[-1], True
    alike = [
        sha
        for sha in candidates
        if line[sha].subject == commit.subject and line[sha].timestamp == commit.timestamp
    ]
    return (alike[-1], False) if alike else None
