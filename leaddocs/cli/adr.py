"""``leaddocs adr``: the decision log (docs/adr.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from leaddocs.adr import report
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import STATUSES, WRITABLE_STATUSES, LinkKind
from leaddocs.cli.app import State, SummaryGroup, pass_state
from leaddocs.cli.created import show_created
from leaddocs.cli.options import model_option, pr_option
from leaddocs.errors import LintFailure

if TYPE_CHECKING:
    from leaddocs.adr.renumber import Move

# The application modules load lazily: the pre-commit hook (`adr lint`) should not pay for
# the drafting engine, which only `adr new` needs.


def _log(state: State, *, dates: bool = False) -> DecisionLog:
    """The decision log; ``dates``: records that state none dated by git history (a listing
    shows them; an edit does not need them)."""
    from leaddocs.application.decisions import decision_log

    log = decision_log(state.project(), dates=dates)
    for finding in log.unreadable:
        # A broken file is reported and skipped; it never stops the listing.
        state.note(f"{finding.path}:{finding.line}: {finding.message}")
    return log


@click.group("adr", cls=SummaryGroup, short_help="Decision records: write, list, check, link.")
def command() -> None:
    """Architecture decision records: read every style, write MADR 4, keep links whole.

    \b
    Examples:
      leaddocs adr new "Use Postgres for events" --supersedes 3
      leaddocs adr list --status accepted
      leaddocs adr lint
    """


@command.command("new", short_help="Write a new MADR 4 record; print its path.")
@click.argument("title")
@click.option(
    "--status",
    type=click.Choice(WRITABLE_STATUSES),
    default="proposed",
    show_default=True,
    help="Status of the new record.",
)
@click.option("--supersedes", multiple=True, metavar="ID", help="ADR this one replaces.")
@click.option("--amends", multiple=True, metavar="ID", help="ADR this one amends.")
@click.option("--tag", "tags", multiple=True, metavar="T", help="A tag (repeatable).")
@click.option(
    "--decision-maker", "decision_makers", multiple=True, metavar="NAME", help="Repeatable."
)
@click.option(
    "--draft", is_flag=True, help="Name it XXXX-slug.md; the number is given when it lands."
)
@click.option("--no-edit", is_flag=True, help="Do not open $VISUAL/$EDITOR on the new file.")
@click.option(
    "--from",
    "source_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Draft the body from FILE (notes, an issue, a discussion); see docs/llm.md.",
)
@click.option(
    "--llm/--no-llm", "llm", default=None, help="With --from: draft with a model, grounded."
)
@model_option
@click.option("--no-cache", is_flag=True, help="Ask the model again even for a cached answer.")
@pr_option
@pass_state
def new(
    state: State,
    title: str,
    status: str,
    supersedes: tuple[str, ...],
    amends: tuple[str, ...],
    tags: tuple[str, ...],
    decision_makers: tuple[str, ...],
    draft: bool,
    no_edit: bool,
    source_file: Path | None,
    llm: bool | None,
    model: str | None,
    no_cache: bool,
    pr: bool,
) -> None:
    """Write a new MADR 4 record NNNN-slug.md dated today, and print its path.

    Superseding marks the old record superseded and links it back, keeping the rest of its
    file as it was. The template is .leaddocs/templates/adr.md.j2 or the ADR folder's
    template.md when present; a drafted record (--from) uses it too.

    \b
    Examples:
      leaddocs adr new "Use Postgres for events" --tag storage --no-edit
      leaddocs adr new "Move events to Kafka" --supersedes 7 --decision-maker "Ada Lovelace"
      leaddocs adr new "Cache invoices" --draft   # XXXX-cache-invoices.md, numbered on merge
      leaddocs adr new "Use Kafka" --from notes/kafka.md --llm   # grounded in the notes
      leaddocs adr new "Use Kafka" --pr    # proposed in a PR from leaddocs/adr-use-kafka
    """
    from leaddocs.application.new_adr import new_adr
    from leaddocs.application.requests import DraftOptions, NewAdrRequest

    project = state.project()
    request = NewAdrRequest(
        title=title,
        status=status,
        supersedes=supersedes,
        amends=amends,
        tags=tags,
        decision_makers=decision_makers,
        draft=draft,
        source=source_file,
        drafting=DraftOptions(llm=llm, model=model, use_cache=not no_cache),
    )
    show_created(state, new_adr(project, request, pr=pr), edit=not no_edit)


@command.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only records with this status.")
@click.option("--tag", metavar="T", help="Only records tagged T.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "md"]),
    default="table",
    show_default=True,
    help="A table for people, JSON (docs/adr.md) for scripts, Markdown for a page.",
)
@pass_state
def list_(state: State, status: str | None, tag: str | None, output_format: str) -> None:
    """List the decision log. Broken files are reported on stderr and skipped.

    \b
    Examples:
      leaddocs adr list
      leaddocs adr list --status accepted --tag storage
      leaddocs adr list --format json | jq '.[] | select(.superseded_by == []) | .title'
    """
    log = _log(state, dates=True)
    adrs = report.select(log.adrs, status=status, tag=tag)
    if output_format == "md":
        click.echo(report.as_markdown(adrs, every=log.adrs), nl=False)
        return
    render = {"json": report.as_json, "table": report.as_table}
    click.echo(render[output_format](adrs), nl=False)
    if output_format == "table" and any(adr.date_from_git for adr in adrs):
        state.note(f"{report.GIT_DATE_MARK} the record states no date: its file's first commit")


@command.command("show")
@click.argument("reference", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The JSON record instead of text.")
@pass_state
def show(state: State, reference: str, as_json: bool) -> None:
    """Show one record: status, date, links in both directions.

    ID is a number (12, 0012, ADR-0012), a file name or its stem.

    \b
    Examples:
      leaddocs adr show 12
      leaddocs adr show 20230115-adopt-opentelemetry --json
    """
    adr = _log(state, dates=True).get(reference)
    click.echo(report.as_json([adr]) if as_json else report.as_detail(adr), nl=False)


@command.command("status", short_help="Change a record's status in its file.")
@click.argument("reference", metavar="ID")
@click.argument("status", type=click.Choice(WRITABLE_STATUSES))
@click.option("--force", is_flag=True, help="Allow any transition.")
@pass_state
def status(state: State, reference: str, status: str, force: bool) -> None:
    """Change a record's status in its file (proposed -> accepted, accepted -> deprecated...).

    \b
    Examples:
      leaddocs adr status 12 accepted
      leaddocs adr status 4 proposed --force
    """
    from leaddocs.application.decisions import set_status

    adr = set_status(_log(state), reference, status, force=force)
    state.note(f"{adr.rel}: {adr.status} -> {status}")


@command.command("link")
@click.argument("reference", metavar="ID")
@click.option("--supersedes", metavar="OTHER", help="ID supersedes OTHER (marked superseded).")
@click.option("--amends", metavar="OTHER", help="ID amends OTHER.")
@pass_state
def link(state: State, reference: str, supersedes: str | None, amends: str | None) -> None:
    """Link two records, writing both sides.

    \b
    Examples:
      leaddocs adr link 12 --supersedes 7
      leaddocs adr link 12 --amends 3
    """
    if (supersedes is None) == (amends is None):
        raise click.UsageError("give exactly one of --supersedes or --amends")
    from leaddocs.application.decisions import link as link_records

    kind: LinkKind = "supersedes" if supersedes is not None else "amends"
    other_ref = supersedes if supersedes is not None else amends
    assert other_ref is not None
    source, other = link_records(_log(state), reference, kind, other_ref)
    state.note(f"{source.rel} {kind} {other.rel}")


@command.command("lint", short_help="Check the decision log; exit 1 on errors.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--ignore",
    "ignore",
    multiple=True,
    metavar="CODE",
    help="Do not report CODE (repeatable, or CODE,CODE); adds to adr.lint.ignore.",
)
@pass_state
def lint_command(state: State, paths: tuple[Path, ...], ignore: tuple[str, ...]) -> None:
    """Check the decision log: broken files, duplicate numbers, dangling or one-way links,
    unknown statuses, bad dates, titles that disagree with file names.

    Prints path:line: CODE message, then a summary line; exits 1 when there are errors
    (warnings do not fail). With PATHS (as pre-commit passes them) only those files are
    reported. A code in adr.lint.ignore (or --ignore) is not reported.

    \b
    Examples:
      leaddocs adr lint
      leaddocs adr lint adr/0012-use-postgres.md
      leaddocs adr lint --ignore ADR008    # titles may differ from file names
    """
    from leaddocs.application.decisions import lint_log

    codes = [code for option in ignore for code in option.split(",") if code.strip()]
    result = lint_log(state.project(), [Path(path) for path in paths], codes)
    for finding in result.findings:
        click.echo(str(finding) + (" (warning)" if finding.severity == "warning" else ""))
    if result.errors:
        raise LintFailure(result.summary())
    state.note(result.summary())


def _print_moves(state: State, moves: list[Move], log: DecisionLog, dry_run: bool) -> None:
    for move in moves:
        click.echo(f"{move.adr.rel} -> {log.rel(move.target)}")
    for move in moves:
        state.notes(move.left)
    if dry_run and moves:
        state.note("dry run: nothing was changed")


@command.command("renumber", short_help="Settle numbers two branches both took.")
@click.option("--dry-run", is_flag=True, help="Print what would move; change nothing.")
@pass_state
def renumber_command(state: State, dry_run: bool) -> None:
    """Settle duplicate numbers after two branches each added the same one.

    The ADR committed first keeps its number; each later one gets the next free number,
    moves with `git mv`, and every link to it is rewritten. A bare number ("ADR-0012") that
    could mean either record is left as written and named on stderr (file:line). Every move
    lands, or none.

    \b
    Examples:
      leaddocs adr renumber --dry-run
      leaddocs adr renumber && git commit -m "docs(adr): renumber"
    """
    from leaddocs.application.decisions import renumber

    log = _log(state)
    _print_moves(state, renumber(state.project(), log, dry_run=dry_run), log, dry_run)


@command.command("number-drafts", short_help="Number the XXXX-slug.md drafts that landed.")
@click.option("--dry-run", is_flag=True, help="Print what would move; change nothing.")
@pass_state
def number_drafts_command(state: State, dry_run: bool) -> None:
    """Give placeholder drafts (XXXX-slug.md) their numbers, in commit order.

    Run it on the main branch after a merge (CI does), so branches never clash on numbers.

    \b
    Examples:
      leaddocs adr new "Cache invoices" --draft    # on a branch: adr/XXXX-cache-invoices.md
      leaddocs adr number-drafts                   # on main: adr/0013-cache-invoices.md
    """
    from leaddocs.application.decisions import number_drafts

    log = _log(state)
    _print_moves(state, number_drafts(state.project(), log, dry_run=dry_run), log, dry_run)


@command.command("migrate", short_help="Move older styles into MADR 4 front matter.")
@click.option(
    "--to",
    "target",
    type=click.Choice(["madr4"]),
    default="madr4",
    show_default=True,
    help="The format to write.",
)
@click.option("--dry-run", is_flag=True, help="Print the files that would change; change none.")
@pass_state
def migrate_command(state: State, target: str, dry_run: bool) -> None:
    """Move adr-tools, MADR 2 and log4brains metadata into MADR 4 front matter.

    Status, date, deciders, tags and links move; the rest of each body stays as it was and
    file names do not change, so links keep working.

    \b
    Examples:
      leaddocs adr migrate --dry-run
      leaddocs adr migrate && git diff --stat
    """
    from leaddocs.application.decisions import migrate

    done = migrate(_log(state), dry_run=dry_run)
    for migration in done:
        click.echo(f"{migration.adr.rel} ({migration.adr.style} -> {target})")
    if dry_run and done:
        state.note("dry run: nothing was changed")
