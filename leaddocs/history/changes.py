"""Commits grouped into changes: one entry per pull request or merged topic, reverts cancelled.

A pull request counts once whether it landed as a squash commit ``subject (#12)``, a GitHub merge
``Merge pull request #12 from …`` or a GitLab merge ``See merge request group/project!12``: the
merge commit and every commit it brought in form one change, listed under it. In a merge-based
project (history/merges.py) a merged topic branch does too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from leaddocs.history.commits import Commit, Person
from leaddocs.history.merges import TopicMerges, humanised, topic_text


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
    topic: str | None = None
    """The topic branch a merge brought in (merge-based projects), when it is one."""
    headline: str = ""
    """The words ``type``, ``scope`` and ``description`` were read from, whole: the subject, the
    pull request's title or the topic's text (documents put back a prefix that is no type)."""

    @property
    def head(self) -> Commit:
        return self.commits[0]

    @property
    def key(self) -> str:
        return f"pr-{self.pr}" if self.pr is not None else self.head.sha[:12]

    @property
    def is_plain_merge(self) -> bool:
        return self.head.is_merge and self.pr is None and self.topic is None

    @property
    def timestamp(self) -> int:
        return self.head.timestamp


@dataclass(slots=True)
class Grouping:
    changes: list[Change]
    cancelled: list[Change]


def group_changes(commits: list[Commit], tip: str, topics: TopicMerges | None = None) -> Grouping:
    """Group one release's ``commits`` (newest first) into changes along ``tip``'s first parents.

    A pull request's merge is one change with every commit it brought in; so is a merged topic
    branch when ``topics`` says the range is merge-based (history/merges.py).
    """
    by_sha = {commit.sha: commit for commit in commits}
    chain = _first_parent_chain(by_sha, tip)
    if topics is not None and not topics.applies(by_sha[sha] for sha in chain):
        topics = None
    owner = _owners(by_sha, chain, topics)
    members: dict[str, list[Commit]] = {}
    for commit in commits:
        if commit.sha in owner:
            members.setdefault(owner[commit.sha], []).append(commit)
    changes = [
        _change(commit, members.get(commit.sha, []), topics)
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


def _owners(
    by_sha: dict[str, Commit], chain: list[str], topics: TopicMerges | None
) -> dict[str, str]:
    """The merge each commit came in with, for merges that are one change with their commits.

    Oldest first, every commit of a line marks what it reaches, so a later merge never claims
    what an earlier one brought in, whether that one makes a change of it or not. A merge that
    is no change of its own (the main line, an untitled branch) leaves the merges on its own
    first-parent line to claim their commits: git-flow's ``develop`` full of pull requests,
    git.git's ``maint`` full of topics.
    """
    reached = set(chain)
    owner: dict[str, str] = {}
    lines = [reversed(chain)]
    while lines:
        sha = next(lines[-1], None)
        if sha is None:
            lines.pop()
            continue
        merge = by_sha[sha]
        if len(merge.parents) < 2:
            continue
        if merge.pr is not None or (topics is not None and topics.branch(merge) is not None):
            for brought in _brought_in(by_sha, merge.parents[1:], reached):
                owner[brought] = sha
            continue
        for parent in merge.parents[1:]:
            line = _first_parent_chain_from(by_sha, parent, reached)
            if line:
                lines.append(reversed(line))
    return owner


def _first_parent_chain_from(by_sha: dict[str, Commit], start: str, reached: set[str]) -> list[str]:
    """The first-parent line from ``start`` down to what is reached already, marked reached."""
    line = []
    current: str | None = start
    while current is not None and current in by_sha and current not in reached:
        reached.add(current)
        line.append(current)
        parents = by_sha[current].parents
        current = parents[0] if parents else None
    return line


def _brought_in(by_sha: dict[str, Commit], starts: tuple[str, ...], reached: set[str]) -> list[str]:
    found: list[str] = []
    stack = list(starts)
    while stack:
        sha = stack.pop()
        if sha in reached or sha not in by_sha:
            continue
        reached.add(sha)
        found.append(sha)
        stack.extend(by_sha[sha].parents)
    return found


def _change(head: Commit, brought_in: list[Commit], topics: TopicMerges | None) -> Change:
    branch = topics.branch(head) if topics is not None and brought_in else None
    if branch is not None:
        return _topic_change(head, brought_in, branch)
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
            headline=head.pr_title or head.subject,
        )
    change_type, scope = head.type, head.scope
    if change_type is None:
        # A PR titled in plain words takes the most telling type among its commits.
        change_type, scope = most_telling_type(brought_in, scope)
    headline = head.pr_title or head.subject
    return _merged_change(head, brought_in, change_type, scope, head.description, headline)


def _topic_change(merge: Commit, brought_in: list[Commit], branch: str) -> Change:
    """A merged topic branch: described by the merge's prose, else by its one commit, else by
    the branch's name."""
    text = topic_text(merge)
    written = [commit for commit in brought_in if not commit.is_merge]
    if text is None and len(written) == 1:
        only = written[0]
        change = _merged_change(
            merge, brought_in, only.type, only.scope, only.description, only.subject
        )
    else:
        change_type, scope = most_telling_type(brought_in, None)
        text = text or humanised(branch)
        change = _merged_change(merge, brought_in, change_type, scope, text, text)
    change.topic = branch
    return change


def most_telling_type(commits: list[Commit], scope: str | None) -> tuple[str | None, str | None]:
    """The most telling type among ``commits``, with the scope its commits share (none when
    they name several: the change spans them)."""
    typed = [commit for commit in commits if commit.type is not None]
    for wanted in ("feat", "fix", "perf"):
        scopes = {commit.scope for commit in typed if commit.type == wanted}
        if scopes:
            return wanted, scopes.pop() if len(scopes) == 1 else None
    return None, scope


def _merged_change(
    head: Commit,
    brought_in: list[Commit],
    change_type: str | None,
    scope: str | None,
    description: str,
    headline: str,
) -> Change:
    commits = [head, *brought_in]
    return Change(
        commits=commits,
        type=change_type,
        scope=scope,
        breaking=head.breaking or any(commit.breaking for commit in brought_in),
        description=description,
        pr=head.pr,
        breaking_notes=[
            *head.breaking_notes,
            *(note for commit in brought_in for note in commit.breaking_notes),
        ],
        # The merge commit's author only pressed the button: the PR's commits name who wrote it.
        authors=authors_of(brought_in),
        issues=tuple(sorted({number for commit in commits for number in commit.refs})),
        headline=headline,
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
