"""Due dates as written, resolved against fixed meeting dates, and what is never read as one."""

from __future__ import annotations

import datetime as dt

import pytest

from leaddocs.meetings.dates import find_due

WEDNESDAY = dt.date(2026, 12, 2)
FRIDAY = dt.date(2026, 12, 4)
SUNDAY = dt.date(2026, 12, 6)
NEW_YEARS_EVE = dt.date(2026, 12, 31)  # a Thursday, at a month's and a year's end

TABLE = [
    # (meeting, words in the line, the date, the words shown)
    (WEDNESDAY, "send it by Friday", "2026-12-04", "by Friday"),
    (FRIDAY, "send it by Friday", "2026-12-11", "by Friday"),  # the next one, not today
    (SUNDAY, "on Monday", "2026-12-07", "on Monday"),
    (WEDNESDAY, "this Wednesday", "2026-12-02", "this Wednesday"),
    (WEDNESDAY, "next Tuesday", "2026-12-08", "next Tuesday"),
    (SUNDAY, "next Sunday", "2026-12-13", "next Sunday"),  # a week away in any calendar
    (SUNDAY, "this Monday", "2026-12-07", "this Monday"),
    (dt.date(2026, 11, 30), "next Tuesday", "2026-12-08", "next Tuesday"),  # not tomorrow
    (WEDNESDAY, "tomorrow", "2026-12-03", "tomorrow"),
    (NEW_YEARS_EVE, "tomorrow", "2027-01-01", "tomorrow"),
    (WEDNESDAY, "by EOD", "2026-12-02", "by EOD"),
    (WEDNESDAY, "by the end of the week", "2026-12-04", "by the end of the week"),
    (SUNDAY, "end of week", "2026-12-11", "end of week"),  # the weekend's week is over
    (WEDNESDAY, "EOW", "2026-12-04", "EOW"),
    (WEDNESDAY, "end of next week", "2026-12-11", "end of next week"),
    (WEDNESDAY, "by next week", "2026-12-07", "by next week"),
    (WEDNESDAY, "in two weeks", "2026-12-16", "in two weeks"),
    (WEDNESDAY, "in 3 days", "2026-12-05", "in 3 days"),
    (WEDNESDAY, "in a month", "2027-01-02", "in a month"),
    (dt.date(2027, 1, 31), "in one month", "2027-02-28", "in one month"),  # clamped
    (NEW_YEARS_EVE, "end of month", "2026-12-31", "end of month"),
    (WEDNESDAY, "by Dec 4", "2026-12-04", "by Dec 4"),
    (WEDNESDAY, "by 4th of January", "2027-01-04", "by 4th of January"),  # next year
    (WEDNESDAY, "before Sept. 4, 2027", "2027-09-04", "before Sept. 4, 2027"),
    (WEDNESDAY, "by Fri.", "2026-12-04", "by Fri."),
    (WEDNESDAY, "ship by Friday.", "2026-12-04", "by Friday"),  # the full stop is not a word
    (WEDNESDAY, "due: 2026-12-20", "2026-12-20", None),  # a date as written shows alone
    (WEDNESDAY, "\U0001f4c5 2026-12-10", "2026-12-10", None),  # Obsidian Tasks
    (WEDNESDAY, "[due:: 2026-12-11]", "2026-12-11", None),  # Dataview
    (WEDNESDAY, "by 2026-12-09", "2026-12-09", None),
    (WEDNESDAY, "by Monday, not next Tuesday", "2026-12-07", "by Monday"),  # the first
    # A weekday with its day: the day written, not the first such weekday.
    (WEDNESDAY, "by Friday, Dec 11.", "2026-12-11", "by Friday, Dec 11"),
    (WEDNESDAY, "by Fri 11 Dec", "2026-12-11", "by Fri 11 Dec"),
    (WEDNESDAY, "on Monday (2026-12-14)", "2026-12-14", "on Monday (2026-12-14)"),
    (WEDNESDAY, "by Monday 12/14", "2026-12-14", "by Monday 12/14"),  # only the US reading
    (WEDNESDAY, "by Friday 11/12", "2026-12-11", "by Friday 11/12"),  # the Friday: 11 Dec
    (WEDNESDAY, "by Friday (12/11).", "2026-12-11", "by Friday (12/11)"),  # not Nov 2027
    (WEDNESDAY, "by Friday 10.30", "2026-12-04", "by Friday"),  # a time, not a day
]


