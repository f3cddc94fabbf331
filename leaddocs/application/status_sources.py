"""What a status page is made from, gathered for one period: the changes merged, the work in
flight (the forge's open pull requests, else unmerged branches), lead times, decision records
and the previous page. Each source that fails leaves a warning, never the page unmade."""

from __future__ import annotations

import contextlib
import os
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from leaddocs.adr.model import Adr, Finding
from leaddocs.adr.parse import read_adr
from leaddocs.application.decisions import decision_log
from leaddocs.application.enrichment import pull_requests
from leaddocs.application.project import Project
from leaddocs.documents.items import cited_ids
from leaddocs.documents.status import item_of
from leaddocs.errors import ForgeError
from leaddocs.forge.base import ForgeClient, PullActivity, PullRequestInfo
from leaddocs.history.changes import Change
from leaddocs.history.commits import parse_header
from leaddocs.history.releases import Progress, Release
from leaddocs.markup import md_link_path
from leaddocs.records.read import Problem, read_front_matter
from leaddocs.status.period import Period, main_line_span
from leaddocs.status.summary import Decision, InFlight, Item, Risk, Source

_DAY = 86_400
_PULLS_LIMIT = 1_000  # open pull requests read (ten pages); past it, a warning says so
_MERGED_LIMIT = 300


@dataclass(frozen=True, slots=True)
class MainLine:
    """The branch whose first-parent history is "merged": the default branch, never simply
    whatever is checked out (a topic branch, a pull request's merge ref in CI)."""

    ref: str  # what git is given: "HEAD", "origin/main", "main"
    name: str  # the branch, as the notes name it
    how: str  # how it was found

    def note(self) -> str:
        shown = self.name if self.ref in ("HEAD", self.name) else f"{self.name} ({self.ref})"
        return f"main line: {shown}, {self.how}"


def main_line(project: Project) -> MainLine:
    """The default branch: ``status.branch`` when set, else the forge's default branch (with a
    token), else ``origin/HEAD``, else ``main`` or ``master``, whichever exists; the checked
    out branch when it is that branch, else its remote-tracking ref, else the local one."""
    repo = project.repo
    repo.require_commits()
    current = repo.current_branch()
    candidates: list[tuple[str, str]] = []
    if project.config.status.branch:
        candidates.append((project.config.status.branch, "as status.branch sets it"))
    client = project.forge_client()
    if client is not None:
        # The forge's failure is reported once, by In flight.
        with contextlib.suppress(ForgeError):
            candidates.append((client.default_branch(), "the forge's default branch"))
    remote = repo.remote_head("origin")
    if remote:
        candidates.append((remote, "origin's default branch (origin/HEAD)"))
    candidates += [(name, "the default branch found") for name in ("main", "master")]
    for name, how in candidates:
        if name == current:
            return MainLine("HEAD", name, how)
        for ref in (f"refs/remotes/origin/{name}", f"refs/heads/{name}"):
            if repo.has_ref(ref):
                return MainLine(
                    ref.removeprefix("refs/remotes/").removeprefix("refs/heads/"), name, how
                )
    shown = current or "HEAD"
    return MainLine("HEAD", shown, "as no default branch was found (set status.branch)")


@dataclass(slots=True)
class Shipped:
    """The changes merged in one period, as the page lists them."""

    release: Release | None  # None: the main line did not move in the period
    items: list[Item] = field(default_factory=list)
    reverts: list[Item] = field(default_factory=list)
    notes: tuple[str, ...] = ()

    @property
    def contributors(self) -> int:
        return len(self.release.contributors) if self.release else 0

    @property
    def merged(self) -> int:
        """Every change merged: the release notes' skip rules do not apply (the contributors
        are the authors of this same set); a change and its revert in the period cancel."""
        return len(self.release.changes) if self.release else 0


def shipped(
    project: Project,
    period: Period,
    line: Sequence[tuple[str, int]],
    progress: Progress | None = None,
) -> Shipped:
    """The changes ``line`` (the main line's first-parent commits, newest first) took in
    ``period``."""
    repo = project.repo
    from_sha, to_sha = main_line_span(line, period)
    if to_sha is None or to_sha == from_sha:
        return Shipped(None)
    release = project.history(progress).span(from_sha, to_sha)
    pulls = pull_requests(project, [release])
    views = project.views(pulls.by_commit, pulls.categories)
    view = views.release(release)
    listed = {item.commits[0].sha for section in view.sections for item in section.items}
    files = repo.files_changed([to_sha, f"^{from_sha}"] if from_sha else [to_sha])
    items = []
    reverts = []
    # Ids unique among the period's changes, though two merges say "(#10)".
    ids = cited_ids(views.item(change) for change in [*release.changes, *release.cancelled])
    for change in release.changes:
        pull = pulls.by_commit.get(change.head.sha)
        labels = pull.labels if pull is not None else ()
        # A merge titled "merge: leaddocs meeting (#10)" is typed by its commits, as the
        # changelog places it: its features are this period's highlights.
        view_item = replace(views.item(change), type=views.telling_type(change))
        item_id = ids[change.head.sha]
        item = _titled(item_of(view_item, _area(change, labels, files), item_id), change, pull)
        if change.head.sha in listed:
            items.append(item)
        if _is_revert(change):
            reverts.append(item)
    reverts += [
        item_of(views.item(c), "reverted", ids[c.head.sha])
        for c in release.cancelled
        if _is_revert(c)
    ]
    return Shipped(release, items, reverts, pulls.notes)


