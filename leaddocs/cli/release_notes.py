"""``leaddocs release-notes``."""

from __future__ import annotations

from pathlib import Path

import click

from leaddocs.application.release_notes import release_notes
from leaddocs.application.requests import DraftOptions, ReleaseNotesRequest
from leaddocs.cli.app import State, pass_state
from leaddocs.cli.options import (
    force_option,
    format_option,
    model_option,
    output_option,
    paths_option,
    pr_option,
    repo_paths,
    unshallow_option,
)
from leaddocs.document import Format
from leaddocs.drafting.base import AUDIENCES, Audience
from leaddocs.errors import UsageError


@click.command("release-notes", short_help="Release notes for one release.")
@click.option(
    "--from",
    "from_ref",
    metavar="REF",
    help="Start after REF (default: the previous release, by ancestry).",
)
@click.option(
    "--to", "to_ref", metavar="REF", default="HEAD", show_default=True, help="End at REF."
)
@click.option(
    "--version", "title", metavar="V", help="Title the notes V (default: the tag at --to)."
)
@paths_option
@format_option
@output_option
@force_option
@pr_option
@unshallow_option
@click.option(
    "--llm/--no-llm",
    "llm",
    default=None,
    help="Draft the words with a model (OPENAI_API_KEY / OPENAI_BASE_URL; docs/llm.md).",
)
@model_option
@click.option(
    "--audience",
    type=click.Choice(AUDIENCES),
    help="Who reads the notes: tone and selection, never the facts (default: llm.audience).",
)
@click.option("--no-cache", is_flag=True, help="Ask the model again even for a cached answer.")
@pass_state
def command(
    state: State,
    from_ref: str | None,
    to_ref: str,
    title: str | None,
    paths: tuple[str, ...],
    output_format: Format,
    output: Path | None,
    force: bool,
    pr: bool,
    unshallow: bool,
    llm: bool | None,
    model: str | None,
    audience: Audience | None,
    no_cache: bool,
) -> None:
    """Release notes for one release, from commits and pull requests.

    The range is --from..--to; by default everything --to reaches that no earlier release
    does, following the nearest release tag it reaches (docs/releases-and-ranges.md).

    \b
    Examples:
      leaddocs release-notes
      leaddocs release-notes --from v1.2.0 --to v1.3.0 --output notes.md
      leaddocs release-notes --path services/api --format json | jq '.sections[].title'
      leaddocs release-notes --llm --audience leadership
      leaddocs release-notes --pr      # a draft PR: docs/releases/<next version>.md
    """
    if pr and (output is not None or output_format != "md"):
        raise UsageError(
            "--pr delivers Markdown to docs/releases/: leave out --output and --format"
        )
    project = state.project()
    if unshallow:
        project.unshallow()
    request = ReleaseNotesRequest(
        from_ref=from_ref,
        to_ref=to_ref,
        title=title,
        paths=repo_paths(project.root, paths, state.note),
        format=output_format,
        drafting=DraftOptions(llm, model, audience, not no_cache, state.line_progress()),
        progress=state.history_progress("reading history"),
    )
    document = release_notes(project, request)
    state.progress_done()
    if pr:
        from leaddocs.application.pull_requests import release_notes_pr

        state.pull_request(release_notes_pr(project, document))
        state.finish_drafting([document.report])
        return
    written = state.emit(document, output, force=force)
    if written is not None:
        state.note(f"{'wrote' if written.action != 'unchanged' else 'unchanged'} {output}")
    state.finish_drafting([document.report])
