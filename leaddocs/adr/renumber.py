"""Numbers that do not clash across branches.

Two branches that both add ADR 0012 merge into a log with two 0012s: ``renumber`` keeps the one
committed first and gives each later one the next free number. Placeholder drafts
(``XXXX-slug.md``) get their number when they land: ``number_drafts`` is what CI calls after a
merge. Either way the file moves with ``git mv`` and every link to it is rewritten.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from leaddocs.adr import links
from leaddocs.adr.edit import read_text, retarget
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import Adr
from leaddocs.adr.parse import PLACEHOLDER, identity
from leaddocs.documents.writer import write_atomic
from leaddocs.history.git import GitRepository

_NEVER_COMMITTED = 2**63  # files not yet committed count as the newest


@dataclass(frozen=True, slots=True)
class Move:
    adr: Adr
    number: int

    @property
    def target(self) -> Path:
        return self.adr.path.with_name(f"{self.number:04d}-{identity(self.adr.stem)[2]}.md")


def renumber(log: DecisionLog, repo: GitRepository, *, dry_run: bool = False) -> list[Move]:
    """Give every ADR that shares its number with an earlier-committed one a new number."""
    groups: dict[int, list[Adr]] = defaultdict(list)
    for adr in log.adrs:
        if adr.number is not None:
            groups[adr.number].append(adr)
    clashing = [group for group in groups.values() if len(group) > 1]
    added = repo.added_times([adr.rel for group in clashing for adr in group])
    later: list[Adr] = []
    for group in clashing:
        ordered = sorted(group, key=lambda adr: (added.get(adr.rel, _NEVER_COMMITTED), adr.stem))
        later.extend(ordered[1:])
    return _apply(log, repo, later, dry_run=dry_run)


def number_drafts(log: DecisionLog, repo: GitRepository, *, dry_run: bool = False) -> list[Move]:
    """Number every placeholder ``XXXX-slug.md``, in the order they were committed."""
    drafts = [adr for adr in log.adrs if PLACEHOLDER.fullmatch(adr.stem)]
    added = repo.added_times([adr.rel for adr in drafts])
    drafts.sort(key=lambda adr: (added.get(adr.rel, _NEVER_COMMITTED), adr.stem))
    return _apply(log, repo, drafts, dry_run=dry_run)


def _apply(
    log: DecisionLog, repo: GitRepository, moving: list[Adr], *, dry_run: bool
) -> list[Move]:
    number = log.next_number()
    moves = []
    for adr in moving:
        moves.append(Move(adr, number))
        number += 1
    if dry_run:
        return moves
    for move in moves:
        _move(log, repo, move)
    return moves


def _move(log: DecisionLog, repo: GitRepository, move: Move) -> None:
    adr, target = move.adr, move.target
    new_id = f"{move.number:04d}"
    index = links.Index(log.adrs)
    # Links by number are ambiguous while two ADRs share it; the ones that mean this ADR are
    # the back-links of the ADRs it links to itself.
    counterparts = {id(found) for ref in adr.refs if (found := index.find(ref.text)) is not None}
    old_ids = {adr.id, adr.stem} if adr.number is not None else {adr.stem}
    for other in log.adrs:
        if other is adr:
            continue
        text = read_text(other.path)
        new_text = text.replace(adr.path.name, target.name)
        if id(other) in counterparts or adr.number is None:
            new_text = retarget(new_text, old_ids, new_id)
            if adr.number is not None:
                new_text = _renumber_mentions(new_text, adr.number, move.number)
        if new_text != text:
            write_atomic(other.path, new_text)
    own = read_text(adr.path)
    if adr.number is not None:
        # adr-tools headings carry the number: "# 12. Title" becomes "# 13. Title".
        own = re.sub(rf"^# 0*{adr.number}\. ", f"# {move.number}. ", own, count=1, flags=re.M)
    rel_source, rel_target = log.rel(adr.path), log.rel(target)
    if repo.is_tracked(rel_source):
        repo.move(rel_source, rel_target)
    else:
        adr.path.rename(target)
    write_atomic(target, own)
    adr.path = target


def _renumber_mentions(text: str, old: int, new: int) -> str:
    """``ADR-0012`` / ``ADR 12`` in status text and link lines become the new number."""

    def repl(match: re.Match[str]) -> str:
        return f"{match[1]}{new:0{len(match[2])}d}"

    return re.sub(rf"\b(ADR[-_ ]?)(0*{old})\b(?!-)", repl, text, flags=re.IGNORECASE)
