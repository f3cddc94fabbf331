"""``leaddocs ci``: what the merge-to-main job refreshes, decided from the event and config.

- a push to the default branch: the release-notes draft PR for the next release (when there
  is unreleased work), and the numbers of ADR drafts that landed (``XXXX-slug.md``), with
  status ``accepted`` when ``adr.accept_when_numbered`` is set — all through pull requests,
  never a push to a protected main;
- a release tag: the CHANGELOG PR.

Every step goes through the PR delivery, which commits only what changed and finds its PR by
branch and marker: a rerun on the same commit makes no commit and opens nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from leaddocs.adr import renumber
from leaddocs.adr.edit import edited
from leaddocs.adr.overlay import Overlay
from leaddocs.application.changelog import changelog
from leaddocs.application.decisions import decision_log
from leaddocs.application.project import Project
from leaddocs.application.pull_requests import changelog_pr, open_pull_request, release_notes_pr
from leaddocs.application.release_notes import release_notes
from leaddocs.application.requests import ChangelogRequest, DraftOptions, ReleaseNotesRequest
from leaddocs.delivery.pull_request import PrOutcome
from leaddocs.document import DraftingSummary
from leaddocs.history.branches import Branches
from leaddocs.history.versions import TagMatcher

Event = Literal["push", "tag", "other"]
# Events that mean "this commit is on the branch now": a push, or a run started by hand.
PUSH_EVENTS = ("push", "workflow_dispatch", "schedule")
ADR_CHECKLIST = (
    "Each record's new number is free, and every link to it follows",
    "A record marked accepted really was agreed",
)


@dataclass(frozen=True, slots=True)
class Step:
    """One thing the job does: a kind's PR and why."""

    kind: str
    reason: str
    run: Callable[[], Done]


@dataclass(frozen=True, slots=True)
class Done:
    outcome: PrOutcome
    reports: tuple[DraftingSummary, ...] = ()  # the drafting runs behind it


@dataclass(frozen=True, slots=True)
class Plan:
    event: Event
    ref: str
    steps: list[Step]


def plan(project: Project, drafting: DraftOptions) -> Plan:
    """What this run would refresh (nothing is read beyond what deciding needs)."""
    event, ref = _event(project)
    steps: list[Step] = []
    if event == "tag":
        steps.append(Step("changelog", f"release tag {ref}", lambda: _changelog(project)))
        return Plan(event, ref, steps)
    if event == "other":
        return Plan(event, ref, steps)
    steps.append(
        Step(
            "release-notes",
            f"push to {ref}: the draft for the next release",
            lambda: _release_notes(project, drafting),
        )
    )
    if project.adr_folder.is_dir():
        log = decision_log(project)
        drafts = renumber.number_drafts(log, project.repo)
        if drafts:
            names = ", ".join(move.adr.rel for move in drafts)
            steps.append(
                Step("adr-numbers", f"ADR drafts landed: {names}", lambda: _numbers(project))
            )
    return Plan(event, ref, steps)


def _event(project: Project) -> tuple[Event, str]:
    """The event: from GitHub Actions' variables in a workflow, else from the checkout (HEAD
    at a release tag is a release, anything else a push to the current branch).

    Only a push to the default branch and a release tag refresh anything: a feature branch or
    a pull request's build must not put unmerged work in the drafts.
    """
    matcher = TagMatcher(project.config.tags.pattern)
    ref = os.environ.get("GITHUB_REF", "")
    if ref:
        name = os.environ.get("GITHUB_EVENT_NAME", "push")
        if ref.startswith("refs/tags/") and name == "push":
            tag = ref.removeprefix("refs/tags/")
            return ("tag" if matcher.version_of(tag) is not None else "other"), tag
        branch = ref.removeprefix("refs/heads/")
        if ref.startswith("refs/heads/") and name in PUSH_EVENTS and branch == _default(project):
            return "push", branch
        return "other", f"{name} {ref}"
    head = project.repo.resolve("HEAD")
    for found in project.repo.tags():
        if found.commit == head and matcher.version_of(found.name) is not None:
            return "tag", found.name
    return "push", Branches(project.repo).current_branch() or "HEAD"


def _default(project: Project) -> str | None:
    """The default branch, as the forge says (else the checkout's own branch)."""
    client = project.forge_client()
    return client.default_branch() if client else Branches(project.repo).current_branch()


def _release_notes(project: Project, drafting: DraftOptions) -> Done:
    document = release_notes(project, ReleaseNotesRequest(drafting=drafting))
    reports = (document.report,) if document.report is not None else ()
    return Done(release_notes_pr(project, document), reports)


def _changelog(project: Project) -> Done:
    return Done(changelog_pr(project, changelog(project, ChangelogRequest())))


def _numbers(project: Project) -> Done:
    """Number every landed draft (and accept it when configured) in one pull request."""
    log = decision_log(project)
    overlay = Overlay(log.rel)
    moves = renumber.number_drafts(log, project.repo)
    removals: list[Path] = []
    pages = project.pages_linking_records()
    for move in moves:
        step = renumber.move_step(log, move, overlay.read, pages)
        for document in step.edits:
            overlay.apply(document.path, document.text)
        overlay.move(move.adr.path, move.target, step.own.body)
        removals.append(move.adr.path)
        move.adr.path = move.target
    if project.config.adr.accept_when_numbered:
        for move in moves:
            if move.adr.status in ("draft", "proposed"):
                source = overlay.read(move.target)
                text = edited(move.adr, source.text, status="accepted")
                overlay.apply(move.target, source.restore(text))
    documents = overlay.documents(project.root)
    names = ", ".join(f"{move.target.stem[:4]}" for move in moves)
    return Done(
        open_pull_request(
            project,
            "adr-numbers",
            documents,
            title=f"Number the ADR drafts that landed ({names})",
            source="the ADR drafts on the default branch",
            removals=[path.relative_to(project.root) for path in removals],
            checklist=ADR_CHECKLIST,
        )
    )
