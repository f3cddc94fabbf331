"""One ADR as a page: the escaped title, a status admonition with its date, people, tags and
its links both ways, then the record's own Markdown made safe (body.py)."""

from __future__ import annotations

import html
import json

from leaddocs.adr.parse import decode
from leaddocs.application.pages.body import adr_body
from leaddocs.application.pages.records import DecisionRecord
from leaddocs.application.pages.shared import date_of, label, link
from leaddocs.errors import DocumentError
from leaddocs.markup import md_text

_ADMONITION = {
    "accepted": "success",
    "proposed": "info",
    "draft": "info",
    "rejected": "failure",
    "deprecated": "warning",
    "superseded": "warning",
}
_LINKS = (
    ("supersedes", "Supersedes"),
    ("superseded_by", "Superseded by"),
    ("amends", "Amends"),
    ("amended_by", "Amended by"),
)


def adr_page(record: DecisionRecord, known: dict[str, DecisionRecord]) -> str:
    try:
        text = decode(record.path.read_bytes(), record.rel)
    except OSError as exc:  # removed or locked since the log was read, a moment ago
        raise DocumentError(f"{record.rel}: cannot read: {exc.strerror}; build again") from exc
    body = text if isinstance(text, str) else ""  # it decoded a moment ago
    kind = _ADMONITION.get(record.status, "note")
    facts = [f"**Date:** {date_of(record)}"]
    if record.decision_makers:
        facts.append("**Decision makers:** " + ", ".join(map(md_text, record.decision_makers)))
    if record.tags:
        facts.append("**Tags:** " + ", ".join(map(md_text, record.tags)))
    lines = [*_front_matter(record), f"# {label(record)}", ""]
    lines += [f'!!! {kind} "{record.status.capitalize()}"', ""]
    lines.append("    " + " · ".join(facts))
    for field, words in _LINKS:
        others = [known[other] for other in getattr(record, field) if other in known]
        if others:
            lines += ["", f"    {words} " + ", ".join(link(other) for other in others) + "."]
    lines += ["", f"    [All decisions](index.md) · Source: {md_text(record.rel)}", ""]
    return "\n".join(lines) + "\n" + adr_body(body)


def _front_matter(record: DecisionRecord) -> list[str]:
    """The page's title, for the navigation, the header and the tab. MkDocs would take it from
    the heading with its escapes undone, and Material's templates print it as HTML: here it is
    escaped for HTML, as a JSON string (which YAML reads as the same string)."""
    prefix = f"{record.id}. " if record.number is not None else ""
    title = html.escape(prefix + record.title.replace("\n", " "), quote=False)
    return ["---", f"title: {json.dumps(title)}", "---"]
