"""The ``leaddocs`` command group and what every command shares: options, project, output."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leaddocs import __version__
from leaddocs.textsafe import printable

if TYPE_CHECKING:
    from leaddocs.application.project import Project
    from leaddocs.delivery.files import Written
    from leaddocs.delivery.pull_request import PrOutcome
    from leaddocs.document import Document, DraftingSummary, Encoded

HistoryProgress = Callable[[int], None]
LineProgress = Callable[[str], None]

# Command name → module holding it as `command`. Modules load only when their command runs:
# the pre-commit hook (`adr lint`) should not pay for the history and drafting engines.
COMMANDS = {
    "release-notes": "leaddocs.cli.release_notes",
    "changelog": "leaddocs.cli.changelog",
    "build": "leaddocs.cli.build",
    "adr": "leaddocs.cli.adr",
    "ci": "leaddocs.cli.ci",
    "status": "leaddocs.cli.status",
    "init": "leaddocs.cli.init",
    "site": "leaddocs.cli.site",
    "brief": "leaddocs.cli.brief",
    "stats": "leaddocs.cli.stats",
    "meeting": "leaddocs.cli.meeting",
    "new": "leaddocs.cli.new",
    "runbook": "leaddocs.cli.runbook",
}


class SummaryGroup(click.Group):
    """A group whose list of commands shows each summary whole: Click cuts a summary at about
    45 characters with "...". A command keeps its summary short with ``short_help``."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class LazyGroup(SummaryGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module = importlib.import_module(COMMANDS[cmd_name])
            self.add_command(module.command, cmd_name)
        return super().get_command(ctx, cmd_name)


@dataclass(slots=True)
class State:
    """What the group's options set for every command (Click's context object, not a global)."""

    repo_path: Path = Path(".")
    config_file: Path | None = None
    debug: bool = False
    quiet: bool = False
    _project: Project | None = None

    def project(self) -> Project:
        if self._project is None:
            from leaddocs.application.project import Project

            self._project = Project.open(self.repo_path, self.config_file)
        return self._project

    def note(self, message: str) -> None:
        """A remark for the person at the terminal, kept off stdout (which carries documents)."""
        if not self.quiet:
            click.echo(printable(message), err=True)

    def notes(self, messages: Sequence[str]) -> None:
        for message in messages:
            self.note(message)

    def history_progress(self, what: str) -> HistoryProgress | None:
        """A progress line on stderr, only for a person watching a terminal."""
        if self.quiet or not sys.stderr.isatty():
            return None

        def report(count: int) -> None:
            click.echo(f"\r{what}: {count:,} commits read", err=True, nl=False)

        return report

    def line_progress(self) -> LineProgress | None:
        """Drafting progress on one stderr line, only for a person watching a terminal."""
        if self.quiet or not sys.stderr.isatty():
            return None
        return lambda message: click.echo(f"\r\033[K{printable(message)}", err=True, nl=False)

    def progress_done(self) -> None:
        if not self.quiet and sys.stderr.isatty():
            click.echo("\r\033[K", err=True, nl=False)

    def emit(
        self, document: Document, output: Path | None, *, force: bool = False
    ) -> Written | None:
        """The document on stdout, or delivered to ``output`` (which keeps a human's edit)."""
        self.notes(document.notes)
        if output is None or str(output) == "-":  # `-o -`: stdout, as for most tools
            for chunk in document.chunks():
                if isinstance(chunk, str):
                    _print(chunk)
                else:
                    _print_encoded(chunk)
            return None
        from leaddocs.delivery.files import deliver

        boundary = self.project().root
        written = deliver([document.at(output)], force=force, boundary=boundary)[0]
        self.notes(written.notes)
        return written

    def pull_request(self, outcome: PrOutcome, *, outputs: bool = True) -> None:
        """Say what the PR delivery did: the PR on stdout, the rest as notes, and the Action's
        outputs (``pr-number``, ``pr-url``, ``operation``) when it runs in GitHub Actions."""
        self.notes(outcome.notes)
        if outcome.preview is not None:
            self.note(f"no forge token (GITHUB_TOKEN): {outcome.branch} is committed locally")
            click.echo(outcome.preview, nl=False)
        elif outcome.pull is not None:
            click.echo(f"{outcome.operation} {outcome.pull.url}")
        else:
            click.echo(f"{outcome.operation} {outcome.branch}")
        if outputs:
            write_action_outputs(outcome)

    def finish_drafting(self, reports: Iterable[DraftingSummary | None]) -> None:
        """After the documents are out: the drafting report, or why the model was not used.

        A document drafted without its model is complete (the template wrote it); the exit
        code still says so, so a misconfigured CI job does not pass silently.
        """
        from leaddocs.document import drafting_failure

        unique = {id(report): report for report in reports if report is not None}
        failure = drafting_failure(unique.values())
        if failure is not None:
            raise failure
        for report in unique.values():
            self.notes(report.lines())


pass_state = click.make_pass_decorator(State, ensure=True)


def write_action_outputs(outcome: PrOutcome) -> None:
    """``pr-number``, ``pr-url`` and ``operation`` for a GitHub Action's ``outputs``."""
    target = os.environ.get("GITHUB_OUTPUT")
    if not target:
        return
    pull = outcome.pull
    lines = [
        f"pr-number={pull.number if pull else ''}",
        f"pr-url={pull.url if pull else ''}",
        f"operation={outcome.operation}",
    ]
    with open(target, "a", encoding="utf-8") as stream:  # the runner's file, not a document
        stream.write("".join(f"{printable(line)}\n" for line in lines))


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
@click.pass_context
def cli(
    ctx: click.Context, repo_path: Path, config_file: Path | None, debug: bool, quiet: bool
) -> None:
    """Docs-as-code for tech leads: release notes, CHANGELOG and more, drafted from git.

    \b
    Examples:
      leaddocs release-notes                  # since the latest release tag
      leaddocs changelog --output CHANGELOG.md
      leaddocs --repo ../billing build --out site-docs
    """
    state = ctx.ensure_object(State)
    state.repo_path = repo_path
    state.config_file = config_file
    state.debug = debug
    state.quiet = quiet
    state._project = None


_PRINTED_AT_ONCE = 1 << 20


def _print(text: str) -> None:
    """``text`` on stdout a megabyte at a time: encoded whole, a big history's 50 MB of JSON
    would stand in memory twice. Click strips escape sequences from what goes to a pipe, with
    a regex over all of it: only worth it when there is an escape."""
    color = True if "\x1b" not in text else None
    for start in range(0, len(text), _PRINTED_AT_ONCE):
        click.echo(text[start : start + _PRINTED_AT_ONCE], nl=False, color=color)


def _print_encoded(part: Encoded) -> None:
    """Text already in UTF-8 (free of escapes: ``Encoded``) on stdout as it is, when stdout
    writes UTF-8 and ends lines with "\n" (what ``_print`` would write is then these very
    bytes); decoded and printed as text otherwise."""
    stdout = sys.stdout
    binary = getattr(stdout, "buffer", None)
    encoding = getattr(stdout, "encoding", None) or ""
    if binary is None or os.linesep != "\n" or not _is_utf8(encoding):
        _print(part.decoded())
        return
    stdout.flush()  # what was printed before goes first
    binary.write(part.data)
    binary.flush()


def _is_utf8(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False
