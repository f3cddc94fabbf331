"""Notes as a lead types them at 6 pm: owners and due dates are read as written, or flagged;
none is made up from a neighbouring word, a date that says something else, or a name cut short."""

from __future__ import annotations

import datetime as dt

from leaddocs.meetings.model import Action, Meeting
from leaddocs.meetings.source import meeting_of, read_source

WEDNESDAY = dt.date(2026, 12, 2)


def meeting(notes: str, date: dt.date = WEDNESDAY) -> Meeting:
    source = read_source("notes.md", notes, suffix=".md")
    return meeting_of(source, file_name="notes.md", given_date=date, today=date)


def action(notes: str, date: dt.date = WEDNESDAY) -> Action:
    [found] = meeting(notes, date).actions
    return found


def test_an_owner_label_names_the_owner_and_not_the_next_word() -> None:
    assert action("- TODO: fix login, owner: bob by Friday\n").owner == "bob"
    assert action("- TODO: fix login, owner: @mallory do it\n").owner == "mallory"
    assert action("- TODO: fix login, assigned to Bob Okafor by Friday\n").owner == "Bob Okafor"
