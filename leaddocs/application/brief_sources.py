"""What a brief is made from: one decision record, one release, or one status period, read
through the engines the other documents use (the decision log, the history and its pull
requests, the status page's sources and rules). Nothing here reads git itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from leaddocs.adr.parse import decode
from leaddocs.adr.sections import read_decision
from leaddocs.application.decisions import decision_log
from leaddocs.application.enrichment import enriched_views
from leaddocs.application.project import Project
from leaddocs.application.requests import BriefRequest, DraftOptions, StatusRequest
from leaddocs.application.status import pages_folder, status_summary
from leaddocs.application.status_sources import main_line, read_pages, saved_risks
from leaddocs.briefs.from_adr import Record, adr_brief
from leaddocs.briefs.from_release import Shipped, release_brief
from leaddocs.briefs.from_status import status_brief
from leaddocs.briefs.model import Audience, Brief
from leaddocs.errors import DocumentError, RefError, UsageError
from leaddocs.history.releases import Release
from leaddocs.history.versions import Version
from leaddocs.status.notes import HEALTHS
from leaddocs.status.period import parse_day
from leaddocs.status.summary import HealthState, StatusSummary
from leaddocs.textsafe import printable

UNRELEASED = "unreleased"
_BODY_CHARS = 4000  # of a change's commit messages, read for security and legal words
_RELEASES_NAMED = 5  # in the message for a release that does not exist


def read_brief(
    project: Project, request: BriefRequest, audience: Audience
) -> tuple[Brief, tuple[str, ...]]:
    """The brief's facts for its one source, and notes for the person who asked."""
    if request.adr is not None:
        return _adr(project, request.adr, audience), ()
    if request.release is not None:
        return _release(project, request, audience)
    assert request.status is not None
    page = _status_page(project, request)
    return status_brief(page, audience, _people(project, audience)), ()


def _adr(project: Project, reference: str, audience: Audience) -> Brief:
    log = decision_log(project)
    adr = log.get(reference)
    try:
        text = decode(adr.path.read_bytes(), adr.rel)
    except OSError as exc:
        raise DocumentError(f"{adr.rel}: cannot read: {exc.strerror}") from exc
    if not isinstance(text, str):
        raise DocumentError(str(text))
    titles = {record.id: record.title for record in log.adrs}
    replaced_by = [(i, titles[i]) for i in adr.links["superseded-by"] if i in titles]
    forge = project.forge()
    url = forge.file_url(main_line(project).name, adr.rel) if forge is not None else None
    people = _people(project, audience)
    return adr_brief(Record(adr, read_decision(text), url, replaced_by, people), audience)


def _people(project: Project, audience: Audience) -> tuple[str, ...]:
    """The names a customers brief must not carry: every author and co-author of the
    history, as written and as .mailmap maps them, and every ADR's decision makers,
    consulted and informed. Other readers are told names: none are looked up for them."""
    if audience != "customers":
        return ()
    names = project.repo.names_in(["HEAD"]) if project.repo.has_commits() else set()
    for adr in decision_log(project, dates=False).adrs if project.adr_folder.is_dir() else []:
        names.update([*adr.decision_makers, *adr.consulted, *adr.informed])
    return tuple(sorted(name for name in names if name.strip()))


def _release(
    project: Project, request: BriefRequest, audience: Audience
) -> tuple[Brief, tuple[str, ...]]:
    history = project.history(request.progress)
    wanted = (request.release or "").strip()
    if wanted.lower() == UNRELEASED:
        release = history.release(None, "HEAD")
        if release.tag is not None:
            raise UsageError(f"nothing unreleased: HEAD is release {release.tag}")
    else:
        tags = history.release_tags()
        version = Version.parse(wanted.removeprefix("v").removeprefix("V"))
        tag = next((t for t in reversed(tags) if t.name == wanted), None) or next(
            (t for t in reversed(tags) if version is not None and t.version == version), None
        )
        if tag is None:
            newest = ", ".join(t.name for t in reversed(tags[-_RELEASES_NAMED:])) or "none"
            raise RefError(
                f"no release {printable(wanted)!r} (newest release tags: {newest}; or give "
                f"--release {UNRELEASED})"
            )
        release = history.release(None, tag.name)
    if not release.changes:
        raise UsageError(f"release {release.tag or UNRELEASED} has no changes to brief")
    views, notes = enriched_views(project, [release])
    view = views.release(release)
    return release_brief(Shipped(view, _bodies(release)), audience, _people(project, audience)), (
        *history.notes,
        *notes,
    )


def _bodies(release: Release) -> dict[str, str]:
    return {
        change.head.sha: "\n\n".join(c.body for c in change.commits if c.body)[:_BODY_CHARS]
        for change in release.changes
    }


@dataclass(frozen=True, slots=True)
class _Period:
    since: str  # a date, or a length ("7d") back from ``until``
    until: str
    current: bool  # the period ending today: the lead's notes describe it
    saved: tuple[str, dict[str, Any]] | None = None  # the page published for it, if any


def _status_page(project: Project, request: BriefRequest) -> StatusSummary:
    day = parse_day(request.status or "", "--status")
    today = request.today or dt.datetime.now(dt.UTC).date()
    if day > today:
        raise UsageError(
            f"--status {day.isoformat()} is in the future (today is {today.isoformat()})"
        )
    period = _period_holding(project, day, today)
    status = StatusRequest(
        since=period.since,
        until=period.until,
        drafting=DraftOptions(llm=False),  # the brief drafts its own words
        today=today,
        progress=request.progress,
        with_notes=period.current,
    )
    page, _ = status_summary(project, status, pages_folder(project))
    if period.saved is not None:
        page = _as_published(page, *period.saved)
    if not (page.shipped or page.in_flight or page.risks or page.decisions or page.next):
        raise UsageError(
            f"no status data for {day.isoformat()}: nothing merged, in flight, at risk, "
            f"decided or planned from {page.since} to {page.until}"
        )
    return page


def _period_holding(project: Project, day: dt.date, today: dt.date) -> _Period:
    """The period of the published status page that holds ``day``; else the current period
    (``status.cadence_days`` ending today) when it holds ``day``; else the cadence's days
    ending on ``day``, as ``leaddocs status --until DAY`` would cover them."""
    folder = pages_folder(project)
    # An unreadable page is named by the status summary read next (previous_page).
    for name, meta in read_pages(folder, project.root, []) if folder.is_dir() else []:
        since, _, until = str(meta.get("period", "")).partition(" to ")
        try:
            first, last = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
        except ValueError:
            continue
        if first <= day <= last:
            return _Period(first.isoformat(), last.isoformat(), last == today, (name, meta))
    cadence = project.config.status.cadence_days
    if (today - day).days < cadence:
        return _Period(f"{cadence}d", today.isoformat(), True)
    return _Period(f"{cadence}d", day.isoformat(), False)


def _as_published(page: StatusSummary, name: str, meta: dict[str, Any]) -> StatusSummary:
    """``page`` with the health and the risks its published page gave: what the lead said
    then (the notes of that week are gone; history, records and rules are read again)."""
    update: dict[str, Any] = {}
    risks = saved_risks(name, meta)
    if risks is not None:
        update["risks"] = risks
    health, by = meta.get("health"), meta.get("health_by")
    if health in HEALTHS and by in ("notes", "rules"):
        update["health"] = HealthState(value=health, by=by)
    return page.model_copy(update=update)
