"""``leaddocs site build|serve``: the project's MkDocs site, through MkDocs itself."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from leaddocs.application.site_runner import build_site, serve_site
from leaddocs.cli.app import State, SummaryGroup, pass_state


@click.group("site", cls=SummaryGroup, short_help="Build or preview the project's site.")
def command() -> None:
    """The project's site (mkdocs.yml at the repository root): build it, or preview it.

    \b
    Examples:
      leaddocs init && leaddocs site serve    # a site for a new repository, previewed
      leaddocs site build --strict            # as CI builds it
    """


@command.command("build")
@click.option(
    "--strict", is_flag=True, help="Fail on any warning: a broken link, an unreadable ADR."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to build into (default: site_dir in mkdocs.yml, site/).",
)
@pass_state
def build(state: State, strict: bool, out_dir: Path | None) -> None:
    """Build the site into a folder of static HTML, as `mkdocs build` does.

    \b
    Examples:
      leaddocs site build --strict            # as CI builds it
      leaddocs site build --out /tmp/site && open /tmp/site/index.html
    """
    project = state.project()
    with _mkdocs_log(state):
        site = build_site(project, strict=strict, out=out_dir)
    click.echo(f"built {site / 'index.html'}")


@command.command("serve")
@click.option(
    "--dev-addr",
    metavar="IP:PORT",
    help="Where to serve (default: dev_addr in mkdocs.yml, 127.0.0.1:8000).",
)
@click.option(
    "--dirty",
    is_flag=True,
    help="Rebuild only what changed (an edited ADR's page, the decision index): fast on a big "
    "site; search and navigation may lag until a full build.",
)
@pass_state
def serve(state: State, dev_addr: str | None, dirty: bool) -> None:
    """Serve the site on your machine, rebuilt on every edit, until Ctrl-C.

    \b
    Examples:
      leaddocs site serve                     # http://127.0.0.1:8000
      leaddocs site serve --dev-addr 127.0.0.1:8001
      leaddocs site serve --dirty             # hundreds of ADRs: rebuilds in well under 1 s
    """
    project = state.project()
    with _mkdocs_log(state):
        serve_site(project, dev_addr=dev_addr, dirty=dirty)


@contextmanager
def _mkdocs_log(state: State) -> Iterator[None]:
    """MkDocs' own progress and warnings on stderr, as `mkdocs` prints them (warnings only
    with --quiet)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    saved = logger.level, logger.propagate
    logger.setLevel(logging.WARNING if state.quiet else logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
