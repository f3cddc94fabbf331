"""The decision log: its index as a document, and every change to records, delivered whole."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from leaddocs.adr import migrate as migration
from leaddocs.adr import renumber as numbering
from leaddocs.adr import write
from leaddocs.adr.lint import LintResult, lint, no_such_code, unknown_codes
from leaddocs.adr.log import DecisionLog, load_log
from leaddocs.adr.model import Adr, LinkKind
from leaddocs.adr.overlay import Overlay
from leaddocs.adr.report import as_markdown
from leaddocs.application.project import Project
from leaddocs.delivery import files
from leaddocs.document import Document
from leaddocs.errors import ConfigError, LeaddocsError, OutputError, UsageError

INDEX_KIND = "adr-index"
INDEX_PATH = Path("decisions.md")


def decision_log(project: Project, *, dates: bool = True) -> DecisionLog:
    """Every record of the project; a broken file is a finding in ``unreadable``, not an error.
    A record that states no date is dated by git history (``dated_by_history``) unless
    ``dates`` is False: a check or an edit of records needs no dates."""
    log = load_log(project.root, project.adr_folder)
    if dates:
        dated_by_history(project, log.adrs)
    return log


def dated_by_history(project: Project, adrs: Sequence[Adr]) -> None:
    """Each record that states no date gets the day of the commit that first added its file,
    from one git call for all of them; a record not committed yet stays undated, and so does
    one whose date cannot be read (lint reports that one)."""
    undated = [
        adr
        for adr in adrs
        if adr.date is None and not any(finding.code == "ADR004" for finding in adr.findings)
    ]
    if not undated:
        return
    added = project.repo.added_dates([adr.rel for adr in undated])
    for adr in undated:
        if adr.rel in added:
            adr.date, adr.date_from_git = added[adr.rel], True


def adr_index(project: Project, links_from: Path | None = None) -> Document | None:
    """The ADR index page, or None for a project that keeps no ADRs. Links are relative to
    ``links_from`` (the folder the page goes to); records that cannot be read are noted."""
    if not project.adr_folder.is_dir():
        return None
    log = decision_log(project)
    table = as_markdown(log.adrs, links_from=links_from)
    body = f"# Decisions\n\n{len(log.adrs)} architecture decision records.\n\n{table}"
    notes = tuple(f"{finding.path}:{finding.line}: {finding.message}" for finding in log.unreadable)
    return Document(INDEX_KIND, INDEX_PATH, body, notes=notes)


def lint_log(
    project: Project, paths: Sequence[Path] = (), ignore: Sequence[str] = ()
) -> LintResult:
    """Problems in the decision log; with ``paths`` only those files' (as pre-commit passes),
    less the codes ``adr.lint.ignore`` and ``ignore`` (``--ignore``) silence."""
    configured = project.config.adr.lint.ignore
    if unknown := unknown_codes(configured):
        where = project.config.source or "the configuration"
        raise ConfigError(f"{where}: adr.lint.ignore: {no_such_code(unknown)}")
    if unknown := unknown_codes(ignore):
        raise UsageError(f"--ignore: {no_such_code(unknown)}")
    return lint(decision_log(project, dates=False), paths, [*configured, *ignore])


def set_status(log: DecisionLog, reference: str, status: str, *, force: bool = False) -> Adr:
    """Change a record's status in its file (the transition checked unless ``force``)."""
    adr, documents = write.set_status(log, reference, status, force=force)
    files.deliver(documents, shown=log.rel, boundary=log.root)
    return adr


def link(log: DecisionLog, reference: str, kind: LinkKind, other: str) -> tuple[Adr, Adr]:
    """Record ``reference kind other`` in both files, or in neither."""
    source, target, documents = write.link(log, reference, kind, other)
    files.deliver(documents, shown=log.rel, boundary=log.root)
    return source, target


def migrate(log: DecisionLog, *, dry_run: bool = False) -> list[migration.Migration]:
    """Move older styles' metadata into MADR 4 front matter, every file or none."""
    planned = migration.plan(log)
    if not dry_run:
        files.deliver([each.document for each in planned], shown=log.rel, boundary=log.root)
    return planned


def renumber(project: Project, log: DecisionLog, *, dry_run: bool = False) -> list[numbering.Move]:
    """Settle duplicate numbers: later-committed records move to free numbers. Each move's
    ``left`` names the bare mentions that could mean either record, left as written."""
    moves = numbering.renumber(log, project.repo, project.pages_linking_records())
    return _carry_out(project, log, moves, dry_run)


def number_drafts(
    project: Project, log: DecisionLog, *, dry_run: bool = False
) -> list[numbering.Move]:
    """Give draft records (``XXXX-slug.md``) their numbers, in commit order."""
    return _carry_out(project, log, numbering.number_drafts(log, project.repo), dry_run)


def _carry_out(
    project: Project, log: DecisionLog, moves: Sequence[numbering.Move], dry_run: bool
) -> list[numbering.Move]:
    """Every move of the command, or none: all are planned in memory (every file read) and
    every write checked before the first ``git mv``; a failure after it moves the files back
    and restores what was written."""
    if dry_run or not moves:
        return list(moves)
    pages = project.pages_linking_records()
    first_paths = [move.adr.path for move in moves]
    try:
        overlay = Overlay(log.rel)
        for move in moves:
            step = numbering.move_step(log, move, overlay.read, pages)
            for document in step.edits:
                overlay.apply(document.path, document.text)
            overlay.move(move.adr.path, move.target, step.own.body)
            move.adr.path = move.target  # later moves read and link it at its new name
        edits = overlay.edits_after_moving()
        files.check([edit.at(now) for edit, now in edits], shown=log.rel, boundary=log.root)
        for move, first in zip(moves, first_paths, strict=True):
            if move.target.exists() or move.target.is_symlink():
                raise OutputError(f"{log.rel(move.target)} already exists: nothing was changed")
            if not first.is_file():
                raise OutputError(f"{log.rel(first)} is gone: nothing was changed")
    except LeaddocsError:
        for move, first in zip(moves, first_paths, strict=True):
            move.adr.path = first
        raise
    # The moves come before any write: a failing git mv (a held index.lock) then leaves no
    # link pointing at a missing file.
    done: list[tuple[Path, Path]] = []
    try:
        for move, first in zip(moves, first_paths, strict=True):
            _rename(project, log, first, move.target)
            done.append((first, move.target))
        files.deliver([edit for edit, _ in edits], shown=log.rel, boundary=log.root)
    except LeaddocsError:
        for first, target in reversed(done):
            _rename(project, log, target, first)
        for move, first in zip(moves, first_paths, strict=True):
            move.adr.path = first
        raise
    return list(moves)


def _rename(project: Project, log: DecisionLog, source: Path, target: Path) -> None:
    if project.repo.is_tracked(log.rel(source)):
        project.repo.move(log.rel(source), log.rel(target))  # git mv: history follows the file
    else:
        source.rename(target)
