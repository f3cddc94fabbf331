"""A meeting's summary drafted by a model, grounded in the source's lines.

The manifest is the meeting's entries, each with its line as id (``L12``): decisions and
action items are required (the model may phrase each), the rest optional. Every bullet cites
the lines it rests on; the engine rejects an id the source lacks. Here each kept bullet is
held to what its lines say: an owner, a date or a decision they do not state is an invention,
and the bullet is dropped and reported. Owners and due dates on the page are always those
read from the source; the model's words only phrase them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from leaddocs.documents.meeting import Said
from leaddocs.drafting.base import Drafter, DraftRequest, ManifestItem
from leaddocs.drafting.draft import Bullet
from leaddocs.drafting.report import DraftReport
from leaddocs.meetings.dates import Due, mentioned_dates
from leaddocs.meetings.extract import MENTION, is_name, owner
from leaddocs.meetings.model import Entry, Meeting

SUMMARY = "Summary"
DECISIONS = "Decisions"
ACTIONS = "Action items"
INSTRUCTIONS = (
    f'Use three sections. "{SUMMARY}": 3 to 7 bullets, most important first: what the '
    "meeting was about and what came of it; each cites the line ids it rests on. "
    f'"{DECISIONS}": one bullet per item of type decision, restating it plainly and citing '
    f'that item\'s id only. "{ACTIONS}": one bullet per item of type action item saying what '
    "is to be done, citing that item's id only. Name a person or a date only where the cited "
    "items state it (the owner and due fields say what they state; never add one). Never call "
    "something decided unless a cited item of type decision says so."
)
# Who a sentence says does something: "Carol Diaz" (two capitalised words), "Carol owns".
_WORD = r"[^\W\d_](?:[^\W\d_]|['\u2019-])*(?![\w])"  # letters: "L7" or "v2" names nobody
_FULL_NAME = re.compile(rf"(?<![\w'])(?={_WORD}\s+{_WORD})")
_TWO_WORDS = re.compile(rf"({_WORD})\s+({_WORD})")
_OWNS = re.compile(
    rf"(?<![\w'])(?P<name>{_WORD})\s+(?:owns|takes|handles|leads|drives|picks\s+up|is\s+on)\b"
)
_OWNERS_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_DECIDED = re.compile(r"\b(?:decid\w*|decision\w*|agreed|agree[sd]?|resolved)\b", re.IGNORECASE)


@dataclass(slots=True)
class DraftedMeeting:
    summary: list[Said] = field(default_factory=list)
    phrased: dict[str, Said] = field(default_factory=dict)  # by entry id: the model's words
    report: DraftReport | None = None


def manifest(meeting: Meeting) -> list[ManifestItem]:
    """Every entry of the meeting, in source order, with its line as id."""
    kinds: dict[str, tuple[str, str, bool]] = {}
    for item in meeting.decisions:
        kinds[item.entry.id] = ("decision", DECISIONS, True)
    for action in meeting.actions:
        kinds[action.entry.id] = ("action item", ACTIONS, True)
    for item in meeting.questions:
        kinds[item.entry.id] = ("open question", SUMMARY, False)
    facts = {
        action.entry.id: f"owner: {action.owner or 'not stated'}; due: {_due(action.due)}"
        + ("; already done" if action.done else "")
        for action in meeting.actions
    }
    entries = sorted([*meeting.source.summary, *meeting.entries], key=lambda e: e.line)
    items = []
    for entry in entries:
        kind, section, required = kinds.get(entry.id, ("note", SUMMARY, False))
        text = f"{entry.speaker}: {entry.text}" if entry.speaker else entry.text
        items.append(
            ManifestItem(
                entry.id, kind, text, body=facts.get(entry.id, ""), section=section,
                required=required,
            )
        )  # fmt: skip
    return items


def _due(due: Due | None) -> str:
    if due is None:
        return "not stated"
    return due.shown() if due.certain else f"unclear ({due.shown()}): state none"


def draft_meeting(meeting: Meeting, drafter: Drafter) -> DraftedMeeting:
    """The model's summary and wording, each bullet checked against its lines; nothing the
    checks drop is replaced by guesses: the page keeps the source's own words there."""
    items = manifest(meeting)
    by_id = {entry.id: entry for entry in [*meeting.source.summary, *meeting.entries]}
    request = DraftRequest(
        document="meeting summary",
        items=items,
        instructions=INSTRUCTIONS,
        also_valid=lambda item_id: item_id.strip() in by_id,
    )
    outcome = drafter.draft(request)
    report = outcome.report
    drafted = DraftedMeeting(report=report)
    if report.drafter == "template":
        return drafted  # no model: the page is the deterministic one
    checker = _Checker(meeting, by_id)
    decisions = {item.entry.id for item in meeting.decisions}
    actions = {action.entry.id for action in meeting.actions}
    for section in outcome.draft.sections:
        title = section.title.strip().casefold()
        for bullet in section.bullets:
            ids = [i.strip() for i in bullet.ids if i.strip() in by_id]
            if not ids or outcome.filled_ids.intersection(ids):
                continue  # the engine's fill-in: the source's words are on the page already
            problem = checker.invented(bullet, ids)
            wanted = decisions if title == DECISIONS.casefold() else actions
            phrasing = title in (DECISIONS.casefold(), ACTIONS.casefold())
            if problem is None and phrasing and (len(ids) != 1 or ids[0] not in wanted):
                problem = f"is in {section.title.strip()} but {_names(ids)} records none"
            if problem is not None:
                report.flagged.append(f"bullet citing {', '.join(ids)} {problem}: dropped")
                continue
            said = Said(bullet.text, checker.lines(ids), from_model=True)
            if title in (DECISIONS.casefold(), ACTIONS.casefold()):
                drafted.phrased[ids[0]] = said
            else:
                drafted.summary.append(said)
    return drafted


