"""Links from the site's pages to the repository's files: an ADR file linked from any page
(a status page under docs/status/, a record) reaches the record's page; a record's link to a
file outside docs/ reaches the forge when mkdocs.yml has a repo_url, else shows its text. And
this project's own site builds with ``mkdocs build --strict``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitrepo import Repo
from tests.site.sites import BROKEN, make_site, mkdocs

ROOT = Path(__file__).parents[2]
KAFKA = "0005-use-kafka-for-the-event-log"


def _linked_site(repo: Repo, *, repo_url: str | None) -> Path:
    root = make_site(repo)
    (root / "adr" / BROKEN).unlink()
    (root / "README.md").write_text("# Widgets\n")
    (root / "src").mkdir()
    (root / "src" / "main.py").write_text("print(1)\n")
    (root / "docs" / "status" / "2026-11-30.md").write_text(
        f"# Week of 2026-11-30\n\nWe chose [Kafka](../../adr/{KAFKA}.md#decision) and"
        f" [again][k].\n\n[k]: ../../adr/{KAFKA}.md\n"
    )
    (root / "docs" / "guide.md").write_text(f"# Guide\n\nSee [the record](../adr/{KAFKA}.md).\n")
    (root / "adr" / "0040-links-out.md").write_text(
        "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Links out\n\n"
        "See [the readme](../README.md), [the code](../src/main.py#L1),"
        f" [the guide](../docs/guide.md), [Kafka](../adr/{KAFKA}.md),"
        " [next door](0001-record-architecture-decisions.md) and [far](../../../etc/x.md).\n\n"
        "```text\n[kept](../README.md)\n```\n"
    )
    if repo_url:
        config = (root / "mkdocs.yml").read_text()
        (root / "mkdocs.yml").write_text(
            config + f"repo_url: {repo_url}\nedit_uri: edit/trunk/docs/\n"
        )
    return root


def _page(root: Path, uri: str) -> str:
    return (root / "site" / uri / "index.html").read_text()


def test_links_to_adr_files_reach_the_record_pages_from_any_page(repo: Repo) -> None:
    root = _linked_site(repo, repo_url=None)
    result = mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    status = _page(root, "status/2026-11-30")
    assert f'href="../../decisions/{KAFKA}/#decision"' in status
    assert f'href="../../decisions/{KAFKA}/"' in status
    assert f'href="../decisions/{KAFKA}/"' in _page(root, "guide")
    record = _page(root, "decisions/0040-links-out")
    assert f'href="../{KAFKA}/"' in record and 'href="../../guide/"' in record
    assert 'href="../0001-record-architecture-decisions/"' in record
    # No repo_url: files outside docs/ are named, not linked.
    assert "the readme" in record and "README" not in record.split("the readme")[0][-200:]
    assert "main.py" not in record and "etc/x" not in record
    assert "[kept](../README.md)" in record  # code is shown as written


@pytest.mark.parametrize("repo_url", ["https://github.com/acme/widgets"])
def test_a_records_links_out_of_docs_reach_the_forge(repo: Repo, repo_url: str) -> None:
    root = _linked_site(repo, repo_url=repo_url)
    result = mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    record = _page(root, "decisions/0040-links-out")
    assert f'href="{repo_url}/blob/trunk/README.md"' in record
    assert f'href="{repo_url}/blob/trunk/src/main.py#L1"' in record
    assert "etc/x" not in record  # outside the repository: text only


def test_this_projects_own_site_builds_strict(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists() or (ROOT / ".git" / "shallow").exists():
        pytest.skip("needs this repository's full git history (the Releases page)")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_demo_fails_on_a_warning_and_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        import tasks
    finally:
        sys.path.remove(str(ROOT))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hi\n\n[gone](gone.md)\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "DEMO_SITE", tmp_path / "site")
    monkeypatch.setattr(tasks, "BIN", Path(sys.executable).parent)
    assert tasks.site_build() != 0
