"""Commits grouped into changes: one entry per pull request, reverts cancelled.

A pull request counts once whether it landed as a squash commit ``subject (#12)``, a GitHub merge
``Merge pull request #12 from …`` or a GitLab merge ``See merge request group/project!12``: the
merge commit and every commit it brought in form one change, listed under it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from leaddocs.history.commits import Commit, Person


@dataclass(slots=True)
class Change:
    """One entry of a release: a pull request, or a commit that landed on its own."""

    commits: list[Commit]
    type: str | None
    scope: str | None
    breaking: bool
    description: str
    pr: int | None = None
    breaking_notes: list[str] = field(default_factory=list)
    authors: list[Person] = field(default_factory=list)
    """Everyone who wrote a commit of this change, co-authors included, first seen first."""
    issues: tuple[int, ...] = ()
    """Issues its commits reference (``Refs: #7``, ``Closes #14``), ascending, each once.
    A tuple: most changes have none, and the empty tuple costs no allocation per change."""

    @property
    def head(self) -> Commit:
        return self.commits[0]

    @property
    def key(self) -> str:
        return f"pr-{self.pr}" if self.pr is not None else self.head.sha[:12]

    @property
    def is_plain_merge(self) -> bool:
        return self.head.is_merge and self.pr is None

    @property
    def timestamp(self) -> int:
        return self.head.timestamp


@dataclass(slots=True)
class Grouping:
    changes: list[Change]
    cancelled: list[Change]


def group_changes(commits: list[Commit], tip: str) -> Grouping:
    """Group one release's ``commits`` (newest first) into changes along ``tip``'s first parents."""
    by_sha = {commit.sha: commit for commit in commits}
    chain = _first_parent_chain(by_sha, tip)
    on_chain = set(chain)
    owner: dict[str, str] = {}
    # Oldest merge first, so a later merge's walk stops at what an earlier one already claimed.
    for sha in reversed(chain):
        merge = by_sha[sha]
        if merge.pr is None or not merge.is_merge:
            continue
        for brought in _brought_in(by_sha, merge, on_chain, owner):
            owner[brought] = sha
    members: dict[str, list[Commit]] = {}
    for commit in commits:
        if commit.sha in owner:
            members.setdefault(owner[commit.sha], []).append(commit)
    changes = [
        _change(commit, members.get(commit.sha, []))
        for commit in commits
        if commit.sha not in owner
    ]
    return _cancel_reverts(changes)


def _first_parent_chain(by_sha: dict[str, Commit], tip: str) -> list[str]:
    chain = []
    current: str | None = tip
    while current is not None and current in by_sha:
        chain.append(current)
        parents = by_sha[current].parents
        current = parents[0] if parents else None
    return chain


def _brought_in(
    by_sha: dict[str, Commit], merge: Commit, on_chain: set[str], owner: dict[str, str]
) -> list[str]:
    found: list[str] = []
    stack = list(merge.parents[1:])
    visited: set[str] = set()
    while stack:
        sha = stack.pop()
        if sha in visited or sha in on_chain or sha in owner or sha not in by_sha:
            continue
        visited.add(sha)
        found.append(sha)
        stack.extend(by_sha[sha].parents)
    return found


def _change(head: Commit, brought_in: list[Commit]) -> Change:
    if not brought_in:
        # Most changes are one commit: skip the merging below (it runs 100k times on big repos).
        return Change(
            [head],
            head.type,
            head.scope,
            head.breaking,
            head.description,
            head.pr,
            list(head.breaking_notes),
            [head.author] if not head.co_authors else authors_of([head]),
            tuple(sorted(set(head.refs))) if head.refs else (),
        )
    breaking = head.breaking or any(commit.breaking for commit in brought_in)
    notes = [*head.breaking_notes, *(note for c in brought_in for note in c.breaking_notes)]
    change_type = head.type
    scope = head.scope
    if change_type is None and brought_in:
        # A PR titled in plain words takes the most telling type among its commits.
        typed = [commit for commit in brought_in if commit.type is not None]
        for wanted in ("feat", "fix", "perf"):
            match = next((commit for commit in typed if commit.type == wanted), None)
            if match is not None:
                change_type, scope = match.type, match.scope
                break
    commits = [head, *brought_in]
    return Change(
        commits=commits,
        type=change_type,
        scope=scope,
        breaking=breaking,
        description=head.description,
        pr=head.pr,
        breaking_notes=notes,
        # The merge commit's author only pressed the button: the PR's commits name who wrote it.
        authors=authors_of(brought_in),
        issues=tuple(sorted({number for commit in commits for number in commit.refs})),
    )


def authors_of(commits: Iterable[Commit]) -> list[Person]:
    """Authors and co-authors of ``commits`` (newest first), oldest first, each person once."""
    seen: dict[str, Person] = {}
    for commit in reversed(list(commits)):
        for person in (commit.author, *commit.co_authors):
            seen.setdefault(person.key, person)
    return list(seen.values())


def _cancel_reverts(changes: list[Change]) -> Grouping:
    """Cancel each change whose effect a later revert undid, and that revert with it.

    A revert that is itself reverted undoes nothing: ``feat`` → ``Revert "feat"`` →
    ``Revert "Revert "feat""`` ships the feature, listed as itself, and cancels both reverts.
    """
    by_head = {change.head.sha: change for change in changes}
    target_of: dict[int, Change] = {}
    for change in changes:
        if len(change.commits) == 1 and change.head.reverts is None:
            continue  # the usual case, kept cheap: it runs once per commit on big histories
        target = _reverted_change(change, by_head)
        if target is not None:
            target_of[id(change)] = target
    if not target_of:
        return Grouping(changes, [])
    undone: set[int] = set()
    cancelled: set[int] = set()
    # Newest first: every revert of a change comes before it, so whether that revert still
    # stands (nothing later undid it) is settled by the time the change is reached.
    for change in changes:
        if id(change) in undone:
            cancelled.add(id(change))
        elif id(change) in target_of:
            cancelled.add(id(change))
            undone.add(id(target_of[id(change)]))
    kept = [change for change in changes if id(change) not in cancelled]
    return Grouping(kept, [change for change in changes if id(change) in cancelled])


def _reverted_change(change: Change, by_head: dict[str, Change]) -> Change | None:
    """The one change of this release that ``change`` reverts, if reverting is all it does.

    A commit reverts a change by its head (the commit, or a pull request's merge commit). A pull
    request reverts a change when every commit it brought in is a revert of that same change,
    as GitHub's Revert button makes: ``git revert -m 1 <merge>`` on a branch, merged back.
    """
    if len(change.commits) == 1:
        sha = change.head.reverts
        return _find(by_head, sha) if sha is not None else None
    brought_in = [commit for commit in change.commits[1:] if not commit.is_merge]
    if not brought_in:
        return None
    targets = [_find(by_head, commit.reverts) for commit in brought_in]
    target = targets[0]
    if target is None or any(other is not target for other in targets):
        return None
    return None if target is change else target


def _find(by_head: dict[str, Change], sha: str | None) -> Change | None:
    if sha is None:
        return None
    found = by_head.get(sha)
    if found is None and len(sha) < 40:
        found = next((c for head, c in by_head.items() if head.startswith(sha)), None)
    return found
