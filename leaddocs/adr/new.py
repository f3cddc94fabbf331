"""A new ADR as documents: the record from the one MADR template, and the back-links of the
records it supersedes or amends. Nothing here writes: the delivery step does."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leaddocs import yamlio
from leaddocs.adr.edit import KIND, Link, edited_record
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import WRITABLE_STATUSES, Adr, LinkKind
from leaddocs.adr.slug import titled
from leaddocs.adr.template import render_record
from leaddocs.document import Document, WriteMode
from leaddocs.errors import UsageError

DRAFT_NUMBER = "XXXX"  # the number of a draft record until it lands (adr number-drafts)


@dataclass(frozen=True, slots=True)
class NewRecord:
    """A new ADR and the edits of the records it supersedes or amends, ready to deliver."""

    path: Path
    documents: list[Document]
    notes: tuple[str, ...] = ()


def new_record(
    log: DecisionLog,
    title: str,
    *,
    status: str = "proposed",
    supersedes: Sequence[str] = (),
    amends: Sequence[str] = (),
    tags: Sequence[str] = (),
    decision_makers: Sequence[str] = (),
    draft: bool = False,
    sections: Mapping[str, str] | None = None,
    today: datetime.date,
    templates_dir: Path,
) -> NewRecord:
    """A new MADR 4 ADR ``NNNN-slug.md`` (``XXXX-slug.md`` with ``draft``) from the one ADR
    template, with drafted ``sections`` placed in it; superseded ADRs marked superseded and
    linked back, amended ones linked back. Nothing is written here."""
    title, slug = titled(title)
    if status not in WRITABLE_STATUSES:
        raise UsageError(f"unknown status '{status}' (use one of {', '.join(WRITABLE_STATUSES)})")
    superseded = _unique(log.get(ref) for ref in supersedes)
    amended = _unique(log.get(ref) for ref in amends)
    number = DRAFT_NUMBER if draft else f"{log.next_number():04d}"
    path = log.folder / f"{number}-{slug}.md"
    front = _front_matter(status, today, superseded, amended, tags, decision_makers)
    record = render_record(
        title=title,
        front_matter=front,
        number=number,
        sections=sections or {},
        adr_dir=log.folder,
        templates_dir=templates_dir,
        boundary=log.root,
    )
    stub = _stub(path, log)
    # One edit per old record: an ADR both superseded and amended gets both links at once.
    back_links: dict[str, tuple[Adr, list[Link]]] = {}
    by_kind: tuple[tuple[LinkKind, list[Adr]], ...] = (
        ("superseded-by", superseded),
        ("amended-by", amended),
    )
    for kind, olds in by_kind:
        for old in olds:
            back_links.setdefault(old.id, (old, []))[1].append((kind, stub))
    documents = [
        Document(KIND, path, record.text, mode=WriteMode.CREATE, front_matter={"status": status})
    ]
    for old, old_links in back_links.values():
        new_status = "superseded" if old in superseded else None
        documents.append(edited_record(old, log.rel, status=new_status, links=old_links))
    return NewRecord(path, documents, record.notes)


def _unique(adrs: Iterable[Adr]) -> list[Adr]:
    """Each ADR once, in the order named: ``--supersedes 1 --supersedes 0001`` is one link."""
    return list({adr.id: adr for adr in adrs}.values())


def _stub(path: Path, log: DecisionLog) -> Adr:
    """An Adr standing for a file about to be written, so links to it can be made first."""
    from leaddocs.adr.parse import identity

    adr_id, number, slug = identity(path.stem)
    return Adr(path, log.rel(path), adr_id, number, slug, "proposed", "", None, "madr4")


def _front_matter(
    status: str,
    date: datetime.date,
    superseded: list[Adr],
    amended: list[Adr],
    tags: Sequence[str],
    decision_makers: Sequence[str],
) -> str:
    data: dict[str, Any] = {
        "status": status,
        "date": date,
        "decision-makers": yamlio.flow_list(list(decision_makers)),
        "consulted": yamlio.flow_list([]),
        "informed": yamlio.flow_list([]),
    }
    if superseded:
        data["supersedes"] = yamlio.flow_list([adr.id for adr in superseded])
    if amended:
        data["amends"] = yamlio.flow_list([adr.id for adr in amended])
    data["tags"] = yamlio.flow_list(list(tags))
    return yamlio.dump(data)
