"""The graph of supersedes/amends links as a Mermaid diagram, with the same links as a list
(the diagram's nodes are not links: Mermaid's strict security level turns clicks off)."""

from __future__ import annotations

import html
import re

from leaddocs.application.pages.records import DecisionRecord, DecisionRecords
from leaddocs.application.pages.shared import link

# A node's label keeps letters, digits and a few marks: nothing Mermaid reads as syntax.
_LABEL_UNSAFE = re.compile(r"[^\w .,\-]+")
_NODE_UNSAFE = re.compile(r"\W")


def graph_page(decisions: DecisionRecords) -> str:
    known = decisions.by_id()
    edges = [
        (record, verb, known[other])
        for record in decisions.records
        for verb, targets in (("supersedes", record.supersedes), ("amends", record.amends))
        for other in targets
        if other in known
    ]
    lines = ["# Decision graph", "", "[All decisions](index.md)", ""]
    if not edges:
        return "\n".join([*lines, "No record supersedes or amends another yet."]) + "\n"
    nodes = {record.id: record for edge in edges for record in (edge[0], edge[2])}
    diagram = ["graph LR"]
    diagram += [f'  {_node(r)}["{_label(r)}"]' for r in nodes.values()]
    diagram += [f"  {_node(a)} -->|{verb}| {_node(b)}" for a, verb, b in edges]
    # Raw HTML, so no Markdown extension is needed: Material renders every pre.mermaid, with
    # the mermaid.js the plugin ships (never a CDN's).
    lines += [
        '<pre class="mermaid"><code>'
        + html.escape("\n".join(diagram), quote=False)
        + "</code></pre>"
    ]
    lines += ["", "## Links", ""]
    lines += [f"- {link(a)} {verb} {link(b)}" for a, verb, b in edges]
    return "\n".join(lines) + "\n"


def _node(record: DecisionRecord) -> str:
    return "adr_" + _NODE_UNSAFE.sub("_", record.id)


def _label(record: DecisionRecord) -> str:
    title = _LABEL_UNSAFE.sub(" ", record.title).strip()[:60]
    return f"{record.id} {title}" if record.number is not None else title
