"""``--pr``: a kind's documents delivered as a pull request, with a body a reviewer can use."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from leaddocs.application.project import Project
from leaddocs.delivery.pull_request import PrOutcome, PrRequest, PrSettings, deliver_pr
from leaddocs.document import Document, DraftingSummary
from leaddocs.history.branches import Branches
from leaddocs.markup import md_text
from leaddocs.textsafe import printable

# Every kind: a meeting page comes from notes, a brief from a record, not only the history.
OFFLINE = "- offline: nothing from a model; every line comes from the source above"
RELEASES_DIR = Path("docs/releases")  # where release-notes drafts land in the repository

CHECKLIST = (
    "Every change listed shipped, and nothing that shipped is missing",
    "The wording is right for its readers, and names nothing that should stay internal",
    "Links point where they should",
)
WORKFLOW_TOKEN_NOTE = (
    "the token looks like the workflow's GITHUB_TOKEN: a pull request it opens or updates "
    "starts no other workflow (no CI runs on it); use a GitHub App token or a personal access "
    "token instead (docs/github-actions.md)"
)


def open_pull_request(
    project: Project,
    kind: str,
    documents: Sequence[Document],
    *,
    title: str,
    source: str,
    removals: Sequence[Path] = (),
    replaces_in: Sequence[Path] = (),
    checklist: Sequence[str] = CHECKLIST,
    base: str | None = None,
    source_commit: str | None = None,
) -> PrOutcome:
    """Deliver ``documents`` (paths relative to the repository root) as ``kind``'s PR.

    ``source`` says what they were generated from (a range, a tag, a record); with no forge
    token the branch is made locally and the outcome's ``preview`` says what would be opened.
    ``replaces_in``: folders whose earlier untouched drafts on the branch the documents replace.
    """
    forge = project.forge_client()
    settings = project.config.forge.pr
    request = PrRequest(
        kind=kind,
        documents=documents,
        title=title,
        body=pr_body(documents, source, checklist),
        removals=removals,
        replaces_in=replaces_in,
        draft=settings.draft,
        labels=settings.labels,
        reviewers=settings.reviewers,
        source_commit=source_commit,
    )
    outcome = deliver_pr(request, Branches(project.repo), forge, PrSettings(base=base))
    # What the documents say about themselves (a forge that could not be asked, skipped tags)
    # goes with the outcome, so every caller shows it.
    outcome.notes[:0] = list(dict.fromkeys(n for d in documents for n in d.notes))
    if forge is not None and forge.token_kind == "workflow" and outcome.operation != "none":
        outcome.notes.append(WORKFLOW_TOKEN_NOTE)
    return outcome


def pr_body(documents: Sequence[Document], source: str, checklist: Sequence[str]) -> str:
    """What was generated, from what, how it was drafted, and what a reviewer should check."""
    files = "\n".join(f"- {md_text(document.path.as_posix())}" for document in documents)
    reports = list({id(d.report): d.report for d in documents if d.report is not None}.values())
    lines = [
        f"Drafted by leaddocs from {source}. Review it, edit it on this branch if you like "
        "(leaddocs never force-pushes over your commits), and merge it.",
        "",
        "**Files**",
        "",
        files,
        "",
        "**Drafting**",
        "",
        *(_drafting(report) for report in reports),
        *([] if reports else [OFFLINE]),
        "",
        "**Reviewer checklist**",
        "",
        *(f"- [ ] {item}" for item in checklist),
    ]
    return "\n".join(lines)


def _drafting(report: DraftingSummary) -> str:
    # Report lines can quote what a model answered: escaped like any outside text.
    details = "; ".join(md_text(printable(line)) for line in report.lines())
    return f"- {details or 'drafted by a model; every item accounted for'}"


def release_notes_pr(project: Project, document: Document) -> PrOutcome:
    """The release-notes draft for the next release, as ``docs/releases/<release>.md``; drafted
    from HEAD, it goes out only while HEAD is the base's tip (an older job does nothing)."""
    meta = document.front_matter
    name = str(meta.get("release") or "unreleased")
    placed = document.at(RELEASES_DIR / f"{name}.md")
    return open_pull_request(
        project,
        "release-notes",
        [placed],
        title=f"Release notes for {name}",
        replaces_in=(RELEASES_DIR,),  # the last version's untouched draft goes
        source=f"the history {md_text(str(meta.get('from') or 'the first commit'))}.."
        f"{md_text(str(meta.get('to')))}",
        source_commit=project.repo.resolve("HEAD") if meta.get("to") == "HEAD" else None,
    )


def changelog_pr(project: Project, document: Document) -> PrOutcome:
    return open_pull_request(
        project,
        "changelog",
        [document],
        title="Update the CHANGELOG",
        source="every release tag reachable from the branch",
    )
