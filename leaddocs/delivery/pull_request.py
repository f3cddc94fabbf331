"""Documents delivered as a pull request: the second delivery beside files.

The documents of one kind go on one branch (``leaddocs/<kind>``) as a commit, pushed to the
remote, with one pull request open from it. The rules that keep people's work:

- each document meets the file on the branch by the same rule as a file on disk
  (``files.decide``): an edited generated file, a record that exists, a stale edit all refuse;
- a branch holding only leaddocs' commits is rebuilt on the newest base; a branch with anybody
  else's commit is never force-pushed: the new commit goes on top when it applies, otherwise
  the branch is left alone and the run says so (and comments on the PR); on top, an earlier
  draft the documents replace (the last version's notes) goes if nobody edited it;
- pushes name the remote sha they expect, so two runs at once cannot overwrite each other:
  the loser fetches again and builds on the winner's commit, and finds its PR;
- the PR is found by branch and a hidden marker in its body, never by title; only the body's
  generated region is replaced, text a person wrote around it stays; a title a person changed
  stays; a PR closed without merging is not reopened for the same content.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from leaddocs.delivery.draft_record import with_record
from leaddocs.delivery.files import decide
from leaddocs.document import Document
from leaddocs.errors import LeaddocsError, OutputError
from leaddocs.forge.base import ForgeClient, PullRequest
from leaddocs.history.branches import Branches, Identity
from leaddocs.markers import COMMIT_TRAILER, document_state, is_leaddocs_commit
from leaddocs.markup import md_text
from leaddocs.stats.record import record_path

Operation = Literal["created", "updated", "none"]
TRAILER = COMMIT_TRAILER
_BODY_START = "<!-- leaddocs:body:start -->"
_BODY_END = "<!-- leaddocs:body:end -->"
_MARKER = re.compile(
    r"<!-- leaddocs:pr kind=(?P<kind>[\w.-]+) content=(?P<content>[0-9a-f]{16}) "
    r"title=(?P<title>[0-9a-f]{16}) -->"
)
_PUSH_ATTEMPTS = 4
BOT = Identity("leaddocs", "leaddocs@users.noreply.github.com")


@dataclass(frozen=True, slots=True)
class PrRequest:
    """One kind's documents, and how its pull request reads."""

    kind: str
    documents: Sequence[Document]  # paths relative to the repository root
    title: str
    body: str  # the generated part: what, from which range, the drafting report, a checklist
    removals: Sequence[Path] = ()  # files the change deletes (a renumbered record's old name)
    # Folders whose drafts the documents replace: on a branch a person added to, a file there
    # that leaddocs generated and nobody edited, not one of the documents and not on the base
    # (last version's release notes), is removed in the same commit.
    replaces_in: Sequence[Path] = ()
    # The commit the documents were made from: they go out only while the base is still there
    # (a rerun of an older job must not roll the pull request back).
    source_commit: str | None = None
    draft: bool = False
    labels: Sequence[str] = ()
    reviewers: Sequence[str] = ()

    @property
    def branch(self) -> str:
        return f"leaddocs/{self.kind}"


@dataclass(frozen=True, slots=True)
class PrSettings:
    remote: str = "origin"
    base: str | None = None  # default: the forge's default branch, else the current branch
    identity: Identity = field(default_factory=lambda: BOT)


@dataclass(slots=True)
class PrOutcome:
    operation: Operation
    branch: str
    commit: str | None = None  # the commit made, None when the branch already had it all
    pull: PullRequest | None = None
    notes: list[str] = field(default_factory=list)
    preview: str | None = None  # with no forge: the pull request that would be opened


