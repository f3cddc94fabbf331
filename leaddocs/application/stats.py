"""``leaddocs stats``: what the drafts were worth, from the history alone (docs/stats.md).

Every draft leaddocs committed is found on the main line (the default branch, found as the
status page finds it): by its draft record (ADR 0013) where it landed, on a ``leaddocs/*``
branch where it did not, or by the marker of a generated file a person committed. Each is
compared with the text that was merged: the file at the end of its review.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from leaddocs.application.pages.options import SiteContext
from leaddocs.application.pages.sections import SITE_KIND
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import RELEASES_DIR
from leaddocs.application.requests import StatsRequest
from leaddocs.application.status_sources import main_line
from leaddocs.document import Document
from leaddocs.documents import stats as render
from leaddocs.errors import UsageError
from leaddocs.history.changed_files import CommitFiles
from leaddocs.history.drafts import DraftHistory, MarkedFile, RecordLanding
from leaddocs.markers import document_state
from leaddocs.stats.measure import by_kind, kept, totals
from leaddocs.stats.model import DraftingStats, DraftResult, FoundBy
from leaddocs.stats.record import RECORD_DIR, DraftedDocument, DraftRecord, drafted_document, loads
from leaddocs.status.period import first_day

KIND = "stats"
SHALLOW = (
    "this is a shallow clone: drafts merged before its oldest commit are not counted "
    "(git fetch --unshallow)"
)


def drafting_stats(project: Project, request: StatsRequest) -> DraftingStats:
    """Every draft since ``request.since`` (by the day it was merged, or drafted when it was
    not merged), measured against what was merged."""
    today = request.today or dt.datetime.now(dt.UTC).date()
    since = _since(request.since, today)
    drafts: list[DraftResult] = []
    notes: list[str] = []
    branch = None
    if project.repo.has_commits():
        main = main_line(project)
        branch = main.name
        drafts = _drafts(project, DraftHistory(project.repo, main.ref, RECORD_DIR), notes)
        if project.repo.shallow_boundary():
            notes.append(SHALLOW)
    chosen = sorted(
        (draft for draft in drafts if since is None or draft.date >= since),
        key=lambda draft: (draft.date, draft.kind, draft.path),
    )
    wpm = project.config.stats.words_per_minute
    return DraftingStats(
        repository=project.root.name,
        branch=branch,
        since=since,
        words_per_minute=wpm,
        kinds=by_kind(chosen, wpm),
        total=totals(chosen, wpm),
        drafts=chosen,
        notes=notes,
    )


def _drafts(project: Project, history: DraftHistory, notes: list[str]) -> list[DraftResult]:
    landings = history.landings()
    marked = history.marked_files()
    # A review ends where the next draft lands: that commit is a draft's, not a reviewer's.
    drafts = frozenset(
        [landing.commit.sha for landing in landings] + [file.commit.sha for file in marked]
    )
    found = _landed(history, landings, drafts, notes)
    recorded = {(draft.commit, draft.path) for draft in found}
    found += _pending(history, [landing.record for landing in landings], notes)
    found += [
        _committed(project, history, file, drafts)
        for file in marked
        if (file.commit.sha, file.path) not in recorded
    ]
    return found


def stats_document(project: Project, request: StatsRequest) -> Document:
    """The stats as a table (text), JSON or the site's Markdown page."""
    stats = drafting_stats(project, request)
    if request.format == "json":
        return Document(KIND, Path("drafting-stats.json"), render.as_json(stats), "json")
    if request.format == "md":
        return Document(KIND, Path("drafting-stats.md"), render.markdown(stats))
    return Document(KIND, Path("drafting-stats.txt"), render.table(stats), "text")


def stats_pages(context: SiteContext) -> list[Document]:
    """The site's Drafting stats page (``stats_page``), unless the site turns it off."""
    options = context.options
    if not options.stats:
        return []
    page = render.markdown(drafting_stats(context.project, StatsRequest()))
    return [Document(SITE_KIND, Path(options.stats_page), page)]


