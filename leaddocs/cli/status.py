"""``leaddocs status``."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import click

from leaddocs.application.requests import DraftOptions, StatusFormat, StatusRequest
from leaddocs.cli.app import State, pass_state
from leaddocs.cli.options import force_option, model_option, output_option, pr_option
from leaddocs.drafting.base import AUDIENCES, Audience
from leaddocs.errors import UsageError


@click.command("status", short_help="The status page of a period.")
@click.argument("entries", nargs=-1, metavar="[ENTRY]...")
@click.option("--since", metavar="7d|2w|DATE", help="First day (default: status.cadence_days).")
@click.option("--until", metavar="DATE", help="Last day covered (default: today, UTC).")
@click.option(
    "--notes",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The lead's notes: ## Health, ## Risks, ## Blockers, ## Next (docs/status-pages.md).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(get_args(StatusFormat)),
    default="md",
    show_default=True,
    help="md writes docs/status/DATE.md and its index; json, email and slack print.",
)
@output_option
@force_option
@pr_option
@click.option(
    "--portfolio",
    is_flag=True,
    help="One page for several repositories: ENTRY paths or status JSON files "
    "(default: status.portfolio).",
)
@click.option("--llm/--no-llm", "llm", default=None, help="Add a grounded summary by a model.")
@model_option
@click.option("--audience", type=click.Choice(AUDIENCES), help="Who the summary is for.")
@click.option("--no-cache", is_flag=True, help="Ask the model again even for a cached answer.")
@pass_state
def command(
    state: State,
    entries: tuple[str, ...],
    since: str | None,
    until: str | None,
    notes: Path | None,
    output_format: StatusFormat,
    output: Path | None,
    force: bool,
    pr: bool,
    portfolio: bool,
    llm: bool | None,
    model: str | None,
    audience: Audience | None,
    no_cache: bool,
) -> None:
    """The status page of a period: health, highlights, shipped, in flight, risks and
    blockers (each naming the rule that raised it), decisions, next, metrics.

    \b
    Examples:
      leaddocs status --notes notes.md              # docs/status/<today>.md + index
      leaddocs status --since 2w --until 2025-03-14 --format slack
      leaddocs status --format json -o status.json  # for a portfolio job
      leaddocs status --portfolio ../billing ../search status-*.json
    """
    if entries and not portfolio:
        raise UsageError(f"unexpected argument {entries[0]}: repositories go with --portfolio")
    if pr and (output is not None or output_format != "md" or portfolio):
        raise UsageError(
            "--pr delivers the Markdown page: leave out --output, --format, --portfolio"
        )
    from leaddocs.application import status as status_app

    project = state.project()
    request = StatusRequest(
        since=since,
        until=until,
        notes=notes,
        format=output_format,
        drafting=DraftOptions(llm, model, audience, not no_cache, state.line_progress()),
        progress=state.history_progress("reading history"),
        # -o FILE: links to records from where the page goes, not from status.dir.
        page_dir=output.absolute().parent if output is not None and str(output) != "-" else None,
    )
    if portfolio:
        from leaddocs.application.portfolio import portfolio_document

        document = portfolio_document(project, request, entries)
        state.emit(document, output, force=force)
        state.progress_done()
        return
    if pr:
        state.pull_request(status_app.status_pr(project, request))
        return
    documents = status_app.command_documents(project, request)
    state.progress_done()
    if output is not None or output_format != "md":
        written = state.emit(documents[0], output, force=force)
        if written is not None:
            state.note(f"{written.action} {output}")
    else:
        state.notes(documents[0].notes)
        delivered, kept = status_app.write_pages(documents, project.root, force=force)
        state.notes(kept)
        for done in delivered:
            state.notes(done.notes)
            state.note(f"{done.action} {project.rel(done.path)}")
    state.finish_drafting([document.report for document in documents])
