"""Small edits of an existing ADR file that leave everything else in it as the human wrote it.

Front matter is edited through ruamel.yaml's round trip (comments, key order and quoting kept)
and the body after it is kept byte for byte. Files without front matter (adr-tools, MADR 2,
log4brains) get the same edit in their own idiom: the status line rewritten in place, a link
line added next to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from leaddocs import yamlio
from leaddocs.adr import frontmatter
from leaddocs.adr.links import canonical
from leaddocs.adr.model import Adr, LinkKind
from leaddocs.adr.status import LINK_CLAUSE, parse_status
from leaddocs.document import Document, WriteMode
from leaddocs.errors import OutputError
from leaddocs.textfile import Source, read_source

Link = tuple[LinkKind, Adr]
KIND = "adr"

# The keys leaddocs writes; reading also accepts the other spellings in parse._FRONT_LINKS.
_SPELLINGS: dict[LinkKind, tuple[str, ...]] = {
    "supersedes": ("supersedes", "supercedes"),
    "superseded-by": ("superseded-by", "superseded_by", "superceded-by", "superceded_by"),
    "amends": ("amends",),
    "amended-by": ("amended-by", "amended_by"),
}
_LABELS: dict[LinkKind, str] = {
    "supersedes": "Supersedes",
    "superseded-by": "Superseded by",
    "amends": "Amends",
    "amended-by": "Amended by",
}
_BULLET_VALUE = re.compile(
    r"^(?P<prefix>.*?status(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*)", re.I
)


def markdown_link(target: Adr, from_path: Path) -> str:
    label = f"ADR-{target.number:04d}" if target.number is not None else target.id
    relative = target.path.name if target.path.parent == from_path.parent else target.rel
    return f"[{label}]({relative})"


def edited(adr: Adr, text: str, *, status: str | None, links: Sequence[Link] = ()) -> str:
    """``text`` (the file of ``adr``, as textfile.read_source gives it) with its status set
    and/or links added."""
    parts = frontmatter.split(text)
    if parts.yaml is None and status is not None and "status" not in adr.lines:
        # No status anywhere to rewrite in the file's own idiom: front matter is the one place
        # a status can be added without guessing where a human would have put it.
        parts = frontmatter.split(f"---\n---\n{text}")
    elif parts.yaml is None:
        return _edit_body(adr, text, status=status, links=links)
    assert parts.yaml is not None
    # Jekyll-style front matter with the status in a body bullet: the status stays where the
    # human keeps it; links go into the front matter, where leaddocs keeps them.
    status_in_body = (
        not _front_has_status(parts.yaml)
        and "status" in adr.lines
        and adr.line_of("status") >= parts.body_line
    )
    if status_in_body and status is not None:
        text = _edit_body(adr, text, status=status, links=())
        parts = frontmatter.split(text)
        status = None
    return _edit_front_matter(parts, status=status, links=links)


def _front_has_status(yaml_text: str) -> bool:
    return re.search(r"^status[ \t]*:", yaml_text, re.M) is not None


def _edit_front_matter(
    parts: frontmatter.Parts, *, status: str | None, links: Sequence[Link]
) -> str:
    assert parts.yaml is not None
    tree = yamlio.load(parts.yaml)
    if tree is None:
        tree = yamlio.mapping()
    written: list[tuple[LinkKind, str]] = []
    if status is not None:
        if isinstance(tree.get("status"), str):
            # "accepted; supersedes ADR-0001": the links in the old text would be lost with
            # it, so they move into the lists where leaddocs keeps links.
            written = [(kind, canonical(ref)) for kind, ref in parse_status(tree["status"])[1]]
        if "status" in tree:
            tree["status"] = status
        else:
            tree.insert(0, "status", status)
    for kind, target_id in [*written, *((kind, target.id) for kind, target in links)]:
        _append_link(tree, kind, target_id)
    return _with_yaml(parts, tree)


def _with_yaml(parts: frontmatter.Parts, tree: Any) -> str:
    """The file again, its front matter dumped from ``tree`` and its body untouched."""
    assert parts.yaml is not None
    head_lines = parts.head.split("\n")
    newline = "\r\n" if head_lines[0].endswith("\r") else "\n"
    opening = head_lines[0].rstrip("\r")
    closing = (head_lines[-2] if parts.head.endswith("\n") else head_lines[-1]).rstrip("\r")
    dumped = yamlio.dump(tree, like=parts.yaml)
    ending = newline if parts.head.endswith("\n") else ""
    head = f"{opening}\n{dumped}{closing}".replace("\n", newline)
    return f"{head}{ending}{parts.body}"


def _append_link(tree: Any, kind: LinkKind, target_id: str) -> None:
    key = next((name for name in _SPELLINGS[kind] if name in tree), _SPELLINGS[kind][0])
    current = tree.get(key)
    if current is None:
        tree[key] = yamlio.flow_list([target_id])
    elif isinstance(current, list):
        if target_id not in [_as_id(item) for item in current]:
            current.append(target_id)
    elif _as_id(current) != target_id:
        tree[key] = yamlio.flow_list([current, target_id])


def _as_id(item: Any) -> str:
    return f"{item:04d}" if isinstance(item, int) else str(item)


def _edit_body(adr: Adr, text: str, *, status: str | None, links: Sequence[Link]) -> str:
    lines = text.split("\n")
    status_index = adr.line_of("status") - 1 if "status" in adr.lines else None
    in_section = (
        adr.style == "adr-tools"
        and status_index is not None
        and not _BULLET_VALUE.match(lines[status_index])
    )
    if status is not None and status_index is not None:
        line = lines[status_index]
        bullet = _BULLET_VALUE.match(line)
        # Links written in the status text ("accepted; supersedes ADR-0045") are kept.
        clause = LINK_CLAUSE.search(line)
        kept = f"; {line[clause.start() :].strip()}" if clause else ""
        if bullet:
            lines[status_index] = bullet["prefix"] + status + kept
        elif clause and clause.start() == len(line) - len(line.lstrip()):
            lines.insert(status_index, line[: clause.start()] + status.capitalize())
            lines.insert(status_index + 1, "")
            status_index += 2
        else:
            indent = line[: len(line) - len(line.lstrip())]
            lines[status_index] = indent + status.capitalize() + kept
    labels = [f"{_LABELS[kind]} {markdown_link(target, adr.path)}" for kind, target in links]
    if not labels:
        return "\n".join(lines)
    if status_index is None:
        at = _after_title(lines)
        lines[at:at] = [*(f"* {label}" for label in labels), ""]
    elif in_section:
        at = _end_of_section(lines, status_index)
        lines[at:at] = [line for label in labels for line in ("", label)]
    else:
        prefix = _bullet_prefix(lines[status_index])
        lines[status_index + 1 : status_index + 1] = [prefix + label for label in labels]
    return "\n".join(lines)


def _bullet_prefix(line: str) -> str:
    match = re.match(r"^[ \t]*[*+-][ \t]+", line)
    return match[0] if match else "* "


def _after_title(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return (
                index + 2 if index + 1 < len(lines) and not lines[index + 1].strip() else index + 1
            )
    return 0


def _end_of_section(lines: list[str], start: int) -> int:
    end = start + 1
    while end < len(lines) and not lines[end].startswith("#"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def retarget(
    text: str, old_ids: set[str], new_id: str, kinds: Collection[LinkKind] | None = None
) -> str:
    """``text`` with front matter links to any of ``old_ids`` pointing at ``new_id`` instead;
    with ``kinds``, only the links of those kinds."""
    parts = frontmatter.split(text)
    if parts.yaml is None:
        return text
    tree = yamlio.load(parts.yaml)
    changed = False
    for kind, spellings in _SPELLINGS.items():
        if kinds is not None and kind not in kinds:
            continue
        for key in spellings:
            value = tree.get(key) if isinstance(tree, dict) else None
            items = value if isinstance(value, list) else []
            for index, item in enumerate(items):
                if _as_id(item) in old_ids:
                    items[index] = new_id
                    changed = True
            if value is not None and not isinstance(value, list) and _as_id(value) in old_ids:
                tree[key] = new_id
                changed = True
    if not changed:
        return text
    return _with_yaml(parts, tree)


def edited_record(
    adr: Adr, rel: Callable[[Path], str], *, status: str | None, links: Sequence[Link] = ()
) -> Document:
    """``adr``'s file with its status and links changed, in its own line endings and BOM."""
    source = current_source(adr, rel)
    text = source.restore(edited(adr, source.text, status=status, links=links))
    return edit_document(adr.path, text, source)


def current_source(adr: Adr, rel: Callable[[Path], str]) -> Source:
    """``adr``'s file as it is now, which must be what it was read from: an edit is made at
    the lines that reading found."""
    source = read_source(adr.path, rel)
    if adr.sha256 and source.sha256 != adr.sha256:
        raise OutputError(
            f"{rel(adr.path)} changed since leaddocs read it; nothing was written (run it again)"
        )
    return source


def edit_document(path: Path, text: str, source: Source) -> Document:
    """An edit of a person's record: it lands only on the bytes it was made from."""
    return Document(KIND, path, text, mode=WriteMode.EDIT, expected_sha256=source.sha256)
