"""Commits grouped into changes: one entry per pull request, reverts cancelled.

A pull request counts once whether it landed as a squash commit ``subject (#12)``, a GitHub merge
``Merge pull request #12 from …`` or a GitLab merge ``See merge request group/project!12``: the
merge commit and every commit it brought in form one change, listed under it.
"""

from __future__ import annotations

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
            [head.author] if not head.co_authors else _authors([head]),
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
        authors=_authors(commits),
    )


def _authors(commits: list[Commit]) -> list[Person]:
    if len(commits) == 1 and not commits[0].co_authors:
        return [commits[0].author]
    seen: dict[str, Person] = {}
    for commit in reversed(commits):
        for person in (commit.author, *commit.co_authors):
            seen.setdefault(person.key, person)
    return list(seen.values())


def _cancel_reverts(changes: list[Change]) -> Grouping:
    by_head = {change.head.sha: change for change in changes}
    cancelled: dict[int, Change] = {}
    # Oldest first: a revert cancels its target once; reverting that revert again stays listed.
    for change in reversed(changes):
        target_sha = change.head.reverts
        if target_sha is None or id(change) in cancelled:
            continue
        target = by_head.get(target_sha) or next(
            (
                c
                for sha, c in by_head.items()
                if len(target_sha) < 40 and sha.startswith(target_sha)
            ),
            None,
        )
        if target is None or id(target) in cancelled:
            continue
        cancelled[id(target)] = target
        cancelled[id(change)] = change
    kept = [change for change in changes if id(change) not in cancelled]
    return Grouping(kept, [change for change in changes if id(change) in cancelled])
