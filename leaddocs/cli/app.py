"""The ``leaddocs`` command group and what every command shares: options, project, progress."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leaddocs import __version__

if TYPE_CHECKING:
    from leaddocs.history.releases import Progress
    from leaddocs.project import Project

# Command name → module holding it as `command`. Modules load only when their command runs:
# the pre-commit hook (`adr lint`) should not pay for the history and drafting engines.
COMMANDS = {
    "release-notes": "leaddocs.cli.release_notes",
    "changelog": "leaddocs.cli.changelog",
    "build": "leaddocs.cli.build",
    "adr": "leaddocs.cli.adr",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module = importlib.import_module(COMMANDS[cmd_name])
            self.add_command(module.command, cmd_name)
        return super().get_command(ctx, cmd_name)


@dataclass(slots=True)
class State:
    repo_path: Path = Path(".")
    config_file: Path | None = None
    debug: bool = False
    quiet: bool = False
    _project: Project | None = None

    def project(self) -> Project:
        if self._project is None:
            from leaddocs.project import Project

            self._project = Project.open(self.repo_path, self.config_file)
        return self._project

    def progress(self, what: str) -> Progress | None:
        """A progress line on stderr, only for a person watching a terminal."""
        if self.quiet or not sys.stderr.isatty():
            return None

        def report(count: int) -> None:
            click.echo(f"\r{what}: {count:,} commits read", err=True, nl=False)

        return report

    def progress_done(self) -> None:
        if not self.quiet and sys.stderr.isatty():
            click.echo("\r\033[K", err=True, nl=False)


state = State()


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", prog_name="leaddocs")
@click.option(
    "--repo",
    "repo_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    help="Repository to work on (default: the one containing the current folder).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Config file (default: leaddocs.yml, or [tool.leaddocs] in pyproject.toml).",
)
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or notes on stderr.")
def cli(repo_path: Path, config_file: Path | None, debug: bool, quiet: bool) -> None:
    """Docs-as-code for tech leads: release notes, CHANGELOG and more, drafted from git.

    \b
    Examples:
      leaddocs release-notes                  # since the latest release tag
      leaddocs changelog --output CHANGELOG.md
      leaddocs --repo ../billing build --out site-docs
    """
    state.repo_path = repo_path
    state.config_file = config_file
    state.debug = debug
    state.quiet = quiet
    state._project = None


def note(message: str) -> None:
    """A remark for the person at the terminal, kept off stdout (which carries the document)."""
    if not state.quiet:
        click.echo(message, err=True)
