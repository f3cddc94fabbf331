"""``leaddocs release-notes``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from leaddocs.cli.app import note, state
from leaddocs.cli.options import (
    format_option,
    output_option,
    paths_option,
    repo_paths,
    unshallow_option,
)
from leaddocs.cli.output import emit
from leaddocs.documents import release_notes
from leaddocs.drafting import release as drafted_notes
from leaddocs.drafting.base import AUDIENCES, Audience, Progress
from leaddocs.drafting.select import select_drafter
from leaddocs.errors import DraftingError


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
@click.option(
    "--llm/--no-llm",
    "llm",
    default=None,
    help="Draft the words with a model (OPENAI_API_KEY / OPENAI_BASE_URL; docs/llm.md).",
)
@click.option("--model", metavar="NAME", help="Model to draft with (default: llm.model).")
@click.option(
    "--audience",
    type=click.Choice(AUDIENCES),
    help="Who reads the notes: tone and selection, never the facts (default: llm.audience).",
)
@click.option("--no-cache", is_flag=True, help="Ask the model again even for a cached answer.")
def command(
    from_ref: str | None,
    to_ref: str,
    version: str | None,
    paths: tuple[str, ...],
    output_format: str,
    output: Path | None,
    force: bool,
    unshallow: bool,
    llm: bool | None,
    model: str | None,
    audience: Audience | None,
    no_cache: bool,
) -> None:
    """Release notes for one release, from commits and pull requests.

    The range is --from..--to; by default from the latest release tag reachable from HEAD
    (or, when HEAD is itself a release tag, from the tag before it).

    \b
    Examples:
      leaddocs release-notes
      leaddocs release-notes --from v1.2.0 --to v1.3.0 --output notes.md
      leaddocs release-notes --path services/api --format json | jq '.sections[].title'
      leaddocs release-notes --llm --audience leadership
    """
    project = state.project()
    if unshallow:
        project.repo.unshallow()
    settings = project.config.llm
    release, view = release_notes.read_release(
        project,
        from_ref=from_ref,
        to_ref=to_ref,
        version=version,
        paths=repo_paths(project.root, paths),
        progress=state.progress("reading history"),
    )
    state.progress_done()
    if not (llm if llm is not None else settings.enabled):
        if model or audience:
            # Said once, so a forgotten --llm does not pass for a model's draft.
            note("--model and --audience apply only with --llm; drafting without a model")
        if output_format == "json":
            emit(release_notes.render_json(view), output, generated=False)
        else:
            emit(release_notes.render_markdown(project, view), output, force=force)
        return
    drafter = select_drafter(
        settings,
        use_llm=True,
        root=project.root,
        model=model,
        use_cache=not no_cache,
        progress=_progress_line(),
    )
    drafted = drafted_notes.draft_release(release, view, drafter, audience or settings.audience)
    state.progress_done()
    if output_format == "json":
        emit(drafted_notes.render_json(drafted), output, generated=False)
    else:
        emit(drafted_notes.render_markdown(project.renderer(), drafted), output, force=force)
    if drafted.report.fatal is not None:
        # The document is complete (the template wrote it); one line and the exit code say why
        # the model was not used.
        raise DraftingError(drafted.report.fatal)
    for line in drafted.report.lines():
        note(line)


def _progress_line() -> Progress | None:
    """Drafting progress on one stderr line, only for a person watching a terminal."""
    if state.quiet or not sys.stderr.isatty():
        return None
    return lambda message: click.echo(f"\r\033[K{message}", err=True, nl=False)
