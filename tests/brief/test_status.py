"""--status: the status period holding a date, as its published page and the status rules
tell it; the lead's notes only for the current period (they describe now)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leaddocs.application import api
from leaddocs.application.brief import brief
from leaddocs.application.requests import BriefRequest
from leaddocs.errors import UsageError
from tests.brief.reading import assert_every_statement_cited, check_rendered, sections
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2


def test_a_published_page_gives_its_period_health_and_risks(cli, weeks: Repo, notes: Path) -> None:
    made = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes)
    assert made.code == 0, made
    result = cli(
        "--repo", weeks.path, "brief", "--status", "2023-11-25", "--audience", "leadership"
    )
    assert result.code == 0, result
    brief_text = result.stdout
    assert "# Status of service, 2023-11-22 to 2023-11-28\n" in brief_text
    found = sections(brief_text)
    assert found["In short"][0] == "Overall: at risk, as the lead set it. [1]"
    assert found["In short"][1] == (
        "Between 2023-11-22 and 2023-11-28, 5 changes went out (the period before: 2). [1]"
    )
    asks = found["What we ask of you"]
    assert asks[0].startswith(
        "- Help clear this blocker: Waiting for the security review of the export endpoint"
    )
    assert "- Weigh in on the proposed decision: Use Postgres for events. [" in asks[1]
    risks = found["Risks"]
    assert risks[0].startswith("- Blocker: Waiting for the security review")
    assert any("Vendor contract for the payment provider" in line for line in risks)
    assert "- Needs action: a new invoice format. [" in "\n".join(found["Where things stand"])
    assert_every_statement_cited(brief_text)
    check_rendered(brief_text)


def test_customers_read_what_went_out_and_nothing_internal(cli, weeks: Repo, notes: Path) -> None:
    assert cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes).code == 0
    result = cli("--repo", weeks.path, "brief", "--status", "2023-11-28", "--audience", "customers")
    assert result.code == 0, result
    text = result.stdout
    for internal in ("Vendor contract", "security review", "Postgres", "Overall", "in progress"):
        assert internal not in text
    found = sections(text)
    assert found["In short"] == ["Between 2023-11-22 and 2023-11-28, 5 changes went out."]
    assert found["What to watch out for"] == ["- Needs action: a new invoice format."]
    assert found["What you need to do"][0].startswith("- Before you upgrade, read What to watch")


def test_a_past_period_without_a_page_is_read_from_history_not_todays_notes(
    cli, weeks: Repo, notes: Path
) -> None:
    (weeks.path / "leaddocs.yml").write_text(f"status:\n  notes: {notes}\n")
    result = cli("--repo", weeks.path, "brief", "--status", "2023-11-28", "--audience", "legal")
    assert result.code == 0, result
    text = result.stdout
    assert "Vendor contract" not in text and "security review" not in text  # today's notes
    found = sections(text)
    assert found["In short"][0] == "Overall: at risk. What decided it: 2 risks. [1]"
    assert any(line.startswith("- Risk: Revert") for line in found["Risks"])
    assert found["Why it matters to you"] == [
        "- Nothing in this period mentions personal data, privacy, licences, security, "
        "compliance or contracts. [1]"
    ]


def test_the_current_period_reads_the_lead_s_notes(weeks: Repo, notes: Path) -> None:
    (weeks.path / "leaddocs.yml").write_text(f"status:\n  notes: {notes}\n")
    project = api.open_project(weeks.path)
    request = BriefRequest(audience="legal", status="2023-11-27", today=dt.date(2023, 11, 28))
    document = brief(project, request)
    found = sections(document.body)
    assert found["In short"][0].startswith(
        "Overall: at risk. In the lead's words: The billing migration (moving data or users "
        "from an old system to a new one) slipped a week. ["
    )
    why = found["Why it matters to you"]
    assert why[0].startswith("- Touches security: Waiting for the security review")
    assert why[1].startswith("- Touches contracts: Vendor contract for the payment provider")
    assert document.path == Path("brief-status-2023-11-28-legal.md")


def test_a_date_with_no_status_data_is_refused_and_nothing_is_written(
    cli, weeks: Repo, tmp_path: Path
) -> None:
    target = tmp_path / "brief.md"
    result = cli(
        "--repo",
        weeks.path,
        "brief",
        "--status",
        "2023-10-01",
        "--audience",
        "product",
        "-o",
        target,
    )
    assert result.code == 2, result
    assert result.stderr == (
        "leaddocs: error: no status data for 2023-10-01: nothing merged, in flight, at risk, "
        "decided or planned from 2023-09-25 to 2023-10-01\n"
    )
    assert not target.exists() and result.stdout == ""


def test_a_date_in_the_future_is_refused(weeks: Repo) -> None:
    project = api.open_project(weeks.path)
    request = BriefRequest(audience="legal", status="2023-12-01", today=dt.date(2023, 11, 28))
    with pytest.raises(UsageError, match=r"--status 2023-12-01 is in the future"):
        brief(project, request)
