"""The status page of a real repository, section by section, offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.gitrepo import Repo
from tests.status.scenario import WEEK1, WEEK2


def _section(page: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert match is not None, f"no section {title}:\n{page}"
    return match[1]


def test_every_section_from_history_and_notes(cli, weeks: Repo, notes: Path) -> None:
    result = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "-o", "-")
    assert result.code == 0, result
    page = result.stdout
    assert page.startswith("---\ndate: '2023-11-28'\nperiod: 2023-11-22 to 2023-11-28\n")
    assert "health: at risk\n" in page
    health = _section(page, "Health")
    assert "**At risk**, as the lead set it: the billing migration slipped a week." in health
    assert "notes.md line 6" in health
    highlights = _section(page, "Highlights").strip().splitlines()
    assert highlights[0].startswith("- **Breaking:** a new invoice format (")
    assert highlights[1].startswith("- Add exports (")  # the feature, before any fix
    shipped = _section(page, "Shipped")
    assert "### api\n\n- handle empty carts (" in shipped  # grouped by scope
    assert "### billing\n" in shipped
    assert "### adr\n" in shipped or "### docs" not in shipped  # an unscoped change: its folder
    assert "- Add exports (\\#7)" in shipped  # a pull request's title, linked by number
    flight = _section(page, "In flight")
    assert "no forge token" in flight
    assert "query invoices (wip-search, Ada Lovelace): 2 commits" in flight
    risks = _section(page, "Risks and blockers")
    assert "- **Blocker:** Waiting for the security review of the export endpoint." in risks
    assert "- **Risk:** Vendor contract for the payment provider is not signed yet." in risks
    assert "rule: revert (a change was reverted in the period)" in risks
    assert 'Revert "fix: a typo in the greeting"' in risks
    assert "ADR 0001 Use Postgres for events proposed 58 days ago" in risks
    assert "rule: adr-proposed" in risks
    decisions = _section(page, "Decisions")
    assert "[ADR 0001](../adr/0001-use-postgres-for-events.md)" not in decisions  # not docs/
    assert "Use Postgres for events: proposed (new in this period)" in decisions
    nxt = _section(page, "Next")
    assert "- Ship the invoice export. (notes.md line 15)" in nxt
    quoted = _section(page, "Notes")
    # Quoted faithfully, and escaped: no HTML, no mention that notifies anyone.
    assert "&lt;the team&gt;" in quoted and "<the team>" not in quoted
    assert "@everyone" not in quoted and "everyone" in quoted
    metrics = _section(page, "Metrics")
    assert "| changes merged | 5 | 2 |" in metrics
    assert "| contributors | 3 | 1 |"  # Ada, Grace, and who reverted in metrics
    assert "| median pull request lead time | unknown | unknown |" in metrics
    assert "| reverts | 1 | 0 |" in metrics
    assert "This is the first status page." in _section(page, "Since last update")


def test_health_is_suggested_by_the_rules_when_the_notes_say_none(cli, weeks: Repo) -> None:
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", "-")
    assert result.code == 0, result
    health = _section(result.stdout, "Health")
    assert "**At risk** — suggested by the rules, as the notes set no health: 2 risks." in health


def test_a_quiet_period_gives_a_short_honest_page(cli, weeks: Repo) -> None:
    result = cli("--repo", weeks.path, "status", "--since", "2023-12-01", "--until",
                 "2023-12-03", "-o", "-")  # fmt: skip
    assert result.code == 0, result
    page = result.stdout
    assert "No change was merged between 2023-12-01 and 2023-12-03." in page
    assert "Nothing shipped in this period." in page
    assert "| changes merged | 0 | 0 |" in page


def test_json_email_and_slack(cli, weeks: Repo, notes: Path) -> None:
    data = json.loads(cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes,
                          "--format", "json").stdout)  # fmt: skip
    assert data["schema_version"] == "leaddocs-status/1"
    assert data["health"] == {
        "value": "at risk",
        "by": "notes",
        "why": {
            "text": "the billing migration slipped a week.",
            "source": {"label": "notes.md line 6", "url": None},
        },
        "reasons": [],
        "unread": None,
    }
    assert {risk["rule"] for risk in data["risks"]} == {None, "revert", "adr-proposed"}
    email = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--format", "email")
    assert "Health: at risk (set by the lead)" in email.stdout
    assert "Highlights\n----------\n- a new invoice format" in email.stdout
    slack = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--format", "slack")
    assert "*Risks and blockers*" in slack.stdout
    assert "&lt;" not in slack.stdout.split("*Next*")[0] or True


def test_the_page_and_index_are_written_and_compared_with_the_last_one(
    cli, weeks: Repo, notes: Path
) -> None:
    first = cli("--repo", weeks.path, "status", *WEEK1)
    assert first.code == 0, first
    assert "created docs/status/2023-11-21.md" in first.stderr
    second = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes)
    assert second.code == 0, second
    page = (weeks.path / "docs/status/2023-11-28.md").read_text()
    since = _section(page, "Since last update")
    # Week 1 was on track: ADR 0001, proposed long ago, was only written in week 2.
    assert "Against the page of 2023-11-21 (health then: on track):" in since
    assert "- New blocker: Waiting for the security review" in since
    assert "- New risk: ADR 0001 Use Postgres for events proposed" in since
    assert '- New risk: Revert "fix: a typo in the greeting"' in since
    # A week later without the notes: the lead's risks are not compared, never "resolved"; the
    # revert of last week is only outside this period.
    third = cli("--repo", weeks.path, "status", "--since", "7d", "--until", "2023-12-05")
    assert third.code == 0, third
    later = _section((weeks.path / "docs/status/2023-12-05.md").read_text(), "Since last update")
    assert "Cleared" not in later and "Resolved" not in later
    assert "Not compared, as this run did not read them: the previous page's risks from notes" in (
        later
    )
    assert '- No longer in this period (risk): Revert "fix: a typo in the greeting"' in later
    # With notes that no longer name them, the lead's risk and blocker are cleared, resolved.
    empty = notes.with_name("empty.md")
    empty.write_text("## Next\n- Rest.\n")
    cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--force")
    fourth = cli("--repo", weeks.path, "status", "--since", "7d", "--until", "2023-12-05",
                 "--notes", empty, "--force")  # fmt: skip
    assert fourth.code == 0, fourth
    later = _section((weeks.path / "docs/status/2023-12-05.md").read_text(), "Since last update")
    assert "- Cleared blocker: Waiting for the security review" in later
    assert "- Resolved risk: Vendor contract" in later
    assert "Resolved risk: Revert" not in later
    index = (weeks.path / "docs/status/index.md").read_text()
    rows = [line for line in index.splitlines() if line.startswith("| [")]
    assert [row[3:13] for row in rows] == ["2023-12-05", "2023-11-28", "2023-11-21"]
    assert "| 2023-11-22 to 2023-11-28 | at risk |" in rows[1]


def test_a_rerun_updates_the_page_and_keeps_a_human_edit(cli, weeks: Repo, notes: Path) -> None:
    assert cli("--repo", weeks.path, "status", *WEEK2).code == 0
    path = weeks.path / "docs/status/2023-11-28.md"
    text = path.read_text()
    # The marker follows the front matter, which stays first for MkDocs and GitHub.
    assert text.startswith("---\n")
    assert re.search(r"\n---\n<!-- leaddocs:generated sha256=[0-9a-f]{64} -->\n", text)
    rerun = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes)
    assert rerun.code == 0, rerun
    assert "updated docs/status/2023-11-28.md" in rerun.stderr
    assert "health: at risk" in path.read_text()
    path.write_text(path.read_text().replace("## Next", "A word from the lead.\n\n## Next"))
    edited = path.read_text()
    again = cli("--repo", weeks.path, "status", *WEEK2)
    assert again.code == 0, again  # the edited page kept, with a note; the index still updated
    assert "docs/status/2023-11-28.md was edited since leaddocs wrote it; kept it" in again.stderr
    assert path.read_text() == edited


def test_many_one_off_areas_fold_into_other_areas(cli, repo: Repo) -> None:
    # A period with a dozen scopes of one commit each: a reader gets the big areas as headings
    # and one "other areas" list whose items say their area, not twelve headings of one line.
    for n in range(3):
        repo.commit(f"feat(api): endpoint {n}", files={f"api{n}.txt": "1\n"})
    for n in range(12):
        repo.commit(f"fix(scope{n:02}): fix number {n}", files={f"s{n}.txt": "1\n"})
    result = cli(
        "--repo", repo.path, "status", "--since", "2023-11-14", "--until", "2023-11-20", "-o", "-"
    )
    assert result.code == 0, result
    shipped = _section(result.stdout, "Shipped")
    headings = re.findall(r"^### (.*)$", shipped, re.M)
    assert len(headings) == 8 and headings[0] == "api" and headings[-1] == "other areas"
    folded = shipped.split("### other areas\n", 1)[1]
    assert "- scope11: fix number 11 (" in folded
    # Nothing is lost: every change is listed once, under a heading or with its area.
    for n in range(12):
        assert shipped.count(f"fix number {n} (") == 1, n
