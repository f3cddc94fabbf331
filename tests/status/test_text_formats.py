"""--format email|slack: the whole page as text to paste (each risk's rule, in flight's state,
the notes, since last update), links that work outside the repository, no marker in a file,
and a Slack message that encodes nothing and notifies nobody."""

from __future__ import annotations

import re
from pathlib import Path

from leaddocs import markers
from tests.gitrepo import Repo
from tests.status.scenario import WEEK1, WEEK2

_ADR = "adr/0001-use-postgres-for-events.md"


def test_email_says_what_the_page_says(cli, weeks: Repo, notes: Path) -> None:
    assert cli("--repo", weeks.path, "status", *WEEK1).code == 0
    result = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--format", "email")
    assert result.code == 0, result
    text = result.stdout
    assert "rule: revert (a change was reverted in the period)" in text
    assert "rule: adr-proposed (an ADR proposed for longer than" in text
    assert (
        "- feat(search): query invoices (wip-search): 2 commits, the last 6 days before its end"
        in text
    )
    assert "Notes\n-----\n> A free remark about <the team> and @everyone. (notes.md line 3)" in text
    assert "Since last update\n-----------------\nAgainst the page of 2023-11-21" in text
    assert "- New blocker: Waiting for the security review of the export endpoint." in text
    # No forge: the record is named, not linked by a path only the repository can follow.
    assert "- ADR 0001 Use Postgres for events: proposed (new in this period)" in text
    assert "../" not in text


def test_adr_links_are_absolute_with_a_forge(cli, weeks: Repo) -> None:
    weeks.git("remote", "add", "origin", "https://github.com/acme/widgets.git")
    result = cli("--repo", weeks.path, "status", *WEEK2, "--format", "slack")
    assert result.code == 0, result
    assert f"ADR 0001 https://github.com/acme/widgets/blob/main/{_ADR} Use Postgres" in (
        result.stdout
    )


def test_a_text_file_has_no_marker(cli, weeks: Repo, tmp_path: Path) -> None:
    out = tmp_path / "status.txt"
    result = cli("--repo", weeks.path, "status", *WEEK2, "--format", "email", "-o", out)
    assert result.code == 0, result
    text = out.read_text()
    assert text.startswith("Status of service, 2023-11-22 to 2023-11-28\n")
    assert "leaddocs:generated" not in text and markers.document_state(text) == "foreign"
    again = cli("--repo", weeks.path, "status", *WEEK2, "--format", "email", "-o", out)
    assert again.code != 0 and "--force replaces it" in again.stderr  # not its to overwrite
    forced = cli("--repo", weeks.path, "status", *WEEK2, "--format", "email", "-o", out, "--force")
    assert forced.code == 0, forced


def test_slack_text_is_plain_and_notifies_nobody(cli, weeks: Repo, notes: Path) -> None:
    result = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "--format", "slack")
    assert result.code == 0, result
    text = result.stdout
    assert "*Risks and blockers*" in text
    assert "&lt;" not in text and "&amp;" not in text and "&gt;" not in text
    assert "A free remark about <the team> and `@everyone`." in text
    for broadcast in ("@everyone", "@here", "@channel"):
        assert f" {broadcast}" not in text


def _adr_links(page: str) -> list[str]:
    return re.findall(r"\[ADR 0001\]\(([^)]+)\)", page)


def test_adr_links_lead_to_the_record_from_where_the_page_goes(
    cli, weeks: Repo, tmp_path: Path
) -> None:
    out = tmp_path / "elsewhere" / "deeper" / "status.md"
    out.parent.mkdir(parents=True)
    result = cli("--repo", weeks.path, "status", *WEEK2, "-o", out)
    assert result.code == 0, result
    links = _adr_links(out.read_text())
    assert links, out.read_text()
    for link in links:
        assert (out.parent / link).resolve() == (weeks.path / _ADR).resolve()
    # The default place: docs/status, two folders down.
    assert cli("--repo", weeks.path, "status", *WEEK2).code == 0
    written = weeks.path / "docs/status/2023-11-28.md"
    assert set(_adr_links(written.read_text())) == {f"../../{_ADR}"}
