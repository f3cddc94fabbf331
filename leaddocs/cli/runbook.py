"""``leaddocs runbook``: the runbooks a team keeps (docs/rfcs-and-runbooks.md)."""

from __future__ import annotations

import click

from leaddocs.cli.app import State, SummaryGroup, pass_state
from leaddocs.errors import LintFailure


@click.group("runbook", cls=SummaryGroup, short_help="Runbooks: which are stale or cannot be read.")
def command() -> None:
    """Runbooks: which ones are stale, which cannot be read.

    \b
    Examples:
      leaddocs runbook lint
      leaddocs new runbook "Restart the queue" --service payments   # write one
    """


@command.command("lint", short_help="Name stale or unreadable runbooks; exit 1 if any.")
@pass_state
def lint(state: State) -> None:
    """Check every runbook in runbooks.dir: stale ones (last-verified older than
    runbooks.stale_after_days, or none), files that cannot be read, wrong keys.

    Prints path:line: message; exits 1 when there is any, so CI can ask for a walk-through.

    \b
    Examples:
      leaddocs runbook lint
      leaddocs runbook lint || echo "time to walk through the runbooks"
    """
    from leaddocs.application.records import runbook_findings

    findings = runbook_findings(state.project())
    for finding in findings:
        click.echo(finding)
    if findings:
        count = len(findings)
        raise LintFailure(f"{count} runbook problem{'s' if count != 1 else ''} found")
