"""``leaddocs meeting NOTES``, offline: what the notes mark, on a page that cites each line."""

from __future__ import annotations

from typing import Any

import pytest

from leaddocs.adr.frontmatter import load, split
from tests.gitrepo import Repo
from tests.meeting.conftest import page_of, printed, section
from tests.security.rendered import RENDERERS, assert_safe, text_of

NOTES_FILE = "notes/2026-12-02-platform-sync.md"


def test_the_page_lists_decisions_actions_questions_and_the_rest(cli: Any, project: Repo) -> None:
    result = cli("--repo", project.path, "meeting", project.path / NOTES_FILE)
    assert result.code == 0, result
    assert result.stdout == "docs/meetings/2026-12-02-platform-sync.md\n"
    assert "meeting date 2026-12-02 from the file name" in result.stderr
    page = page_of(project)
    meta = load(split(page).yaml or "")[0]
    assert meta["title"] == "Platform sync"
    assert str(meta["date"]) == "2026-12-02"
    assert meta["attendees"] == ["Alice Martin", "Bob Okafor", "chen"]  # an owner is not one
    assert section(page, "Decisions") == "- move the event store to Postgres (line 6)"
    actions = section(page, "Action items").splitlines()
    assert actions == [
        "- [ ] write the migration plan — ⚠️ **no owner** · ⚠️ **no due date** (line 7)",
        "- [ ] Bob Okafor will benchmark the writes by Friday — owner: Bob Okafor · "
        "due: 2026-12-04 (“by Friday”) (line 8)",
        "- [ ] @\u200bchen checks the backups next Tuesday — owner: chen · "
        "due: 2026-12-08 (“next Tuesday”) (line 9)",
        "- [ ] Update the on-call runbook 📅 2026-12-10 — ⚠️ **no owner** · due: 2026-12-10 "
        "(line 10)",
        "- [x] Book the room for the dry run — ✓ done (line 11)",  # done: nothing to flag
        "- [ ] Alice Martin to send the slides tomorrow — owner: Alice Martin · "
        "due: 2026-12-03 (“tomorrow”) (line 16)",
        "- [ ] check the licence due: 2026-12-20 — owner: Dana · due: 2026-12-20 (line 17)",
    ]
    assert section(page, "Open questions").splitlines() == [
        "- Do we need a read replica? (line 12)",
        "- who tells the billing team (line 13)",
        "- Budget for the second region (line 20)",
    ]
    # A list item's continuation line joins it, and the entry cites both lines.
    assert section(page, "Not classified") == (
        "- The dashboards look fine since the last deploy (lines 14\u201315)"
    )
    summary = section(page, "Summary")
    assert summary.startswith(
        "1 decision, 6 open action items (2 without an owner, 1 without a due date), "
        "1 action item done and 3 open questions, read from"
    )
    assert_safe(split(page).body)


def test_an_owner_or_date_the_notes_do_not_state_is_flagged_not_filled(
    cli: Any, project: Repo
) -> None:
    notes = project.path / "notes" / "standup.md"
    notes.write_text("Date: 2026-12-02\n\n- TODO: fix the flaky test\n- we will look at it\n")
    result = cli("--repo", project.path, "meeting", notes, "-o", "-")
    assert result.code == 0, result
    actions = section(result.stdout, "Action items")
    assert actions == "- [ ] fix the flaky test — ⚠️ **no owner** · ⚠️ **no due date** (line 3)"
    assert "we will look at it (line 4)" in section(result.stdout, "Not classified")
    assert "meeting date 2026-12-02 from the Date: line" in result.stderr
    for render in RENDERERS.values():
        shown = text_of(render(result.stdout))
        assert "⚠️ no owner · ⚠️ no due date" in shown


