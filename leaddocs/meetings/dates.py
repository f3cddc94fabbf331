"""Due dates as people write them in meeting notes, resolved against the meeting's date.

Only what is written is read: an ISO date, a month and day ("Dec 4", "4 December"), a weekday
("by Friday", "next Tuesday"), or a phrase ("tomorrow", "end of week", "in two weeks"). The
words are kept beside the date they resolve to, so a reader can check the reading. A line
with none of these has no due date; nothing is guessed.

The rules, from the meeting's date M:

- "Friday", "by Friday", "on Fri": the first Friday after M (1 to 7 days later);
- "this Friday": the Friday of M's week, or M itself when M is a Friday (0 to 6 days later);
- "next Tuesday": the Tuesday of the week after M's (weeks start on Monday); said on a
  Sunday, it is unclear (tomorrow's week, or the one after, where weeks start on Sunday), and
  so are "next week" and "end of next week";
- "today", "EOD", "end of day": M; "tomorrow": M + 1;
- "end of (the) week", "EOW": the Friday of M's week (the next one when M is a weekend day);
  "end of next week": the Friday after that; "next week": the Monday of the week after M's;
- "end of (the) month", "EOM": the month's last day;
- "in N days/weeks/months" (N in digits or words, "a"/"an" for one): M plus that much;
- "Dec 4", "4th of December": that day in M's year, or the next year when it falls before M;
- a weekday with the day written after it ("by Friday, Dec 11", "by Monday 12/14"): that
  day, when it is that weekday; when it is not (or "12/11" could be either day), the due date
  is unclear, and both readings are shown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_WEEKDAY = (
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?)"
)
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>"
    + "|".join(name for name in sorted(MONTHS, key=len, reverse=True) if len(name) > 4)
    + "|(?:"
    + "|".join(name for name in MONTHS if len(name) <= 4)
    + r")\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(NUMBERS) + r")"

# Each form, tried in this order at every position; all anchored on word boundaries.
_FORMS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?P<iso>\d{4}-\d{2}-\d{2})"),
    ("month_day", _MONTH + r"\s+" + _DAY + _YEAR),
    ("day_month", _DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR),
    # "by 12/5": month/day in the US, day/month elsewhere; "1/3 of the budget" is no day.
    ("slash", r"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)(?:/(?P<year2>\d{4}|\d{2}))?(?!/|\s+of\b)"),
    ("end_next_week", r"(?:the\s+)?end\s+of\s+next\s+week"),
    ("end_week", r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|eow"),
    ("end_month", r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom"),
    ("today", r"today|tonight|eod|(?:the\s+)?end\s+of\s+(?:the\s+)?day"),
    ("tomorrow", r"tomorrow"),
    ("in", r"in\s+" + _COUNT + r"\s+(?P<unit>days?|weeks?|months?)"),
    ("next_weekday", r"next\s+" + _WEEKDAY),
    ("this_weekday", r"this\s+" + _WEEKDAY),
    ("next_week", r"next\s+week"),
    ("weekday", _WEEKDAY),
)
# Words that make a date a deadline when they stand before it.
_LEAD = r"(?:by|before|until|till|due(?:\s+(?:on|by))?|on|no\s+later\s+than|deadline)"
# A bare weekday or month day is a deadline only after a lead word ("demo Friday" may be when
# it happens, not when it is due); the phrases that can only mean a time stand alone.
_ALONE = {"end_next_week", "end_week", "end_month", "tomorrow", "in", "next_weekday",
          "this_weekday", "today"}  # fmt: skip
# Words before a phrase that make it say when something happened, not when it is due.
_NOT_WHEN_DUE = re.compile(r"(?<![\w-])(?:from|since|of|after|during)\s+\Z", re.IGNORECASE)
# One pattern per form (they share group names); the earliest match in a text wins.
_PATTERNS = tuple(
    (
        name,
        re.compile(
            r"(?<![\w-])(?:(?P<lead>" + _LEAD + r")\s+)?(?:" + pattern + r")(?![\w-])",
            re.IGNORECASE,
        ),
    )
    for name, pattern in _FORMS
)
_WEEKS_AHEAD = 8
_WEEKDAY_FORMS = frozenset({"weekday", "next_weekday", "this_weekday"})
_NEXT_FORMS = frozenset({"next_weekday", "next_week", "end_next_week"})
# A day written right after a weekday: "Friday, Dec 11", "Monday (2026-12-14)", "Fri 12/11".
_DAY_AFTER = re.compile(
    r"[ \t]*,?[ \t]*\(?[ \t]*(?:(?P<iso>\d{4}-\d{2}-\d{2})|"
    + _MONTH
    + r"\s+"
    + _DAY
    + _YEAR
    + r"|(?P<day_first>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_after>"
    + _MONTH[len("(?P<month>") :]
    # "10.30" after a weekday is a time more often than a day: only slashes make a day.
    + r"|(?P<first>\d{1,2})/(?P<second>\d{1,2})(?:/(?P<year2>\d{4}|\d{2}))?)"
    + r"(?:[ \t]*\))?(?![\w/-]|\.\d)",
    re.IGNORECASE,
)
# Obsidian Tasks' due date and the "due:" forms (Todoist, todo.txt, Dataview's [due:: …]).
_MARKED = re.compile(
    r"(?:\U0001f4c5\ufe0f?|\[?\bdue::?)\s*(?P<date>\d{4}-\d{2}-\d{2})\]?", re.IGNORECASE
)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Due:
    """A due date and, when they were not the date itself, the words it was read from."""

    date: dt.date
    words: str | None = None
    # Another reading of the same words ("by Friday, Dec 12": Friday is the 4th, Dec 12 a
    # Saturday): the due date is unclear, and the page says so rather than pick one.
    alternative: dt.date | None = None

    @property
    def certain(self) -> bool:
        return self.alternative is None

    def shown(self) -> str:
        """``2026-12-04 (“by Friday”)``, or the date alone when it was written as one;
        ``2026-12-04 or 2026-12-12 (“by Friday, Dec 12”)`` when it is unclear."""
        iso = self.date.isoformat()
        if self.alternative is not None:
            iso = f"{iso} or {self.alternative.isoformat()}"
        return f"{iso} (\u201c{self.words}\u201d)" if self.words else iso


def parse_iso(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` as a date; None for anything else (or a day that does not exist)."""
    if not _ISO.fullmatch(text.strip()):
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def find_iso(text: str) -> dt.date | None:
    """The first real ``YYYY-MM-DD`` date in ``text`` (a file name, a heading)."""
    for match in re.finditer(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", text):
        found = parse_iso(match[0])
        if found is not None:
            return found
    return None


def find_due(text: str, meeting: dt.date) -> Due | None:
    """The due date ``text`` states, resolved against the ``meeting`` date, or None."""
    marked = _MARKED.search(text)
    if marked is not None:
        date = parse_iso(marked["date"])
        if date is not None:
            return Due(date)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for order, (form, pattern) in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            if match["lead"] is None and _NOT_WHEN_DUE.search(
                text, max(0, match.start() - 40), match.start()
            ):
                continue  # "the outage from today" says when it happened
            if form in _ALONE or match["lead"] is not None:
                found.append((match.start(), order, form, match))
                break  # the first usable match of each form is enough
    for _, _, form, match in sorted(found, key=lambda entry: entry[:2]):
        if form == "slash":
            # The reading still ahead first: "12/5/2026" on 2026-11-30 is due in December.
            days = sorted(_slash_days(match, meeting), key=lambda day: (day < meeting, day))
            if days:  # both readings when they differ: the page shows it unclear, with both
                return Due(days[0], " ".join(match[0].split()), days[1] if len(days) > 1 else None)
            continue
        date = _resolve(form, match, meeting)
        if date is None:
            continue
        words = None if form == "iso" else " ".join(match[0].split())
        if form in _WEEKDAY_FORMS:
            return _weekday_due(text, match, date, meeting, _on_sunday(form, date, meeting))
        return Due(date, words, _on_sunday(form, date, meeting))
    return None


def mentioned_dates(text: str, meeting: dt.date) -> set[dt.date]:
    """Every day ``text`` names, with or without a word such as "by" before it ("Friday",
    "Dec 20", ISO): what a model's sentence is held to, as a day its lines do not name is one
    it made up. A weekday whose written day disagrees with it names only that day."""
    days = {
        date for marked in _MARKED.finditer(text) if (date := parse_iso(marked["date"])) is not None
    }
    for form, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if form == "slash":  # a day only when both readings agree, or one alone exists
                slashed = _slash_days(match, meeting)
                days.update(slashed if len(slashed) == 1 else ())
                continue
            date = _resolve(form, match, meeting)
            if date is not None and form in _WEEKDAY_FORMS:
                due = _weekday_due(text, match, date, meeting, None)
                date = due.date if due.certain else None
            if date is not None:
                days.add(date)
    return days


def _on_sunday(form: str, date: dt.date, meeting: dt.date) -> dt.date | None:
    """The other reading of "next Monday", "next week" or "end of next week" said on a Sunday:
    where weeks start on Monday, the next week starts tomorrow; where they start on Sunday
    (the US), it starts in a week. The page shows both rather than pick a calendar."""
    if meeting.weekday() != 6 or form not in _NEXT_FORMS or date.weekday() == 6:
        return None
    return date + dt.timedelta(weeks=1)


def _weekday_due(
    text: str, match: re.Match[str], date: dt.date, meeting: dt.date, other: dt.date | None
) -> Due:
    """A weekday's due date, held to the day written after it ("by Friday, Dec 11"): that
    day when it is that weekday, else unclear (the weekday's reading, and the day's)."""
    after = _DAY_AFTER.match(text, match.end())
    words = " ".join(match[0].split())
    if after is None:
        return Due(date, words, other)
    words = " ".join(text[match.start() : after.end()].split())
    days = _days_written(after, meeting)
    # A weekday names a day of the coming weeks: "Friday 12/11" is not a Friday next year.
    soon = meeting + dt.timedelta(weeks=_WEEKS_AHEAD)
    fits = [day for day in days if day.weekday() == date.weekday() and day <= soon]
    if len(fits) == 1:
        return Due(fits[0], words)
    others = [day for day in days if day != date]
    return Due(date, words, min(others) if others else None)


def _days_written(after: re.Match[str], meeting: dt.date) -> list[dt.date]:
    """The days a date written after a weekday can be: one for ``Dec 11``, ``11 Dec`` or ISO;
    the US (month/day) and the European (day/month) readings of ``12/11``."""
    if after["iso"]:
        readings = [parse_iso(after["iso"])]
    elif after["month"]:
        readings = [_month_day(after, meeting)]
    elif after["month_after"]:
        month = MONTHS[after["month_after"].lower().rstrip(".")]
        readings = [_day_of(meeting, month, int(after["day_first"]), None)]
    else:
        return _slash_days(after, meeting)
    return list(dict.fromkeys(day for day in readings if day is not None))


def _slash_days(match: re.Match[str], meeting: dt.date) -> list[dt.date]:
    """The US (month/day) and the European (day/month) readings of ``12/11`` (or
    ``12/11/26``) that are days at all: one when they agree or only one exists."""
    first, second, year = int(match["first"]), int(match["second"]), match["year2"]
    full = None if year is None else int(year) if len(year) == 4 else 2000 + int(year)
    readings = [_day_of(meeting, first, second, full), _day_of(meeting, second, first, full)]
    return list(dict.fromkeys(day for day in readings if day is not None))


def _resolve(form: str, match: re.Match[str], meeting: dt.date) -> dt.date | None:
    monday = meeting - dt.timedelta(days=meeting.weekday())
    if form == "iso":
        return parse_iso(match["iso"])
    if form in ("month_day", "day_month"):
        return _month_day(match, meeting)
    if form == "end_week":
        friday = monday + dt.timedelta(days=4)
        return friday if friday >= meeting else friday + dt.timedelta(days=7)
    if form == "end_next_week":
        return monday + dt.timedelta(days=11)
    if form == "next_week":
        return monday + dt.timedelta(days=7)
    if form == "end_month":
        return meeting.replace(day=calendar.monthrange(meeting.year, meeting.month)[1])
    if form == "today":
        return meeting
    if form == "tomorrow":
        return meeting + dt.timedelta(days=1)
    if form == "in":
        return _later(meeting, match["count"].lower(), match["unit"].lower())
    day = _weekday(match["weekday"])
    if form == "next_weekday":
        return monday + dt.timedelta(days=7 + day)
    if form == "this_weekday":
        return meeting + dt.timedelta(days=(day - meeting.weekday()) % 7)
    return meeting + dt.timedelta(days=(day - meeting.weekday() - 1) % 7 + 1)


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower()[:3]]  # "tue", "thu" and the rest name the day alone