def _since(value: str | None, today: dt.date) -> str | None:
    if value is None:
        return None
    day = first_day(value, today)
    if day > today:
        raise UsageError(f"--since {value}: in the future (today is {today.isoformat()})")
    return day.isoformat()


def _landed(
    history: DraftHistory,
    landings: list[RecordLanding],
    drafts: frozenset[str],
    notes: list[str],
) -> list[DraftResult]:
    found = []
    for landing in landings:
        record = _record(landing.path, landing.record, landing.commit.sha, notes)
        if record is None:
            continue
        paths = frozenset(document.path for document in record.documents)
        end = history.after_review(landing.commit, paths, drafts)
        texts = history.texts(end.sha, paths)
        found += [
            _measured(document, texts[document.path], landing.commit, "record")
            for document in record.documents
        ]
    return found


def _pending(history: DraftHistory, landed: list[bytes], notes: list[str]) -> list[DraftResult]:
    found = []
    for draft in history.pending(landed):
        record = _record(draft.path, draft.record, draft.commit, notes)
        for document in record.documents if record else ():
            words = document.words
            found.append(
                DraftResult(
                    kind=document.kind,
                    path=document.path,
                    found_by="record",
                    outcome="not-merged",
                    date=_day(draft.timestamp),
                    commit=draft.commit,
                    branch=draft.branch,
                    lines_drafted=len(document.fingerprints),
                    lines_kept=0,
                    words_drafted=words,
                    words_kept=0,
                )
            )
    return found


def _committed(
    project: Project, history: DraftHistory, marked: MarkedFile, drafts: frozenset[str]
) -> DraftResult:
    """A generated file a person committed: the draft is the file as first committed with its
    marker, if nobody had edited it yet; otherwise its text is lost, and it is counted only."""
    path = marked.path
    end = history.after_review(marked.commit, frozenset({path}), drafts)
    merged = history.texts(end.sha, [path])[path]
    text = marked.text.decode("utf-8", "replace")
    kind = _kind_of(project, path)
    if document_state(text) == "generated":
        before = marked.before.decode("utf-8", "replace") if marked.before is not None else None
        document = drafted_document(path, kind, before, text, None)
        return _measured(document, merged, marked.commit, "marker")
    return DraftResult(
        kind=kind,
        path=path,
        found_by="marker",
        outcome="edited",
        date=_day(marked.commit.timestamp),
        commit=marked.commit.sha,
        lines_drafted=None,
        lines_kept=None,
        words_drafted=None,
        words_kept=None,
    )


def _measured(
    document: DraftedDocument, merged: bytes | None, landing: CommitFiles, found_by: FoundBy
) -> DraftResult:
    result = kept(document, merged.decode("utf-8", "replace") if merged is not None else None)
    return DraftResult(
        kind=document.kind,
        path=document.path,
        found_by=found_by,
        outcome="unchanged" if result.unchanged else "edited",
        date=_day(landing.timestamp),
        commit=landing.sha,
        # Merged as drafted, all of it was kept: what is kept is what was drafted.
        lines_drafted=result.lines if result.unchanged else len(document.fingerprints),
        lines_kept=result.lines,
        words_drafted=result.words if result.unchanged else document.words,
        words_kept=result.words,
    )


def _record(path: str, data: bytes, commit: str, notes: list[str]) -> DraftRecord | None:
    try:
        return loads(data)
    except ValueError as exc:
        notes.append(f"{path} in {commit[:7]} is not a draft record ({exc}): skipped")
        return None


def _kind_of(project: Project, path: str) -> str:
    """The kind of a generated file committed without a record, by where it lies."""
    folders = {
        project.config.status.dir.strip("/"): "status",
        RELEASES_DIR.as_posix(): "release-notes",
        project.rel(project.adr_folder): "adr-index",
    }
    parent = Path(path).parent.as_posix()
    for folder, kind in folders.items():
        if parent == folder or parent.startswith(f"{folder}/"):
            return kind
    return "other"


def _day(timestamp: int) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).date().isoformat()
