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
    diagrams, too_big = _diagrams(edges)
    # Raw HTML, so no Markdown extension is needed: Material renders every pre.mermaid, with
    # the mermaid.js the plugin ships (never a CDN's).
    for diagram in diagrams:
        lines += [
            '<pre class="mermaid"><code>'
            + html.escape("\n".join(diagram), quote=False)
            + "</code></pre>",
            "",
        ]
    if too_big:
        lines += [
            f"The links among {too_big} records are too many for one diagram (Mermaid draws up "
            "to 500 links and 50,000 characters in one): they are in the list below only.",
            "",
        ]
    lines += ["", "## Links", ""]
    lines += [f"- {link(a)} {verb} {link(b)}" for a, verb, b in edges]
    return "\n".join(lines) + "\n"


# Mermaid's defaults (maxEdges 500, maxTextSize 50,000), with room to spare.
_MAX_EDGES = 450
_MAX_TEXT = 45_000
Edge = tuple[DecisionRecord, str, DecisionRecord]


def _diagrams(edges: list[Edge]) -> tuple[list[list[str]], int]:
    """The links as diagrams each under Mermaid's limits: one per group of connected records
    (small groups share a diagram); a group too big for any diagram is left to the list. Also
    how many records were left out."""
    groups = _components(edges)
    diagrams: list[list[str]] = []
    current: list[str] = []
    current_edges = 0
    left_out = 0
    for group in groups:
        text = _diagram_lines(group)
        size = sum(len(line) + 1 for line in text)
        if len(group) > _MAX_EDGES or size > _MAX_TEXT:
            left_out += len({r.id for a, _, b in group for r in (a, b)})
            continue
        used = sum(len(line) + 1 for line in current)
        if current and (current_edges + len(group) > _MAX_EDGES or used + size > _MAX_TEXT):
            diagrams.append(["graph LR", *current])
            current, current_edges = [], 0
        current += text
        current_edges += len(group)
    if current:
        diagrams.append(["graph LR", *current])
    return diagrams, left_out


def _components(edges: list[Edge]) -> list[list[Edge]]:
    """The edges grouped by connected records, each group in the order of its first edge."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, _, b in edges:
        parent[find(a.id)] = find(b.id)
    groups: dict[str, list[Edge]] = {}
    for edge in edges:
        groups.setdefault(find(edge[0].id), []).append(edge)
    return list(groups.values())


def _diagram_lines(edges: list[Edge]) -> list[str]:
    nodes = {record.id: record for edge in edges for record in (edge[0], edge[2])}
    lines = [f'  {_node(r)}["{_label(r)}"]' for r in nodes.values()]
    return lines + [f"  {_node(a)} -->|{verb}| {_node(b)}" for a, verb, b in edges]


def _node(record: DecisionRecord) -> str:
    return "adr_" + _NODE_UNSAFE.sub("_", record.id)


def _label(record: DecisionRecord) -> str:
    title = _LABEL_UNSAFE.sub(" ", record.title).strip()[:60]
    return f"{record.id} {title}" if record.number is not None else title
