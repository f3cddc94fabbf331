"""Changes to existing ADRs as documents: status changes, links on both sides.

Nothing here writes: the application layer hands these documents to the delivery step."""

from __future__ import annotations

from leaddocs.adr import cycles
from leaddocs.adr.edit import edited_record
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import REVERSE, WRITABLE_STATUSES, Adr, LinkKind
from leaddocs.document import Document
from leaddocs.errors import UsageError

# Which status may follow which; `adr status --force` skips the check.
TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"proposed", "accepted", "rejected"}),
    "proposed": frozenset({"draft", "accepted", "rejected"}),
    "accepted": frozenset({"deprecated", "superseded"}),
    "rejected": frozenset({"proposed"}),
    "deprecated": frozenset({"accepted"}),
    "superseded": frozenset(),
    "unknown": frozenset(WRITABLE_STATUSES),
}


def set_status(
    log: DecisionLog, reference: str, status: str, *, force: bool = False
) -> tuple[Adr, list[Document]]:
    """The edit changing an ADR's status, checking the transition unless ``force``."""
    adr = log.get(reference)
    if status not in WRITABLE_STATUSES:
        raise UsageError(f"unknown status '{status}' (use one of {', '.join(WRITABLE_STATUSES)})")
    if not force:
        if status == adr.status:
            raise UsageError(f"{adr.rel} is already {status}")
        if status not in TRANSITIONS[adr.status]:
            allowed = ", ".join(sorted(TRANSITIONS[adr.status])) or "none"
            raise UsageError(
                f"{adr.rel}: cannot go from {adr.status} to {status} (allowed: {allowed}; "
                "--force overrides)"
            )
        if status == "superseded" and not adr.links["superseded-by"]:
            raise UsageError(
                f"{adr.rel}: say what supersedes it: leaddocs adr link NEW --supersedes {adr.id}"
            )
    return adr, [edited_record(adr, log.rel, status=status)]


def link(
    log: DecisionLog, source_ref: str, kind: LinkKind, target_ref: str
) -> tuple[Adr, Adr, list[Document]]:
    """The edits recording ``source kind target`` in both files; superseding also marks the
    target superseded."""
    source, target = log.get(source_ref), log.get(target_ref)
    if source is target:
        raise UsageError(f"{source.rel} cannot {kind.removesuffix('s')} itself")
    cycles.refuse(log.adrs, source, kind, target)
    new_status = "superseded" if kind == "supersedes" else None
    return (
        source,
        target,
        [
            edited_record(source, log.rel, status=None, links=[(kind, target)]),
            edited_record(target, log.rel, status=new_status, links=[(REVERSE[kind], source)]),
        ],
    )
