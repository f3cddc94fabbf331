"""Bad input named in one line; periods; the marker after front matter; --pr; build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leaddocs import markers
from leaddocs.errors import UsageError
from leaddocs.status.notes import parse_notes
from leaddocs.status.period import Period, resolve_period
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2

TODAY = dt.date(2023, 11, 28)


def test_durations_dates_and_the_previous_period() -> None:
    assert resolve_period("7d", None, 7, TODAY) == Period(dt.date(2023, 11, 22), TODAY)
    assert resolve_period("2w", "2023-11-21", 7, TODAY) == Period(
        dt.date(2023, 11, 8), dt.date(2023, 11, 21)
    )
    assert resolve_period(None, None, 14, TODAY).since == dt.date(2023, 11, 15)
    week = resolve_period("2023-11-22", None, 7, TODAY)
    assert week.previous() == Period(dt.date(2023, 11, 15), dt.date(2023, 11, 21))
    assert week.end - week.start == 7 * 86_400


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        (None, "2023-11-29", "--until 2023-11-29 is in the future (today is 2023-11-28)"),
        ("2023-12-01", "2023-11-28", "--since 2023-12-01 is in the future"),
        ("2023-11-25", "2023-11-20", "--since 2023-11-25 is after --until 2023-11-20"),
        ("yesterday", None, "--since yesterday: give a date as YYYY-MM-DD"),
        ("0d", None, "a period is at least one day long"),
    ],
)
def test_a_bad_period_is_refused(since: str | None, until: str | None, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        resolve_period(since, until, 7, TODAY)


def test_a_future_period_is_refused_by_the_command(cli, weeks: Repo) -> None:
    result = cli("--repo", weeks.path, "status", "--until", "2999-01-01")
    assert result.code == 2
    assert "--until 2999-01-01 is in the future" in result.stderr
    assert "Traceback" not in result.stderr


def test_notes_missing_or_not_text_are_named(cli, weeks: Repo, tmp_path: Path) -> None:
    missing = cli("--repo", weeks.path, "status", *WEEK2, "--notes", tmp_path / "nope.md")
    assert missing.code == 2
    assert "notes file" in missing.stderr and "nope.md not found" in missing.stderr
    binary = tmp_path / "notes.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    refused = cli("--repo", weeks.path, "status", *WEEK2, "--notes", binary)
    assert refused.code == 2 and "is not a text file of notes" in refused.stderr
    latin = tmp_path / "latin.md"
    latin.write_bytes("## Next\n- caf\xe9\n".encode("latin-1"))
    wrong = cli("--repo", weeks.path, "status", *WEEK2, "--notes", latin)
    assert wrong.code == 2 and "not UTF-8 text (byte 0xe9" in wrong.stderr


def test_notes_sections_lines_and_an_unknown_health() -> None:
    notes = parse_notes(
        "## Health\nGreen, mostly\n\n## Risks\n* one\n  continued\n2. two\n\n## Next\n- n\n",
        "n.md",
    )
    assert notes.health is None
    assert notes.problems == [
        "n.md:2: the health should start with on track, at risk or off track; leaddocs "
        "suggests one instead"
    ]
    assert [(e.text, e.line) for e in notes.risks] == [("one continued", 5), ("two", 7)]
    assert [e.text for e in notes.next] == ["n"]
    assert parse_notes("## Health\noff-track - no budget\n", "n").health == "off track"


def test_the_marker_goes_after_front_matter_and_edits_are_seen() -> None:
    body = "---\ndate: '2023-11-28'\n---\n\n# Status\n"
    marked = markers.mark_document(body)
    assert marked.startswith("---\ndate: '2023-11-28'\n---\n<!-- leaddocs:generated sha256=")
    assert markers.document_state(marked) == "generated"
    assert markers.document_state(marked.replace("\n", "\r\n")) == "generated"
    assert markers.document_state(marked.replace("# Status", "# Status!")) == "edited"
    assert markers.document_state(marked.replace("2023-11-28", "2023-11-29")) == "edited"
    assert markers.document_state(body) == "foreign"
    plain = markers.mark_document("# Notes\n")
    assert plain.startswith("<!-- leaddocs:generated") and markers.document_state(plain) == (
        "generated"
    )


def test_pr_without_a_token_commits_the_page_and_index_on_a_branch(cli, weeks: Repo) -> None:
    result = cli("--repo", weeks.path, "status", *WEEK2, "--pr")
    assert result.code == 0, result
    assert "leaddocs/status -> main" in result.stdout
    assert "title: Status page for 2023-11-28" in result.stdout
    files = weeks.git("ls-tree", "-r", "--name-only", "leaddocs/status").splitlines()
    assert "docs/status/2023-11-28.md" in files and "docs/status/index.md" in files
    page = weeks.git("show", "leaddocs/status:docs/status/2023-11-28.md")
    assert "## Risks and blockers" in page
    assert not (weeks.path / "docs/status").exists()  # the work tree is not touched


def test_build_writes_the_status_page_as_a_registered_kind(cli, weeks: Repo, tmp_path: Path):
    out = tmp_path / "site-docs"
    result = cli("--repo", weeks.path, "build", "--out", out, "--kind", "status")
    assert result.code == 0, result
    pages = sorted(path.name for path in (out / "status").iterdir())
    assert len(pages) == 2 and "index.md" in pages
    assert (out / "status" / pages[0]).read_text().startswith("---\ndate: ")
