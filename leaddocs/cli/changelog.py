"""``leaddocs changelog``."""

from __future__ import annotations

from pathlib import Path

import click

from leaddocs.cli.app import note, state
from leaddocs.cli.options import format_option, output_option, paths_option, unshallow_option
from leaddocs.documents import changelog
from leaddocs.documents.writer import write_atomic


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
        project, paths, state.progress("reading history")
    )
    state.progress_done()
    if output_format == "json":
        text = changelog.changelog_json(releases, unreleased)
        _emit(text, output)
        return
    writer = changelog.ChangelogWriter(project.renderer(), project.config.changelog.title)
    if output is None or not output.exists():
        _emit(writer.render(releases, unreleased), output)
        return
    update = writer.update(output.read_text(encoding="utf-8"), releases, unreleased)
    for warning in update.warnings:
        note(f"{output}: {warning}")
    write_atomic(output, update.text)
    added = f"added {', '.join(update.added)}" if update.added else "no new releases"
    note(f"updated {output}: {added}")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        note(f"wrote {output}")
