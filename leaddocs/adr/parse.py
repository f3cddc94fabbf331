"""Read one ADR file, whatever style wrote it, into an Adr.

One reader per style, each filling what its style says; read_adr merges them with front matter
first, then the body's metadata, then what the file name says:

- front matter (MADR 4/3, leaddocs, Jekyll/Docusaurus keys without a status)
- preamble metadata (MADR 2 ``* Status:`` bullets, bold variants, log4brains ``- Status:``,
  adr-tools ``Date:`` lines)
- an adr-tools ``## Status`` section, and link lines (``Supercedes [1. X](0001-x.md)``)
- the file name (``0012-slug.md``, log4brains ``20240115-slug.md``, placeholder ``XXXX-slug.md``)
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leaddocs.adr import frontmatter
from leaddocs.adr.model import Adr, Finding, LinkKind, Ref
from leaddocs.adr.status import LINK_CLAUSE, link_kind, parse_status, split_refs
from leaddocs.textfile import not_utf8

NUMBERED = re.compile(r"(?P<number>\d+)-(?P<slug>.+)")
# Dated records: log4brains' 20240115-slug.md, and Jekyll's 2024-01-15-slug.md (a dash after
# the year and after the month, or neither), which is a date too, never ADR number 2024.
LOG4BRAINS = re.compile(
    r"(?P<year>(?:19|20)\d{2})(?P<dash>-?)(?P<month>0[1-9]|1[0-2])(?P=dash)"
    r"(?P<day>0[1-9]|[12]\d|3[01])-(?P<slug>.+)"
)
DRAFT_NAME = re.compile(r"(?P<number>[Xx]{2,})-(?P<slug>.+)")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Every pattern here runs on lines anyone can write, some a megabyte long: none may backtrack
# over a run of blanks more than once (a lazy "(.*?)[ \t]*$" does, and took an hour on one line).
_HEADING = re.compile(r"^(#{1,6})[ \t]++(.*[^ \t#]|)[ \t#]*$")
_NUMBER_PREFIX = re.compile(
    # Possessive digits: "0*\d+" splits a run of n digits n ways, minutes for a long title.
    r"^(?:(?:ADR|adr)[-_ ]?\d++[ \t]*[-\u2013\u2014:.)]?[ \t]*"
    r"|\d++(?:[.:)][ \t]*|[ \t]+[-\u2013\u2014:][ \t]+)"
    r"|0\d++[ \t]+)"
)
_META_LINE = re.compile(
    r"^[ \t]*+(?P<bullet>[*+-][ \t]++)?(?P<key>[A-Za-z](?:[A-Za-z -]*[A-Za-z-])?)[ \t]*+:"
    r"[ \t]*+(?P<value>.*[^ \t]|)[ \t]*$"
)
_LINK_LINE = re.compile(r"^[ \t]*(?:[*+-][ \t]+)?(?=" + LINK_CLAUSE.pattern + r")", re.IGNORECASE)
_STATUS_HEADING = re.compile(r"^#{2,6}[ \t]+status\b", re.IGNORECASE | re.M)
_LINK_HINT = re.compile(r"supe[rc]|amend", re.IGNORECASE)
_REF_LIKE = re.compile(r"\]\(|\badr[-_ #]?\d|\b\d+\b", re.IGNORECASE)
_META_KEYS = {
    "status": "status",
    "date": "date",
    "deciders": "decision_makers",
    "decision-makers": "decision_makers",
    "decision makers": "decision_makers",
    "decided by": "decision_makers",
    "tags": "tags",
}
_FRONT_LINKS: dict[str, LinkKind] = {
    "supersedes": "supersedes",
    "supercedes": "supersedes",
    "superseded-by": "superseded-by",
    "superseded_by": "superseded-by",
    "superceded-by": "superseded-by",
    "superceded_by": "superseded-by",
    "amends": "amends",
    "amended-by": "amended-by",
    "amended_by": "amended-by",
}
_FRONT_PEOPLE = ("decision-makers", "decision_makers", "deciders")


@dataclass(slots=True)
class _Fields:
    """What one reader found; None means "this style did not say"."""

    title: str | None = None
    status: str | None = None
    date: Any = None
    tags: list[str] | None = None
    decision_makers: list[str] | None = None
    consulted: list[str] | None = None  # front matter only: no other style states them
    informed: list[str] | None = None
    refs: list[Ref] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    style: str | None = None


def identity(stem: str) -> tuple[str, int | None, str]:
    """(id, number, slug) that a file name gives an ADR. Numbered ADRs are known by their
    four-digit number, everything else (log4brains dates, placeholders) by the whole stem."""
    if LOG4BRAINS.fullmatch(stem) is None and (match := NUMBERED.fullmatch(stem)):
        number = int(match["number"])
        return f"{number:04d}", number, match["slug"]
    match = LOG4BRAINS.fullmatch(stem) or DRAFT_NAME.fullmatch(stem)
    return stem, None, match["slug"] if match else stem


def decode(data: bytes, rel: str) -> str | Finding:
    """The text of a file, or the finding that says why it has none."""
    if not data.strip():
        return Finding(rel, 1, "ADR001", "empty file")
    if b"\0" in data:
        return Finding(rel, 1, "ADR001", "binary file, not Markdown")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = not_utf8(data, exc)
        return Finding(rel, bad.line, "ADR001", f"not UTF-8 text (byte 0x{bad.byte:02x})")
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read_adr(path: Path, rel: str, data: bytes) -> Adr | Finding:
    """The ADR in ``data`` (the bytes of ``path``), or the finding that makes it unreadable."""
    text = decode(data, rel)
    if isinstance(text, Finding):
        return text
    try:
        parts = frontmatter.split(text)
        front = _front_matter(parts.yaml, rel) if parts.yaml is not None else _Fields()
    except frontmatter.FrontMatterError as exc:
        return Finding(rel, exc.line, "ADR002", str(exc))
    body_lines = parts.body.split("\n")
    body = _body(parts.body, body_lines, parts.body_line)
    adr_id, number, slug = identity(path.stem)
    named = _file_name(path.stem)
    merged = _merge(front, body, named)
    status = merged.status
    status_word, status_links = parse_status(status) if status else ("unknown", [])
    status_line = merged.lines.get("status", 1)
    refs = merged.refs + [Ref(kind, ref, status_line) for kind, ref in status_links]
    adr = Adr(
        path=path,
        rel=rel,
        id=adr_id,
        number=number,
        title=merged.title or slug.replace("-", " ").capitalize(),
        status=status_word,
        status_raw=status or "",
        date=None,
        style=_style(front, body, named, parts.yaml is not None),
        tags=merged.tags or [],
        decision_makers=merged.decision_makers or [],
        consulted=front.consulted or [],
        informed=front.informed or [],
        refs=_unique(refs),
        lines=merged.lines,
        findings=merged.findings,
    )
    adr.date = _date(merged.date, adr)
    return adr


def _merge(*readers: _Fields) -> _Fields:
    merged = _Fields()
    for found in readers:
        for name in ("title", "status", "date", "tags", "decision_makers"):
            if getattr(merged, name) is None and getattr(found, name) is not None:
                setattr(merged, name, getattr(found, name))
                if name in found.lines:
                    merged.lines[name] = found.lines[name]
        for name, line in found.lines.items():
            merged.lines.setdefault(name, line)
        merged.refs.extend(found.refs)
        merged.findings.extend(found.findings)
    return merged


def _style(front: _Fields, body: _Fields, named: _Fields, has_front: bool) -> str:
    if has_front:
        return "madr4" if front.status is not None else "front-matter"
    return named.style or body.style or "markdown"


def _unique(refs: list[Ref]) -> list[Ref]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for ref in refs:
        if (ref.kind, ref.text) not in seen:
            seen.add((ref.kind, ref.text))
            kept.append(ref)
    return kept


# --- front matter ---------------------------------------------------------------------------


def _front_matter(yaml_text: str, rel: str) -> _Fields:
    data, lines = frontmatter.load(yaml_text)
    found = _Fields(lines={})
    for key, line in lines.items():
        name = {"decision-makers": "decision_makers", "deciders": "decision_makers"}.get(key, key)
        found.lines.setdefault(name, line)
    for key in ("title", "status"):
        value = data.get(key)
        if value is not None and not isinstance(value, (dict, list)):
            setattr(found, key, str(value).strip() or None)
        elif value is not None:
            found.findings.append(
                Finding(rel, lines.get(key, 1), "ADR002", f"'{key}' must be text, not a list")
            )
    found.date = data.get("date")
    found.tags = _people(data.get("tags"))
    for key in _FRONT_PEOPLE:
        if data.get(key) is not None:
            found.decision_makers = _people(data[key])
            break
    found.consulted = _people(data.get("consulted"))
    found.informed = _people(data.get("informed"))
    for key, kind in _FRONT_LINKS.items():
        refs = _as_list(data.get(key))
        if any(isinstance(ref, (dict, list)) for ref in refs):
            message = f"'{key}' must be a list of ADR ids"
            found.findings.append(Finding(rel, lines.get(key, 1), "ADR002", message))
            continue
        for ref in refs:
            found.refs.append(Ref(kind, str(ref), lines.get(key, 1)))
    return found


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _people(value: Any) -> list[str] | None:
    """A list of names (or tags) from a YAML list or a comma-separated string."""
    if value is None:
        return None
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(item).strip() for item in items if item is not None and str(item).strip()]


# --- body: title, preamble metadata, adr-tools status section, link lines -------------------


def _body(text: str, lines: list[str], first_line: int) -> _Fields:
    found = _Fields()
    index = 0
    while index < len(lines):
        heading = _HEADING.match(lines[index])
        if heading and len(heading[1]) == 1:
            found.title = _strip_number(heading[2])
            found.lines["title"] = first_line + index
            index += 1
            break
        if heading:
            break
        index += 1
    else:
        index = 0
    # Metadata lines sit between the title and the first section heading.
    bullets = plain = False
    while index < len(lines) and not _HEADING.match(lines[index]):
        meta = _META_LINE.match(lines[index].replace("**", "").replace("__", ""))
        key = _META_KEYS.get(meta["key"].lower()) if meta else None
        if meta and key and getattr(found, key) is None:
            value = meta["value"]
            found.lines[key] = first_line + index
            if key in ("tags", "decision_makers"):
                setattr(found, key, _people(value))
            else:
                setattr(found, key, value)
            bullets = bullets or meta["bullet"] is not None
            plain = plain or meta["bullet"] is None
        index += 1
    # One search of the whole text first: most bodies have no status section and no link
    # line, and scanning every line for them was the largest cost of listing 10,000 ADRs.
    status_section = _STATUS_HEADING.search(text) is not None and _status_section(
        lines, first_line, found
    )
    found.style = "adr-tools" if status_section or (plain and not bullets) else None
    if found.style is None and bullets:
        found.style = "madr2"
    if _LINK_HINT.search(text):
        _link_lines(lines, first_line, found)
    return found


def _strip_number(title: str) -> str:
    """``12. Use X`` / ``ADR-0012: Use X`` / ``0012 Use X`` -> ``Use X``; ``2FA for admins``
    keeps its digits."""
    match = _NUMBER_PREFIX.match(title)
    if match is None or match.end() == len(title):
        return title.strip()
    return title[match.end() :].strip()


def _status_section(lines: list[str], first_line: int, found: _Fields) -> bool:
    """adr-tools: a ``## Status`` section; True when the file has one."""
    for index, line in enumerate(lines):
        heading = _HEADING.match(line)
        if not (heading and len(heading[1]) > 1 and heading[2].strip().lower() == "status"):
            continue
        end = index + 1
        while end < len(lines) and not _HEADING.match(lines[end]):
            end += 1
        texts = [(at, lines[at].strip()) for at in range(index + 1, end) if lines[at].strip()]
        if found.status is None and texts:
            at, found.status = _status_line(texts)
            found.lines["status"] = first_line + at
        return True
    return False


