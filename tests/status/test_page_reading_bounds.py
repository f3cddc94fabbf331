"""Earlier status pages and kept briefs are the lead's files, and anybody's in a pull request:
their front matter is read with the same bounds as every listed page (``read_listed``). A page
too big, not a regular file, a symlink leading out, not UTF-8 or with broken front matter is
named in one line and passed over; the rest still count, and nothing crashes."""

from __future__ import annotations

import os
from pathlib import Path

from leaddocs.application import api
from tests.gitrepo import Repo
from tests.status.scenario import WEEK2

FRONT = "---\ndate: '{day}'\nperiod: {day} to {day}\nhealth: on track\nrisks: []\n---\n# Status\n"


def plant_bad_pages(folder: Path, outside: Path) -> dict[str, str]:
    """Four unreadable pages and one good one; each bad page's name and what its note says."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2023-11-01.md").write_text(FRONT.format(day="2023-11-01") + "x" * (2 * 1024 * 1024))
    (folder / "2023-11-02.md").write_bytes(
        b"---\ndate: '2023-11-02'\ntitle: caf\xe9\n---\n# Status\n"
    )
    (folder / "2023-11-03.md").write_text("---\ndate: '2023-11-03'\nrisks: [unclosed\n---\n")
    outside.write_text(FRONT.format(day="2023-11-04"))
    os.symlink(outside, folder / "2023-11-04.md")
    (folder / "2023-11-05.md").write_text(FRONT.format(day="2023-11-05"))
    return {
        "2023-11-01.md": "larger than 1024 KiB: not read",
        "2023-11-02.md": "not UTF-8",
        "2023-11-03.md": "2023-11-03.md:4: invalid YAML in front matter",
        "2023-11-04.md": "not read",
    }


def test_a_status_run_names_each_unreadable_page_and_lists_the_rest(
    cli, weeks: Repo, tmp_path: Path
) -> None:
    folder = weeks.path / "docs" / "status"
    expected = plant_bad_pages(folder, tmp_path / "elsewhere.md")
    result = cli("--repo", weeks.path, "status", *WEEK2)
    assert result.code == 0, result
    for name, says in expected.items():
        [line] = [line for line in result.stderr.splitlines() if f"docs/status/{name}" in line]
        assert says in line, line
    index = (folder / "index.md").read_text()
    assert "[2023-11-05](2023-11-05.md)" in index and "[2023-11-28](2023-11-28.md)" in index
    for name in expected:
        assert f"({name})" not in index


def test_the_briefs_index_names_an_unreadable_brief_and_lists_the_rest(
    repo: Repo, tmp_path: Path
) -> None:
    repo.commit("feat: first")
    folder = repo.path / "docs" / "briefs"
    folder.mkdir(parents=True)
    (folder / "release-v1-product.md").write_text(
        "---\ntitle: Release v1\naudience: product\nabout: release v1\n---\n# Release v1\n"
    )
    (folder / "huge.md").write_text("---\naudience: legal\n---\n" + "x" * (2 * 1024 * 1024))
    project = api.open_project(repo.path)
    pages = api.site_pages(project, api.SiteOptions(docs_dir=repo.path / "docs"))
    [index] = [page for page in pages if page.path == Path("briefs/index.md")]
    assert "release-v1-product.md" in index.body
    assert "huge.md" not in index.body
    assert index.notes == ("docs/briefs/huge.md:1: larger than 1024 KiB: not read (not listed)",)