def test_a_done_task_is_shown_done_never_flagged_nor_counted_open(
    cli: Any, project: Repo
) -> None:
    page = printed(
        cli,
        project,
        "retro.md",
        "Date: 2026-12-02\n\n- [x] Book the room\n- [X] @ana sent the invite by Friday\n"
        "- [ ] fix the flaky test\n",
    )
    assert section(page, "Action items").splitlines() == [
        "- [x] Book the room — ✓ done (line 3)",
        "- [x] @\u200bana sent the invite by Friday — ✓ done · owner: ana · "
        "due: 2026-12-04 (“by Friday”) (line 4)",
        "- [ ] fix the flaky test — ⚠️ **no owner** · ⚠️ **no due date** (line 5)",
    ]
    assert section(page, "Summary") == (
        "0 decisions, 1 open action item (1 without an owner, 1 without a due date), "
        "2 action items done and 0 open questions, read from 3 lines of the notes."
    )
    for render in RENDERERS.values():
        assert "Book the room — ✓ done" in text_of(render(page))


def test_the_date_title_and_attendees_can_be_given_or_come_from_front_matter(
    cli: Any, project: Repo
) -> None:
    notes = project.path / "notes" / "sync.md"
    notes.write_text(
        "---\ntitle: Storage review\ndate: 2026-11-30\nattendees: [Ana, '@bo']\n---\n"
        "# Ignored heading\n\n- Decision: keep the cache\n- Ana will test it by Friday\n"
    )
    own = cli("--repo", project.path, "meeting", notes, "-o", "-")
    assert own.code == 0, own
    assert own.stdout.startswith("---\ntitle: Storage review\ndate: 2026-11-30\n")
    assert "attendees: [Ana, bo]" in own.stdout
    assert "(line 9)" in section(own.stdout, "Action items")  # lines of the file, front matter too
    assert "due: 2026-12-04 (“by Friday”)" in own.stdout  # Friday after Monday 30 November
    given = cli(
        "--repo", project.path, "meeting", notes, "--date", "2026-12-04", "--title", "Other",
        "-o", "-",
    )  # fmt: skip
    assert given.code == 0, given
    assert "# Other\n" in given.stdout and "due: 2026-12-11 (“by Friday”)" in given.stdout
    assert "The date is as given with --date." in given.stdout


def test_undated_notes_are_dated_today_and_say_so(cli: Any, project: Repo) -> None:
    notes = project.path / "notes" / "untitled.txt"
    notes.write_text("Decided: ship on Thursday\n")
    result = cli("--repo", project.path, "meeting", notes, "-o", "-")
    assert result.code == 0, result
    assert "no date in the file name, front matter or first heading" in result.stderr
    assert "# Untitled\n" in result.stdout
    assert "the day the page was made: the source states none" in result.stdout


HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(2))",
    "@everyone look here",
    "{{ 7*7 }} and {% raw %}",
    '<img src=x onerror="alert(3)">',
    "![x](https://evil.example/p.png)",
    "`code` with <b>bold</b> and [ref]: https://evil.example",
    "# not a heading",
]


@pytest.mark.parametrize("line", HOSTILE)
@pytest.mark.parametrize("marker", ["", "Decision: ", "TODO: ", "Q: "])
def test_a_hostile_note_line_shows_as_text(cli: Any, project: Repo, line: str, marker: str) -> None:
    notes = project.path / "notes" / "2026-12-02-x.md"
    notes.write_text(f"# Sync {line}\n\nAttendees: {line}\n\n- {marker}{line}\n")
    result = cli("--repo", project.path, "meeting", notes, "-o", "-")
    assert result.code == 0, result
    page = result.stdout
    assert_safe(split(page).body)  # MkDocs reads the front matter apart; GitHub as a table
    for render in RENDERERS.values():
        shown = text_of(render(split(page).body))
        # As typed: only the backticks of a code span and a heading's "# " do not show.
        assert line.replace("@", "@\u200b").replace("`", "").lstrip("# ") in shown, shown
    assert "49" not in page  # the template never ran the note's {{ 7*7 }}
    title = load(split(page).yaml or "")[0]["title"]
    assert "<" not in title  # escaped for HTML: MkDocs prints the title as HTML