def deliver_pr(
    request: PrRequest,
    branches: Branches,
    forge: ForgeClient | None,
    settings: PrSettings | None = None,
) -> PrOutcome:
    """Commit the documents on the kind's branch, push, and open or update its pull request."""
    settings = settings or PrSettings()
    outcome = PrOutcome("none", request.branch)
    base = settings.base or (forge.default_branch() if forge else branches.current_branch())
    if base is None:
        raise OutputError("no base branch: HEAD is detached; check out the branch to target")
    if base == request.branch:
        raise OutputError(
            f"{base} is the pull request's own branch: check out the branch it should target"
        )
    remote: str | None = None
    if forge is not None:
        if not branches.has_remote(settings.remote):
            raise OutputError(f"no remote '{settings.remote}' to push {request.branch} to")
        remote = settings.remote
    for _ in range(_PUSH_ATTEMPTS):
        base_sha, branch_sha = _tips(branches, remote, base, request.branch)
        if request.source_commit is not None and base_sha != request.source_commit:
            outcome.notes.append(_stale_source(branches, request.source_commit, base_sha, base))
            return outcome
        step = _next_commit(request, branches, base_sha, branch_sha, settings.identity)
        outcome.notes.extend(step.notes)
        if step.blocked or step.commit is None:
            break
        if remote is None:
            branches.set_local_branch(request.branch, step.commit, expected=branch_sha)
            outcome.commit = step.commit
            break
        if branches.push(remote, step.commit, request.branch, expected=branch_sha):
            outcome.commit = step.commit
            break
        outcome.notes.clear()  # somebody pushed meanwhile: build again on what is there now
    else:
        raise OutputError(f"{request.branch} keeps moving on {remote}: try again later")
    content = _content_id(request)
    if forge is None:
        outcome.preview = _preview(request, base, content)
        return outcome
    if step.blocked:
        _report_blocked(request, forge, branch_sha, step.notes, outcome)
        return outcome
    _open_or_update(request, forge, base, content, outcome)
    return outcome


def _stale_source(branches: Branches, source: str, base_sha: str, base: str) -> str:
    if branches.is_ancestor(source, base_sha):
        return (
            f"{base} has moved on past this run's commit {source[:7]}: a run on the newest "
            "commit drafts from there; nothing done"
        )
    return f"this run's commit {source[:7]} is not on {base}: nothing done"


@dataclass(slots=True)
class _Step:
    commit: str | None = None
    blocked: bool = False
    notes: list[str] = field(default_factory=list)


def _tips(branches: Branches, remote: str | None, base: str, branch: str) -> tuple[str, str | None]:
    if remote is None:
        base_sha = branches.local_tip(base)
        if base_sha is None:
            raise OutputError(f"no branch {base} here to base {branch} on")
        return base_sha, branches.local_tip(branch)
    tips = branches.fetch(remote, [base, branch])
    base_sha = tips[base]
    if base_sha is None:
        raise OutputError(f"{remote} has no branch {base} to base {branch} on")
    return base_sha, tips[branch]


def _next_commit(
    request: PrRequest, branches: Branches, base: str, tip: str | None, identity: Identity
) -> _Step:
    """The commit that brings the branch up to date, or why there is none.

    The branch's own part starts where leaddocs' first commit on it does. Anybody else's
    commit after that is a person's work: built upon, never dropped. Commits below it are the
    base the branch started from; if the base was rewritten since, they are not carried over.
    """
    if tip is None:
        return _rebuild(request, branches, base, None, identity)
    people, fork = _people_on_branch(branches, base, tip, identity)
    if not people:
        # Only leaddocs' own commits: rebuild on the newest base, unless that changes nothing.
        return _rebuild(request, branches, base, tip, identity)
    shas = ", ".join(sha[:7] for sha in people)
    if fork is not None and not branches.is_ancestor(fork, base):
        return _Step(
            blocked=True,
            notes=[
                f"{request.branch} has commits leaddocs did not make ({shas}), and the base "
                "it started from was rewritten since; the branch is left as it is"
            ],
        )
    try:
        files = _files(request, branches, tip, keep_edited=False)
    except LeaddocsError as exc:
        return _Step(
            blocked=True,
            notes=[
                f"{request.branch} has commits leaddocs did not make ({shas}) and the new draft "
                f"does not apply on top of them: {exc}; the branch is left as it is"
            ],
        )
    notes: list[str] = []
    files = {**(files or {}), **_replaced(request, branches, base, tip, notes)} or None
    if files is None:
        return _Step(notes=notes)
    # The drafts below the person's commits are still on the branch: the record keeps them.
    record = record_path(request.kind)
    earlier = branches.read(tip, record)
    files = _recorded(
        request, branches, tip, files, earlier if earlier != branches.read(base, record) else None
    )
    note = f"{request.branch} has commits leaddocs did not make; the new draft goes on top of them"
    return _Step(_commit(request, branches, tip, files, identity), notes=[note, *notes])


def _rebuild(
    request: PrRequest, branches: Branches, base: str, tip: str | None, identity: Identity
) -> _Step:
    notes: list[str] = []
    files = _files(request, branches, base, keep_edited=True, notes=notes)
    if files is not None:
        files = _recorded(request, branches, base, files)
    if files is None or (tip is not None and _same_files(branches, tip, files)):
        return _Step(notes=notes)
    return _Step(_commit(request, branches, base, files, identity), notes=notes)


