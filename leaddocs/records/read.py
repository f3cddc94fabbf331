"""Reading the records of a folder: each file's front matter and title, or the problem (with
its ``path:line``) that makes it unreadable. A broken file is reported, never raised: one bad
RFC must not take the site's index, or the status page, down with it."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from leaddocs.adr.discover import NOT_ADRS
from leaddocs.adr.frontmatter import FrontMatterError, Parts, load, split
from leaddocs.adr.model import Finding
from leaddocs.adr.parse import decode
from leaddocs.paths import symlink_leak
from leaddocs.textsafe import printable

T = TypeVar("T")
MAX_BYTES = 1024 * 1024  # an RFC or a meeting is a few pages; a bigger file is not one to list
_GENERATED = b"<!-- leaddocs:generated "  # leaddocs' own index built into the folder
_TITLE = re.compile(r"^#[ \t]+(.*\S)", re.M)  # greedy: its closing hashes are stripped after
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a Markdown backslash escape


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a record is not listed, or what is wrong in one that is."""

    rel: str  # from the repository root
    line: int
    message: str

    def __str__(self) -> str:
        # The name and the message quote the repository: no escape sequence reaches a terminal.
        return f"{printable(self.rel)}:{self.line}: {printable(self.message)}"


@dataclass(frozen=True, slots=True)
class RecordFile:
    """A record's file as read: its front matter, the line of each key, and its title."""

    path: Path
    rel: str
    meta: dict[str, Any]
    lines: dict[str, int]  # 1-based line of each front matter key
    title: str  # the first ``# heading`` as text (Markdown escapes undone), else the file stem

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


def record_files(folder: Path, *, depth: int = 1) -> list[Path]:
    """The Markdown files in ``folder`` (and, with ``depth`` 2, in its folders), sorted; an
    index, a README or a template is not a record. Symlinked folders are not entered."""
    found: list[Path] = []
    if not folder.is_dir():
        return found
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda each: each.name):
            name = entry.name
            if name.startswith((".", "_")):
                continue
            if entry.is_dir(follow_symlinks=False) and depth > 1:
                found += record_files(Path(entry.path), depth=depth - 1)
            elif name.lower().endswith(".md") and name.lower() not in NOT_ADRS:
                found.append(Path(entry.path))
    return found


def read_listed(path: Path, root: Path) -> bytes | Problem:
    """The bytes of ``path``, a file an index lists, or the problem that stops it being read.
    The one rule for every page a site index reads (RFCs, runbooks, meetings, status pages):
    anybody who opens a pull request can plant a file there, so a symlink leading out of the
    repository (or into its ``.git``), anything but a regular file, and a file over
    ``MAX_BYTES`` are named, never read."""
    rel = _rel(path, root)
    leak = symlink_leak(path, root)
    if leak is not None:  # a planted link to /proc/self/environ must not be read into a page
        return Problem(rel, 1, f"{leak}: not read")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return Problem(rel, 1, "not a regular file: not read")
        if status.st_size > MAX_BYTES:
            return Problem(rel, 1, f"larger than {MAX_BYTES // 1024} KiB: not read")
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        return Problem(rel, 1, f"cannot read: {exc.strerror}")
    if len(data) > MAX_BYTES:  # it grew after stat()
        return Problem(rel, 1, f"larger than {MAX_BYTES // 1024} KiB: not read")
    return data


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def read_record(path: Path, root: Path) -> RecordFile | Problem | None:
    """The record at ``path``, the problem that stops it being read, or None for leaddocs'
    own output (an index a ``build`` put in the folder)."""
    read = _read_parts(path, root)
    if read is None or isinstance(read, Problem):
        return read
    rel, parts = read
    try:
        if parts.yaml is None:
            return Problem(rel, 1, "no front matter: the file must start with a '---' line")
        meta, lines = load(parts.yaml)
    except FrontMatterError as exc:
        return Problem(rel, exc.line, str(exc))
    heading = _TITLE.search(parts.body)
    title = plain_heading(heading[1].rstrip(" \t#")) if heading else ""
    title = title or path.stem
    return RecordFile(path, rel, meta, lines, title)


def read_front_matter(path: Path, root: Path) -> dict[str, Any] | Problem | None:
    """The front matter of a page an index reads (a status page, a brief), by the rules of
    ``read_listed`` and with the bounds of ADR front matter; None for a page without any (or
    leaddocs' own output), or the problem, with its ``path:line``, that stops it being read."""
    read = _read_parts(path, root)
    if read is None or isinstance(read, Problem):
        return read
    rel, parts = read
    if parts.yaml is None:
        return None
    try:
        return load(parts.yaml)[0]
    except FrontMatterError as exc:
        return Problem(rel, exc.line, str(exc))


def _read_parts(path: Path, root: Path) -> tuple[str, Parts] | Problem | None:
    """(the file's name from the root, its text cut at the front matter), the problem that
    stops it being read, or None for leaddocs' own output."""
    data = read_listed(path, root)
    if isinstance(data, Problem):
        return data
    rel = _rel(path, root)
    if data.startswith(_GENERATED):
        return None
    text = decode(data, rel)
    if isinstance(text, Finding):
        return Problem(rel, text.line, text.message)
    try:
        return rel, split(text)
    except FrontMatterError as exc:
        return Problem(rel, exc.line, str(exc))


def plain_heading(markdown: str) -> str:
    """A heading's text as a reader sees it: the escapes ``markup.md_text`` wrote undone, so
    the title shows once escaped again wherever it is placed, not with backslashes."""
    return html.unescape(_ESCAPED.sub(r"\1", markdown)).strip()


def names(value: Any) -> tuple[str, ...] | None:
    """A front matter list of names (``[Ada, Grace]``, or one name alone); None for anything
    else (a mapping, a number), which the caller reports."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item for item in value if item.strip())
    return None


def as_date(value: Any) -> dt.date | None:
    """A front matter date (YAML reads ``2024-05-01`` as a date; quoted, it is text), or None
    for anything that is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """The records of a folder, what could not be read, and what is wrong in the ones read."""

    folder: Path | None  # None: the folder does not exist (the project keeps none)
    records: tuple[T, ...] = ()
    unreadable: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()  # in records that are listed: a status, a date

    def warnings(self) -> tuple[str, ...]:
        """``file:line: message`` for each, the unreadable files first."""
        listed = tuple(f"{problem} (not listed)" for problem in self.unreadable)
        return listed + tuple(map(str, self.problems))


def clean_names(given: Sequence[str]) -> list[str]:
    """Names as typed for front matter: one line each, no control characters, none blank."""
    return [name for name in map(printable, given) if name]
