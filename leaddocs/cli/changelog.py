"""``leaddocs changelog``."""

from __future__ import annotations

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
from leaddocs.documents import changelog


@click.command("changelog")
@paths_option
@format_option
@output_option
@unshallow_option
def command(
    paths: tuple[str, ...], output_format: str, output: Path | None, unshallow: bool
) -> None:
    """The CHANGELOG: every release tag a section, newest first, plus Unreleased.

    With --output, an existing file is updated in place: releases it lacks are inserted,
    an untouched Unreleased section is refreshed, and anything a human edited is kept.

    \b
    Examples:
      leaddocs changelog --output CHANGELOG.md
      leaddocs changelog --format json | jq '.releases[0].tag'
    """
    project = state.project()
    if unshallow:
        project.repo.unshallow()
    releases, unreleased = changelog.changelog_views(
        project, repo_paths(project.root, paths), state.progress("reading history")
    )
    state.progress_done()
    if output_format == "json":
        emit(changelog.changelog_json(releases, unreleased), output, generated=False)
        return
    writer = changelog.ChangelogWriter(project.renderer(), project.config.changelog.title)
    if output is None:
        click.echo(writer.render(releases, unreleased), nl=False)
        return
    update = changelog.write_changelog(writer, output, releases, unreleased)
    for warning in update.warnings:
        note(f"{output}: {warning}")
    added = f"added {', '.join(update.added)}" if update.added else "no new releases"
    note(f"wrote {output}: {added}")