def _people_on_branch(
    branches: Branches, base: str, tip: str, identity: Identity
) -> tuple[list[str], str | None]:
    """Commits of anybody but leaddocs on the branch's own part, and where that part starts
    (the parent of leaddocs' first commit on it; None when it has none)."""
    commits = branches.commits(base, tip)  # newest first
    mine = [
        index
        for index, commit in enumerate(commits)
        if commit.committer_email == identity.email and is_leaddocs_commit(commit.message)
    ]
    if not mine:
        return [commit.sha for commit in commits], None
    oldest = mine[-1]
    fork = branches.parent(commits[oldest].sha)
    people = [commit.sha for index, commit in enumerate(commits[:oldest]) if index not in mine]
    return people, fork


def _files(
    request: PrRequest,
    branches: Branches,
    start: str,
    *,
    keep_edited: bool,
    notes: list[str] | None = None,
) -> dict[str, bytes | None] | None:
    """Each file's new bytes against ``start`` (None when the branch has them all already).

    ``keep_edited``: a file a person changed on the base (a draft edited in review and merged)
    is theirs now: left as it is, with a note, rather than an error on every run."""
    files: dict[str, bytes | None] = {}
    for document in request.documents:
        path = document.path.as_posix()
        try:
            decided = decide(document, branches.read(start, path), force=False, name=path)
        except LeaddocsError:
            if not keep_edited:
                raise
            if notes is not None:
                notes.append(f"{path} was changed by a person where it lands; left as it is")
            continue
        if decided.data is not None:
            files[path] = decided.data
    for removed in request.removals:
        if branches.read(start, removed.as_posix()) is not None:
            files[removed.as_posix()] = None
    return files or None


def _recorded(
    request: PrRequest,
    branches: Branches,
    start: str,
    files: dict[str, bytes | None],
    earlier: bytes | None = None,
) -> dict[str, bytes | None]:
    """``files`` and the draft record (ADR 0013) of the commit they go in on top of ``start``."""
    kinds = {document.path.as_posix(): document.kind for document in request.documents}
    return with_record(request.kind, kinds, files, lambda path: branches.read(start, path), earlier)


def _replaced(
    request: PrRequest, branches: Branches, base: str, tip: str, notes: list[str]
) -> dict[str, bytes | None]:
    """The earlier drafts on the branch the documents replace (each mapped to None: removed).

    Only leaddocs' untouched output goes; a draft a person edited is theirs and stays, with a
    note; a file on the base, or one leaddocs did not generate, is not the draft's to remove."""
    ours = {document.path.as_posix() for document in request.documents}
    removed: dict[str, bytes | None] = {}
    for folder in request.replaces_in:
        for path in branches.files_under(tip, folder.as_posix()):
            if path in ours or branches.read(base, path) is not None:
                continue
            data = branches.read(tip, path) or b""
            state = document_state(data.decode("utf-8", "replace"))
            if state == "generated":
                removed[path] = None
            elif state == "edited":
                notes.append(
                    f"{path} was edited by a person: an earlier draft, kept on the branch "
                    "beside the new one (remove it there if it should not be merged)"
                )
    return removed


def _same_files(branches: Branches, tip: str, files: dict[str, bytes | None]) -> bool:
    return all(branches.read(tip, path) == data for path, data in files.items())


def _commit(
    request: PrRequest,
    branches: Branches,
    parent: str,
    files: dict[str, bytes | None],
    identity: Identity,
) -> str:
    message = f"docs({request.kind}): {request.title}\n\n{TRAILER}: {request.kind}\n"
    return branches.commit(parent, files, message, identity)


def _content_id(request: PrRequest) -> str:
    """A short hash of what the documents say, to know a closed PR's content again."""
    digest = hashlib.sha256()
    for document in sorted(request.documents, key=lambda d: d.path.as_posix()):
        digest.update(document.path.as_posix().encode() + b"\0" + document.text.encode() + b"\0")
    return digest.hexdigest()[:16]


def _marker_prefix(kind: str) -> str:
    return f"<!-- leaddocs:pr kind={kind} "


def _title_id(title: str) -> str:
    return hashlib.sha256(title.encode()).hexdigest()[:16]


def _body(request: PrRequest, content: str, existing: str | None) -> str:
    """The PR body: the generated region replaced, whatever a person wrote around it kept."""
    marker = f"{_marker_prefix(request.kind)}content={content} title={_title_id(request.title)} -->"
    region = f"{_BODY_START}\n{marker}\n{request.body.strip()}\n{_BODY_END}"
    if existing is None or _BODY_START not in existing or _BODY_END not in existing:
        kept = (existing or "").strip()
        return f"{region}\n\n{kept}\n" if kept else f"{region}\n"
    before, _, rest = existing.partition(_BODY_START)
    _, _, after = rest.partition(_BODY_END)
    return f"{before}{region}{after}"


