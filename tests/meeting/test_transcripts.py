"""WebVTT and SubRip transcripts: speakers are attendees, "I will" is the speaker's, and a
malformed file is refused naming its line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from leaddocs.adr.frontmatter import load, split
from tests.cpu import cpu_budget
from tests.gitrepo import Repo
from tests.meeting.conftest import FIXTURES, section
from tests.security.rendered import assert_safe


def _meeting(cli: Any, repo: Repo, name: str, *args: Any) -> Any:
    target = repo.path / name
    if not target.exists():
        shutil.copy(FIXTURES / name, target)
    return cli("--repo", repo.path, "meeting", target, "-o", "-", *args)


def test_a_webvtt_transcript_with_voice_spans(cli: Any, project: Repo) -> None:
    result = _meeting(cli, project, "2026-12-02-platform-sync.vtt")
    assert result.code == 0, result
    page = result.stdout
    meta = load(split(page).yaml or "")[0]
    assert meta["attendees"] == ["Alice Martin", "Bob Okafor", "Chen Wei"]
    assert "(WebVTT transcript)" in page and "*(from the speakers)*" in page
    assert section(page, "Decisions") == "- we move the event store to Postgres. (line 18)"
    actions = section(page, "Action items").splitlines()
    assert actions == [
        # "I" is the speaker: Bob said it, in a cue of its own after "OK."
        "- [ ] I'll write the migration plan by Friday. — owner: Bob Okafor · "
        "due: 2026-12-04 (“by Friday”) (line 22)",
        "- [ ] someone updates the on-call runbook. — ⚠️ **no owner** · ⚠️ **no due date** (line 30)",
        "- [ ] Chen Wei will review the alerts in two weeks. — owner: Chen Wei · "
        "due: 2026-12-16 (“in two weeks”) (line 38)",
    ]
    assert section(page, "Open questions") == (
        "- Chen Wei: Who talks to the billing team about the cut-over? (line 26)"
    )
    other = section(page, "Not classified")
    # A cue of two lines: its sentences cite both.
    assert "- Bob Okafor: Postgres kept up with three times our peak. (lines 13\u201314)" in other
    assert "- Chen Wei: I'll share my screen for the dashboards. (line 34)" in other  # no date
    assert "Alice Martin: Thanks for joining. (line 9)" in other
    assert "NOTE" not in page and "-->" not in page
    assert_safe(split(page).body)


def test_a_subrip_transcript_with_name_prefixes(cli: Any, project: Repo) -> None:
    result = _meeting(cli, project, "2026-12-03-incident-review.srt")
    assert result.code == 0, result
    page = result.stdout
    meta = load(split(page).yaml or "")[0]
    assert meta["attendees"] == ["Dana Kim", "Eli Novak"]  # "@dana" is Dana Kim
    assert str(meta["date"]) == "2026-12-03"
    assert section(page, "Decisions") == "- certificates get a 30-day expiry alert. (line 12)"
    assert section(page, "Action items").splitlines() == [
        "- [ ] I will add the alert to the monitoring config by end of week. — owner: Eli "
        "Novak · due: 2026-12-04 (“by end of week”) (lines 16\u201317)",
        "- [ ] @\u200bdana schedules the rotation tomorrow. — owner: dana · "
        "due: 2026-12-04 (“tomorrow”) (line 25)",
    ]
    # <i>…</i> is the tool's formatting, not text; the question keeps its speaker.
    assert section(page, "Open questions") == (
        "- Dana Kim: do we rotate the other certificates now? (line 21)"
    )
    assert "<i>" not in page
    assert_safe(split(page).body)


def test_the_format_is_read_from_the_content_when_the_extension_says_nothing(
    cli: Any, project: Repo
) -> None:
    target = project.path / "call-2026-12-02.txt"
    target.write_text((FIXTURES / "2026-12-02-platform-sync.vtt").read_text())
    result = cli("--repo", project.path, "meeting", target, "-o", "-")
    assert result.code == 0, result
    assert "(WebVTT transcript)" in result.stdout and "Bob Okafor" in result.stdout
    srt = project.path / "review.txt"
    srt.write_text((FIXTURES / "2026-12-03-incident-review.srt").read_text())
    assert "(SubRip transcript)" in cli("--repo", project.path, "meeting", srt, "-o", "-").stdout


def test_entities_and_tags_in_cues_are_text_on_the_page(cli: Any, project: Repo) -> None:
    (project.path / "t.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
        "<v Mallory>&lt;script&gt;alert(1)&lt;/script&gt; @everyone [x](javascript:y)</v>\n"
    )
    result = cli("--repo", project.path, "meeting", project.path / "t.vtt", "-o", "-")
    assert result.code == 0, result
    assert_safe(split(result.stdout).body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        (
            "no-header.vtt",
            "00:00:01.000 --> 00:00:02.000\nhi\n",
            1,
            "its first line must be WEBVTT",
        ),
        ("arrow.vtt", "WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\nhi\n", 4, "not a WebVTT cue"),
        ("timing.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhi\n", 3, "not a WebVTT cue"),
        (
            "text.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n\nstray words\n",
            6,
            "not a WebVTT cue",
        ),
        (
            "glued.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n00:00:03.000 --> 00:00:04.000\nho\n",
            5,
            "a blank line must end the cue",
        ),
        ("arrow.srt", "1\n00:00:01,000 -> 00:00:02,000\nAlice: hi\n", 2, "not a SubRip item"),
        (
            "number.srt",  # pysrt reads "x" as an item's number
            "1\n00:00:01,000 --> 00:00:02,000\nhi\n\nx\n00:00:03,000 --> 00:00:04,000\nyo\n",
            5,
            "its first line must be its number",
        ),
        (
            "stray.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nAlice: hi\n\nstray\nwords\n",
            5,
            "not a SubRip item",
        ),
    ],
)
def test_a_malformed_transcript_is_one_line_naming_file_and_line(
    cli: Any, project: Repo, name: str, text: str, line: int, message: str
) -> None:
    (project.path / name).write_text(text)
    result = cli("--repo", project.path, "meeting", project.path / name)
    assert result.code == 7, result
    [error] = result.stderr.strip().splitlines()
    assert error.startswith(f"leaddocs: error: {name}:{line}: ") and message in error, error
    assert not (project.path / "docs").exists()  # nothing written


def test_a_transcript_with_no_cues_is_empty(cli: Any, project: Repo, tmp_path: Path) -> None:
    (project.path / "silent.vtt").write_text("WEBVTT\n\nNOTE nobody spoke\n")
    result = cli("--repo", project.path, "meeting", project.path / "silent.vtt")
    assert result.code == 2 and "silent.vtt: no notes in it" in result.stderr


def test_a_long_transcript_of_one_unnamed_voice_reads_in_linear_time(
    cli: Any, project: Repo
) -> None:
    # 6,000 cues with no speaker are one turn: finding each sentence's cue must not scan all.
    cues = "".join(
        f"{n}\n00:{n // 3600 % 60:02d}:{n // 60 % 60:02d},000 --> 00:{n // 3600 % 60:02d}:"
        f"{n // 60 % 60:02d},500\nitem {n} is fine. Is it?\n\n"
        for n in range(1, 6001)
    )
    (project.path / "long.srt").write_text(cues)
    with cpu_budget(20):  # was minutes when each sentence scanned every cue
        result = cli("--repo", project.path, "meeting", project.path / "long.srt", "-o", "-")
    assert result.code == 0, result
    assert "- item 6000 is fine. (line 23999)" in result.stdout