def _do(ids: Sequence[str]) -> str:
    return "does" if len(ids) == 1 else "do"


def _names(ids: Sequence[str]) -> str:
    return ("line " if len(ids) == 1 else "lines ") + ", ".join(i.lstrip("L") for i in ids)


class _Checker:
    """Whether a bullet states an owner, a date or a decision its cited lines do not."""

    def __init__(self, meeting: Meeting, by_id: dict[str, Entry]) -> None:
        self.meeting = meeting
        self.by_id = by_id
        owners = [action.owner for action in meeting.actions if action.owner]
        speakers = [entry.speaker for entry in meeting.entries if entry.speaker]
        self.people = {p.casefold(): p for p in [*meeting.attendees, *owners, *speakers]}
        self.known = set(self.people)
        self.decision_ids = {item.entry.id for item in meeting.decisions}

    def lines(self, ids: Sequence[str]) -> tuple[int, ...]:
        return tuple(line for i in ids for line in self.by_id[i].lines)

    def invented(self, bullet: Bullet, ids: Sequence[str]) -> str | None:
        cited = [self.by_id[i] for i in ids]
        said = " ".join(
            part for entry in cited for part in (entry.text, entry.speaker or "")
        ).casefold()
        for person in self._people_in(bullet.text):
            if person.casefold() not in said and not any(
                part in said for part in person.casefold().split() if len(part) > 2
            ):
                return f"names {person}, whom {_names(ids)} {_do(ids)} not name"
        day = self.meeting.date
        stated = set().union(*(mentioned_dates(entry.text, day) for entry in cited))
        for date in sorted(mentioned_dates(bullet.text, day)):
            if date not in stated:
                return f"states the date {date.isoformat()}, which {_names(ids)} {_do(ids)} not"
        if _DECIDED.search(bullet.text) and not self.decision_ids.intersection(ids):
            return (
                f"calls something decided, which {_names(ids)} {_do(ids)} not record as a decision"
            )
        return None

    def _people_in(self, text: str) -> list[str]:
        """The people a bullet names: known ones, mentions, and an owner it claims."""
        # As written (or capitalised): a person called Will is not every "will".
        found = [
            person
            for person in self.people.values()
            if any(
                re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)
                for form in {person, person[:1].upper() + person[1:]}
            )
        ]
        found += [m["name"] for m in MENTION.finditer(text)]
        claimed = owner(Entry(0, text), self.known)
        if claimed is not None:
            found += _OWNERS_SPLIT.split(claimed)  # "Alice and Carol": each is held to the lines
        for start in _FULL_NAME.finditer(text):
            pair = _TWO_WORDS.match(text, start.start())
            if pair is not None and is_name(pair[0]):
                found.append(pair[0])
        found += [m["name"] for m in _OWNS.finditer(text) if is_name(m["name"])]
        return list(dict.fromkeys(found))
