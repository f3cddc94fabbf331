"""What a customer is not told of a decision record, a release or a status period: the people
it names (a mention, a decision maker, someone consulted or informed, an author or co-author of
the repository, as written or as .mailmap maps them) and the team's own costs and staffing.
The brief for customers leaves such a statement out, and counts it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from leaddocs.briefs.lenses import INTERNAL, PRICE, topics
from leaddocs.briefs.model import Fact

PEOPLE = "people"
COSTS = "costs"
_MENTION = re.compile(r"(?<![\w.@/])@[A-Za-z0-9][\w.-]*")
_EMAIL = re.compile(r"<[^<>]*>|\S+@\S+")
_FIRST_NAME_CHARS = 3  # "Al" or "Jo" alone is too likely a word of something else


class Screen:
    """Decides which statements stay internal, and counts those it leaves out."""

    def __init__(self, people: Iterable[str]) -> None:
        self._people = _names_pattern(people)
        self.left_out: Counter[str] = Counter()

    def why(self, text: str) -> str | None:
        """``PEOPLE``, ``COSTS``, or None for a statement a customer may read."""
        if _MENTION.search(text) or (self._people is not None and self._people.search(text)):
            return PEOPLE
        if topics(text, INTERNAL) and not topics(text, PRICE):
            return COSTS
        return None

    def keeps(self, text: str) -> bool:
        """Whether ``text`` may be shown; one that may not is counted."""
        why = self.why(text)
        if why is not None:
            self.left_out[why] += 1
        return why is None

    def summary(self) -> tuple[str, ...]:
        """What was left out, as the note for the person who asked says it."""
        people, costs = self.left_out[PEOPLE], self.left_out[COSTS]
        said = []
        if people:
            said.append(
                f"{people} statement{' that names' if people == 1 else 's that name'} people"
            )
        if costs:
            noun = "" if people else (" statement" if costs == 1 else " statements")
            said.append(f"{costs}{noun} on the team's costs or staffing")
        return tuple(said)


def screen_facts(facts: Sequence[Fact], screen: Screen) -> tuple[Fact, ...]:
    """The facts a customer may read: a statement that ``screen`` keeps internal is left out
    (and counted); of the detail only a model reads (a commit's body), the lines that would
    be are dropped, so a name in a trailer or a thank-you never reaches the model."""
    kept = []
    for fact in facts:
        if not screen.keeps(fact.text):
            continue
        lines = fact.detail.splitlines()
        detail = "\n".join(line for line in lines if screen.why(line) is None)
        kept.append(fact if detail == "\n".join(lines) else replace(fact, detail=detail))
    return tuple(kept)


def for_reader(
    facts: Sequence[Fact], audience: str, people: Iterable[str]
) -> tuple[tuple[Fact, ...], tuple[str, ...]]:
    """The facts ``audience`` reads and what was left out of them: for customers, without a
    statement naming one of ``people`` or the team's costs (``screen_facts``); all of them
    for everyone else."""
    if audience != "customers":
        return tuple(facts), ()
    screen = Screen(people)
    return screen_facts(facts, screen), screen.summary()


def _names_pattern(people: Iterable[str]) -> re.Pattern[str] | None:
    """Each person's name as written, and a first name of a few letters written with its
    capital ("Carol" of "Carol Diaz"); a handle ("@erin") as the bare word too."""
    names: set[str] = set()
    for person in people:
        name = " ".join(_EMAIL.sub(" ", person).split()).lstrip("@")
        if not name:
            continue
        names.add(_as_written(name))
        first = name.split()[0]
        if len(first) >= _FIRST_NAME_CHARS and (first[0].isupper() or first == name):
            names.add(_as_written(first))
    if not names:
        return None
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w@-])(?:{alternatives})(?![\w-])")


def _as_written(name: str) -> str:
    """``name`` as a pattern that matches it as written; a handle written in lower case
    ("erin") also with a capital, as a statement that starts with it is written ("Erin …");
    a whole name of two words or more in any case ("ada lovelace"), as no other words read so.
    A single word keeps its case: "Will" of "Will Smith" is a name, "will" is not."""
    if " " in name:
        return f"(?i:{re.escape(name)})"
    if name[0].islower():
        return f"[{name[0]}{name[0].upper()}]{re.escape(name[1:])}"
    return re.escape(name)
