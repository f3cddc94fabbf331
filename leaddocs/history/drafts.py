"""The drafts leaddocs committed, as the history holds them (docs/stats.md, ADR 0013).

- A draft record (``.leaddocs/drafts/<branch>.json``) travels with every draft pull request,
  so the first-parent commit of the main line that brings a new record in is where that draft
  landed, however it was merged: a merge commit, a squash, a rebase, a fast-forward.
- A record on a ``leaddocs/*`` branch that never landed is a draft not merged (yet).
- A Markdown file given a new leaddocs marker on the main line is a draft a person committed
  (or one delivered before leaddocs kept records); the application skips those a record lists.

Facts only (commits, blobs, texts); what they are worth is ``leaddocs.stats``' to say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from leaddocs.history.changed_files import CommitFiles
from leaddocs.history.git import GitRepository
from leaddocs.markers import MARKER_LINE, recorded_hash

DRAFT_BRANCHES = ("refs/heads/leaddocs/", "refs/remotes/*/leaddocs/*")
MARKDOWN = ("*.md", "*.markdown")
# A review laid on the main line commit by commit (a rebase, a fast-forward) is a short run.
_REVIEW_MAX = 20


@dataclass(frozen=True, slots=True)
class RecordLanding:
    commit: CommitFiles  # the main-line commit that brought the record in
    path: str  # the record's path
    record: bytes


@dataclass(frozen=True, slots=True)
class PendingRecord:
    branch: str  # as git shows it: "leaddocs/status", "origin/leaddocs/status"
    commit: str  # the commit on it that wrote the record
    timestamp: int
    path: str
    record: bytes


@dataclass(frozen=True, slots=True)
class MarkedFile:
    commit: CommitFiles  # the main-line commit that gave the file its new marker
    path: str
    before: bytes | None  # the file in the commit's first parent
    text: bytes


class DraftHistory:
    """The drafts of one repository, read from its main line ``main`` (a ref)."""

    def __init__(self, repo: GitRepository, main: str, record_dir: str) -> None:
        self.repo = repo
        self.main = main
        self.record_dir = record_dir.strip("/")

    def landings(self) -> list[RecordLanding]:
        """Each record that reached the main line, oldest first, at the commit that brought
        it; a record with the very bytes of an earlier one (a revert reverted) is not new."""
        commits = self.repo.first_parent_changes(self.main, [f"{self.record_dir}/"])
        wanted = [
            (commit, changed.path, changed.new)
            for commit in commits
            for changed in commit.files
            if changed.new is not None and changed.path.endswith(".json")
        ]
        blobs = self.repo.read_blobs(sorted({blob for _, _, blob in wanted if blob}))
        seen: set[bytes] = set()
        found = []
        for commit, path, blob in wanted:
            data = blobs.get(blob or "")
            if data is not None and data not in seen:
                seen.add(data)
                found.append(RecordLanding(commit, path, data))
        return found

    def pending(self, landed: Iterable[bytes]) -> list[PendingRecord]:
        """The record on each ``leaddocs/<name>`` branch (local or remote-tracking) that never
        landed; of a local branch and its remote-tracking one, the newer draft."""
        done = set(landed)
        tips = self.repo.refs_matching(list(DRAFT_BRANCHES))
        specs = {name: f"{sha}:{self.record_dir}/{_draft_name(name)}.json" for name, sha in tips}
        records = self.repo.read_blobs(list(specs.values()))
        newest: dict[str, PendingRecord] = {}
        for name, sha in tips:
            data = records.get(specs[name])
            path = f"{self.record_dir}/{_draft_name(name)}.json"
            written = self.repo.last_change(sha, path) if data and data not in done else None
            if data is None or written is None:
                continue
            draft = PendingRecord(name, written[0], written[1], path, data)
            known = newest.get(path)
            if known is None or draft.timestamp > known.timestamp:
                newest[path] = draft
        return sorted(newest.values(), key=lambda draft: (draft.timestamp, draft.path))

    def marked_files(self) -> list[MarkedFile]:
        """Markdown files that the main line gave a new leaddocs marker, oldest first."""
        commits = self.repo.first_parent_changes(self.main, list(MARKDOWN), pickaxe=MARKER_LINE)
        changed = [
            (commit, file)
            for commit in commits
            for file in commit.files
            if file.new is not None and file.path.endswith((".md", ".markdown"))
        ]
        blobs = self.repo.read_blobs(
            sorted({blob for _, file in changed for blob in (file.old, file.new) if blob})
        )
        found = []
        for commit, file in changed:
            text = blobs.get(file.new or "")
            before = blobs.get(file.old) if file.old else None
            new_hash = _marker(text)
            if text is not None and new_hash is not None and new_hash != _marker(before):
                found.append(MarkedFile(commit, file.path, before, text))
        return found

    def after_review(
        self, landing: CommitFiles, paths: frozenset[str], drafts: frozenset[str]
    ) -> CommitFiles:
        """The last commit of ``landing``'s review on the main line: the commits right after
        it that change nothing but ``paths``, merge nothing and land no draft of their own
        (``drafts``: those that do) — a rebase or a fast-forward lays a person's review commits
        there; ``landing`` itself when there are none."""
        position = self._positions.get(landing.sha)
        if position is None:
            return landing
        after = [sha for sha, _ in reversed(self._line[max(0, position - _REVIEW_MAX) : position])]
        end = landing
        for commit in self.repo.commit_files(after):
            if commit.is_merge or not commit.files or commit.sha in drafts:
                break
            if any(file.path not in paths for file in commit.files):
                break
            end = commit
        return end

    def texts(self, commit: str, paths: Iterable[str]) -> dict[str, bytes | None]:
        """Each path's bytes in ``commit`` (None: not there)."""
        specs = {path: f"{commit}:{path}" for path in paths}
        blobs = self.repo.read_blobs(list(specs.values()))
        return {path: blobs.get(spec) for path, spec in specs.items()}

    @cached_property
    def _line(self) -> list[tuple[str, int]]:
        return self.repo.first_parent_line(self.main)  # newest first

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {sha: index for index, (sha, _) in enumerate(self._line)}


def _draft_name(branch: str) -> str:
    """``status`` of ``leaddocs/status`` or ``origin/leaddocs/status``."""
    return branch.rsplit("leaddocs/", 1)[-1]


def _marker(data: bytes | None) -> str | None:
    return None if data is None else recorded_hash(data.decode("utf-8", "replace"))
