"""``leaddocs brief``."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import click

from leaddocs.application.requests import BriefFormat, BriefRequest, DraftOptions
from leaddocs.cli.app import State, pass_state
from leaddocs.cli.options import force_option, model_option, output_option, pr_option
from leaddocs.errors import UsageError


@click.command("brief", short_help="A one-page plain-language brief for one reader.")
@click.option("--adr", "adr", metavar="ID", help="Brief a decision record (3, 0003, ADR-0003).")
@click.option(
    "--release", "release", metavar="V", help="Brief a release: a tag, a version or unreleased."
)
@click.option(
    "--status", "status", metavar="DATE", help="Brief the status period holding DATE (YYYY-MM-DD)."
)
@click.option(
    "--audience",
    metavar="leadership|product|legal|customers",
    required=False,
    help="Who reads it: what comes first, what is explained, what stays internal.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(get_args(BriefFormat)),
    default="md",
    show_default=True,
    help="md: Markdown; email: plain text with a Subject line, to paste into a mail.",
)
@output_option
@force_option
@pr_option
@click.option(
    "--llm/--no-llm",
    "llm",
    default=None,
    help="Rewrite it with a model, every sentence citing its source (docs/llm.md).",
)
@model_option
@click.option("--no-cache", is_flag=True, help="Ask the model again even for a cached answer.")
@pass_state
def command(
    state: State,
    adr: str | None,
    release: str | None,
    status: str | None,
    audience: str | None,
    output_format: BriefFormat,
    output: Path | None,
    force: bool,
    pr: bool,
    llm: bool | None,
    model: str | None,
    no_cache: bool,
) -> None:
    """A one-page, plain-language brief of a decision, a release or a status period for one
    reader: what was decided or shipped, why it matters to them, the risks, and what is asked
    of them. Every statement cites its source; technical words are explained.

    \b
    Examples:
      leaddocs brief --adr 12 --audience leadership
      leaddocs brief --release v2.3.0 --audience customers --format email
      leaddocs brief --release unreleased --audience legal -o legal.md
      leaddocs brief --status 2025-03-14 --audience product --llm
      leaddocs brief --adr 12 --audience legal --pr   # docs/briefs/adr-0012-legal.md
    """
    if audience is None:
        raise UsageError("give --audience: leadership, product, legal or customers")
    if pr and (output is not None or output_format != "md"):
        raise UsageError(
            "--pr delivers the Markdown brief to docs/briefs/: leave out --output and --format"
        )
    from leaddocs.application import brief as briefs

    project = state.project()
    request = BriefRequest(
        audience=audience,
        adr=adr,
        release=release,
        status=status,
        format=output_format,
        drafting=DraftOptions(llm, model, None, not no_cache, state.line_progress()),
        progress=state.history_progress("reading history"),
    )
    document = briefs.brief(project, request)
    state.progress_done()
    if pr:
        state.pull_request(briefs.brief_pr(project, document))
        state.finish_drafting([document.report])
        return
    written = state.emit(document, output, force=force)
    if written is not None:
        state.note(f"{'wrote' if written.action != 'unchanged' else 'unchanged'} {output}")
    state.finish_drafting([document.report])