_REVERT_SUBJECT = re.compile(r'^\s*Revert\s+"')
_GITHUB_MERGE = re.compile(r"^Merge pull request #\d+ from (?P<branch>\S+)$")
_BRANCH_TYPES = ("feature/", "feat/", "fix/", "bugfix/", "hotfix/", "chore/", "docs/")


def _titled(item: Item, change: Change, pull: PullRequestInfo | None) -> Item:
    """A merge commit with no body says only its branch: the pull request's title from the
    forge when known, else the branch name made readable (``acme/feature/login-form``:
    "login form")."""
    head = change.head
    merge = _GITHUB_MERGE.match(head.subject) if head.is_merge and not head.body else None
    if merge is None:
        return item
    if pull is not None and pull.title.strip():
        header = parse_header(pull.title.strip())
        return item.model_copy(
            update={
                "title": pull.title.strip()
                if header.type is None
                else (f"{header.scope}: " if header.scope else "") + header.description,
                "type": header.type or item.type,
                "breaking": header.breaking or item.breaking,
            }
        )
    return item.model_copy(update={"title": readable_branch(merge["branch"])})


def readable_branch(name: str) -> str:
    """``owner/feature/login-form`` (as GitHub's merge subject names it) as words."""
    branch = name.split("/", 1)[1] if "/" in name else name  # GitHub: owner/branch
    lowered = branch.lower()
    for prefix in _BRANCH_TYPES:
        if lowered.startswith(prefix) and len(branch) > len(prefix):
            branch = branch[len(prefix) :]
            break
    words = re.sub(r"[-_/.]+", " ", branch).strip()
    return words or name


def _is_revert(change: Change) -> bool:
    """A revert: git's "This reverts commit", or a ``Revert "…"`` subject or pull request
    title (a squash-merged revert keeps the title and loses the body), or a ``revert:`` type."""
    return any(
        commit.reverts is not None
        or commit.type == "revert"
        or _REVERT_SUBJECT.match(commit.pr_title or commit.subject) is not None
        for commit in (*change.commits, change.head)
    )


def _area(change: Change, labels: tuple[str, ...], files: dict[str, list[str]]) -> str:
    """A change's area: its scope, else its pull request's first label, else (a merged branch)
    the scope most of its commits name, else the folder most of its files are in (two levels
    deep: ``services/billing``)."""
    if change.scope:
        return change.scope
    if labels:
        return labels[0]
    # Oldest first, so a tie goes to the scope the branch started with.
    scopes = Counter(commit.scope for commit in reversed(change.commits[1:]) if commit.scope)
    if scopes:
        return scopes.most_common(1)[0][0]
    folders: Counter[str] = Counter()
    for commit in change.commits:
        for path in files.get(commit.sha, []):
            parts = path.split("/")
            folders[
                "/".join(parts[:2])
                if len(parts) > 2
                else parts[0]
                if len(parts) > 1
                else "top-level files"
            ] += 1
    return folders.most_common(1)[0][0] if folders else "other"


@dataclass(slots=True)
class InFlightWork:
    items: list[InFlight]
    source: str  # "forge" or "branches"
    lead_times: tuple[list[float], list[float]] | None = None  # days: this period, previous
    warnings: list[str] = field(default_factory=list)


def in_flight(project: Project, period: Period, main: MainLine) -> InFlightWork:
    """Open pull requests and lead times from the forge when a token is there; else (or when
    the forge fails: one warning) branches not merged yet with recent commits."""
    client = project.forge_client()
    if client is not None:
        try:
            open_pulls = client.open_pull_requests(_PULLS_LIMIT + 1)
            merged = client.merged_pull_requests(period.previous().start, _MERGED_LIMIT)
        except ForgeError as exc:
            warning = f"{exc}; In flight lists unmerged branches instead, lead time unknown"
            return InFlightWork(_branches(project, period, main), "branches", None, [warning])
        warnings = []
        if len(open_pulls) > _PULLS_LIMIT:
            open_pulls = open_pulls[:_PULLS_LIMIT]
            warnings.append(
                f"more than {_PULLS_LIMIT:,} open pull requests: In flight and its rules read "
                f"the newest {_PULLS_LIMIT:,}"
            )
        listed = [pull for pull in open_pulls if pull.created < period.end]
        listed = _review_requested(client, listed, warnings)
        items = [_pull(pull, period) for pull in listed]
        return InFlightWork(items, "forge", _lead_times(merged, period), warnings)
    return InFlightWork(_branches(project, period, main), "branches")


