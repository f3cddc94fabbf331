"""A status page rendered: Markdown (with front matter), e-mail and Slack text, JSON, and the
index of every page. Text in, text out: the application gathers the facts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from leaddocs import markers, yamlio
from leaddocs.document import Merged
from leaddocs.documents.items import cited_id
from leaddocs.documents.model import ItemView
from leaddocs.documents.render import Renderer
from leaddocs.markup import md_cell, md_link_path, md_text
from leaddocs.status.summary import RULES, InFlight, Item, Risk, Source, StatusSummary
from leaddocs.textsafe import printable

TEMPLATE = "status.md.j2"
PORTFOLIO_TEMPLATE = "status-portfolio.md.j2"


def item_of(view: ItemView, area: str, item_id: str | None = None) -> Item:
    """A shipped change as the page lists it: its pull request, else its first commit.
    ``item_id``: its id among the page's items (``items.cited_ids``), when a number repeats."""
    first = view.commits[0]
    if view.pr:
        source = Source(label=view.pr_label or f"#{view.pr}", url=view.pr_url)
    else:
        source = Source(label=first.short, url=first.url)
    return Item(
        id=item_id or cited_id(view),
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


_BROADCAST = re.compile(r"(?<![\w`])@(channel|here|everyone)\b", re.I)


def _absolute(url: str | None) -> str | None:
    """A link that works outside the repository (in an e-mail, in Slack): http(s) only; a
    path relative to the page is dropped (the label is shown as plain text)."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def plain_text(page: StatusSummary, *, slack: bool = False) -> str:
    """The page as text to paste: an e-mail, or a Slack message (``*bold*`` headings).

    Nothing is Markdown-escaped or HTML-encoded here (neither reads Markdown, and text pasted
    into Slack is taken as typed); terminal escapes and control characters are removed. In a
    Slack message ``@channel``, ``@here`` and ``@everyone`` are shown as code, so pasting the
    page notifies nobody. Links are absolute URLs after their label; a link only the site or
    the repository can follow (an ADR's path) is left out, the label kept."""

    def text(value: str) -> str:
        clean = printable(value)
        if slack:
            clean = _BROADCAST.sub(lambda found: f"`@{found[1]}`", clean)
        return clean

    def ref(source: Source, url: str | None = None) -> str:
        link = _absolute(url or source.url)
        return text(source.label) + (f" {link}" if link else "")

    def heading(title: str) -> str:
        return f"*{title}*" if slack else f"{title}\n{'-' * len(title)}"

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'s' if count != 1 else ''}"

    def work_state(work: InFlight) -> str:
        if work.kind == "pull request":
            waited = work.review_wait_days
            wait = (
                ""
                if waited is None
                else " for less than a day"
                if waited == 0
                else f" for {plural(waited, 'day')}"
            )
            return f"open {plural(work.age_days, 'day')}, {work.review}{wait}"
        last = (
            "the last on the period's last day"
            if work.idle_days == 0
            else f"the last {plural(work.idle_days, 'day')} before its end"
        )
        return f"{plural(work.commits or 0, 'commit')}, {last}"

    def risk_line(risk: Risk) -> str:
        rule = f"; rule: {risk.rule} ({RULES.get(risk.rule, risk.rule)})" if risk.rule else ""
        return f"- {risk.kind}: {text(risk.text)} ({ref(risk.source)}{rule})"

    health = page.health
    lines = [
        f"Status of {text(page.repository)}, {page.since} to {page.until}",
        "",
        f"Health: {health.value}"
        + (" (set by the lead)" if health.by == "notes" else " (suggested by the rules)"),
    ]
    if health.why:
        lines.append(f"  {text(health.why.text)} ({ref(health.why.source)})")
    if health.unread:
        lines.append(
            f'  The notes\' health line could not be read: "{text(health.unread.text)}" '
            f"({ref(health.unread.source)})"
        )
    if health.by == "rules":
        lines.append(f"  What decided it: {text('; '.join(health.reasons))}")
    sections: list[tuple[str, list[str]]] = []
    if page.narrative and page.narrative.lines:
        sections.append(
            (
                f"Summary for {text(page.narrative.audience)}",
                [
                    f"- {text(line.text)}"
                    + (f" ({', '.join(ref(s) for s in line.sources)})" if line.sources else "")
                    for line in page.narrative.lines
                ],
            )
        )
    sections += [
        ("Highlights", [f"- {text(i.title)} ({ref(i.source)})" for i in page.highlights]),
        (
            "Shipped",
            [f"- {text(area)}: {plural(len(items), 'change')}" for area, items in page.areas()],
        ),
        (
            "In flight",
            [f"- {text(w.title)} ({ref(w.source)}): {work_state(w)}" for w in page.in_flight],
        ),
        ("Risks and blockers", [risk_line(r) for r in (*page.blockers, *page.only_risks)]),
        (
            "Decisions",
            [
                f"- {ref(d.source, d.web_url)} {text(d.title)}: {text(d.status)} "
                f"({d.change} in this period)"
                for d in page.decisions
            ],
        ),
        ("Next", [f"- {text(n.text)} ({ref(n.source)})" for n in page.next]),
    ]
    if page.notes:
        sections.append(("Notes", [f"> {text(n.text)} ({ref(n.source)})" for n in page.notes]))
    sections += [
        (
            "Metrics",
            [
                f"- {m.name}: {_number(m.current, m.unit)} "
                f"(previous period: {_number(m.previous, m.unit)})"
                for m in page.metrics
            ],
        ),
        ("Since last update", _since_last(page, text)),
    ]
    for title, entries in sections:
        lines += ["", heading(title), *(entries or ["- none"])]
    return "\n".join(lines) + "\n"


def _since_last(page: StatusSummary, text: Callable[[str], str]) -> list[str]:
    last = page.since_last
    if last is None:
        return ["- This is the first status page."]
    then = (
        f" (health then: {text(last.previous_health)})"
        if last.previous_health and last.previous_health != page.health.value
        else ""
    )
    lines = [f"Against the page of {text(last.previous)}{then}:"]
    lines += [f"- New {risk.kind}: {text(risk.text)}" for risk in last.new]
    lines += [
        f"- {'Cleared' if risk.kind == 'blocker' else 'Resolved'} {risk.kind}: {text(risk.text)}"
        for risk in last.resolved
    ]
    lines += [
        f"- No longer in this period ({risk.kind}): {text(risk.text)}" for risk in last.outside
    ]
    if not (last.new or last.resolved or last.outside):
        lines.append("- No risk or blocker came or went.")
    if last.not_compared:
        lines.append(
            "- Not compared, as this run did not read them: the previous page's risks from "
            + text(", ".join(last.not_compared))
        )
    return lines


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
