"""Numbers that do not clash across branches.

Two branches that both add ADR 0012 merge into a log with two 0012s: ``renumber`` keeps the one
committed first and gives each later one the next free number. Placeholder drafts
(``XXXX-slug.md``) get their number when they land: ``number_drafts`` is what CI calls after a
merge. Either way the file moves with ``git mv`` and every link to it is rewritten:

- a reference by file name, everywhere: a Markdown link's target, and its label when the label
  names the old number (``[ADR-0012](...)``, adr-tools' ``[12. Title](...)``); a front matter
  item naming the file's stem. A link to the other 0012's file is left alone, label included;
- a bare number (``'0012'`` in front matter, ``ADR-0012`` in text) only where it certainly
  meant the moved ADR:
  - in a file last changed in a commit that had the moved ADR in its history and no other 0012
    (written on the moved ADR's branch), every mention;
  - a supersedes/amends link naming 0012 in the other 0012 (a record does not link to itself),
    when only two records share the number;
  - a back-link (``superseded-by: ['0012']``) in a record the moved ADR links to, when no other
    0012 links to it the same way.

  A file last changed where only another 0012 existed means that one: its mentions stay. Any
  other bare mention could mean either record: it is left as written, and ``Move.left`` names
  its file and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from leaddocs.adr import links
from leaddocs.adr.edit import edit_document, retarget
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import REVERSE, Adr, LinkKind, Ref
from leaddocs.adr.parse import DRAFT_NAME, identity
from leaddocs.document import Document
from leaddocs.history.git import GitRepository
from leaddocs.textfile import Source, read_source

Reader = Callable[[Path], Source]
_NEVER_COMMITTED = 2**63  # files not yet committed count as the newest
# As status.MARKDOWN_LINK: neither part runs past the next "[" or "]", so a failed start
# scans only to the next candidate, not to the end of the text.
_MARKDOWN_LINK = re.compile(r"\[(?P<label>[^\[\]]*)\]\((?P<target>[^)\s\]]+)\)")
Written = Literal["moved", "other", "unsure"]  # which 0012 a file's bare "0012" meant


@dataclass(frozen=True, slots=True)
class Move:
    adr: Adr
    number: int
    # The records (by ``id()``) whose every bare reference to the old number means this one,
    # itself included; None: all (a draft's stem names it alone).
    meant: frozenset[int] | None = None
    # (``id()`` of a record, link kind): that record's links of that kind naming the old
    # number mean this one, whatever else in the file means.
    linked: frozenset[tuple[int, LinkKind]] = frozenset()
    # ``file:line: ...`` for each bare mention that could mean either record: left as written.
    left: tuple[str, ...] = ()

    @property
    def target(self) -> Path:
        return self.adr.path.with_name(f"{self.number:04d}-{identity(self.adr.stem)[2]}.md")


def renumber(
    log: DecisionLog, repo: GitRepository, pages: Sequence[Path] = (), read: Reader | None = None
) -> list[Move]:
    """The moves giving every ADR that shares its number with an earlier-committed one a new
    number (carried out one by one with ``move_step``). ``pages``: Markdown files beside the
    records whose bare mentions of a moved number are reported in ``Move.left``."""
    read = read or (lambda path: read_source(path, log.rel))
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
    if not later:
        return []
    texts = {adr.path: read(adr.path).text for adr in log.adrs}
    texts.update((page, read(page).text) for page in pages)
    shared = {number for number, group in groups.items() if len(group) > 1}
    settled = []
    for move in _plan(log, later):
        rivals = [adr for adr in groups[move.adr.number or 0] if adr is not move.adr]
        settled.append(_settled(log, repo, move, rivals, texts, pages, shared))
    return settled


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


def _settled(
    log: DecisionLog,
    repo: GitRepository,
    move: Move,
    rivals: list[Adr],
    texts: dict[Path, str],
    pages: Sequence[Path],
    shared: set[int],
) -> Move:
    """``move`` with what each bare reference to its old number meant, where that is certain,
    and a note for each one that could mean either record."""
    moved, number = move.adr, move.adr.number or 0
    linked = _links_meaning(log, moved, rivals, shared)
    mentioning = [
        adr for adr in log.adrs if _bare_refs(adr, number) or _mentions(texts[adr.path], number)
    ]
    written = _written(log, repo, moved, rivals, [a.path for a in mentioning] + list(pages))
    meant: set[int] = set()
    left: list[str] = []
    alternatives = " or ".join([f"{moved.stem} (now {move.number:04d})", *(a.stem for a in rivals)])
    for adr in mentioning:
        verdict = written[adr.path]
        if verdict == "moved":
            meant.add(id(adr))
        if verdict != "unsure":
            continue
        sure = {ref.line for ref in _bare_refs(adr, number) if (id(adr), ref.kind) in linked}
        if adr is moved and len(rivals) == 1:
            # Its own links naming its number can only mean the other record: they stay.
            sure.update(ref.line for ref in _bare_refs(adr, number))
        found = [(ref.line, ref.text) for ref in _bare_refs(adr, number)]
        found += _mentions(texts[adr.path], number)
        left += _notes(log.rel(adr.path), found, sure, alternatives)
    for page in pages:
        if written[page] != "other":
            left += _notes(log.rel(page), _mentions(texts[page], number), set(), alternatives)
    return Move(moved, move.number, frozenset(meant), frozenset(linked), tuple(left))


def _notes(rel: str, found: list[tuple[int, str]], sure: set[int], alternatives: str) -> list[str]:
    seen: set[int] = set()
    notes = []
    for line, text in sorted(found):
        if line in sure or line in seen:
            continue
        seen.add(line)
        notes.append(f"{rel}:{line}: '{text}' may mean {alternatives}: left as written")
    return notes


def _links_meaning(
    log: DecisionLog, moved: Adr, rivals: list[Adr], shared: set[int]
) -> set[tuple[int, LinkKind]]:
    """(record, kind) whose links of that kind naming the shared number mean ``moved``."""
    number = moved.number
    linked: set[tuple[int, LinkKind]] = set()
    if len(rivals) == 1:
        # In the other record, a link naming the number cannot mean itself.
        linked.update((id(rivals[0]), ref.kind) for ref in _bare_refs(rivals[0], number or 0))
    index = links.Index(log.adrs)

    def targets(adr: Adr) -> set[tuple[int, LinkKind]]:
        found = set()
        for ref in adr.refs:
            named = links.number_of(ref.text)
            if named == number:
                others = [rival for rival in [moved, *rivals] if rival is not adr]
                target = others[0] if len(others) == 1 else None
            elif named in shared:
                target = None  # another clashing number: which record it means is unknown
            else:
                target = index.find(ref.text)
            if target is not None and target is not adr:
                found.add((id(target), ref.kind))
        return found

    theirs = set().union(*(targets(rival) for rival in rivals))
    for target, kind in targets(moved):
        if (target, kind) not in theirs:
            linked.add((target, REVERSE[kind]))
    return linked


def _written(
    log: DecisionLog,
    repo: GitRepository,
    moved: Adr,
    rivals: list[Adr],
    paths: list[Path],
) -> dict[Path, Written]:
    """Which record the shared number meant when each file was last written: the moved one
    when the commit that last changed it had the moved record and no other; another when it
    had another and not the moved one; else (both, neither, changed since) unsure."""
    found: dict[Path, Written] = dict.fromkeys(paths, "unsure")
    if not paths or not repo.has_commits():
        return found
    added = repo.added_commits([adr.rel for adr in [moved, *rivals]])
    committed = repo.read_blobs([f"HEAD:{log.rel(path)}" for path in paths])
    for path in paths:
        blob = committed.get(f"HEAD:{log.rel(path)}")
        if blob is None or blob != path.read_bytes():
            continue  # changed since its last commit: written now, where either exists
        last = repo.last_change("HEAD", log.rel(path))
        if last is None:
            continue

        def had(adr: Adr, commit: str = last[0]) -> bool:
            return adr.rel in added and repo.is_ancestor(added[adr.rel], commit)

        mine, theirs = had(moved), any(had(rival) for rival in rivals)
        if mine != theirs:
            found[path] = "moved" if mine else "other"
    return found


def _bare_refs(adr: Adr, number: int) -> list[Ref]:
    """``adr``'s links that name ``number`` bare (not by file)."""
    return [ref for ref in adr.refs if links.number_of(ref.text) == number]


