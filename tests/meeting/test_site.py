"""The Meetings index on the MkDocs site: a real ``mkdocs build --strict`` of a repository with
meeting pages (one with ADR drafts, one with a hostile title). A page planted in the meetings or
status folder (a symlink out of the repository, a 2 MiB file) is named, not read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from leaddocs.application import api
from tests.gitrepo import Repo
from tests.security.rendered import assert_safe
from tests.site.sites import MKDOCS_YML, mkdocs

HOSTILE = "<img src=x onerror=alert(1)> [me](javascript:alert(2)) @everyone"
_LINKS = (
    "2026-12-09-retro.md",
    "2026-12-02-platform-sync.md",
    "2026-11-30-img-src-x-onerror-alert-1-me-javascript-alert-2-everyone.md",
)


def _site(cli: Any, project: Repo) -> Path:
    root = project.path
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Widgets\n")
    (root / "mkdocs.yml").write_text(MKDOCS_YML)
    notes = root / "notes"
    assert cli("--repo", root, "meeting", notes / "2026-12-02-platform-sync.md", "--adr").code == 0
    (notes / "2026-12-09-retro.md").write_text(
        "# Retro\n\n- Decision: keep the weekly demo\n- Decided: move the retro to Thursday\n"
        "- [x] Book the room\n- TODO(Ana): write the summary\n"
    )
    assert cli("--repo", root, "meeting", notes / "2026-12-09-retro.md").code == 0
    (notes / "evil.md").write_text("- TODO: nothing much\n")
    result = cli(
        "--repo", root, "meeting", notes / "evil.md", "--title", HOSTILE, "--date", "2026-11-30"
    )
    assert result.code == 0, result
    return root


def test_the_meetings_index_lists_each_page_with_its_counts(cli: Any, project: Repo) -> None:
    root = _site(cli, project)
    pages = api.site_pages(api.open_project(root), api.SiteOptions(docs_dir=root / "docs"))
    [index] = [page for page in pages if page.path == Path("meetings/index.md")]
    rows = [line for line in index.body.splitlines() if line.startswith("| 2026")]
    assert rows[0] == "| 2026-12-09 | [Retro](2026-12-09-retro.md) | 2 | 1 |"
    assert rows[1] == (
        "| 2026-12-02 | [Platform sync](2026-12-02-platform-sync.md) | 1 | 6 |"  # one is done
    )
    assert rows[2].startswith("| 2026-11-30 | [&lt;img src=x onerror=alert(1)&gt;")
    assert_safe(index.body, links=_LINKS)
    # A person ticks off an action item on the page: the index counts it.
    page = root / "docs" / "meetings" / "2026-12-09-retro.md"
    page.write_text(page.read_text().replace("- [ ] write the summary", "- [x] write the summary"))
    again = api.site_pages(api.open_project(root), api.SiteOptions(docs_dir=root / "docs"))
    [index] = [page for page in again if page.path == Path("meetings/index.md")]
    assert "| 2026-12-09 | [Retro](2026-12-09-retro.md) | 2 | 0 |" in index.body


def test_strict_build_shows_the_meetings_and_links_the_adr_drafts(cli: Any, project: Repo) -> None:
    root = _site(cli, project)
    project.git("add", "-A")
    project.commit("docs: meetings")
    result = mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    index = (site / "meetings" / "index.html").read_text()
    assert "Platform sync" in index and "Retro" in index
    assert "<img src=x" not in re.sub(r"<title>.*?</title>", "", index, flags=re.S)
    page = (site / "meetings" / "2026-12-02-platform-sync" / "index.html").read_text()
    # The ADR draft's link reaches the record's page on the site.
    assert 'href="../../decisions/XXXX-move-the-event-store-to-postgres/"' in page
    record = site / "decisions" / "XXXX-move-the-event-store-to-postgres" / "index.html"
    assert "Platform sync" in record.read_text()
    for html in site.rglob("*.html"):
        text = re.sub(r"<title>.*?</title>", "", html.read_text(), flags=re.S)
        assert "<img src=x" not in text and 'href="javascript:' not in text, html


def test_no_meetings_no_index(project: Repo) -> None:
    (project.path / "docs").mkdir()
    pages = api.site_pages(
        api.open_project(project.path), api.SiteOptions(docs_dir=project.path / "docs")
    )
    assert not [page for page in pages if "meetings" in page.path.as_posix()]


def test_meetings_kept_outside_the_docs_folder_are_listed_without_links(
    cli: Any, project: Repo
) -> None:
    root = project.path
    (root / "leaddocs.yml").write_text("meetings:\n  folder: minutes\n")
    (root / "docs").mkdir()
    result = cli("--repo", root, "meeting", root / "notes" / "2026-12-02-platform-sync.md")
    assert result.code == 0 and result.stdout == "minutes/2026-12-02-platform-sync.md\n", result
    pages = api.site_pages(api.open_project(root), api.SiteOptions(docs_dir=root / "docs"))
    [index] = [page for page in pages if page.path == Path("meetings/index.md")]
    assert "| 2026-12-02 | Platform sync | 1 | 6 |" in index.body
    assert "kept in minutes, outside the docs folder" in index.body
    (root / "bad.yml").write_text("meetings:\n  folder: ../outside\n")
    bad = cli("--repo", root, "--config", root / "bad.yml", "meeting", "x.md")
    assert bad.code == 3 and "meetings.folder" in bad.stderr


def test_a_page_a_person_wrote_without_sections_is_listed_not_a_crash(project: Repo) -> None:
    # Anyone can add a page to the folder; one with no "## " heading stopped the whole site.
    root = project.path
    folder = root / "docs" / "meetings"
    folder.mkdir(parents=True)
    (folder / "2026-12-01-kickoff.md").write_text("# Kickoff\n\nWe met and talked.\n")
    (folder / "2026-12-03-empty.md").write_text("")
    pages = api.site_pages(api.open_project(root), api.SiteOptions(docs_dir=root / "docs"))
    [index] = [page for page in pages if page.path == Path("meetings/index.md")]
    rows = [line for line in index.body.splitlines() if line.startswith("| ")][2:]
    assert len(rows) == 2
    assert "| [Kickoff](2026-12-01-kickoff.md) | 0 | 0 |" in index.body


def _planted(folder: Path, outside: Path) -> None:
    """What anybody opening a pull request can add to a folder the site indexes: a symlink to
    /etc/passwd, one to a secret page outside the repository, and a 2 MiB page."""
    outside.mkdir()
    secret = outside / "2026-12-20-secret.md"
    secret.write_text("---\ntitle: TOKEN=abc123\ndate: 2026-12-20\n---\n# TOKEN=abc123\n")
    (folder / "2026-12-10-passwd.md").symlink_to("/etc/passwd")
    (folder / "2026-12-20-secret.md").symlink_to(secret)
    (folder / "2026-12-30-huge.md").write_text("# Huge\n\n## Decisions\n\n" + "- x\n" * (1 << 19))


def test_a_planted_symlink_or_a_huge_meeting_page_is_named_not_read(
    cli: Any, project: Repo, tmp_path: Path
) -> None:
    root = _site(cli, project)
    _planted(root / "docs" / "meetings", tmp_path / "outside")
    pages = api.site_pages(api.open_project(root), api.SiteOptions(docs_dir=root / "docs"))
    [index] = [page for page in pages if page.path == Path("meetings/index.md")]
    assert "root:" not in index.body and "TOKEN" not in index.body and "Huge" not in index.body
    assert index.notes == (
        "docs/meetings/2026-12-10-passwd.md:1: a symlink leading outside the repository (to "
        "/etc/passwd): not read (not listed)",
        "docs/meetings/2026-12-20-secret.md:1: a symlink leading outside the repository (to "
        f"{tmp_path / 'outside' / '2026-12-20-secret.md'}): not read (not listed)",
        "docs/meetings/2026-12-30-huge.md:1: larger than 1024 KiB: not read (not listed)",
    )
    assert "3 pages could not be read" in index.body
    # The build goes on: the other meetings are listed as before.
    assert "| 2026-12-09 | [Retro](2026-12-09-retro.md) | 2 | 1 |" in index.body
    assert_safe(index.body.split("| Date |")[1], links=_LINKS)


def test_a_planted_symlink_or_a_huge_status_page_is_named_not_read(
    project: Repo, tmp_path: Path
) -> None:
    root = project.path
    status = root / "docs" / "status"
    status.mkdir(parents=True)
    (status / "2026-12-04.md").write_text("---\ndate: 2026-12-04\n---\n# Week of 2026-12-04\n")
    _planted(status, tmp_path / "outside")
    pages = api.site_pages(api.open_project(root), api.SiteOptions(docs_dir=root / "docs"))
    [index] = [page for page in pages if page.path == Path("status/index.md")]
    assert "root:" not in index.body and "TOKEN" not in index.body and "Huge" not in index.body
    assert [note.split(":1: ")[0] for note in index.notes] == [
        "docs/status/2026-12-10-passwd.md",
        "docs/status/2026-12-20-secret.md",
        "docs/status/2026-12-30-huge.md",
    ]
    assert "3 pages could not be read" in index.body
    assert "- **2026-12-04** — [Week of 2026-12-04](2026-12-04.md)" in index.body
