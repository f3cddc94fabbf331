"""What the notes mark, read out of them: decisions, action items, open questions, the rest.

Only what is marked is classified, first by its own words, then by the section it is in:

- an action item: a task (``- [ ]``), ``TODO``, ``ACTION``, ``Action item:``, a line under an
  "Action items" / "Next steps" / "Tasks" heading; and, unmarked, "NAME will … by DATE", an
  ``@name`` asked to do something, "I will … tomorrow" said by a transcript's speaker, or
  "NAME to …"/"NAME will …" where NAME is an attendee;
- a decision: ``Decision:``, ``Decided``, ``Agreed:``, "we decided …", a line under a
  "Decisions" heading;
- an open question: ``Q:``, ``Question:``, ``Open question``, a line ending in a question mark,
  a line under a "Questions" heading;
- anything else is listed as not classified, as written.

An action's owner and due date are read only from its own words (a transcript's "I" is its
speaker); an action without them is flagged on the page, never filled in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from leaddocs.meetings.dates import find_due
from leaddocs.meetings.model import Action, DateFrom, Entry, Item, Meeting, Source

_ACTION_UPPER = re.compile(r"^(?:TODO|ACTION(?:\s+ITEM)?|FIXME)\b(?:\s*\((?P<who>[^()]{1,80})\))?")
# "Action item (Bob): …", "Action item - Bob: …", "Next steps: …", "Follow-up: …".
_ACTION_LABEL = re.compile(
    r"^(?:to-?do|action(?:\s+(?:item|point)s?)?|ai|tasks?|next\s+steps?|follow[-\s]?ups?)"
    r"\s*(?:\((?P<who>[^()]{1,80})\)|\s[-\u2013\u2014]\s*@?(?P<dashed>\w[\w.'-]*(?:\s+[A-Z][\w.'-]*)?))?"
    r"\s*:",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"^(?:decisions(?=\s*[:\u2013\u2014-])|decision|decided|agreed|resolution|resolved)\b\s*(?:\((?P<who>[^()]{1,80})\))?"
    r"\s*[:\u2013\u2014-]?\s*",
    re.IGNORECASE,
)
_WE_DECIDED = re.compile(r"^(?:we|the\s+team|everyone)\s+(?:have\s+)?(?:decided|agreed)\b", re.I)
_QUESTION_LABEL = re.compile(
    r"^(?:q|questions?|open\s+questions?|unresolved)\b\s*(?:\d+\s*)?[:\u2013\u2014-]?\s*",
    re.IGNORECASE,
)
# "**Decision:** …", "__Action item (Bob):__ …", "**Q**: …": a label in bold, as notes pasted
# from a document editor write it; read as the plain label.
_BOLD_LABEL = re.compile(r"^(\*\*|__)(?P<label>[^*_\n]{1,40}?)\s*(?::\s*\1|\1\s*:)")
_QUESTION_END = re.compile(r"[?\uff1f\u061f\u2e2e]\s*\W{0,3}$")
_SEPARATOR = re.compile(r"^[\s:\u2013\u2014-]+")
MENTION = re.compile(r"(?<![\w@.`])@(?P<name>\w(?:[\w.-]*\w)?)")
BROADCASTS = frozenset({"everyone", "here", "channel", "all", "team"})
# The label in any case; the name's second word only when capitalised ("owner: bob by
# Friday" is bob's, "assigned to Bob Okafor" Bob Okafor's): the flag is scoped to the label.
_OWNER_LABEL = re.compile(
    r"\b(?i:owner|assignee|assigned\s+to|responsible)\s*[:=]?\s*@?"
    r"(?P<name>\w[\w.'-]*(?:\s+[A-Z][\w.'-]*)?)"
)
_NAME_WORD = r"[^\W\d_][\w'\u2019-]*"
_WILL = re.compile(
    rf"^@?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    r"\s+(?P<verb>will|shall|is\s+going\s+to|to)\s+\S",
)
# "@alice and @bob will …", "Bob, Carol and Dan to …": each of them owns it.
_ONE_OF = rf"@?(?!and\b){_NAME_WORD}(?:\s+(?!and\b|will\b|to\b){_NAME_WORD})?"
_GROUP = re.compile(
    rf"^(?P<names>{_ONE_OF}(?:\s*,\s*{_ONE_OF})*\s*(?:,\s*)?(?:and|&)\s+{_ONE_OF})"
    r"\s+(?P<verb>will|shall|are\s+going\s+to|to)\s+\S",
    re.IGNORECASE,
)
_GROUP_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|&)\s)\s*", re.IGNORECASE)
_NAME_LL = re.compile(rf"^@?(?P<name>{_NAME_WORD})(?:'|\u2019)ll\s+\S")
_FIRST_PERSON = re.compile(
    r"^(?:(?:ok(?:ay)?|so|yes|yeah|sure|right|and|then)[,\s]+)*"
    r"(?:i\s+(?:will|shall|can|am\s+going\s+to)|i(?:'|\u2019)ll|i'm\s+going\s+to)\s+\S",
    re.IGNORECASE,
)
# Capitalised words that start sentences but name nobody.
_NOT_NAMES = frozenset(
    {
        "it", "this", "that", "there", "we", "they", "he", "she", "you", "i", "who", "which",
        "what", "everyone", "everybody", "someone", "somebody", "nobody", "anyone", "anybody",
        "one", "each", "all", "both", "nothing", "something", "team", "the", "a", "an", "our",
        "my", "your", "their", "its", "these", "those", "here", "then", "next", "decision",
        "action", "todo", "note", "question",
    }
)  # fmt: skip
SECTION_KINDS: tuple[tuple[str, str], ...] = (
    ("decision", "decision"),
    ("action", "action"),
    ("todo", "action"),
    ("to-do", "action"),
    ("task", "action"),
    ("next step", "action"),
    ("follow-up", "action"),
    ("follow up", "action"),
    ("question", "question"),
    ("unresolved", "question"),
)


def extract(
    source: Source,
    *,
    title: str,
    date: dt.date,
    date_from: DateFrom,
    notes: Sequence[str] = (),
) -> Meeting:
    """The meeting ``source`` records, held on ``date``."""
    mentioned = [m["name"] for e in source.entries for m in MENTION.finditer(e.text)]
    listed = {part.casefold() for name in source.attendees for part in (name, name.split()[0])}
    # "@dana" is Dana Kim when she is listed: only a name nobody listed is added.
    mentioned = [
        name
        for name in mentioned
        if name.lower() not in BROADCASTS and name.casefold() not in listed
    ]
    attendees = _unique([*source.attendees, *mentioned])
    # "Alice to send the slides" is Alice Martin's when she is listed, as "@alice" is.
    known = {part.casefold() for name in attendees for part in (name, *name.split()[:1])}
    decisions: list[Item] = []
    actions: list[Action] = []
    questions: list[Item] = []
    other: list[Item] = []
    for entry in source.entries:
        kind, text = classify(entry, date, known)
        if kind == "action":
            actions.append(_action(entry, text, date, known))
        elif kind == "decision":
            decisions.append(Item(entry, text))
        elif kind == "question":
            questions.append(Item(entry, text))
        else:
            other.append(Item(entry, entry.text))
    sources = [source.attendees_from] if source.attendees_from else []
    if mentioned:
        sources.append("the mentions")  # not "@mentions": GitHub would notify a user
    return Meeting(
        source=source,
        title=title,
        date=date,
        date_from=date_from,
        attendees=tuple(attendees),
        attendees_from=" and ".join(sources),
        decisions=tuple(decisions),
        actions=tuple(actions),
        questions=tuple(questions),
        unclassified=tuple(other),
        notes=tuple(notes),
    )


def classify(entry: Entry, date: dt.date, known: set[str]) -> tuple[str, str]:
    """(kind, text without its marker): kind is action, decision, question or other."""
    text = entry.text
    if entry.code:
        return "other", text
    if entry.task:
        return "action", text
    label = _unbolded(text)  # what its labels are matched on: "**Decision:**" as "Decision:"
    marked = _ACTION_UPPER.match(label) or _ACTION_LABEL.match(label)
    if marked is not None:
        return "action", _rest(label, marked.end()) or text
    decided = _DECISION.match(label)
    if decided is not None and (decided.end() < len(label)):
        return "decision", _rest(label, decided.end()) or text
    if _WE_DECIDED.match(text):
        return "decision", text
    asked = _QUESTION_LABEL.match(label)
    if (
        asked is not None
        and asked.end() < len(label)
        and (
            asked[0].rstrip().endswith((":", "-", "\u2013", "\u2014")) or "open" in asked[0].lower()
        )
    ):
        return "question", _rest(label, asked.end()) or text
    by_section = section_kind(entry.section)
    if by_section is not None:
        return by_section, text
    if _QUESTION_END.search(text):
        return "question", text
    if _implied_action(entry, date, known):
        return "action", text
    return "other", text


def _unbolded(text: str) -> str:
    bold = _BOLD_LABEL.match(text)
    return text if bold is None else f"{bold['label']}:{text[bold.end() :]}"


def section_kind(section: str) -> str | None:
    lowered = section.lower()
    return next((kind for word, kind in SECTION_KINDS if word in lowered), None)


def _rest(text: str, at: int) -> str:
    return _SEPARATOR.sub("", text[at:]).strip()


def _implied_action(entry: Entry, date: dt.date, known: set[str]) -> bool:
    """An unmarked line that still states who does what: "NAME will … by DATE", "@name …",
    "I will … tomorrow" said by a speaker, "NAME to …"/"NAME will …" for an attendee."""
    text = entry.text
    if any(m["name"].lower() not in BROADCASTS for m in MENTION.finditer(text)):
        return True
    due = find_due(text, date)
    group = _owners(text, known)
    if group is not None:
        return all(name.casefold() in known for name in group[0]) or (
            due is not None and group[1] != "to"
        )
    if entry.speaker and _FIRST_PERSON.match(text):
        return due is not None  # "I'll share my screen" is no action item
    named = _WILL.match(text) or _NAME_LL.match(text)
    if named is None:
        return False
    name = named["name"]
    if name.casefold() in known:
        return True
    verb = named.groupdict().get("verb") or "will"
    return due is not None and verb != "to" and is_name(name)


def _action(entry: Entry, text: str, date: dt.date, known: set[str]) -> Action:
    return Action(entry, text, owner(entry, known), find_due(entry.text, date), entry.done)


def owner(entry: Entry, known: set[str]) -> str | None:
    """Who the entry says does it, or None: nothing is guessed."""
    text = _unbolded(entry.text)
    marked = _ACTION_UPPER.match(text) or _ACTION_LABEL.match(text) or _DECISION.match(text)
    said = None if marked is None else marked["who"] or marked.groupdict().get("dashed")
    if said:
        return said.strip().lstrip("@") or None
    labelled = _OWNER_LABEL.search(text)
    if labelled is not None:
        return labelled["name"].strip()
    body = _rest(text, marked.end()) if marked is not None else text
    group = _owners(body, known)
    if group is not None:
        names = group[0]
        return ", ".join(names[:-1]) + " and " + names[-1]
    for mention in MENTION.finditer(text):
        if mention["name"].lower() not in BROADCASTS:
            return mention["name"]
    if entry.speaker and _FIRST_PERSON.match(body):
        return entry.speaker
    named = _WILL.match(body) or _NAME_LL.match(body)
    if named is not None:
        name = named["name"]
        if name.casefold() in known or is_name(name):
            return name
    return None


def _owners(text: str, known: set[str]) -> tuple[list[str], str] | None:
    """The people "A and B will …" names (each a mention, an attendee or a capitalised name),
    and its verb; None when the line does not start so."""
    group = _GROUP.match(text)
    if group is None:
        return None
    written = [part for part in _GROUP_SPLIT.split(group["names"].strip()) if part]
    names = [part.lstrip("@") for part in written]
    if len(names) < 2 or not all(
        part.startswith("@") or name.casefold() in known or is_name(name)
        for part, name in zip(written, names, strict=True)
    ):
        return None
    return names, " ".join(group["verb"].lower().split())


def is_name(words: str) -> bool:
    """Capitalised words that are not a pronoun or a sentence's usual first word."""
    parts = words.split()
    return all(part[:1].isupper() for part in parts) and parts[0].lower() not in _NOT_NAMES


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())
