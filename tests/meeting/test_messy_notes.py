"""Notes as a lead types them at 6 pm: owners and due dates are read as written, or flagged;
none is made up from a neighbouring word, a date that says something else, or a name cut short."""

from __future__ import annotations

import datetime as dt
from typing import Any

from leaddocs.adr.frontmatter import split
from leaddocs.drafting.meeting import manifest
from leaddocs.meetings.model import Action, Meeting
from leaddocs.meetings.source import meeting_of, read_source
from tests.gitrepo import Repo
from tests.meeting.conftest import section
from tests.security.rendered import assert_safe

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


def test_a_date_in_an_action_is_its_due_date_only_after_by_due_or_before() -> None:
    # "the backfill for 2026-11-30" is what the work is about, not when it is due (and the
    # day is before the meeting): read as a due date it would be made up.
    assert action("- TODO: rerun the backfill for 2026-11-30 data\n").due is None
    assert action("- TODO: archive the 2025-12-31 export\n").due is None
    due = action("- TODO: rerun the backfill by 2026-12-09\n").due
    assert due is not None and due.date == dt.date(2026, 12, 9)
    due = action("- TODO: ship it, due 2026-12-10\n").due
    assert due is not None and due.date == dt.date(2026, 12, 10)


def test_a_weekday_is_held_to_the_day_written_after_it(cli: Any, project: Repo) -> None:
    notes = project.path / "notes" / "2026-12-02-planning.md"
    notes.write_text(
        "- ACTION(bob): benchmark the writes by Friday, Dec 11\n"
        "- ACTION(ana): send the plan by Friday, December 12\n"
    )
    result = cli("--repo", project.path, "meeting", notes, "-o", "-")
    assert result.code == 0, result
    assert section(result.stdout, "Action items").splitlines() == [
        "- [ ] benchmark the writes by Friday, Dec 11 — owner: bob · "
        "due: 2026-12-11 (“by Friday, Dec 11”) (line 1)",
        # December 12 is a Saturday: both readings are shown, and flagged.
        "- [ ] send the plan by Friday, December 12 — owner: ana · ⚠️ **due date unclear**: "
        "2026-12-04 or 2026-12-12 (“by Friday, December 12”) (line 2)",
    ]
    assert section(result.stdout, "Summary").startswith(
        "0 decisions, 2 action items (1 with an unclear due date)"
    )
    assert_safe(split(result.stdout).body)


def test_a_model_is_told_an_unclear_due_date_states_none() -> None:
    found = meeting("- ACTION(ana): send the plan by Friday, December 12\n")
    [item] = manifest(found)
    assert item.body == (
        "owner: ana; due: unclear (2026-12-04 or 2026-12-12 (“by Friday, December 12”)): state none"
    )


ATTENDING = "Attendees: Alice Martin, Bob Okafor, Carol D.\n\n"


def test_an_attendee_named_by_first_name_owns_what_they_will_do() -> None:
    found = action(ATTENDING + "- Alice to book the room\n")
    assert (found.owner, found.due) == ("Alice", None)
    found = action(ATTENDING + "- carol will update the dashboard EOD\n")
    assert found.owner == "carol" and found.due is not None
    assert found.due.date == WEDNESDAY


def test_everyone_a_line_names_before_will_owns_it() -> None:
    assert action("- @alice and @bob will write the rollout plan\n").owner == "alice and bob"
    found = action("- Bob and Carol will pair on the fix by Friday\n")
    assert found.owner == "Bob and Carol"
    assert action(ATTENDING + "- Alice, Bob and Carol to sync on it\n").owner == (
        "Alice, Bob and Carol"
    )
    assert action("- TODO: Alice and Bob to sync\n").owner == "Alice and Bob"


def test_words_joined_by_and_are_not_owners() -> None:
    unclassified = meeting(
        "- Cats and dogs will be allowed by Friday\n- We and they will meet by Friday\n"
        "- Bob, Carol and Dan to review the PR\n"  # Dan did not attend: who says he will?
    ).unclassified
    assert len(unclassified) == 3


def test_a_chat_pasted_into_the_notes_has_its_writers_as_speakers() -> None:
    found = meeting(
        "- [10:42 AM] Bob Okafor: I'll send the doc tomorrow\n"
        "[10:43] alice: can we drop the v1 API?\n"
        "[10:44] Carol Diaz: I'll share my screen\n"  # no date: no action item
        "[10:45 AM] Decision: we keep v1 until March\n"
    )
    [sent] = found.actions
    assert (sent.text, sent.owner) == ("I'll send the doc tomorrow", "Bob Okafor")
    assert sent.due is not None and sent.due.date == dt.date(2026, 12, 3)
    [asked] = found.questions
    assert asked.shown() == "alice: can we drop the v1 API?"
    assert [item.shown() for item in found.unclassified] == ["Carol Diaz: I'll share my screen"]
    assert [item.text for item in found.decisions] == ["we keep v1 until March"]
    # An agenda's time is no chat: "Kickoff" says nothing, and owns nothing.
    [agenda] = meeting("- 09:00 Kickoff: I will send the invite tomorrow\n").unclassified
    assert agenda.entry.speaker is None


