"""--adr: a proposed ADR draft per decision, linked both ways; --pr: the page and its drafts
as one pull request (the fake GitHub)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from leaddocs.adr.frontmatter import split
from leaddocs.application import api
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo
from tests.meeting.conftest import section
from tests.security.rendered import assert_safe

NOTES_FILE = "notes/2026-12-02-platform-sync.md"
PAGE = "docs/meetings/2026-12-02-platform-sync.md"


def test_each_decision_becomes_a_proposed_draft_linked_both_ways(cli: Any, project: Repo) -> None:
    notes = project.path / NOTES_FILE
    notes.write_text(notes.read_text() + "- Decided: keep <b>the</b> old API for a year.\n")
    result = cli("--repo", project.path, "meeting", notes, "--adr")
    assert result.code == 0, result
    drafts = sorted((project.path / "adr").glob("*.md"))
    assert [d.name for d in drafts] == [
        "XXXX-keep-the-old-api-for-a-year.md",
        "XXXX-move-the-event-store-to-postgres.md",
    ]
    assert "created adr/XXXX-move-the-event-store-to-postgres.md" in result.stderr
    page = (project.path / PAGE).read_text()
    assert section(page, "Decisions").splitlines()[0] == (
        "- move the event store to Postgres (line 6) — ADR draft: "
        "[XXXX-move-the-event-store-to-postgres.md]"
        "(../../adr/XXXX-move-the-event-store-to-postgres.md)"
    )
    record = drafts[1].read_text()
    assert record.startswith("---\nstatus: proposed\ndate: 2026-12-02\n")
    assert "# Move the event store to Postgres\n" in record
    assert "# Keep the old API for a year\n" in drafts[0].read_text()
    assert (
        "Decided in the meeting [Platform sync](../docs/meetings/2026-12-02-platform-sync.md) "
        f"on 2026-12-02 (line 6 of {NOTES_FILE}):" in record
    )
    assert "> keep &lt;b&gt;the&lt;/b&gt; old API for a year" in drafts[0].read_text()
    # The decision log reads them as drafts: numbered when they land.
    log = api.decision_log(api.open_project(project.path))
    assert {adr.status for adr in log.adrs} == {"proposed"}
    assert all(adr.number is None for adr in log.adrs)


def test_a_draft_of_the_same_title_stops_everything(cli: Any, project: Repo) -> None:
    (project.path / "adr").mkdir()
    taken = project.path / "adr" / "XXXX-move-the-event-store-to-postgres.md"
    taken.write_text("# someone else's draft\n")
    result = cli("--repo", project.path, "meeting", project.path / NOTES_FILE, "--adr")
    assert result.code == 6, result
    assert "adr/XXXX-move-the-event-store-to-postgres.md already exists" in result.stderr
    assert taken.read_text() == "# someone else's draft\n"
    assert not (project.path / "docs").exists()


def _with_origin(repo: Repo, tmp_path: Path) -> Repo:
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    repo.git("remote", "add", "origin", str(origin))
    repo.git("push", "-q", "origin", "main")
    return repo


def test_pr_opens_one_pull_request_with_the_page_and_its_drafts(
    cli: Any, project: Repo, tmp_path: Path, fake_github: FakeGitHub, monkeypatch: Any
) -> None:
    for name, value in fake_github.env("acme/widgets").items():
        monkeypatch.setenv(name, value)
    repo = _with_origin(project, tmp_path)
    result = cli("--repo", repo.path, "meeting", repo.path / NOTES_FILE, "--adr", "--pr")
    assert result.code == 0, result
    [pull] = list(fake_github.pulls["acme/widgets"].values())
    assert result.stdout == f"created {pull['html_url']}\n"
    branch = "leaddocs/meeting-2026-12-02-platform-sync"
    assert pull["head"]["ref"] == branch and pull["base"]["ref"] == "main"
    assert pull["title"] == "Meeting notes: Platform sync (2026-12-02)"
    body = pull["body"]
    assert f"- {PAGE}\n" in body and "- adr/XXXX-move-the-event-store-to-postgres.md" in body
    assert "- [ ] Each action item has the right owner and due date" in body
    # A meeting page comes from the notes: the body must not say "from the history".
    assert "- offline: nothing from a model; every line comes from the source above" in body
    assert "history" not in body
    tip = repo.git("ls-remote", "origin", f"refs/heads/{branch}").split("\t")[0]
    shown = repo.git("show", f"{tip}:{PAGE}")
    assert "Bob Okafor will benchmark the writes by Friday" in shown
    assert "../../adr/XXXX-move-the-event-store-to-postgres.md" in shown
    # Nothing in the work tree: the files are on the branch only.
    assert not (repo.path / "docs").exists() and not (repo.path / "adr").exists()
    again = cli("--repo", repo.path, "meeting", repo.path / NOTES_FILE, "--adr", "--pr")
    assert again.code == 0, again
    assert len(fake_github.pulls["acme/widgets"]) == 1  # the same PR, not a second one


def test_pr_without_a_token_commits_the_branch_locally(cli: Any, project: Repo) -> None:
    result = cli("--repo", project.path, "meeting", project.path / NOTES_FILE, "--pr")
    assert result.code == 0, result
    assert "no forge token (GITHUB_TOKEN)" in result.stderr
    assert "Meeting notes: Platform sync (2026-12-02)" in result.stdout
    branch = "leaddocs/meeting-2026-12-02-platform-sync"
    assert "## Action items" in project.git("show", f"{branch}:{PAGE}")


def test_numbering_the_drafts_carries_the_meeting_pages_links(cli: Any, project: Repo) -> None:
    # `leaddocs ci` / `adr number-drafts` gives the drafts their numbers once they land: the
    # meeting page's link follows the record, as the other records' links do.
    result = cli("--repo", project.path, "meeting", project.path / NOTES_FILE, "--adr")
    assert result.code == 0, result
    project.git("add", "-A")
    project.commit("docs: platform sync")
    numbered = cli("--repo", project.path, "adr", "number-drafts")
    assert numbered.code == 0, numbered
    [record] = sorted((project.path / "adr").glob("*.md"))
    assert record.name.startswith("0001-"), record.name
    page = (project.path / PAGE).read_text()
    assert "XXXX-" not in page
    assert f"(../../adr/{record.name})" in page
    # The record's own link back to the meeting is untouched.
    assert "(../docs/meetings/2026-12-02-platform-sync.md)" in record.read_text()


def test_a_hostile_decision_is_text_in_its_adr_draft(cli: Any, project: Repo) -> None:
    # The notes are anyone's: the draft's title comes from them, and GitHub and the site render
    # the ADR file as Markdown.
    notes = project.path / NOTES_FILE
    notes.write_text(
        "- Decision: use <iframe src=//evil> @everyone [click](javascript:alert(1)) "
        "{: onclick=alert(2) } `x` &lt;b&gt; **now**\n"
    )
    result = cli("--repo", project.path, "meeting", notes, "--adr")
    assert result.code == 0, result
    [draft] = (project.path / "adr").glob("*.md")
    record = draft.read_text()
    title = record.split("\n# ", 1)[1].split("\n", 1)[0]
    assert title == ("Use everyone click (javascript:alert(1)) : onclick=alert(2) x now")
    assert_safe(split(record).body, links=("../docs/meetings/",))
