"""The decision graph at scale: Mermaid refuses a diagram over 50,000 characters or 500 links
("Maximum text size in diagram exceeded"), so the page splits the links into diagrams under
both limits, one group of connected records at a time, and lists a group too big for one."""

from __future__ import annotations

import html
import re
from pathlib import Path

from leaddocs.application.pages.graph import graph_page
from leaddocs.application.pages.records import DecisionRecord, DecisionRecords


def _record(number: int, supersedes: tuple[int, ...] = ()) -> DecisionRecord:
    stem = f"{number:04d}-decide-something-rather-long-about-topic-{number}"
    return DecisionRecord(
        id=f"{number:04d}",
        number=number,
        title=f"Decide something rather long about topic {number}",
        status="accepted",
        date="2024-01-01",
        tags=(),
        decision_makers=(),
        path=Path(f"/r/adr/{stem}.md"),
        rel=f"adr/{stem}.md",
        stem=stem,
        supersedes=tuple(f"{n:04d}" for n in supersedes),
        superseded_by=(),
        amends=(),
        amended_by=(),
    )


def _diagrams(page: str) -> list[str]:
    return [
        html.unescape(d) for d in re.findall(r'<pre class="mermaid"><code>(.*?)</code>', page, re.S)
    ]


def test_many_small_groups_are_split_into_diagrams_under_mermaids_limits() -> None:
    records = [_record(n, (n - 1,) if n % 2 == 0 else ()) for n in range(1, 1401)]
    page = graph_page(DecisionRecords(Path("/r/adr"), tuple(records), ()))
    diagrams = _diagrams(page)
    assert len(diagrams) >= 2
    for diagram in diagrams:
        assert len(diagram) < 50_000 and diagram.count("-->") <= 500
    assert sum(d.count("-->") for d in diagrams) == 700  # every link drawn once
    assert "too many for one diagram" not in page


def test_a_chain_too_long_for_any_diagram_is_listed_with_a_note() -> None:
    chain = [_record(n, (n - 1,) if n > 1 else ()) for n in range(1, 1001)]
    pair = [_record(2001), _record(2002, (2001,))]
    page = graph_page(DecisionRecords(Path("/r/adr"), tuple(chain + pair), ()))
    diagrams = _diagrams(page)
    assert len(diagrams) == 1 and diagrams[0].count("-->") == 1  # the pair still drawn
    assert "The links among 1000 records are too many for one diagram" in page
    assert page.count("\n- [") == 1000  # the list has every link
