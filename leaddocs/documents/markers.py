"""Markers that let a later run tell leaddocs' own output from a human's edit of it.

A marker records the SHA-256 of the text leaddocs generated after it. If the text there no
longer hashes to that value, a human changed it, and leaddocs keeps the edit.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_DOCUMENT = re.compile(r"^<!-- leaddocs:generated sha256=(?P<hash>[0-9a-f]{64}) -->\n")
_SECTION = re.compile(
    r'^<!-- leaddocs:section id="(?P<id>[^"]+)" sha256=(?P<hash>[0-9a-f]{64}) -->$', re.M
)


def digest(text: str) -> str:
    # Trailing white space is not an edit: editors and formatters change it freely.
    normal = "\n".join(line.rstrip() for line in text.strip("\n").splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def mark_document(body: str) -> str:
    return f"<!-- leaddocs:generated sha256={digest(body)} -->\n{body}"


def document_state(text: str) -> str:
    """'generated' (untouched output), 'edited' (marker, changed body) or 'foreign' (no marker)."""
    match = _DOCUMENT.match(text)
    if match is None:
        return "foreign"
    return "generated" if digest(text[match.end() :]) == match["hash"] else "edited"


def mark_section(section_id: str, body: str) -> str:
    return f'<!-- leaddocs:section id="{section_id}" sha256={digest(body)} -->\n{body}'


@dataclass(slots=True)
class Section:
    id: str
    recorded_hash: str
    body: str

    @property
    def edited(self) -> bool:
        return digest(self.body) != self.recorded_hash

    def text(self) -> str:
        return f'<!-- leaddocs:section id="{self.id}" sha256={self.recorded_hash} -->\n{self.body}'


def split_sections(text: str) -> tuple[str, list[Section]]:
    """The text before the first section marker, and every marked section in order."""
    matches = list(_SECTION.finditer(text))
    if not matches:
        return text, []
    preamble = text[: matches[0].start()]
    sections = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = text[match.end() + 1 : end]
        sections.append(Section(match["id"], match["hash"], body))
    return preamble, sections
