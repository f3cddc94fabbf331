"""What a command that creates a record prints: its path (or its pull request), the notes and
the drafting report, then the record opened in ``$VISUAL``/``$EDITOR`` unless ``--no-edit``."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from leaddocs.cli.app import State
from leaddocs.errors import OutputError

if TYPE_CHECKING:
    from leaddocs.application.created import Created


def show_created(state: State, made: Created, *, edit: bool) -> None:
    shown = state.project().rel(made.path)
    if made.pull is not None:
        state.notes(made.notes)
        state.pull_request(made.pull)
        state.finish_drafting([made.report])
        return
    click.echo(shown)
    state.notes(made.notes)
    if made.report is not None:
        state.finish_drafting([made.report])
    if edit and (os.environ.get("VISUAL") or os.environ.get("EDITOR")):
        try:
            click.edit(filename=str(made.path))
        except click.ClickException as exc:
            # The record is written either way; say so in leaddocs' own error format.
            raise OutputError(f"{exc.message}; {shown} is written") from exc