def _status_line(texts: list[tuple[int, str]]) -> tuple[int, str]:
    """The line of a status section that holds the status: one that names a known status
    and is not a link ("Accepted"), else the first link line ("Superceded by [...]"), else the
    first line (an unknown status, which lint reports). Prose in the section is not a status."""
    links = [(at, text) for at, text in texts if _LINK_LINE.match(text)]
    words = [
        (at, text)
        for at, text in texts
        if not _LINK_LINE.match(text) and parse_status(text)[0] != "unknown"
    ]
    return (words or links or texts)[0]


def _link_lines(lines: list[str], first_line: int, found: _Fields) -> None:
    for index, line in enumerate(lines):
        start = _LINK_LINE.match(line)
        if start is None:
            continue
        clause = LINK_CLAUSE.match(line, start.end())
        if clause is None:
            continue
        rest = line[clause.end() :]
        if not _REF_LIKE.search(rest):
            continue  # prose that happens to start with "Amends", not a link
        kind = link_kind(clause["kind"])
        found.refs.extend(Ref(kind, ref, first_line + index) for ref in split_refs(rest))


# --- file name and dates --------------------------------------------------------------------


def _file_name(stem: str) -> _Fields:
    match = LOG4BRAINS.fullmatch(stem)
    if match is None:
        return _Fields()
    return _Fields(date=f"{match['year']}-{match['month']}-{match['day']}", style="log4brains")


def _date(value: Any, adr: Adr) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        # fullmatch first: fromisoformat also takes 20240101, and a slice let junk through.
        if _ISO_DATE.fullmatch(text) is None:
            raise ValueError(text)
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        adr.findings.append(
            Finding(adr.rel, adr.line_of("date"), "ADR004", f"bad date '{text}': use YYYY-MM-DD")
        )
        return None
