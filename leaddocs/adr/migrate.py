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
from leaddocs.adr import frontmatter
from leaddocs.adr.edit import read_text
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import Adr, LinkKind
from leaddocs.documents.writer import write_atomic

LEGACY_STYLES = frozenset({"adr-tools", "madr2", "log4brains", "front-matter"})
_SECTION = re.compile(r"^#{2,6}[ \t]+status[ \t#]*$", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}[ \t]")


@dataclass(frozen=True, slots=True)
class Migration:
    adr: Adr
    text: str


def plan(log: DecisionLog) -> list[Migration]:
    """The new text of every record not yet in front-matter form."""
    return [
        Migration(adr, migrated(adr, read_text(adr.path)))
        for adr in log.adrs
        if adr.style in LEGACY_STYLES and (adr.style != "front-matter" or "status" in adr.lines)
    ]


def migrate(log: DecisionLog, *, dry_run: bool = False) -> list[Migration]:
    migrations = plan(log)
    if not dry_run:
        for migration in migrations:
            write_atomic(migration.adr.path, migration.text)
    return migrations


def migrated(adr: Adr, text: str) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    parts = frontmatter.split(text)
    tree = yamlio.load(parts.yaml) if parts.yaml else None
    if not isinstance(tree, dict):
        tree = yamlio.mapping()
    _put(tree, "status", adr.status if adr.status != "unknown" else adr.status_raw or None)
    if adr.date is not None:
        _put(tree, "date", datetime.date.fromisoformat(adr.date))
    _put(tree, "decision-makers", _list(adr.decision_makers))
    _put(tree, "tags", _list(adr.tags))
    kinds: tuple[LinkKind, ...] = ("supersedes", "superseded-by", "amends", "amended-by")
    for kind in kinds:
        _put(tree, kind, _list(adr.links[kind]))
    lines = parts.body.split(newline)
    drop = _metadata_lines(adr, lines, parts.body_line)
    body = newline.join(line for index, line in enumerate(lines) if index not in drop)
    head = f"---\n{yamlio.dump(tree, like=parts.yaml)}---\n".replace("\n", newline)
    return head + body.lstrip("\r\n") if parts.yaml is not None else head + body


def _put(tree: Any, key: str, value: Any) -> None:
    if value is not None and key not in tree:
        tree[key] = value


def _list(items: list[str]) -> Any:
    return yamlio.flow_list(list(items)) if items else None


def _metadata_lines(adr: Adr, lines: list[str], first_line: int) -> set[int]:
    """Body lines (0-based) that only held metadata now in the front matter."""
    drop: set[int] = set()
    for name in ("status", "date", "decision_makers", "tags"):
        if name in adr.lines and adr.lines[name] >= first_line:
            drop.add(adr.lines[name] - first_line)
    for index, line in enumerate(lines):
        if not _SECTION.match(line):
            continue
        end = index + 1
        while end < len(lines) and not _HEADING.match(lines[end]):
            end += 1
        drop.update(range(index, end))  # the whole adr-tools status section
        break
    # A line left blank between two blank lines, or a stray link bullet, is dropped with them.
    for index in sorted(drop):
        after = index + 1
        while after in drop:
            after += 1
        if (
            after < len(lines)
            and not lines[after].strip()
            and (index == 0 or not lines[index - 1].strip() or (index - 1) in drop)
        ):
            drop.add(after)
    return drop
