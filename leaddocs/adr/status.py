"""Status text as people write it: ``Accepted``, ``superseded by ADR-0057``, ``accepted;
supersedes [ADR-0045](0045-x.md)`` -> one of the normalised statuses plus the links it names."""

from __future__ import annotations

import re

from leaddocs.adr.model import LinkKind

# adr-tools has always written "Supercedes"/"Superceded by"; both spellings are links.
LINK_CLAUSE = re.compile(
    r"\b(?P<kind>supersedes|supercedes|superseded\s+by|superceded\s+by|amends|amended\s+by)\b"
    r"[ \t]*:?[ \t]*",
    re.IGNORECASE,
)
_KINDS: dict[str, LinkKind] = {
    "supersedes": "supersedes",
    "supercedes": "supersedes",
    "supersededby": "superseded-by",
    "supercededby": "superseded-by",
    "amends": "amends",
    "amendedby": "amended-by",
}
# Neither part may run past the next "[" or "]": each failed start then scans only up to the
# next candidate, so a line of a million "[x](" costs one pass, not a million.
MARKDOWN_LINK = re.compile(r"\[[^\[\]]*\]\([^)\s\]]+\)")
_EMPHASIS = re.compile(r"\*\*|__|`")
_PHRASES = {
    "in review": "proposed",
    "under review": "proposed",
    "in progress": "draft",
    "work in progress": "draft",
}
_WORDS = {
    "draft": "draft",
    "wip": "draft",
    "proposed": "proposed",
    "proposal": "proposed",
    "open": "proposed",
    "pending": "proposed",
    "accepted": "accepted",
    "approved": "accepted",
    "adopted": "accepted",
    "agreed": "accepted",
    "decided": "accepted",
    "implemented": "accepted",
    "rejected": "rejected",
    "declined": "rejected",
    "deprecated": "deprecated",
    "retired": "deprecated",
    "obsolete": "deprecated",
    "superseded": "superseded",
    "superceded": "superseded",
    "replaced": "superseded",
}


def link_kind(word: str) -> LinkKind:
    """The link kind a clause keyword names, whatever its spelling and spacing."""
    return _KINDS[re.sub(r"\s+", "", word.lower())]


def normalise(word: str) -> str:
    """One of model.STATUSES for a status word; ``unknown`` when nobody knows it."""
    text = _EMPHASIS.sub("", word).strip().lower()
    for phrase, status in _PHRASES.items():
        if text.startswith(phrase):
            return status
    first = re.match(r"[a-z]+", text)
    return _WORDS.get(first[0], "unknown") if first else "unknown"


def split_refs(text: str) -> list[str]:
    """The references in a clause: Markdown links whole, else comma/``and``-separated words."""
    links = MARKDOWN_LINK.findall(text)
    if links:
        return links
    parts = re.split(r",|;|\band\b", text)
    return [part.strip(" .\t") for part in parts if part.strip(" .\t")]


def parse_status(text: str) -> tuple[str, list[tuple[LinkKind, str]]]:
    """(normalised status, links named in the text). The status word comes first; a text
    that is only ``superseded by X`` means superseded."""
    clean = _EMPHASIS.sub("", text).strip()
    clauses = list(LINK_CLAUSE.finditer(clean))
    head = clean[: clauses[0].start()] if clauses else clean
    links: list[tuple[LinkKind, str]] = []
    for index, clause in enumerate(clauses):
        end = clauses[index + 1].start() if index + 1 < len(clauses) else len(clean)
        kind = link_kind(clause["kind"])
        links.extend((kind, ref) for ref in split_refs(clean[clause.end() : end]))
    head = head.strip(" \t;,.-\u2013\u2014:()")
    if head:
        return normalise(head), links
    if any(kind == "superseded-by" for kind, _ in links):
        return "superseded", links
    return "unknown", links