def test_a_title_is_one_line_of_at_most_200_characters() -> None:
    found = meeting("# " + "Quarterly planning " * 100_000 + "\n\n- TODO: plan\n")
    assert len(found.title) <= 200 and found.title.endswith("planning\u2026")
    assert "notes.md: the title is cut to 200 characters" in found.notes


def test_a_title_and_names_are_printable_lines() -> None:
    # A file name, a heading or a voice can carry terminal escapes into the front matter.
    notes = "# Sync \x1b[2J\x07now\n\nAttendees: Eve\x1b]0;pwned\x07, Bob\n\n- TODO x\n"
    found = meeting(notes)
    assert found.title == "Sync now"
    assert found.attendees == ("Eve", "Bob")
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann\x1b[31m Lee>Decision: ship it.\n"
    source = read_source("call.vtt", vtt, suffix=".vtt")
    assert source.attendees == ("Ann Lee",)


PLAIN_LABELS = """\
Platform sync
Attendees:
- Alice Martin
- Bob Okafor

**Decisions:**
- Use Postgres for the queue

Action items:

- Bob to migrate the schema by Friday
- Carol checks the backups

Next steps:
- Alice drafts the ADR

We talked about the roadmap for a while.
Action item - Bob: review the PR by 2026-12-09
Next steps: Alice to book the room
Questions: who owns the pager?
"""


def test_plain_text_labels_head_their_lists_until_a_blank_line() -> None:
    # Notes typed in a text box, not Markdown: "Action items:" alone on a line heads the list
    # under it, as "## Action items" would; the label itself is no action item.
    found = meeting(PLAIN_LABELS)
    assert found.attendees == ("Alice Martin", "Bob Okafor")
    assert [item.text for item in found.decisions] == ["Use Postgres for the queue"]
    assert [(a.text, a.owner) for a in found.actions] == [
        ("Bob to migrate the schema by Friday", "Bob"),
        ("Carol checks the backups", None),
        ("Alice drafts the ADR", None),
        ("review the PR by 2026-12-09", "Bob"),
        ("Alice to book the room", "Alice"),
    ]
    assert [item.text for item in found.questions] == ["who owns the pager?"]
    # The label's list ended at the blank line: the prose after it is not an action item.
    assert [item.text for item in found.unclassified] == [
        "Platform sync",
        "We talked about the roadmap for a while.",
    ]


def test_a_sentence_ending_in_a_colon_is_no_label() -> None:
    # Only a label naming what its list holds heads a list: "Bob said:" does not.
    found = meeting("Bob said:\n- the cache is cold\n")
    assert [item.text for item in found.unclassified] == ["Bob said:", "the cache is cold"]


def test_a_plural_label_marks_a_line_only_with_its_colon() -> None:
    # "Decisions were …" is prose about decisions, not one: only "Decisions:" marks a line.
    found = meeting("- Decisions were postponed until January\n- Decisions: ship on Monday\n")
    assert [item.text for item in found.decisions] == ["ship on Monday"]


def test_a_bold_label_marks_its_line_as_the_plain_one_does() -> None:
    # Notes pasted from a document editor bold their labels: "**Decision:** …" is a decision,
    # also inside another label's list, where it would otherwise be taken for an action item.
    found = meeting(
        "**Decision:** Use Kafka\n\n__Action item (Bob):__ ship it\n\n"
        "Action items:\n- Alice to book the room\n**Decisions**: Keep the API stable\n"
        "**Q:** who owns the pager\n"
    )
    assert [item.text for item in found.decisions] == ["Use Kafka", "Keep the API stable"]
    assert [(a.text, a.owner) for a in found.actions] == [
        ("ship it", "Bob"),
        ("Alice to book the room", "Alice"),
    ]
    assert [item.text for item in found.questions] == ["who owns the pager"]
    assert [item.text for item in found.unclassified] == []
    # Bold that is no label stays as written.
    assert [i.text for i in meeting("**Bold** statement: fine\n").unclassified] == [
        "**Bold** statement: fine"
    ]


def test_a_loose_list_under_a_label_stays_under_it() -> None:
    # Blank lines between a label's items (a loose list) do not end it; a paragraph does.
    found = meeting(
        "Action items:\n\n- Bob to migrate the schema\n\n- Carol checks the backups\n\n"
        "The roadmap took the rest of the hour.\n"
    )
    assert [a.text for a in found.actions] == [
        "Bob to migrate the schema",
        "Carol checks the backups",
    ]
    assert [item.text for item in found.unclassified] == ["The roadmap took the rest of the hour."]
