"""``leaddocs release-notes``."""

from __future__ import annotations

from pathlib import Path

import click

from leaddocs.cli.app import note, state
from leaddocs.cli.options import format_option, output_option, paths_option, unshallow_option
from leaddocs.documents import release_notes
from leaddocs.documents.writer import write_atomic, write_generated


@click.command("release-notes")
@click.option(
    "--from", "from_ref", metavar="REF", help="Start after REF (default: the latest release tag)."
)
@click.option(
    "--to", "to_ref", metavar="REF", default="HEAD", show_default=True, help="End at REF."
)
@click.option(
    "--version", "version", metavar="V", help="Title the notes V (default: the tag at --to)."
)
@paths_option
@format_option
@output_option
@click.option("--force", is_flag=True, help="Replace an output file even if a human edited it.")
@unshallow_option
def command(
    from_ref: str | None,
    to_ref: str,
    version: str | None,
    paths: tuple[str, ...],
    output_format: str,
    output: Path | None,
    force: bool,
    unshallow: bool,
) -> None:
    """Release notes for one release, from commits and pull requests.

    The range is --from..--to; by default from the latest release tag reachable from HEAD
    (or, when HEAD is itself a release tag, from the tag before it).

    \b
    Examples:
      leaddocs release-notes
      leaddocs release-notes --from v1.2.0 --to v1.3.0 --output notes.md
      leaddocs release-notes --path services/api --format json | jq '.sections[].title'
    """
    project = state.project()
    if unshallow:
        project.repo.unshallow()
    view = release_notes.release_notes_view(
        project,
        from_ref=from_ref,
        to_ref=to_ref,
        version=version,
        paths=paths,
        progress=state.progress("reading history"),
    )
    state.progress_done()
    if output_format == "json":
        text = release_notes.render_json(view)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output, text)
    else:
        text = release_notes.render_markdown(project, view)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_generated(output, text, force=force)
    if output is not None:
        note(f"wrote {output}")
