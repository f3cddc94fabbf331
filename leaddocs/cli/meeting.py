"""``leaddocs meeting``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from leaddocs.cli.app import State, pass_state
from leaddocs.cli.options import model_option, pr_option
from leaddocs.errors import UsageError


@click.command("meeting", short_help="A meeting page from notes or a transcript.")
@click.argument("notes", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--title", metavar="T", help="The meeting's title (default: as the notes say).")
@click.option(
    "--date",
    "date_text",
    metavar="YYYY-MM-DD",
    help="The meeting's date (default: the front matter, the file name, the first heading, "
    "else today); relative due dates are read from it.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Create the page at FILE instead of in meetings.folder; - prints it.",
)
@click.option(
    "--adr", is_flag=True, help="Also draft a proposed ADR (XXXX-slug.md) from each decision."
)
@pr_option
@click.option("--llm/--no-llm", "llm", default=None, help="Draft the summary with a model.")
@model_option
@click.option("--no-cache", is_flag=True, help="Ask the model again even for a cached answer.")
@pass_state
def command(
    state: State,
    notes: Path,
    title: str | None,
    date_text: str | None,
    output: Path | None,
    adr: bool,
    pr: bool,
    llm: bool | None,
    model: str | None,
    no_cache: bool,
) -> None:
    """Turn meeting notes or a transcript into a meeting page: attendees, summary, decisions,
    action items (owner and due date only when stated: the rest is flagged), open questions,
    and what could not be classified. NOTES is Markdown or plain text, or a WebVTT (.vtt) or
    SubRip (.srt) transcript with speaker names. The page is created as
    docs/meetings/YYYY-MM-DD-slug.md (meetings.folder), never over an existing file.

    \b
    Examples:
      leaddocs meeting notes/2026-12-02-platform-sync.md
      leaddocs meeting call.vtt --title "Platform sync" --date 2026-12-02 -o -
      leaddocs meeting notes.md --adr      # + a proposed ADR draft per decision
      leaddocs meeting notes.md --llm --pr # summary by a model, delivered as a PR
    """
    from leaddocs.application.meeting import meeting_draft, meeting_pr, write_meeting
    from leaddocs.application.requests import DraftOptions, MeetingRequest

    to_stdout = output is not None and str(output) == "-"
    if pr and output is not None:
        raise UsageError("--pr delivers the page to meetings.folder: leave out --output")
    if adr and to_stdout:
        raise UsageError("--adr writes ADR drafts beside the page: give --output a file, not -")
    project = state.project()
    request = MeetingRequest(
        notes=notes,
        title=title,
        date=_date(date_text),
        output=output,
        adr=adr,
        drafting=DraftOptions(llm, model, None, not no_cache, state.line_progress()),
    )
    draft = meeting_draft(project, request)
    state.progress_done()
    if pr:
        state.pull_request(meeting_pr(project, draft))
    elif to_stdout:
        state.emit(draft.page, output)
    else:
        state.notes(draft.page.notes)
        written = write_meeting(project, draft)
        click.echo(project.rel(written[0].path))
        for done in written[1:]:
            state.note(f"{done.action} {project.rel(done.path)}")
    state.finish_drafting([draft.page.report])


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UsageError(f"--date {text}: not a date; give YYYY-MM-DD") from exc
