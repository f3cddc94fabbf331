"""``leaddocs init``: scaffold what the repository is missing to keep and publish its docs."""

from __future__ import annotations

import click

from leaddocs.application.scaffold import init, open_project
from leaddocs.cli.app import State, pass_state


@click.command("init", short_help="Add what is missing to publish the docs.")
@click.option(
    "--force",
    is_flag=True,
    help="Also refresh the workflows leaddocs wrote that nobody edited (never your own files).",
)
@pass_state
def command(state: State, force: bool) -> None:
    """Add what is missing to keep and publish this repository's docs; change nothing else.

    \b
    Creates, where missing: leaddocs.yml (every setting at its default, explained),
    mkdocs.yml and docs/index.md (the site), adr/0001-record-architecture-decisions.md,
    .gitignore entries, the ADR lint hook in .pre-commit-config.yaml, and the workflows
    .github/workflows/leaddocs.yml and adr-lint.yml. A file that is there is skipped, so a
    second run changes nothing. Details: docs/init.md.

    \b
    Examples:
      git init && leaddocs init && leaddocs site serve
    """
    project = open_project(state.repo_path, state.config_file)
    done = init(project, force=force)
    for written in done.written:
        click.echo(f"{written.action:<9} {project.rel(written.document.path)}")
    for skipped in done.skipped:
        click.echo(f"{'skipped':<9} {project.rel(skipped.path)} ({skipped.reason})")
