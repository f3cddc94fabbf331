"""Links between ADRs: references as written resolved to ids, and made two-way.

If A says it supersedes B, B is superseded by A even when B's file does not say so; lint then
reports the missing half.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from leaddocs.adr.model import REVERSE, Adr, Finding, LinkKind
from leaddocs.adr.parse import identity

_TARGET = re.compile(r"\]\(([^)\s\]]+)\)")  # stops at "]": one pass over "](](](..."
# Possessive digits, zeros stripped after: "0*(\d+)" split a run of n zeros n ways, each
# rescanned (89 s for 60,000 zeros and an "x").
_NUMBER = re.compile(r"(?:adr[-_ #]?|#)?(\d++)(?:[.:]?\s.*)?", re.IGNORECASE)
_MAX_DIGITS = 18  # past this a "number" names no ADR (and int() refuses 4,300 digits)

_SAYS: dict[LinkKind, str] = {
    "supersedes": "supersedes",
    "superseded-by": "is superseded by",
    "amends": "amends",
    "amended-by": "is amended by",
}


class Index:
    """Finds the ADR a reference means: a Markdown link's file, a number, an id or a stem."""

    def __init__(self, adrs: list[Adr]) -> None:
        self.by_stem: dict[str, Adr] = {}
        self.by_number: dict[int, Adr] = {}
        self.by_id: dict[str, Adr] = {}
        for adr in adrs:
            self.by_stem.setdefault(adr.stem, adr)
            self.by_id.setdefault(adr.id, adr)
            if adr.number is not None:
                self.by_number.setdefault(adr.number, adr)

    def find(self, reference: str) -> Adr | None:
        text = reference.strip()
        target = _TARGET.search(text)
        if target is not None:
            name = PurePosixPath(target[1].split("#")[0]).name
            return self.by_stem.get(name.removesuffix(".md"))
        name = PurePosixPath(text).name.removesuffix(".md")
        if name in self.by_stem:
            return self.by_stem[name]
        if name in self.by_id:
            return self.by_id[name]
        number = number_of(text)
        return self.by_number.get(number) if number is not None else None


def canonical(reference: str) -> str:
    """The id a reference names as far as its text tells (``ADR-12`` and ``12`` -> ``0012``, a
    link -> its file's id), for writing it into a front matter list; else the text as is."""
    text = reference.strip()
    target = _TARGET.search(text)
    if target is not None:
        return identity(PurePosixPath(target[1].split("#")[0]).name.removesuffix(".md"))[0]
    number = number_of(text)
    return f"{number:04d}" if number is not None else text


def number_of(reference: str) -> int | None:
    """The number a bare reference names (``ADR-0012``, ``#12``, ``0012``); None for a link or
    a file name, which name one file whatever its number."""
    number = _NUMBER.fullmatch(reference.strip())
    if number is None:
        return None
    digits = number[1].lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_DIGITS else None


def resolve(adrs: list[Adr]) -> list[Finding]:
    """Fill every ADR's links in both directions; findings for dangling and one-way links."""
    index = Index(adrs)
    findings: list[Finding] = []
    declared: set[tuple[int, LinkKind, int]] = set()  # (id(source), kind, id(target))
    for adr in adrs:
        for ref in adr.refs:
            target = index.find(ref.text)
            if target is None:
                findings.append(
                    Finding(
                        adr.rel,
                        ref.line,
                        "ADR006",
                        f"{ref.kind} '{ref.text}': no such ADR",
                    )
                )
                continue
            if target is adr:
                continue
            declared.add((id(adr), ref.kind, id(target)))
            _add(adr, ref.kind, target.id)
            _add(target, REVERSE[ref.kind], adr.id)
    by_identity = {id(adr): adr for adr in adrs}
    for source_key, kind, target_key in declared:
        if (target_key, REVERSE[kind], source_key) in declared:
            continue
        other, this = by_identity[source_key], by_identity[target_key]
        findings.append(
            Finding(
                this.rel,
                this.line_of("status"),
                "ADR007",
                f"{other.id} says it {_SAYS[kind]} this ADR, but this file does not "
                f"say it {_SAYS[REVERSE[kind]]} {other.id}",
            )
        )
    return findings


def _add(adr: Adr, kind: LinkKind, target: str) -> None:
    if target not in adr.links[kind]:
        adr.links[kind].append(target)