def _open_or_update(
    request: PrRequest, forge: ForgeClient, base: str, content: str, outcome: PrOutcome
) -> None:
    found = forge.find_pull_request(request.branch, _marker_prefix(request.kind))
    if found is not None and found.state == "open":
        recorded = _MARKER.search(found.body)
        # A title a person changed stays; one still as leaddocs set it follows the content.
        keep_title = recorded is not None and _title_id(found.title) != recorded["title"]
        title = found.title if keep_title else request.title
        body = _body(request, content, found.body)
        if body == found.body and title == found.title:
            outcome.pull = found
        else:
            outcome.pull = forge.update_pull_request(found.number, title=title, body=body)
            outcome.operation = "updated"
        _add_missing(request, forge, outcome.pull)
        return
    if found is not None and found.state == "closed":
        recorded = _MARKER.search(found.body)
        if recorded is not None and recorded["content"] == content:
            outcome.notes.append(
                f"pull request #{found.number} with this same content was closed without "
                "merging; not opened again (change the content, or reopen it by hand)"
            )
            outcome.pull = found
            return
    if outcome.commit is None and found is not None and found.state == "merged":
        outcome.pull = found
        return
    pull = forge.create_pull_request(
        head=request.branch, base=base, title=request.title, body=_body(request, content, None),
        draft=request.draft,
    )  # fmt: skip
    if _marker_prefix(request.kind) not in pull.body:
        # One was open from the branch already, its marker taken out by a person: it is ours
        # (the branch is), and it gets its generated part back around their text.
        body = _body(request, content, pull.body)
        outcome.pull = forge.update_pull_request(pull.number, title=pull.title, body=body)
        outcome.operation = "updated"
        _add_missing(request, forge, outcome.pull)
        return
    outcome.pull = pull
    # A run racing this one may have opened it first: then this run opened nothing.
    outcome.operation = "none" if pull.existed else "created"
    _add_missing(request, forge, pull, new=not pull.existed)


def _add_missing(
    request: PrRequest, forge: ForgeClient, pull: PullRequest, *, new: bool = False
) -> None:
    """The configured labels and reviewers the open pull request lacks: all of them when it was
    just opened, and whatever a run that failed right after opening it left out. Nothing is
    asked when none is missing; somebody who has reviewed already is not asked again, and a
    label or reviewer a person took off stays off."""
    labels = _missing(request.labels, pull.labels)
    reviewers = _missing(request.reviewers, pull.reviewers)
    if (labels or reviewers) and not new:  # a pull request just opened has no history yet
        gone_labels, gone_reviewers = forge.removed_by_people(pull.number)
        labels, reviewers = _missing(labels, gone_labels), _missing(reviewers, gone_reviewers)
    if labels:
        forge.add_labels(pull.number, labels)
    if reviewers and not new:
        reviewers = _missing(reviewers, forge.reviewed_by(pull.number))
    if reviewers:
        forge.request_reviewers(pull.number, reviewers)


def _missing(wanted: Sequence[str], present: Sequence[str]) -> list[str]:
    # GitHub compares logins and label names without case.
    have = {name.casefold() for name in present}
    return [name for name in dict.fromkeys(wanted) if name.casefold() not in have]


def _report_blocked(
    request: PrRequest,
    forge: ForgeClient,
    tip: str | None,
    notes: Sequence[str],
    outcome: PrOutcome,
) -> None:
    """Say on the PR why the branch was left alone, once for each state of the branch."""
    found = forge.find_pull_request(request.branch, _marker_prefix(request.kind))
    outcome.pull = found
    if found is None or found.state != "open" or tip is None:
        return
    seen = f"<!-- leaddocs:blocked at={tip} -->"
    if seen in found.body:
        return
    reasons = "\n".join(f"- {md_text(note)}" for note in notes)
    forge.comment(
        found.number,
        "leaddocs could not update this branch without touching commits a person made, so it "
        f"left it as it is:\n\n{reasons}\n\nMerge this pull request, or delete the branch, "
        "and the next run drafts again from the base.",
    )
    forge.update_pull_request(found.number, title=found.title, body=f"{found.body}\n{seen}")


def _preview(request: PrRequest, base: str, content: str) -> str:
    return (
        f"pull request that would be opened: {request.branch} -> {base}\n"
        f"title: {request.title}\n\n{_body(request, content, None)}"
    )
