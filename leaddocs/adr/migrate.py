"""``adr migrate --to madr4``: adr-tools, MADR 2 and log4brains records to front matter.

The metadata (status, date, deciders, tags, links) moves into front matter; every other line
of the body stays as it was, and file names do not change, so links keep working.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from leaddocs import yamlio
from leaddocs.adr import frontmatter, links
from leaddocs.adr.edit import current_source, edit_document
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import Adr, LinkKind
from leaddocs.adr.status import LINK_CLAUSE, MARKDOWN_LINK
from leaddocs.document import Document

LEGACY_STYLES = frozenset({"adr-tools", "madr2", "log4brains", "front-matter"})
_SECTION = re.compile(r"^#{2,6}[ \t]")
_HEADING = re.compile(r"^#{1,6}[ \t]")
_LINK_ONLY = re.compile(r"[ \t]*(?:[*+-][ \t]+)?" + LINK_CLAUSE.pattern + r"(?P<rest>.*)", re.I)
# What may remain of a link line once its Markdown links are gone: ids and separators.
# Possessive: "(?:\d+)*" splits a run of n digits 2**n ways before it gives up.
_IDS_ONLY = re.compile(r"(?:[\s,;.]|\band\b|\badr[-_ #]?\d++|#?\d++)*+", re.I)
_KINDS: tuple[LinkKind, ...] = ("supersedes", "superseded-by", "amends", "amended-by")


@dataclass(frozen=True, slots=True)
class Migration:
    adr: Adr
    document: Document  # the edit moving its metadata into front matter


def plan(log: DecisionLog) -> list[Migration]:
    """The new text of every record not yet in front-matter form."""
    index = links.Index(log.adrs)
    found = []
    for adr in log.adrs:
        if adr.style in LEGACY_STYLES and (adr.style != "front-matter" or "status" in adr.lines):
            source = current_source(adr, log.rel)
            text = source.restore(migrated(adr, source.text, index))
            found.append(Migration(adr, edit_document(adr.path, text, source)))
    return found


def migrated(adr: Adr, text: str, index: links.Index) -> str:
    """``text`` (the file of ``adr``, "\n" line endings) with its metadata in front matter."""
    parts = frontmatter.split(text)
    tree = yamlio.load(parts.yaml) if parts.yaml else None
    if not isinstance(tree, dict):
        tree = yamlio.mapping()
    _put(tree, "status", adr.status if adr.status != "unknown" else adr.status_raw or None)
    if adr.date is not None:
        _put(tree, "date", datetime.date.fromisoformat(adr.date))
    _put(tree, "decision-makers", _list(adr.decision_makers))
    _put(tree, "tags", _list(adr.tags))
    for kind in _KINDS:
        # A link that resolves to no ADR is kept as written: lint reports it, nothing is lost.
        dangling = [ref.text for ref in adr.refs if ref.kind == kind and not index.find(ref.text)]
        _put(tree, kind, _list(list(dict.fromkeys([*adr.links[kind], *dangling]))))
    lines = parts.body.split("\n")
    drop = _metadata_lines(adr, lines, parts.body_line)
    body = "\n".join(line for at, line in enumerate(lines) if at not in drop)
    head = f"---\n{yamlio.dump(tree, like=parts.yaml)}---\n"
    return head + body.lstrip("\n") if parts.yaml is not None else head + body


def _put(tree: Any, key: str, value: Any) -> None:
    if value is not None and key not in tree:
        tree[key] = value


def _list(items: list[str]) -> Any:
    return yamlio.flow_list(list(items)) if items else None


def _metadata_lines(adr: Adr, lines: list[str], first_line: int) -> set[int]:
    """Body lines (0-based) that only held metadata now in the front matter: the status, date,
    deciders and tags lines, link lines, and a section (adr-tools' ``## Status``, MADR 2's
    ``## Links``) left holding nothing else. Prose stays, with its heading."""
    drop: set[int] = set()
    for name in ("status", "date", "decision_makers", "tags"):
        if name in adr.lines and adr.lines[name] >= first_line:
            drop.add(adr.lines[name] - first_line)
    for ref in adr.refs:
        at = ref.line - first_line
        if 0 <= at < len(lines) and _only_links(lines[at]):
            drop.add(at)
    for at, line in enumerate(lines):
        if not _SECTION.match(line):
            continue
        end = at + 1
        while end < len(lines) and not _HEADING.match(lines[end]):
            end += 1
        section = range(at + 1, end)
        if drop & set(section) and all(i in drop or not lines[i].strip() for i in section):
            drop.update(range(at, end))
    # A line left blank between two blank lines, or a stray link bullet, is dropped with them.
    for at in sorted(drop):
        after = at + 1
        while after in drop:
            after += 1
        if (
            after < len(lines)
            and not lines[after].strip()
            and (at == 0 or not lines[at - 1].strip() or (at - 1) in drop)
        ):
            drop.add(after)
    return drop


def _only_links(line: str) -> bool:
    """``* Superseded by [ADR-0002](0002-x.md)`` is only a link; ``Amends our plan`` is prose."""
    match = _LINK_ONLY.fullmatch(line)
    return (
        match is not None and _IDS_ONLY.fullmatch(MARKDOWN_LINK.sub("", match["rest"])) is not None
    )
