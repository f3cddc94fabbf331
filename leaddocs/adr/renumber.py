"""Numbers that do not clash across branches.

Two branches that both add ADR 0012 merge into a log with two 0012s: ``renumber`` keeps the one
committed first and gives each later one the next free number. Placeholder drafts
(``XXXX-slug.md``) get their number when they land: ``number_drafts`` is what CI calls after a
merge. Either way the file moves with ``git mv`` and every link to it is rewritten:

- a Markdown link to the file, everywhere: its target, and its label when the label names the
  old number (``[ADR-0012](...)``, adr-tools' ``[12. Title](...)``);
- a bare number (``'0012'`` in front matter, ``ADR-0012`` in text) only where it meant the
  moved ADR: in the records the moved ADR links to (their back-links), and in records added
  in a commit that had the moved ADR in its history but not the one keeping the number (they
  were written on the moved ADR's branch). Elsewhere the number still means the ADR keeping it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from leaddocs.adr import links
from leaddocs.adr.edit import retarget
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import Adr
from leaddocs.adr.parse import PLACEHOLDER, identity
from leaddocs.adr.textfile import check_writable, read_source, write_all
from leaddocs.errors import OutputError
from leaddocs.history.git import GitRepository

_NEVER_COMMITTED = 2**63  # files not yet committed count as the newest
_MARKDOWN_LINK = re.compile(r"\[(?P<label>[^\]]*)\]\((?P<target>[^)\s]+)\)")


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
    keepers: dict[int, Adr] = {}
    for group in clashing:
        ordered = sorted(group, key=lambda adr: (added.get(adr.rel, _NEVER_COMMITTED), adr.stem))
        later.extend(ordered[1:])
        keepers.update((id(adr), ordered[0]) for adr in ordered[1:])
    moves = _plan(log, later)
    if not dry_run:
        for move in moves:
            _move(log, repo, move, _meaning(log, repo, move.adr, keepers[id(move.adr)]))
    return moves


def number_drafts(log: DecisionLog, repo: GitRepository, *, dry_run: bool = False) -> list[Move]:
    """Number every placeholder ``XXXX-slug.md``, in the order they were committed."""
    drafts = [adr for adr in log.adrs if PLACEHOLDER.fullmatch(adr.stem)]
    added = repo.added_times([adr.rel for adr in drafts])
    drafts.sort(key=lambda adr: (added.get(adr.rel, _NEVER_COMMITTED), adr.stem))
    moves = _plan(log, drafts)
    if not dry_run:
        for move in moves:
            _move(log, repo, move, None)  # a draft's stem names it alone: every file means it
    return moves


def _plan(log: DecisionLog, moving: list[Adr]) -> list[Move]:
    first = log.next_number()
    return [Move(adr, first + offset) for offset, adr in enumerate(moving)]


def _meaning(log: DecisionLog, repo: GitRepository, moved: Adr, keeper: Adr) -> set[int]:
    """The ADRs (by ``id()``) whose bare references to the shared number mean ``moved``."""
    index = links.Index(log.adrs)
    meant = {id(found) for ref in moved.refs if (found := index.find(ref.text)) is not None}
    naming = [
        adr
        for adr in log.adrs
        if adr is not moved
        and adr is not keeper
        and any(links.number_of(ref.text) == moved.number for ref in adr.refs)
    ]
    commits = repo.added_commits([moved.rel, keeper.rel, *(adr.rel for adr in naming)])
    mine, theirs = commits.get(moved.rel), commits.get(keeper.rel)
    for adr in naming:
        added = commits.get(adr.rel)
        if (
            mine is not None
            and added is not None
            and repo.is_ancestor(mine, added)
            and not (theirs is not None and repo.is_ancestor(theirs, added))
        ):
            meant.add(id(adr))
    return meant


def _move(log: DecisionLog, repo: GitRepository, move: Move, meant: set[int] | None) -> None:
    """Rewrite every link to ``move.adr`` and move its file; all of it, or none."""
    adr, target = move.adr, move.target
    old_ids = {adr.id, adr.stem} if adr.number is not None else {adr.stem}
    writes = []
    for other in log.adrs:
        if other is adr:
            continue
        source = read_source(other.path)
        text = _relinked(source.text, adr, move)
        if meant is None or id(other) in meant:
            text = retarget(text, old_ids, f"{move.number:04d}")
            if adr.number is not None:
                text = _renumber_mentions(text, adr.number, move.number)
        if text != source.text:
            writes.append((other.path, source.restore(text)))
    own = read_source(adr.path)
    own_text = own.text
    if adr.number is not None:
        # adr-tools headings carry the number: "# 12. Title" becomes "# 13. Title".
        own_text = re.sub(
            rf"^# 0*{adr.number}\. ", f"# {move.number}. ", own_text, count=1, flags=re.M
        )
    # Every file is checked before the move, and the move comes before any write: a failing
    # git mv (a held index.lock) then leaves no link pointing at a file that is not there.
    for path in [*(path for path, _ in writes), adr.path]:
        check_writable(path, log.rel)
    _rename(log, repo, adr.path, target)
    try:
        write_all([*writes, (target, own.restore(own_text))], log.rel)
    except OutputError:
        _rename(log, repo, target, adr.path)
        raise
    adr.path = target


def _rename(log: DecisionLog, repo: GitRepository, source: Path, target: Path) -> None:
    if repo.is_tracked(log.rel(source)):
        repo.move(log.rel(source), log.rel(target))  # git mv, so history follows the file
    else:
        source.rename(target)


def _relinked(text: str, adr: Adr, move: Move) -> str:
    """Markdown links to ``adr``'s file point at its new name; a label that names the old
    number (``ADR-0012``, ``12. Title``) or the draft's stem names the new one."""
    old_name, new_name = adr.path.name, move.target.name

    def repl(match: re.Match[str]) -> str:
        label, target = match["label"], match["target"]
        if PurePosixPath(target.split("#")[0]).name != old_name:
            return match[0]
        if adr.number is not None:
            label = re.sub(
                rf"^(\s*(?:ADR[-_ ]?|#)?)(0*{adr.number})(?![\w-])",
                lambda found: f"{found[1]}{move.number:0{len(found[2])}d}",
                label,
                flags=re.IGNORECASE,
            )
        elif label == adr.stem:
            label = f"ADR-{move.number:04d}"
        return f"[{label}]({target.replace(old_name, new_name)})"

    return _MARKDOWN_LINK.sub(repl, text).replace(old_name, new_name)


def _renumber_mentions(text: str, old: int, new: int) -> str:
    """``ADR-0012`` / ``ADR 12`` in status text and link lines become the new number."""

    def repl(match: re.Match[str]) -> str:
        return f"{match[1]}{new:0{len(match[2])}d}"

    return re.sub(rf"\b(ADR[-_ ]?)(0*{old})\b(?!-)", repl, text, flags=re.IGNORECASE)
