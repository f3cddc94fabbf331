"""The command line: Click commands only; every error is turned into a message here."""

from __future__ import annotations

import gc
import sys

import click

from leaddocs.cli.app import State, cli
from leaddocs.errors import INTERRUPTED_EXIT_CODE, UNEXPECTED_EXIT_CODE, LeaddocsError
from leaddocs.textsafe import printable

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and map every outcome to one line on stderr and an exit code."""
    code = run(argv)
    sys.exit(code)


def run(argv: list[str] | None = None) -> int:
    # A run is short and builds up to ~1M long-lived objects (a 100k-commit history) with next
    # to no cyclic garbage; the collector's repeated passes over them cost ~40% of a big
    # changelog (measured: benchmarks/bench_changelog.py). Collection resumes when the run ends.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(argv)
    finally:
        if gc_was_enabled:
            gc.enable()


def _run(argv: list[str] | None) -> int:
    state = State()  # filled in by the group's options; read here for --debug
    try:
        cli.main(args=argv, prog_name="leaddocs", standalone_mode=False, obj=state)
    except LeaddocsError as exc:
        _report(state, exc, str(exc))
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (KeyboardInterrupt, click.Abort):
        click.echo("leaddocs: interrupted", err=True)
        return INTERRUPTED_EXIT_CODE
    except BrokenPipeError:
        # `leaddocs changelog | head`: the reader left; that is not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:  # the last resort: a bug, reported without a wall of traceback
        _report(
            state,
            exc,
            f"unexpected error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
        )
        return UNEXPECTED_EXIT_CODE
    return 0


def _report(state: State, exc: BaseException, message: str) -> None:
    if state.debug:
        import traceback  # only for --debug: a bug's traceback

        traceback.print_exception(exc)
    first_line = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    # Messages quote outside text (a server's answer, a file name): no terminal escapes.
    click.echo(f"leaddocs: error: {printable(first_line)}", err=True)
