"""``leaddocs ci``: the one entry point for the merge-to-main job."""

from __future__ import annotations

import click

from leaddocs.application.ci import plan
from leaddocs.application.requests import DraftOptions
from leaddocs.cli.app import State, pass_state, write_action_outputs
from leaddocs.cli.options import model_option


@click.command("ci", short_help="Refresh this event's drafts as pull requests.")
@click.option("--dry-run", is_flag=True, help="Print what would be refreshed; change nothing.")
@click.option(
    "--llm/--no-llm", "llm", default=None, help="Draft with a model (default: llm.enabled)."
)
@model_option
@pass_state
def command(state: State, dry_run: bool, llm: bool | None, model: str | None) -> None:
    """Refresh the drafts this event calls for, each as a pull request.

    On a push to the default branch: the release-notes draft for the next release, and the
    numbers of ADR drafts that landed. On a release tag: the CHANGELOG. A rerun on the same
    commit makes no commit and opens no pull request. The event comes from GITHUB_REF in
    GitHub Actions, else from the checkout (HEAD at a release tag is a release).

    \b
    Examples:
      leaddocs ci --dry-run
      GITHUB_TOKEN=... leaddocs ci      # in the Action: uses: <owner>/leaddocs@<sha>
    """
    project = state.project()
    job = plan(project, DraftOptions(llm=llm, model=model, progress=state.line_progress()))
    if job.event == "other":
        state.note(
            f"{job.ref}: only a push to the default branch or a release tag refreshes drafts"
        )
        return
    state.note(f"{job.event} {job.ref}: {len(job.steps)} step(s)")
    done = []
    for step in job.steps:
        if dry_run:
            click.echo(f"would refresh {step.kind} (leaddocs/{step.kind}): {step.reason}")
            continue
        result = step.run()
        state.pull_request(result.outcome, outputs=False)
        done.append(result)
    if dry_run:
        state.note("dry run: nothing was changed")
        return
    # The Action's outputs name the first pull request the run created or updated.
    changed = [result.outcome for result in done if result.outcome.operation != "none"]
    if changed or done:
        write_action_outputs((changed or [done[0].outcome])[0])
    state.finish_drafting(report for result in done for report in result.reports)
