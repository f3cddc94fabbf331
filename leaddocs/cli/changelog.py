"""``leaddocs changelog``."""

from __future__ import annotations

from pathlib import Path

import click

from leaddocs.application.changelog import changelog, changelog_summary
from leaddocs.application.requests import ChangelogRequest
from leaddocs.cli.app import State, pass_state
from leaddocs.cli.options import (
    force_option,
    format_option,
    output_option,
    paths_option,
    pr_option,
    repo_paths,
    unshallow_option,
)
from leaddocs.document import Format
from leaddocs.errors import UsageError


@click.command("changelog", short_help="The CHANGELOG: every release, newest first.")
@paths_option
@format_option
@output_option
@force_option
@pr_option
@unshallow_option
@click.option(
    "--no-cache",
    is_flag=True,
    help="Compute every release again, without reading or writing the cache of tagged releases.",
)
@pass_state
def command(
    state: State,
    paths: tuple[str, ...],
    output_format: Format,
    output: Path | None,
    force: bool,
    pr: bool,
    unshallow: bool,
    no_cache: bool,
) -> None:
    """The CHANGELOG: every release tag a section, newest first, plus Unreleased.

    With --output, an existing file is updated in place: releases it lacks are inserted,
    an untouched Unreleased section is refreshed, and anything a human edited is kept.
    (--force applies to --format json, a whole generated file.)

    Tagged releases never change: each is computed once and kept in changelog.cache_dir
    (.leaddocs/cache/releases), so a rerun reads only the commits since the newest tag.

    \b
    Examples:
      leaddocs changelog --output CHANGELOG.md
      leaddocs changelog --format json | jq '.releases[0].tag'
      leaddocs changelog --pr          # CHANGELOG.md (changelog.path) updated in a PR
    """
    if pr and (output is not None or output_format != "md"):
        raise UsageError(
            "--pr updates changelog.path in a pull request: leave out --output and --format"
        )
    project = state.project()
    if unshallow:
        project.unshallow()
    request = ChangelogRequest(
        paths=repo_paths(project.root, paths, state.note),
        format=output_format,
        progress=state.history_progress("reading history"),
        use_cache=not no_cache,
        in_parts=True,  # JSON streamed to stdout, or marked and written part by part
    )
    document = changelog(project, request)
    state.progress_done()
    if pr:
        from leaddocs.application.pull_requests import changelog_pr

        state.notes(document.notes)
        state.pull_request(changelog_pr(project, document))
        return
    written = state.emit(document, output, force=force)
    if written is None:
        return
    what = {"created": "wrote", "updated": "updated"}.get(written.action, written.action)
    if output_format == "md":
        state.note(f"{what} {output}: {changelog_summary(written)}")
    else:
        state.note(f"{what} {output}")
