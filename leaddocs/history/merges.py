"""Merge-based projects: which merges bring in a topic branch, and what the entry says.

git.git and projects like it merge each topic branch with a message that describes it::

    Merge branch 'jc/topic'

    The "git frotz" command learned to ...

    * jc/topic:
      frotz: teach ...

Such a merge is one entry, as a pull request's merge is: its text is the first prose paragraph
of the body, its commits are listed under it. A merge of the main line (``git pull``'s "Merge
branch 'main' of …", a back-merge of ``maint``) is no topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from leaddocs.config import MergesConfig
from leaddocs.history.commits import Commit

# "Merge branch 'x'", "Merge branches 'x' and 'y'", "Merge remote-tracking branch 'origin/x'",
# "Merge tag 'x' of git://…" (a pull from a subsystem tree), each with "into y" or "of URL" after.
_TOPIC_SUBJECT = re.compile(
    r"^Merge (?:remote-tracking )?(?:branch|branches|tag) '(?P<name>[^']+)'"
)
# A paragraph that is no prose: git's shortlog of the merged commits ("* jc/topic:"), its
# conflict list, or trailers.
_NOT_PROSE = re.compile(r"^(?:\* .*:$|#? ?Conflicts:|\(cherry picked from |[\w-]+: .*<[^>]*>$)")
_MOST = 0.5  # "merge-based": at least this share of the first-parent commits merge topics


class TopicMerges:
    """The rules of ``merges`` in the configuration."""

    def __init__(self, config: MergesConfig | None = None) -> None:
        config = config or MergesConfig()
        self.mode = config.topics
        self._sync = re.compile(config.sync_branches)

    def branch(self, commit: Commit) -> str | None:
        """The topic branch ``commit`` merges; None for a commit, a pull request's merge, or a
        merge of the main line."""
        if len(commit.parents) < 2 or commit.pr is not None:
            return None
        found = _TOPIC_SUBJECT.match(commit.subject)
        if found is None or self._sync.match(found["name"]):
            return None
        return found["name"]

    def applies(self, first_parents: Iterable[Commit]) -> bool:
        """Whether merged topics are entries in a range whose first-parent line is
        ``first_parents``: always, never, or (auto) when most of the line merges topics."""
        if self.mode != "auto":
            return self.mode == "on"
        total = topics = 0
        for commit in first_parents:
            total += 1
            topics += self.branch(commit) is not None
        return topics >= 2 and topics >= total * _MOST


def topic_text(merge: Commit) -> str | None:
    """The first prose paragraph of a merge's body, on one line; None when it has none."""
    for paragraph in merge.body.split("\n\n"):
        lines = [line.strip() for line in paragraph.strip("\n").splitlines()]
        if not lines or not lines[0]:
            continue
        if _NOT_PROSE.match(lines[0]):
            return None  # prose comes before the shortlog and the trailers
        return " ".join(" ".join(lines).split())
    return None


def humanised(branch: str) -> str:
    """A branch name as words: ``jc/fix-log-follow`` → ``Fix log follow``."""
    leaf = branch.rstrip("/").rsplit("/", 1)[-1] or branch
    words = " ".join(re.sub(r"[-_]+", " ", leaf).split())
    return words[:1].upper() + words[1:] if words else branch