@pytest.mark.parametrize(("meeting", "words", "date", "shown"), TABLE)
def test_a_due_date_is_read_against_the_meeting_date(
    meeting: dt.date, words: str, date: str, shown: str | None
) -> None:
    due = find_due(words, meeting)
    assert due is not None, words
    assert due.date.isoformat() == date
    assert due.words == shown
    assert due.shown() == (f"{date} (\u201c{shown}\u201d)" if shown else date)


@pytest.mark.parametrize(
    "words",
    [
        "demo Friday",  # when it happens, maybe: no lead word, no deadline
        "Friday was fine",
        "by Feb 30",  # no such day: none rather than a wrong one
        "by 2026-13-01",
        "we talked about may",
        "bis Freitag",  # German: kept as written, not read
        "金曜日まで",
        "write up the outage from today",  # when it happened, not when it is due
        "the cache has been off since tomorrow's freeze",
        "rerun the jobs of next Tuesday",
        "",
    ],
)
def test_no_due_date_is_made_up(words: str) -> None:
    assert find_due(words, WEDNESDAY) is None


@pytest.mark.parametrize(
    ("meeting", "words", "shown"),
    [
        # Dec 12 is a Saturday: which one did they mean?
        (WEDNESDAY, "by Friday, December 12", "2026-12-04 or 2026-12-12"),
        # Neither 12 Oct nor 10 Dec is a Friday.
        (WEDNESDAY, "by Friday 10/12", "2026-12-04 or 2026-12-10"),
        # Said on a Sunday, "next Monday" is tomorrow where weeks start on Monday, and a week
        # later where they start on Sunday (the US): "this Monday" is tomorrow in both.
        (SUNDAY, "by next Monday", "2026-12-07 or 2026-12-14"),
        (SUNDAY, "next Tuesday", "2026-12-08 or 2026-12-15"),
        (SUNDAY, "by next week", "2026-12-07 or 2026-12-14"),
        (SUNDAY, "end of next week", "2026-12-11 or 2026-12-18"),
    ],
)
def test_an_unclear_due_date_shows_both_readings(meeting: dt.date, words: str, shown: str) -> None:
    due = find_due(words, meeting)
    assert due is not None and not due.certain
    assert due.shown() == f"{shown} (\u201c{words}\u201d)"


def test_the_day_written_after_next_monday_settles_it() -> None:
    due = find_due("by next Monday, Dec 14", SUNDAY)
    assert due is not None and due.certain and due.date == dt.date(2026, 12, 14)


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        # Only one reading is a day: it is the due date.
        ("ship it by 12/15", "2026-12-15 (“by 12/15”)"),
        ("ship it by 15/12", "2026-12-15 (“by 15/12”)"),
        ("due 12/31/26", "2026-12-31 (“due 12/31/26”)"),
        ("by 5/5", "2027-05-05 (“by 5/5”)"),  # both readings agree
        # Month/day (the US) or day/month (elsewhere): unclear, both shown, the one ahead first.
        ("ship it by 12/5", "2026-12-05 or 2027-05-12 (“by 12/5”)"),
        ("due 12/5/2026", "2026-12-05 or 2026-05-12 (“due 12/5/2026”)"),
    ],
)
def test_a_date_written_with_a_slash(words: str, shown: str) -> None:
    found = find_due(words, WEDNESDAY)
    assert found is not None and found.shown() == shown
    assert found.certain == (" or " not in shown)


@pytest.mark.parametrize(
    "words", ["cut the cost by 1/3 of the budget", "ship 12/5", "by 13/13", "by 2/30", "1/2/3/4"]
)
def test_a_slash_that_is_no_day_or_no_deadline(words: str) -> None:
    assert find_due(words, WEDNESDAY) is None