def _month_day(match: re.Match[str], meeting: dt.date) -> dt.date | None:
    month = MONTHS[match["month"].lower().rstrip(".")]
    return _day_of(meeting, month, int(match["day"]), int(match["year"]) if match["year"] else None)


def _day_of(meeting: dt.date, month: int, day: int, year: int | None) -> dt.date | None:
    """That day of ``year``; with no year, the next one on or after the meeting."""
    try:
        date = dt.date(year or meeting.year, month, day)
    except ValueError:
        return None  # "Feb 30": not a day, so no due date rather than a wrong one
    if year is None and date < meeting:
        try:
            return date.replace(year=date.year + 1)
        except ValueError:  # 29 February, next year
            return None
    return date


def _later(meeting: dt.date, count_word: str, unit: str) -> dt.date | None:
    count = int(count_word) if count_word.isdigit() else NUMBERS[count_word]
    if unit.startswith("day"):
        return meeting + dt.timedelta(days=count)
    if unit.startswith("week"):
        return meeting + dt.timedelta(weeks=count)
    months = meeting.month - 1 + count
    year, month = meeting.year + months // 12, months % 12 + 1
    if year > dt.MAXYEAR:
        return None
    return meeting.replace(
        year=year, month=month, day=min(meeting.day, calendar.monthrange(year, month)[1])
    )
