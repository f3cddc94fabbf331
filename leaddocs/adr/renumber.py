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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from leaddocs.adr import links
from leaddocs.adr.edit import edit_document, retarget
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import Adr
from leaddocs.adr.parse import DRAFT_NAME, identity
from leaddocs.document import Document
from leaddocs.history.git import GitRepository
from leaddocs.textfile import Source, read_source

Reader = Callable[[Path], Source]
_NEVER_COMMITTED = 2**63  # files not yet committed count as the newest
# As status.MARKDOWN_LINK: neither part runs past the next "[" or "]", so a failed start
# scans only to the next candidate, not to the end of the text.
_MARKDOWN_LINK = re.compile(r"\[(?P<label>[^\[\]]*)\]\((?P<target>[^)\s\]]+)\)")


@dataclass(frozen=True, slots=True)
class Move:
    adr: Adr
    number: int
    # The ADRs (by ``id()``) whose bare references to the old number mean this one; None: all.
    meant: frozenset[int] | None = None

    @property
    def target(self) -> Path:
        return self.adr.path.with_name(f"{self.number:04d}-{identity(self.adr.stem)[2]}.md")


def renumber(log: DecisionLog, repo: GitRepository) -> list[Move]:
    """The moves giving every ADR that shares its number with an earlier-committed one a new
    number (carried out one by one with ``move_step``)."""
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
    return [
        Move(move.adr, move.number, _meaning(log, repo, move.adr, keepers[id(move.adr)]))
        for move in _plan(log, later)
    ]


def number_drafts(log: DecisionLog, repo: GitRepository) -> list[Move]:
    """The moves numbering every draft ``XXXX-slug.md``, in the order they were committed.
    A draft's stem names it alone, so every file's references mean it."""
    drafts = [adr for adr in log.adrs if DRAFT_NAME.fullmatch(adr.stem)]
    added = repo.added_times([adr.rel for adr in drafts])
    drafts.sort(key=lambda adr: (added.get(adr.rel, _NEVER_COMMITTED), adr.stem))
    return _plan(log, drafts)


def _plan(log: DecisionLog, moving: list[Adr]) -> list[Move]:
    first = log.next_number()
    return [Move(adr, first + offset) for offset, adr in enumerate(moving)]


def _meaning(log: DecisionLog, repo: GitRepository, moved: Adr, keeper: Adr) -> frozenset[int]:
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
    return frozenset(meant)


@dataclass(frozen=True, slots=True)
class MoveStep:
    """One move as documents: the links to the ADR rewritten in other records, and its own
    text at its new path (both edits of the bytes read now). The file moves before they land."""

    move: Move
    edits: list[Document]
    own: Document


def move_step(
    log: DecisionLog, move: Move, read: Reader | None = None, pages: Sequence[Path] = ()
) -> MoveStep:
    """The edits for ``move``, read from the files as they are now (after earlier moves);
    ``read`` stands in for the files when earlier moves live in memory (a pull request).
    ``pages``: Markdown files beside the records (meeting pages) whose links to the record
    follow it; their text is not a record's, so only links are rewritten there."""
    read = read or (lambda path: read_source(path, log.rel))
    adr, meant = move.adr, move.meant
    old_ids = {adr.id, adr.stem} if adr.number is not None else {adr.stem}
    edits = []
    for other in log.adrs:
        if other is adr:
            continue
        source = read(other.path)
        text = _relinked(source.text, adr, move)
        if meant is None or id(other) in meant:
            text = retarget(text, old_ids, f"{move.number:04d}")
            if adr.number is not None:
                text = _renumber_mentions(text, adr.number, move.number)
        if text != source.text:
            edits.append(edit_document(other.path, source.restore(text), source))
    for page in pages:
        source = read(page)
        text = _relinked(source.text, adr, move)
        if text != source.text:
            edits.append(edit_document(page, source.restore(text), source))
    own = read(adr.path)
    own_text = own.text
    if adr.number is not None:
        # adr-tools headings carry the number: "# 12. Title" becomes "# 13. Title".
        own_text = re.sub(
            rf"^# 0*{adr.number}\. ", f"# {move.number}. ", own_text, count=1, flags=re.M
        )
    return MoveStep(move, edits, edit_document(move.target, own.restore(own_text), own))


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
