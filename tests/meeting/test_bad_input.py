"""Bad input: one line naming the file, exit ≠ 0, nothing written; notes in any language
kept as written."""

from __future__ import annotations

import os
from typing import Any

import pytest

from leaddocs.adr.frontmatter import split
from tests.gitrepo import Repo
from tests.meeting.conftest import page_of, section
from tests.security.rendered import RENDERERS, assert_safe, text_of


def _nothing_written(repo: Repo) -> None:
    assert not (repo.path / "docs").exists()
    assert repo.git("status", "--porcelain", "--", ".", ":!notes") == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty: there is nothing to read a meeting from"),
        (b"  \n\n\t\n", "empty: there is nothing to read a meeting from"),
        (b"\xef\xbb\xbf\n", "empty"),  # a byte-order mark and nothing else
        (b"# Title only\n\n## Discussion\n", "no notes in it, only headings or metadata"),
        (b"---\ntitle: x\n---\nAttendees: Ana\n", "no notes in it"),
        (b"notes \xff\xfe here\n", ":1: not UTF-8 text (byte 0xff at offset 6)"),
        (b"line one\nline two \xe9t\xe9\n", ":2: not UTF-8 text"),
    ],
)
def test_notes_that_cannot_be_read_are_refused(
    cli: Any, project: Repo, content: bytes, message: str
) -> None:
    notes = project.path / "notes" / "bad.md"
    notes.write_bytes(content)
    result = cli("--repo", project.path, "meeting", notes)
    assert result.code == 2, result
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("leaddocs: error: notes file notes/bad.md") and message in line, line
    assert "Traceback" not in result.stderr
    _nothing_written(project)


def test_a_file_that_is_not_there_or_not_a_file_or_too_big(cli: Any, project: Repo) -> None:
    missing = cli("--repo", project.path, "meeting", project.path / "nope.md")
    assert missing.code == 2 and "cannot read" in missing.stderr and "nope.md" in missing.stderr
    folder = cli("--repo", project.path, "meeting", project.path / "notes")
    assert folder.code == 2 and "not a regular file" in folder.stderr
    big = project.path / "notes" / "huge.md"
    big.write_text("- TODO: a line\n" * 200_000)  # 3 MB
    refused = cli("--repo", project.path, "meeting", big)
    assert refused.code == 2 and "larger than 2048 KiB" in refused.stderr
    if hasattr(os, "mkfifo"):
        fifo = project.path / "notes" / "pipe.md"
        os.mkfifo(fifo)
        piped = cli("--repo", project.path, "meeting", fifo)  # read forever if it were read
        assert piped.code == 2 and "not a regular file" in piped.stderr
    _nothing_written(project)


def test_a_page_already_there_is_never_replaced(cli: Any, project: Repo) -> None:
    notes = project.path / "notes" / "2026-12-02-platform-sync.md"
    assert cli("--repo", project.path, "meeting", notes).code == 0
    page = project.path / "docs" / "meetings" / "2026-12-02-platform-sync.md"
    page.write_text(page.read_text() + "\nA person's edit.\n")
    again = cli("--repo", project.path, "meeting", notes, "--adr")
    assert again.code == 6, again
    assert "2026-12-02-platform-sync.md already exists: a meeting page is never replaced" in (
        again.stderr
    )
    assert page.read_text().endswith("A person's edit.\n")
    assert not (project.path / "adr").exists()  # the ADR drafts went with it: all or nothing
    other = project.path / "mine.md"
    other.write_text("my own file\n")
    refused = cli("--repo", project.path, "meeting", notes, "-o", other)
    assert refused.code == 6 and other.read_text() == "my own file\n"


def test_conflicting_options_are_refused(cli: Any, project: Repo) -> None:
    notes = project.path / "notes" / "2026-12-02-platform-sync.md"
    both = cli("--repo", project.path, "meeting", notes, "--pr", "-o", "x.md")
    assert both.code == 2 and "leave out --output" in both.stderr
    stdout = cli("--repo", project.path, "meeting", notes, "--adr", "-o", "-")
    assert stdout.code == 2 and "give --output a file" in stdout.stderr
    date = cli("--repo", project.path, "meeting", notes, "--date", "next friday")
    assert date.code == 2 and "--date next friday: not a date" in date.stderr
    _nothing_written(project)


LANGUAGES = {
    "german": (
        "# Abstimmung Plattform 2026-12-02\n\nTeilnehmer: Jürgen, Änne\n\n"
        "- Entscheidung: Wir nehmen Postgres für den Ereignisspeicher\n"
        "- Jürgen prüft die Backups bis Freitag\n"
        "- Brauchen wir eine Replik?\n"
    ),
    "japanese": (
        "# 定例会議 2026-12-02\n\n- Decision: イベントストアは Postgres に移行する\n"
        "- 田中さんが金曜日までに移行計画を書く\n- 読み取りレプリカは必要か\uff1f\n"
    ),
    "arabic": (
        "# اجتماع الفريق 2026-12-02\n\n- Decision: ننتقل إلى Postgres\n"
        "- TODO: @سارة تكتب خطة الترحيل\n- هل نحتاج إلى نسخة للقراءة؟\n"
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_notes_in_another_language_are_kept_as_written(
    cli: Any, project: Repo, language: str
) -> None:
    text = LANGUAGES[language]
    notes = project.path / "notes" / f"{language}.md"
    notes.write_text(text)
    result = cli("--repo", project.path, "meeting", notes)
    assert result.code == 0, result
    page = page_of(project)
    assert "meeting date 2026-12-02 from the first heading" in result.stderr
    body = split(page).body
    assert_safe(body)
    for render in RENDERERS.values():
        shown = text_of(render(body))
        for line in text.splitlines()[2:]:
            words = line.removeprefix("- ").removeprefix("Decision: ").removeprefix("TODO: ")
            assert words.replace("@", "@\u200b") in shown, (language, words)
    # What nobody marked stays where a reader sees it, not mangled or dropped; a question mark
    # of the script (U+FF1F, U+061F) still marks a question.
    assert section(page, "Open questions").count("\n") == 0
    if "Decision:" in text:  # the markers are English words; the rest is any language
        assert "Postgres" in section(page, "Decisions")


def test_german_markers_are_not_read_but_the_lines_are_kept(cli: Any, project: Repo) -> None:
    notes = project.path / "notes" / "german.md"
    notes.write_text(LANGUAGES["german"])
    result = cli("--repo", project.path, "meeting", notes, "-o", "-")
    assert result.code == 0, result
    assert "Jürgen, Änne" in result.stdout  # "Teilnehmer:" is not an Attendees: line…
    # …so it is a line nobody marked, and "bis Freitag" is no date leaddocs reads.
    assert "Jürgen prüft die Backups bis Freitag (line 6)" in section(
        result.stdout, "Not classified"
    )
