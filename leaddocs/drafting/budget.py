"""Large manifests split into requests that fit the token budget, whole sections together.

Nothing is dropped quietly: an item that fits no request, or that comes after the last request
allowed, is returned in ``not_sent`` and the run lists it (the deterministic drafter covers it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field


def estimate_tokens(text: str) -> int:
    # About four characters a token for English prose and JSON; an estimate on the safe side
    # is all a budget needs, and it keeps a tokenizer (and its downloads) out of the project.
    return len(text) // 4 + 1


@dataclass(slots=True)
class Plan:
    chunks: list[list[dict[str, object]]] = field(default_factory=list)
    not_sent: list[str] = field(default_factory=list)
    room: int = 0  # tokens left for data in each request, after the prompt and the reserve


def split(
    payload: Sequence[dict[str, object]],
    *,
    budget: int,
    overhead: int,
    max_requests: int,
    reserve: int = 0,
) -> Plan:
    """Chunks of ``payload`` each within ``budget`` tokens.

    ``overhead`` is the fixed prompt; ``reserve`` what else a request may carry (the answer's
    ``max_tokens``, a retry's correction), so the retry of a chunk fits the budget too.
    """
    room = budget - overhead - reserve
    plan = Plan(room=room)
    sections: dict[object, list[dict[str, object]]] = {}
    for entry in payload:
        sections.setdefault(entry.get("section"), []).append(entry)
    current: list[dict[str, object]] = []
    used = 0
    for entries in sections.values():
        size = sum(_size(entry) for entry in entries)
        if current and used + size > room:
            # Keep a section whole in the next chunk rather than splitting it across two.
            plan.chunks.append(current)
            current, used = [], 0
        for entry in entries:
            cost = _size(entry)
            if cost > room:
                plan.not_sent.append(str(entry["id"]))
                continue
            if current and used + cost > room:
                plan.chunks.append(current)
                current, used = [], 0
            current.append(entry)
            used += cost
    if current:
        plan.chunks.append(current)
    for chunk in plan.chunks[max_requests:]:
        plan.not_sent.extend(str(entry["id"]) for entry in chunk)
    del plan.chunks[max_requests:]
    return plan


def _size(entry: dict[str, object]) -> int:
    return estimate_tokens(json.dumps(entry, ensure_ascii=False, indent=1))