def _review_requested(
    client: ForgeClient, pulls: list[PullActivity], warnings: list[str]
) -> list[PullActivity]:
    """``pulls`` with when each waiting one's review was last requested, asked for all of them
    in batched requests; when the forge fails, the ages stand alone (one warning)."""
    waiting = [pull.number for pull in pulls if pull.reviewers_requested and not pull.draft]
    if not waiting:
        return pulls
    try:
        requested = client.review_requests(waiting)
    except ForgeError as exc:
        warnings.append(
            f"{exc}; how long each review has waited is not known, so the page gives the pull "
            "requests' ages"
        )
        return pulls
    return [replace(pull, review_requested=requested.get(pull.number)) for pull in pulls]


def _pull(pull: PullActivity, period: Period) -> InFlight:
    review: Literal["draft", "waiting for review", "no review requested"] = (
        "draft"
        if pull.draft
        else "waiting for review"
        if pull.reviewers_requested
        else "no review requested"
    )
    return InFlight(
        id=f"pr-{pull.number}",
        title=pull.title,
        source=Source(label=f"#{pull.number}", url=pull.url),
        kind="pull request",
        author=pull.author,
        age_days=max(0, (period.end - pull.created) // _DAY),
        idle_days=max(0, (period.end - pull.updated) // _DAY),
        review=review,
        review_wait_days=max(0, (period.end - pull.review_requested) // _DAY)
        if review == "waiting for review" and pull.review_requested is not None
        else None,
        labels=list(pull.labels),
    )


def _lead_times(merged: list[PullActivity], period: Period) -> tuple[list[float], list[float]]:
    previous = period.previous()
    now = [(p.merged - p.created) / _DAY for p in merged if p.merged and period.contains(p.merged)]
    before = [
        (p.merged - p.created) / _DAY for p in merged if p.merged and previous.contains(p.merged)
    ]
    return now, before


def median(values: list[float] | None) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _branches(project: Project, period: Period, main: MainLine) -> list[InFlight]:
    """Branches with commits the main line lacks, the newest within ``status.branch_days``."""
    repo = project.repo
    recent = period.end - project.config.status.branch_days * _DAY
    seen: set[str] = set()
    found = []
    for tip in sorted(repo.unmerged_branches(main.ref), key=lambda t: -t.timestamp):
        short = tip.name.split("/", 1)[1] if tip.name.startswith("origin/") else tip.name
        if (
            tip.sha in seen
            or short.startswith("leaddocs/")
            or short == main.name
            or not recent <= tip.timestamp
        ):
            continue  # leaddocs' own draft branches are not work in flight
        seen.add(tip.sha)
        commits = [c for c in repo.commits_not_in(tip.sha, main.ref) if c[1] < period.end]
        if not commits or repo.applied_on(tip.sha, main.ref):
            continue  # a squash or rebase merge put its changes on the main line already
        forge = project.forge()
        found.append(
            InFlight(
                id=f"branch-{tip.name}",
                title=tip.subject or tip.name,
                source=Source(label=tip.name, url=forge.commit_url(tip.sha) if forge else None),
                kind="branch",
                author=commits[0][2],
                age_days=max(0, (period.end - commits[-1][1]) // _DAY),
                idle_days=max(0, (period.end - commits[0][1]) // _DAY),
                commits=len(commits),
            )
        )
    return found


@dataclass(slots=True)
class Decisions:
    changed: list[Decision]  # created or changed in the period
    every: list[Decision]  # every record, for the rules
    notes: tuple[str, ...] = ()


def decisions(
    project: Project, shipped: Shipped, pages_dir: Path, branch: str, as_of: str | None = None
) -> Decisions:
    """ADRs created or changed in the period (by what the main line's commits did to their
    files), and every record with its status and date: as the files are, or, for a past
    period, as they stood at ``as_of`` (the main line's last commit in it; ``records_at``).
    Each links to its file relative to ``pages_dir`` (where the page goes), and to the
    forge's view of it on ``branch``."""
    if not project.adr_folder.is_dir():
        return Decisions([], [])
    log = decision_log(project)
    folder = project.rel(project.adr_folder)
    # A record renumbered since the period (adr renumber moved its file) had another name then.
    renamed = {} if as_of is None else project.repo.renamed_since(as_of, folder)
    adrs = log.adrs if as_of is None else records_at(project, log.adrs, as_of, renamed)
    notes = tuple(f"{f.path}:{f.line}: {f.message}" for f in log.unreadable)
    forge = project.forge()

    def _decision(adr: Adr, change: str) -> Decision:
        return _record(adr, pages_dir, change, forge.file_url(branch, adr.rel) if forge else None)

    every = [_decision(adr, "unchanged") for adr in adrs]
    release = shipped.release
    if release is None:
        return Decisions([], every, notes)
    changed = project.repo.changed_between(release.from_sha, release.to_sha, folder)
    found = [
        _decision(adr, "new" if changed[then] == "A" else "changed")
        for adr in adrs
        if (then := renamed.get(adr.rel, adr.rel)) in changed
    ]
    return Decisions(found, every, notes)


def records_at(
    project: Project, adrs: Sequence[Adr], commit: str, renamed: Mapping[str, str]
) -> list[Adr]:
    """``adrs`` (read from their files) as they stood at ``commit``, a past period's end, from
    one ``git cat-file``: a record git holds there is read from that version (its status then);
    one first committed later did not exist then and is left out; one renamed since is read
    under its name then (``renamed``: its path now → then); one committed nowhere yet is its
    file. A version that cannot be read
    any more gives way to the file."""
    then = {adr.rel: f"{commit}:./{renamed.get(adr.rel, adr.rel)}" for adr in adrs}
    now = {adr.rel: f"HEAD:./{adr.rel}" for adr in adrs}
    blobs = project.repo.read_blobs([*then.values(), *now.values()])
    found = []
    for adr in adrs:
        data = blobs[then[adr.rel]]
        if data is None:
            if blobs[now[adr.rel]] is None:
                found.append(adr)
            continue
        old = read_adr(adr.path, adr.rel, data)
        if isinstance(old, Finding):
            found.append(adr)
            continue
        if old.date is None:  # dated by history: the day its file was added, as now
            old.date, old.date_from_git = adr.date, adr.date_from_git
        found.append(old)
    return found


def _record(adr: Adr, pages_dir: Path, change: str, web_url: str | None) -> Decision:
    link = md_link_path(Path(os.path.relpath(adr.path, pages_dir)).as_posix())
    return Decision(
        id=adr.id,
        title=adr.title,
        status=adr.status,
        date=adr.date,
        change=change,  # type: ignore[arg-type]
        source=Source(label=f"ADR {adr.id}", url=link),
        web_url=web_url,
    )


@dataclass(frozen=True, slots=True)
class PreviousPage:
    date: str
    health: str | None
    risks: list[Risk]


def previous_page(
    pages_dir: Path, root: Path, before: str, notes: list[str]
) -> PreviousPage | None:
    """The newest status page in ``pages_dir`` dated before ``before`` (its front matter);
    a page that cannot be read is passed over, with a line in ``notes``: it is the lead's,
    and may be anything."""
    if not pages_dir.is_dir():
        return None
    for name, meta in sorted(
        read_pages(pages_dir, root, notes), key=lambda p: str(p[1].get("date")), reverse=True
    ):
        date = str(meta.get("date", ""))
        if not date or date >= before:
            continue
        risks = saved_risks(name, meta)
        if risks is None:
            notes.append(
                f"{name}: its front matter's risks is not a list; Since last update compares "
                "with an earlier page"
            )
            continue
        health = meta.get("health")
        return PreviousPage(date, str(health) if health else None, risks)
    return None


def saved_risks(name: str, meta: dict[str, Any]) -> list[Risk] | None:
    """The risks a saved page's front matter lists (entries that cannot be read are passed
    over); None when its ``risks`` is not a list."""
    listed = meta.get("risks") or []
    if not isinstance(listed, list):
        return None
    risks = []
    for entry in listed:
        try:
            risks.append(
                Risk(
                    key=str(entry["key"]),
                    kind=entry.get("kind", "risk"),
                    text=str(entry["text"]),
                    source=Source(label=str(entry.get("source", name))),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return risks


def read_pages(pages_dir: Path, root: Path, notes: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """(file name, front matter) of every status page in ``pages_dir`` (not the index); a
    page that cannot be read (``read_front_matter``) is passed over with a line in ``notes``."""
    found = []
    for path in sorted(pages_dir.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].md")):
        meta = read_front_matter(path, root)
        if isinstance(meta, Problem):
            notes.append(str(meta))
        elif meta is not None:
            found.append((path.name, meta))
    return found
