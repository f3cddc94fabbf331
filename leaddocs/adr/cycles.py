"""Cycles of "newer than" links: A supersedes or amends B, which (through others) supersedes or
amends A. Such a log has no latest decision, so ``adr link`` refuses to make one and ``adr lint``
reports the ones hand-edited files make (ADR010).

Superseding and amending are one order here: both say the source is the later decision, so
``0001 supersedes 0002`` with ``0002 amends 0001`` is as contradictory as two supersedes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from leaddocs.adr.links import canonical
from leaddocs.adr.model import Adr, Finding, LinkKind
from leaddocs.errors import UsageError

CODE = "ADR010"
_SHOWN = 9  # ids of a cycle written out in full, the closing repeat included
_NEWER_THAN: tuple[LinkKind, ...] = ("supersedes", "amends")
Graph = dict[str, list[str]]  # ADR id -> ids of the older ADRs it supersedes or amends


def graph(adrs: Iterable[Adr]) -> Graph:
    """The newer-than edges of resolved ADRs (links.resolve has filled both directions)."""
    edges: Graph = {}
    for adr in adrs:
        targets = edges.setdefault(adr.id, [])
        for kind in _NEWER_THAN:
            targets.extend(target for target in adr.links[kind] if target not in targets)
    return edges


def closing_path(edges: Graph, newer: str, older: str) -> list[str] | None:
    """The cycle a new edge ``newer -> older`` would close (``[newer, older, ..., newer]``), or
    None. Breadth first, so the cycle named is a shortest one."""
    path = _shortest_path(edges, older, newer, allowed=None)
    return [newer, *path] if path is not None else None


def refuse(adrs: list[Adr], source: Adr, kind: LinkKind, target: Adr) -> None:
    """UsageError when ``source kind target`` would close a cycle."""
    newer, older = (source, target) if kind in _NEWER_THAN else (target, source)
    cycle = closing_path(graph(adrs), newer.id, older.id)
    if cycle is not None:
        raise UsageError(
            f"{source.rel}: {source.id} {kind} {target.id} would make a cycle of "
            f"supersedes/amends links: {render(cycle)}"
        )


def render(cycle: list[str]) -> str:
    """``0001 → 0002 → 0001``; a long cycle keeps its ends and its length, so a hostile log of
    thousands in a ring does not print thousands of ids on each of thousands of lines."""
    arrow = " \u2192 "
    if len(cycle) <= _SHOWN:
        return arrow.join(cycle)
    shown = [*cycle[:4], "\u2026", *cycle[-3:]]
    return f"{arrow.join(shown)} ({len(cycle) - 1} ADRs)"


def findings(adrs: list[Adr]) -> list[Finding]:
    """One ADR010 finding for every ADR on a cycle, at the line of its link to the next one."""
    edges = graph(adrs)
    by_id = {adr.id: adr for adr in adrs}
    found: list[Finding] = []
    for component in _strongly_connected(edges):
        if len(component) < 2:
            continue  # links.resolve drops self-links; a lone ADR is no cycle
        members = set(component)
        covered: set[str] = set()
        # Each member gets the shortest cycle through it; one search usually covers a whole ring.
        for start in sorted(component):
            if start in covered:
                continue
            cycle = _cycle_through(edges, start, members)
            covered.update(cycle)
            for at, adr_id in enumerate(cycle[:-1]):
                adr = by_id[adr_id]
                rotated = [*cycle[at:-1], *cycle[:at], adr_id]
                found.append(
                    Finding(
                        adr.rel,
                        _link_line(adr, cycle[at + 1]),
                        CODE,
                        f"supersedes/amends links make a cycle: {render(rotated)}",
                    )
                )
    return found


def _cycle_through(edges: Graph, start: str, members: set[str]) -> list[str]:
    best: list[str] | None = None
    for successor in edges.get(start, []):
        if successor not in members:
            continue
        path = _shortest_path(edges, successor, start, allowed=members)
        if path is not None and (best is None or len(path) < len(best)):
            best = path
    assert best is not None, "every member of a strongly connected component is on a cycle"
    return [start, *best]


def _shortest_path(
    edges: Graph, source: str, target: str, *, allowed: set[str] | None
) -> list[str] | None:
    """``[source, ..., target]`` along edges (inside ``allowed`` when given), or None."""
    parents: dict[str, str | None] = {source: None}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        if node == target:
            path = [node]
            while (parent := parents[path[-1]]) is not None:
                path.append(parent)
            return path[::-1]
        for successor in edges.get(node, []):
            if successor not in parents and (allowed is None or successor in allowed):
                parents[successor] = node
                queue.append(successor)
    return None


def _strongly_connected(edges: Graph) -> list[list[str]]:
    """Tarjan's algorithm without recursion: a hostile log may chain thousands of ADRs."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                successor = successors[child]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def _link_line(adr: Adr, target: str) -> int:
    """The line where ``adr`` names ``target``; its status line when only the target's file
    states the link (``superseded-by``)."""
    for ref in adr.refs:
        if ref.kind in _NEWER_THAN and canonical(ref.text) == target:
            return ref.line
    return adr.line_of("status")
