"""A meeting's page: front matter (title, date, attendees), then attendees, summary, decisions,
action items, open questions and what was not classified, each citing its source lines.

The page is rendered from ``meeting.md.j2`` (a repository's ``.leaddocs/templates`` may
override it); every text from the notes is escaped by the template's ``md`` filter.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from leaddocs import yamlio
from leaddocs.documents.render import Renderer
from leaddocs.meetings.model import Action, Item, Meeting

KIND = "meeting"
TEMPLATE = "meeting.md.j2"
_SOURCE_KINDS = {"notes": "notes", "vtt": "WebVTT transcript", "srt": "SubRip transcript"}


@dataclass(frozen=True, slots=True)
class Said:
    """Words on the page and the source lines they rest on."""

    text: str
    lines: tuple[int, ...]
    from_model: bool = False


@dataclass(frozen=True, slots=True)
class AdrLink:
    label: str  # the draft's file name
    href: str  # relative to the page, percent-encoded


@dataclass(frozen=True, slots=True)
class DecisionView:
    item: Item
    said: Said
    adr: AdrLink | None = None


@dataclass(frozen=True, slots=True)
class ActionView:
    action: Action
    said: Said


@dataclass(frozen=True, slots=True)
class MeetingPage:
    meeting: Meeting
    summary: tuple[Said, ...]
    decisions: tuple[DecisionView, ...]
    actions: tuple[ActionView, ...]
    model: str | None = None  # the model that drafted the summary, when one did
    phrased: bool = False  # the model's words stand for some decisions or actions

    @classmethod
    def of(
        cls,
        meeting: Meeting,
        *,
        summary: Sequence[Said] = (),
        phrased: Mapping[str, Said] | None = None,
        adrs: Mapping[str, AdrLink] | None = None,
        model: str | None = None,
    ) -> MeetingPage:
        """The page; ``phrased`` (by entry id) holds a model's words for a decision or an
        action, ``adrs`` (by entry id) the ADR draft made from a decision."""
        words = phrased or {}
        links = adrs or {}

        def said(item: Item | Action) -> Said:
            return words.get(item.entry.id) or Said(item.text, tuple(item.entry.lines))

        own = [Said(e.text, tuple(e.lines)) for e in meeting.source.summary]
        return cls(
            meeting,
            tuple(summary) or tuple(own),
            tuple(DecisionView(d, said(d), links.get(d.entry.id)) for d in meeting.decisions),
            tuple(ActionView(a, said(a)) for a in meeting.actions),
            model,
            bool(words),
        )


def cite(lines: Sequence[int]) -> str:
    """``line 12``, ``lines 12\u201313`` or ``lines 3, 12``: the source lines, in order."""
    ordered = sorted(set(lines))
    if len(ordered) == 1:
        return f"line {ordered[0]}"
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"lines {ordered[0]}\u2013{ordered[-1]}"
    return "lines " + ", ".join(map(str, ordered))


def counts(page: MeetingPage) -> str:
    """The summary of a meeting whose notes hold none: what the page found, counted. Only an
    open action item is flagged: one already done needs no owner or due date."""
    meeting = page.meeting
    actions = [action for action in meeting.actions if not action.done]
    done = len(meeting.actions) - len(actions)
    unowned = sum(1 for action in actions if action.owner is None)
    undated = sum(1 for action in actions if action.due is None)
    unclear = sum(1 for action in actions if action.due is not None and not action.due.certain)
    flags = [f"{unowned} without an owner"] if unowned else []
    flags += [f"{undated} without a due date"] if undated else []
    flags += [f"{unclear} with an unclear due date"] if unclear else []
    flagged = f" ({', '.join(flags)})" if flags else ""
    listed = _count(len(actions), "open action item" if done else "action item") + flagged
    if done:
        listed += f", {_count(done, 'action item')} done"
    unit = "line" if meeting.source.format == "notes" else "sentence"
    return (
        f"{_count(len(meeting.decisions), 'decision')}, {listed} and "
        f"{_count(len(meeting.questions), 'open question')}, read from "
        f"{_count(len(meeting.entries), unit)}"
        f" of the {_SOURCE_KINDS[meeting.source.format]}."
    )


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def front_matter(meeting: Meeting) -> dict[str, Any]:
    """Title, date and attendees. MkDocs shows the title as HTML in the navigation and the
    tab, so it is escaped for HTML here (YAML reads it back as the same string)."""
    return {
        "title": html.escape(meeting.title, quote=False),
        "date": meeting.date,
        "attendees": yamlio.flow_list(list(meeting.attendees)),
        "source": meeting.source.name,
    }


def markdown(renderer: Renderer, page: MeetingPage) -> str:
    meeting = page.meeting
    body = renderer.render(
        TEMPLATE,
        page=page,
        m=meeting,
        cite=cite,
        counts=counts,
        source_kind=_SOURCE_KINDS[meeting.source.format],
        date_note=_date_note(meeting),
    )
    return f"---\n{yamlio.dump(front_matter(meeting))}---\n\n{body}"


def _date_note(meeting: Meeting) -> str:
    where = {
        "--date": "as given with --date",
        "today": "the day the page was made: the source states none",
    }
    return where.get(meeting.date_from, f"from the {meeting.date_from}")