def _mention(number: int) -> re.Pattern[str]:
    return re.compile(rf"\b(ADR[-_ ]?)(0*{number})\b(?!-)", re.IGNORECASE)


def _outside_links(line: str, change: Callable[[str], str]) -> str:
    """``line`` with ``change`` applied to the text between its Markdown links: a link names
    its file, and ``_relinked`` alone rewrites it."""
    parts, last = [], 0
    for link in _MARKDOWN_LINK.finditer(line):
        parts += [change(line[last : link.start()]), link[0]]
        last = link.end()
    return "".join([*parts, change(line[last:])])


def _mentions(text: str, number: int) -> list[tuple[int, str]]:
    """(line, text) of each ``ADR-0012`` / ``ADR 12`` outside a Markdown link."""
    pattern = _mention(number)
    found: list[tuple[int, str]] = []
    for line_number, line in enumerate(text.split("\n"), 1):
        if pattern.search(line) is None:
            continue

        def collect(part: str, at: int = line_number) -> str:
            found.extend((at, match[0]) for match in pattern.finditer(part))
            return part

        _outside_links(line, collect)
    return found


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
    edits = []
    for other in log.adrs:
        if other is adr:
            continue
        source = read(other.path)
        text = retarget(_relinked(source.text, adr, move), {adr.stem}, f"{move.number:04d}")
        if adr.number is None or meant is None or id(other) in meant:
            text = retarget(text, {adr.id}, f"{move.number:04d}")
            if adr.number is not None:
                text = _renumber_mentions(text, adr.number, move.number)
        elif kinds := {kind for key, kind in move.linked if key == id(other)}:
            text = retarget(text, {adr.id}, f"{move.number:04d}", kinds)
            lines = {ref.line for ref in _bare_refs(other, adr.number) if ref.kind in kinds}
            text = _renumber_mentions(text, adr.number, move.number, lines)
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
        if meant is not None and id(adr) in meant:
            # Written where the number was its own: its mentions of it mean itself, but not
            # its links naming it (a record does not supersede itself).
            links_at = {ref.line for ref in _bare_refs(adr, adr.number)}
            lines = set(range(1, own_text.count("\n") + 2)) - links_at
            own_text = _renumber_mentions(own_text, adr.number, move.number, lines)
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


def _renumber_mentions(text: str, old: int, new: int, only: Collection[int] | None = None) -> str:
    """``ADR-0012`` / ``ADR 12`` outside Markdown links become the new number, on the lines
    ``only`` names (1-based; None: every line)."""
    pattern = _mention(old)

    def change(part: str) -> str:
        return pattern.sub(lambda match: f"{match[1]}{new:0{len(match[2])}d}", part)

    return "\n".join(
        _outside_links(line, change) if only is None or at in only else line
        for at, line in enumerate(text.split("\n"), 1)
    )
