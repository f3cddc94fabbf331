"""``leaddocs stats``."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import click

from leaddocs.application.requests import StatsFormat, StatsRequest
from leaddocs.cli.app import State, pass_state
from leaddocs.cli.options import force_option, output_option


@click.command("stats", short_help="What the drafts were worth: kept in review, time saved.")
@click.option(
    "--since",
    metavar="DATE|30d|2w",
    help="Only drafts merged (or, not merged, drafted) on or after this day (default: all).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(get_args(StatsFormat)),
    default="table",
    show_default=True,
    help="table for people, json for scripts (docs/stats.md), md for a page.",
)
@output_option
@force_option
@pass_state
def command(
    state: State, since: str | None, output_format: StatsFormat, output: Path | None, force: bool
) -> None:
    """What the drafts were worth: the documents leaddocs drafted, how many were merged
    unchanged, the share of drafted lines and words that review kept, and the writing time
    that saved (words kept at stats.words_per_minute, default 20). By kind and in total,
    from the git history alone (docs/stats.md).

    \b
    Examples:
      leaddocs stats                          # every draft merged into the default branch
      leaddocs stats --since 2025-01-01
      leaddocs stats --since 30d --format json -o stats.json
    """
    from leaddocs.application.stats import stats_document

    request = StatsRequest(since=since, format=output_format)
    written = state.emit(stats_document(state.project(), request), output, force=force)
    if written is not None:
        state.note(f"{written.action} {output}")
