"""``leaddocs build``: every document into one folder."""

from __future__ import annotations

from pathlib import Path

import click

from leaddocs.cli.app import state
from leaddocs.cli.options import unshallow_option
from leaddocs.documents.bundle import build_bundle


@click.command("build")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build/leaddocs"),
    show_default=True,
    help="Folder to write into (created if missing).",
)
@unshallow_option
def command(out_dir: Path, unshallow: bool) -> None:
    """Build every document the project has into one folder.

    Today: release notes since the latest release (Markdown and JSON), the CHANGELOG (an
    existing one in the folder is updated, keeping edits) and the ADR index (decisions.md).
    Relative --out paths are taken from the current folder.

    \b
    Example:
      leaddocs build --out /tmp/docs && ls /tmp/docs
    """
    project = state.project()
    if unshallow:
        project.repo.unshallow()
    written = build_bundle(project, out_dir.resolve(), state.progress("reading history"))
    state.progress_done()
    for path in written:
        click.echo(f"wrote {path}")
