"""A status page rendered: Markdown (with front matter), e-mail and Slack text, JSON, and the
index of every page. Text in, text out: the application gathers the facts."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from leaddocs import markers, yamlio
from leaddocs.document import Merged
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
    if page.health.unread:
        lines.append(
            f'  The notes\' health line could not be read: "{text(page.health.unread.text)}" '
            f"({ref(page.health.unread.source)})"
        )
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


INDEX_SECTION = "status-pages"
_INDEX_TITLE = "# Status pages\n\n"
_TABLE_RULE = "|---|---|---|\n"
_WHOLE_MARKER = re.compile(r"^\ufeff?<!-- leaddocs:generated sha256=[0-9a-f]{64} -->\r?\n")


def _row(name: str, meta: dict[str, Any]) -> str:
    date = md_cell(str(meta.get("date", name.removesuffix(".md"))))
    period = md_cell(str(meta.get("period", "")))
    health = md_cell(str(meta.get("health", "")))
    return f"| [{date}]({md_link_path(name)}) | {period} | {health} |\n"


def _newest_first(
    pages: Sequence[tuple[str, dict[str, Any]]],
) -> list[tuple[str, dict[str, Any]]]:
    return sorted(pages, key=lambda page: (str(page[1].get("date", "")), page[0]), reverse=True)


def index_list(pages: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """The list leaddocs keeps in the index: a heading, a count and a table, newest first."""
    rows = _newest_first(pages)
    return (
        "## Pages\n\n"
        f"{len(rows)} status page{'s' if len(rows) != 1 else ''}, newest first.\n\n"
        "| date | period | health |\n" + _TABLE_RULE + "".join(_row(*page) for page in rows)
    )


def index(pages: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """The index of status pages, newest first: (file name, front matter) of each. Only the
    marked list is leaddocs'; text around it is the person's (``IndexMerge``)."""
    return _INDEX_TITLE + markers.mark_section(INDEX_SECTION, index_list(pages))


@dataclass(frozen=True, slots=True)
class IndexMerge:
    """The index lands on the file there: the marked list is regenerated, text around it is
    kept; a list a person edited is kept too, with a row added for each page it lacks."""

    pages: tuple[tuple[str, dict[str, Any]], ...]

    def create(self) -> Merged:
        return Merged(index(self.pages))

    def merge(self, existing: str, *, force: bool = False) -> Merged:
        split = markers.split_sections(existing)
        ours = [
            part
            for part in split.parts
            if isinstance(part, markers.Section) and part.id == INDEX_SECTION
        ]
        fresh = markers.mark_section(INDEX_SECTION, index_list(self.pages))
        if not ours:
            # An index from before the marked list, or the person's own: the list goes last.
            if force or existing.startswith(_INDEX_TITLE):
                return Merged(index(self.pages))
            return Merged(existing.rstrip("\n") + "\n\n" + fresh)
        notes: list[str] = []
        out = []
        for part in split.parts:
            if part is not ours[0]:
                out.append(part.text() if isinstance(part, markers.Section) else part.text)
            elif part.edited and not force:
                out.append(self._added_to(part))
                notes.append("the list of pages was edited; kept it, with new pages added")
            else:
                out.append(fresh)
        return Merged("".join(out), tuple(notes))

    def migrate(self, existing: str) -> Merged:
        """An index a leaddocs before the marked list wrote whole (one marker for the file):
        its marker dropped, and merged like any other."""
        return self.merge(_WHOLE_MARKER.sub("", existing, count=1))

    def _added_to(self, section: markers.Section) -> str:
        body = section.body
        missing = [
            page for page in _newest_first(self.pages) if f"]({md_link_path(page[0])})" not in body
        ]
        rows = "".join(_row(*page) for page in missing)
        if rows:
            body = (
                body.replace(_TABLE_RULE, _TABLE_RULE + rows, 1)
                if _TABLE_RULE in body
                else body.rstrip("\n") + "\n\n" + rows
            )
        return markers.Section(section.id, section.recorded_hash, body).text()


def portfolio(renderer: Renderer, pages: Sequence[StatusSummary], missing: Sequence[str]) -> str:
    return renderer.render(PORTFOLIO_TEMPLATE, pages=pages, missing=missing, **_context())
