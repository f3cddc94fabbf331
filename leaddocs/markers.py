"""Markers that let a later run tell leaddocs' own output from a human's edit of it.

A marker records the SHA-256 of the text leaddocs generated after it. If the text there no
longer hashes to that value, a human changed it, and leaddocs keeps the edit.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

_DOCUMENT = re.compile(r"<!-- leaddocs:generated sha256=(?P<hash>[0-9a-f]{64}) -->\n")
_SECTION = re.compile(
    r'^<!-- leaddocs:section id="(?P<id>[^"]+)" sha256=(?P<hash>[0-9a-f]{64}) -->$', re.M
)


def digest(text: str) -> str:
    # Trailing white space is not an edit: editors and formatters change it freely.
    if len(text) <= _DIGESTED_AT_ONCE:
        normal = "\n".join(map(str.rstrip, text.strip("\n").splitlines()))
        return hashlib.sha256(normal.encode("utf-8")).hexdigest()
    return digest_parts((text,))


def digest_parts(parts: Iterable[str]) -> str:
    """``digest("".join(parts))`` without the join, a block of whole lines at a time: the lines
    of a 50 MB document (a big history's JSON CHANGELOG) would take three times its size at
    once. A block ends just after a "\n" that more than newlines follow, so its lines are
    exactly the whole text's lines there, and newlines that may end the text wait."""
    hashed = hashlib.sha256()
    separator = b""
    pending = ""  # not hashed yet: the text after the last block
    started = False  # past the newlines that open the text (they are stripped)
    for part in parts:
        pending += part
        if not started:
            pending = pending.lstrip("\n")
            started = bool(pending)
        if len(pending) < _DIGESTED_AT_ONCE:
            continue
        end = len(pending)
        while end and pending[end - 1] == "\n":
            end -= 1
        cut = pending.rfind("\n", 0, end)
        if cut == -1:
            continue
        lines = pending[: cut + 1].splitlines()
        hashed.update(separator + "\n".join(map(str.rstrip, lines)).encode("utf-8"))
        separator, pending = b"\n", pending[cut + 1 :]
    last = pending.rstrip("\n")
    if last:
        lines = last.splitlines()
        hashed.update(separator + "\n".join(map(str.rstrip, lines)).encode("utf-8"))
    return hashed.hexdigest()


_DIGESTED_AT_ONCE = 1 << 20


# JSON has no comments: the hash is the first key of the top-level object.
_JSON_KEY = "leaddocs_generated"
_JSON = re.compile(r'^\{\n  "' + _JSON_KEY + r'": "sha256:(?P<hash>[0-9a-f]{64})",\n')

State = Literal["generated", "edited", "foreign"]

# The trailer on every commit the PR delivery makes: its own commits are never a person's work
# on the branch, and never a change in the next release notes (GitHub's squash merge keeps it).
COMMIT_TRAILER = "Leaddocs-Kind"


def is_leaddocs_commit(message: str) -> bool:
    return f"\n{COMMIT_TRAILER}: " in message


# YAML front matter must stay the file's first lines (MkDocs and GitHub read it only there), so
# the marker of a document that opens with it goes right after its closing "---".
_FRONT_MATTER = re.compile(r"^---\n(?:.*\n)*?---\n")


def mark_document(body: str) -> str:
    marker = f"<!-- leaddocs:generated sha256={digest(body)} -->\n"
    front = _FRONT_MATTER.match(body)
    if front is None:
        return marker + body
    return body[: front.end()] + marker + body[front.end() :]


def mark_json(body: str) -> str:
    """``body`` (an object dumped with indent=2) with its hash as the first key."""
    return "".join(mark_json_parts((body,)))


def mark_json_parts(parts: Sequence[str]) -> tuple[str, ...]:
    """``mark_json("".join(parts))`` in parts: the same text, never joined (only the first
    part, which opens the object, is copied)."""
    if not parts:
        raise ValueError("a marked JSON document is an object dumped with indent=2")
    return (marked_json_start(parts[0], digest_parts(parts)), *parts[1:])


def marked_json_start(first: str, digest: str) -> str:
    """The first part of a JSON document in parts with the marker, holding ``digest`` (the
    whole text's ``digest_parts``), as its first key."""
    if not first.startswith("{\n"):
        raise ValueError("a marked JSON document is an object dumped with indent=2")
    return first.replace("{\n", f'{{\n  "{_JSON_KEY}": "sha256:{digest}",\n', 1)


# YAML has comments, and a workflow's first line may be one: the marker goes there.
_YAML = re.compile(r"^# leaddocs:generated sha256=(?P<hash>[0-9a-f]{64})\n")


def mark_yaml(body: str) -> str:
    return f"# leaddocs:generated sha256={digest(body)}\n{body}"


def document_state(text: str) -> State:
    """'generated' (untouched output), 'edited' (marker, changed body) or 'foreign' (no marker).

    Markdown carries an HTML comment on its first line (after its front matter, when it has
    one), JSON a first key; either way the hash covers what leaddocs generated, front matter
    included.
    """
    # A checkout with core.autocrlf, or an editor that adds a BOM, changes no content.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    marked = _YAML.match(text)  # YAML (a workflow): a comment on its first line
    if marked is not None:
        return (
            "generated" if digest_parts(_after(text, marked.end())) == marked["hash"] else "edited"
        )
    # The body without its marker, in slices: a big file's text is not copied whole again.
    match = _document_marker(text)
    if match is not None:
        body = itertools.chain((text[: match.start()],), _after(text, match.end()))
    else:
        match = _JSON.match(text)
        if match is None:
            return "foreign"
        body = itertools.chain(("{\n",), _after(text, match.end()))
    return "generated" if digest_parts(body) == match["hash"] else "edited"


def _after(text: str, start: int) -> Iterator[str]:
    """``text[start:]`` in slices of a megabyte, one at a time."""
    step = _DIGESTED_AT_ONCE
    return (text[at : at + step] for at in range(start, len(text), step))


def _document_marker(text: str) -> re.Match[str] | None:
    """A Markdown document's marker: after its front matter, else on its first line."""
    front = _FRONT_MATTER.match(text)
    start = front.end() if front is not None else 0
    return _DOCUMENT.match(text, start) or _DOCUMENT.match(text)


# The Markdown marker as a line, for a search of the history (``git log -G``: POSIX ERE).
MARKER_LINE = r"^<!-- leaddocs:generated sha256=[0-9a-f]{64} -->$"


def recorded_hash(text: str) -> str | None:
    """The hash a Markdown document's marker records (the marker ``document_state`` reads),
    or None when it has none: which generated text the file started from."""
    match = _document_marker(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    return match["hash"] if match is not None else None


def mark_section(section_id: str, body: str, body_digest: str | None = None) -> str:
    """``body`` behind its section marker; ``body_digest``: its ``digest``, when known already
    (a cached release keeps it, so a rerun hashes only what it made)."""
    hashed = body_digest or digest(body)
    return f'<!-- leaddocs:section id="{_quote_id(section_id)}" sha256={hashed} -->\n{body}'


def _quote_id(section_id: str) -> str:
    """A section id (a tag name: anyone's text) that cannot end the comment or its quotes."""
    return quote(section_id, safe="/+@:,;=!$()*'~._ ")


@dataclass(slots=True)
class Section:
    id: str
    recorded_hash: str
    body: str

    @property
    def edited(self) -> bool:
        return digest(self.body) != self.recorded_hash

    def text(self) -> str:
        quoted = _quote_id(self.id)
        return f'<!-- leaddocs:section id="{quoted}" sha256={self.recorded_hash} -->\n{self.body}'


@dataclass(slots=True)
class Loose:
    """Text leaddocs did not mark: a header, a hand-written section, a footer."""

    text: str


_MARKER_LIKE = re.compile(r"^\s*<!--\s*leaddocs:section\b")
_SECTION_HEADING = "## "


@dataclass(slots=True)
class Parts:
    parts: list[Section | Loose]
    unreadable_markers: list[int]  # 1-based lines of markers a human damaged


def split_sections(text: str) -> Parts:
    """A document cut into marked sections and loose text, in order.

    A marked section runs from its marker to the next marker or the next level-2 heading after
    its own, so hand-written text placed after it never counts as part of it. Loose text is cut
    at every level-2 heading, so each hand-written release section is a part of its own.
    """
    parts: list[Section | Loose] = []
    unreadable: list[int] = []
    section: Section | None = None
    heading_seen = False
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        marker = _SECTION.match(line.rstrip("\r\n"))
        if marker is not None:
            section = Section(unquote(marker["id"]), marker["hash"], "")
            parts.append(section)
            heading_seen = False
            continue
        if _MARKER_LIKE.match(line):
            unreadable.append(number)
            section = None
            parts.append(Loose(line))
            continue
        if line.startswith(_SECTION_HEADING):
            if section is not None and not heading_seen:
                heading_seen = True
            else:
                section = None
                parts.append(Loose(""))
        if section is not None:
            section.body += line
        elif parts and isinstance(parts[-1], Loose):
            parts[-1].text += line
        else:
            parts.append(Loose(line))
    return Parts(parts, unreadable)
