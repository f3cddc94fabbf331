"""``leaddocs build``: every document into one folder."""

from __future__ import annotations

import os
from pathlib import Path

import click

from leaddocs.application.build import build
from leaddocs.application.requests import BuildRequest, DraftOptions
from leaddocs.cli.app import State, pass_state
from leaddocs.cli.options import force_option, unshallow_option


@click.command("build", short_help="Every document into one folder, all or none.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),  # a file in the way is delivery's to report
    default=Path("build/leaddocs"),
    show_default=True,
    help="Folder to write into (created if missing).",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    metavar="KIND",
    help="Only this document kind (repeatable; default: every kind; a wrong name lists them).",
)
@force_option
@unshallow_option
@click.option(
    "--llm/--no-llm", "llm", default=None, help="Draft with a model (default: llm.enabled)."
)
@pass_state
def command(
    state: State,
    out_dir: Path,
    kinds: tuple[str, ...],
    force: bool,
    unshallow: bool,
    llm: bool | None,
) -> None:
    """Build every document the project has into one folder, all of them or none.

    Every registered document kind (see --kind): release notes since the latest release, the
    CHANGELOG (an existing one in the folder is updated, keeping edits), their JSON, the ADR
    index. A file a human edited stops the build, and nothing is written (--force replaces
    it). Relative --out paths are taken from the current folder.

    \b
    Examples:
      leaddocs build --out /tmp/docs && ls /tmp/docs
      leaddocs build --kind changelog --kind adr-index
    """
    project = state.project()
    if unshallow:
        project.unshallow()
    request = BuildRequest(
        # Absolute, not resolved: a committed symlink in the path must stay visible to delivery.
        out_dir=Path(os.path.abspath(out_dir)),
        force=force,
        kinds=kinds,
        drafting=DraftOptions(llm=llm, progress=state.line_progress()),
        progress=state.history_progress("reading history"),
    )
    written = build(project, request)
    state.progress_done()
    # The Markdown and JSON forms of a kind share their notes: each is said once.
    state.notes(list(dict.fromkeys(n for w in written for n in (*w.document.notes, *w.notes))))
    for item in written:
        click.echo(f"{item.action:<9} {item.path}")
    state.finish_drafting(item.document.report for item in written)
