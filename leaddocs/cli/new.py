"""``leaddocs new``: an RFC or a runbook from its template (docs/rfcs-and-runbooks.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from leaddocs.cli.app import State, SummaryGroup, pass_state
from leaddocs.cli.created import show_created
from leaddocs.cli.options import model_option, pr_option

if TYPE_CHECKING:
    from leaddocs.application.requests import DraftOptions

F = TypeVar("F", bound=Callable[..., Any])

# The values are checked by the application, which says what is wrong in one line (Click's
# own choice and required checks print a usage block).
RFC_STATUSES = "draft, review, accepted, rejected, withdrawn"


def drafting_options(function: F) -> F:
    """--from, --llm, --model, --no-cache, --no-edit and --pr, as `adr new` has them."""
    for option in reversed(
        (
            click.option(
                "--from",
                "source_file",
                type=click.Path(path_type=Path),
                metavar="FILE",
                help="Draft the sections from FILE (notes, an issue, an incident's timeline).",
            ),
            click.option(
                "--llm/--no-llm", "llm", default=None, help="With --from: draft with a model."
            ),
            model_option,
            click.option("--no-cache", is_flag=True, help="Ask the model again, not the cache."),
            click.option("--no-edit", is_flag=True, help="Do not open $VISUAL/$EDITOR on it."),
            pr_option,
        )
    ):
        function = option(function)
    return function


@dataclass(frozen=True, slots=True)
class _Drafting:
    """The options ``drafting_options`` adds, as a command receives them."""

    source: Path | None
    llm: bool | None
    model: str | None
    use_cache: bool
    edit: bool
    pr: bool

    @classmethod
    def of(cls, given: dict[str, Any]) -> _Drafting:
        return cls(
            given["source_file"],
            given["llm"],
            given["model"],
            not given["no_cache"],
            not given["no_edit"],
            given["pr"],
        )

    def options(self) -> DraftOptions:
        from leaddocs.application.requests import DraftOptions

        return DraftOptions(llm=self.llm, model=self.model, use_cache=self.use_cache)


@click.group("new", cls=SummaryGroup, short_help="Scaffold an RFC or a runbook from its template.")
def command() -> None:
    """Scaffold an RFC or a runbook from its template, drafted from notes when asked.

    \b
    Examples:
      leaddocs new rfc "Move billing events to Kafka" --reviewer "Grace Hopper"
      leaddocs new runbook "Restart the payment queue" --service payments --owner team-pay
    """


@command.command("rfc", short_help="Write a numbered RFC; print its path.")
@click.argument("title")
@click.option(
    "--status",
    default="draft",
    show_default=True,
    metavar="STATUS",
    help=f"One of {RFC_STATUSES}.",
)
@click.option("--author", "authors", multiple=True, metavar="NAME", help="Default: git user.name.")
@click.option("--reviewer", "reviewers", multiple=True, metavar="NAME", help="Repeatable.")
@drafting_options
@pass_state
def rfc(
    state: State,
    title: str,
    status: str,
    authors: tuple[str, ...],
    reviewers: tuple[str, ...],
    **drafting: Any,
) -> None:
    """Write rfcs.dir/NNNN-slug.md (docs/rfcs by default) dated today, and print its path.

    The sections are Summary, Motivation, Proposal, Alternatives, Risks and Open questions;
    the template is .leaddocs/templates/rfc.md.j2 when the repository has one. With --from,
    each part of FILE is quoted under the section its heading names (or, with --llm, the
    model drafts each section citing FILE's lines).

    \b
    Examples:
      leaddocs new rfc "Move billing events to Kafka" --reviewer "Grace Hopper" --no-edit
      leaddocs new rfc "Retire the v1 API" --from notes/v1-api.md --llm
      leaddocs new rfc "Shard the orders table" --pr   # proposed from leaddocs/rfc-shard-...
    """
    from leaddocs.application.new_record import new_rfc
    from leaddocs.application.requests import NewRfcRequest

    given = _Drafting.of(drafting)
    request = NewRfcRequest(
        title, status, authors, reviewers, source=given.source, drafting=given.options()
    )
    show_created(state, new_rfc(state.project(), request, pr=given.pr), edit=given.edit)


@command.command("runbook", short_help="Write a service's runbook; print its path.")
@click.argument("title")
@click.option("--service", default="", metavar="NAME", help="Required: the service it is for.")
@click.option("--owner", metavar="NAME", help="The team or person who keeps it up to date.")
@drafting_options
@pass_state
def runbook(state: State, title: str, service: str, owner: str | None, **drafting: Any) -> None:
    """Write runbooks.dir/SERVICE/slug.md (docs/runbooks by default), last verified today,
    and print its path.

    The sections are When to use, Symptoms, Steps, Rollback and Escalation; the template is
    .leaddocs/templates/runbook.md.j2 when the repository has one. A runbook not verified for
    runbooks.stale_after_days (180) is flagged stale on the site and on the status page.

    \b
    Examples:
      leaddocs new runbook "Restart the payment queue" --service payments --owner team-pay
      leaddocs new runbook "Fail over the database" --service orders --from incident-42.md
      leaddocs new runbook "Rotate the API keys" --service gateway --pr
    """
    from leaddocs.application.new_record import new_runbook
    from leaddocs.application.requests import NewRunbookRequest

    given = _Drafting.of(drafting)
    request = NewRunbookRequest(
        title, service, owner, source=given.source, drafting=given.options()
    )
    show_created(state, new_runbook(state.project(), request, pr=given.pr), edit=given.edit)
