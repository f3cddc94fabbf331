"""A status page rendered: Markdown (with front matter), e-mail and Slack text, JSON, and the
index of every page. Text in, text out: the application gathers the facts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from leaddocs import yamlio
from leaddocs.documents.model import ItemView
from leaddocs.documents.render import Renderer
from leaddocs.markup import md_cell, md_link_path, md_text
from leaddocs.status.summary import RULES, Item, Source, StatusSummary
from leaddocs.textsafe import printable

TEMPLATE = "status.md.j2"
PORTFOLIO_TEMPLATE = "status-portfolio.md.j2"


def item_of(view: ItemView, area: str) -> Item:
    """A shipped change as the page lists it: its pull request, else its first commit."""
    first = view.commits[0]
    if view.pr:
        source = Source(label=view.pr_label or f"#{view.pr}", url=view.pr_url)
    else:
        source = Source(label=first.short, url=first.url)
    return Item(
        id=f"pr-{view.pr}" if view.pr else f"c-{first.sha[:10]}",
        title=f"{view.scope}: {view.subject}"
        if view.scope and area != view.scope
        else view.subject,
        source=source,
        area=area,
        type=view.type,
        breaking=view.breaking,
        authors=list(view.authors),
    )


def highlights(items: Sequence[Item], count: int) -> list[Item]:
    """The changes that matter most: breaking changes, then features, then fixes, newest first
    within each (``items`` come newest first)."""
    rank = {"feat": 1, "fix": 2, "perf": 2}

    def weight(item: Item) -> int:
        return 0 if item.breaking else rank.get(item.type or "", 3)

    ranked = sorted(items, key=weight)  # stable: newest first within a rank
    return [item for item in ranked if weight(item) < 3][:count]


def source_link(source: Source) -> str:
    label = md_text(source.label)
    return f"[{label}]({source.url})" if source.url else label


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "unknown"
    shown = f"{value:.1f}".removesuffix(".0")
    if shown == "1":
        unit = unit.removesuffix("s")
    return f"{shown} {unit}".strip()


def _context() -> dict[str, Any]:
    return {
        "src": source_link,
        "rule": lambda name: md_text(f"{name} ({RULES.get(name, name)})"),
        "number": _number,
    }


def front_matter(page: StatusSummary) -> dict[str, Any]:
    """What the next run compares against, and what the index lists."""
    return {
        "date": page.until,
        "period": f"{page.since} to {page.until}",
        "health": page.health.value,
        "health_by": page.health.by,
        "risks": [
            {"key": risk.key, "kind": risk.kind, "text": risk.text, "source": risk.source.label}
            for risk in page.risks
        ],
    }


def markdown(renderer: Renderer, page: StatusSummary) -> str:
    """The page with its front matter (YAML: the same loader reads it back)."""
    body = renderer.render(TEMPLATE, page=page, **_context())
    return f"---\n{yamlio.dump(front_matter(page))}---\n\n{body}"


def as_json(page: StatusSummary) -> str:
    return json.dumps(page.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def plain_text(page: StatusSummary, *, slack: bool = False) -> str:
    """The page as text to paste: an e-mail, or a Slack message (``*bold*``, ``<url|label>``).

    Nothing is Markdown-escaped here (neither reads Markdown); terminal escapes and control
    characters are removed, and Slack's three special characters are encoded as it asks."""

    def text(value: str) -> str:
        clean = printable(value)
        if slack:
            clean = clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return clean

    def ref(source: Source) -> str:
        if slack and source.url:
            return f"<{source.url}|{text(source.label)}>"
        return text(source.label) + (f" {source.url}" if source.url else "")

    def heading(title: str) -> str:
        return f"*{title}*" if slack else f"{title}\n{'-' * len(title)}"

    lines = [
        f"Status of {text(page.repository)}, {page.since} to {page.until}",
        "",
        f"Health: {page.health.value}"
        + (" (set by the lead)" if page.health.by == "notes" else " (suggested by the rules)"),
    ]
    if page.health.why:
        lines.append(f"  {text(page.health.why.text)}")
    sections: list[tuple[str, list[str]]] = [
        ("Highlights", [f"- {text(i.title)} ({ref(i.source)})" for i in page.highlights]),
        (
            "Shipped",
            [
                f"- {text(area)}: {len(items)} change{'s' if len(items) != 1 else ''}"
                for area, items in page.areas()
            ],
        ),
        ("In flight", [f"- {text(w.title)} ({ref(w.source)})" for w in page.in_flight]),
        (
            "Risks and blockers",
            [f"- {r.kind}: {text(r.text)} ({ref(r.source)})" for r in page.risks],
        ),
        ("Decisions", [f"- {ref(d.source)} {text(d.title)}: {d.status}" for d in page.decisions]),
        ("Next", [f"- {text(n.text)}" for n in page.next]),
        (
            "Metrics",
            [
                f"- {m.name}: {_number(m.current, m.unit)} "
                f"(previous period: {_number(m.previous, m.unit)})"
                for m in page.metrics
            ],
        ),
    ]
    for title, entries in sections:
        lines += ["", heading(title), *(entries or ["- none"])]
    return "\n".join(lines) + "\n"


def index(pages: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """The index of status pages, newest first: (file name, front matter) of each."""
    rows = sorted(pages, key=lambda page: (str(page[1].get("date", "")), page[0]), reverse=True)
    lines = [
        "# Status pages",
        "",
        f"{len(rows)} status page{'s' if len(rows) != 1 else ''}, newest first.",
        "",
        "| date | period | health |",
        "|---|---|---|",
    ]
    for name, meta in rows:
        date = md_cell(str(meta.get("date", name.removesuffix(".md"))))
        period = md_cell(str(meta.get("period", "")))
        health = md_cell(str(meta.get("health", "")))
        lines.append(f"| [{date}]({md_link_path(name)}) | {period} | {health} |")
    return "\n".join(lines) + "\n"


def portfolio(renderer: Renderer, pages: Sequence[StatusSummary], missing: Sequence[str]) -> str:
    return renderer.render(PORTFOLIO_TEMPLATE, pages=pages, missing=missing, **_context())
