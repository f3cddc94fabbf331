"""A repository with a site to build: ~30 ADRs in every style and status (one broken, one with
a hostile title), tagged releases, status pages, and an mkdocs.yml using the leaddocs plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.gitrepo import Repo

SAMPLES = Path(__file__).parents[1] / "adr" / "samples" / "mixed"
HOSTILE_TITLE = "<img src=x onerror=alert(1)> Trust [me](javascript:alert(2))"
BROKEN = "0031-broken-front-matter.md"
# Links whose target a browser reads as a script once entities are decoded: text only.
HOSTILE_LINKS = (
    "[a](&#106;avascript:alert(1)) [b](javascript&colon;alert(2)) [c](java&#9;script:alert(3)) "
    "[d][r] [e](&#x64;ata:text/html,x) [safe](https://example.org/)\n\n"
    "[r]: &#x6A;avascript:alert(4)\n"
)
SEARCH_WORD = "zeppelin"  # only in the body of ADR 0012

MKDOCS_YML = """\
site_name: Widgets
theme:
  name: material
  font: false
  features: [navigation.tabs]
plugins:
  - search
  - tags
  - leaddocs
markdown_extensions:
  - admonition
"""

_STYLES = ("madr4", "madr2", "adr-tools")
_STATUSES = ("accepted", "proposed", "rejected", "deprecated", "draft")


def _adr(number: int, title: str, status: str, date: str, tags: list[str], extra: str = "") -> str:
    style = _STYLES[number % len(_STYLES)]
    body = f"## Context\n\nRecord {number} is about {title.lower()}.\n\n{extra}\n"
    if style == "madr4":
        return (
            f"---\nstatus: {status}\ndate: {date}\ntags: [{', '.join(tags)}]\n---\n"
            f"# {title}\n\n{body}"
        )
    if style == "madr2":
        return f"# {title}\n\n* Status: {status}\n* Date: {date}\n\n{body}"
    return f"# {number}. {title}\n\nDate: {date}\n\n## Status\n\n{status.capitalize()}\n\n{body}"


def make_site(repo: Repo) -> Path:
    """Fill ``repo`` and commit it; return the folder holding mkdocs.yml (the repository)."""
    root = repo.path
    shutil.copytree(SAMPLES, root / "adr")  # 0001-0009 and two log4brains records
    adr = root / "adr"
    for number in range(10, 31):
        status = _STATUSES[number % len(_STATUSES)]
        date = f"2024-{(number % 12) + 1:02d}-{(number % 27) + 1:02d}"
        title = f"Decide topic {number}"
        extra = ""
        if number == 12:
            extra = (
                f"The {SEARCH_WORD} option was considered and <script>alert(3)</script> kept out."
            )
        if number == 20:
            title = HOSTILE_TITLE
            extra = HOSTILE_LINKS
        if number == 22:  # 0022 supersedes 0021 (which is told by the link's other half)
            extra = "Supersedes [ADR 21](0021-decide-topic-21.md)"
            status = "accepted"
        if number == 21:
            status = "superseded"
        tags = ["platform", "storage" if number % 2 else "api"]
        name = f"{number:04d}-decide-topic-{number}.md"
        (adr / name).write_text(_adr(number, title, status, date, tags, extra))
    (adr / BROKEN).write_text("---\nstatus: accepted\ndate: 2024-05-05\n# never closed\n")
    docs = root / "docs"
    (docs / "status").mkdir(parents=True)
    (docs / "index.md").write_text("# Widgets\n\nThe widgets service.\n")
    (docs / "status" / "2026-11-20.md").write_text("# Week of 2026-11-20\n\nShipped search.\n")
    (docs / "status" / "2026-11-27.md").write_text(
        "---\ntitle: Week of 2026-11-27\ndate: 2026-11-27\n---\n# Status\n\nShipped filters.\n"
    )
    (root / "mkdocs.yml").write_text(MKDOCS_YML)
    repo.commit("feat: first widget", files={"widget.txt": "1\n"})
    repo.tag("v1.0.0")
    repo.commit("fix: widgets no longer wobble", files={"widget.txt": "2\n"})
    repo.tag("v1.1.0")
    repo.git("add", "-A")
    repo.commit("docs: decisions and status pages")
    return root


def commit_small_site(repo: Repo) -> None:
    """The ADRs already written into ``repo``, a docs folder of one page and mkdocs.yml,
    committed and tagged v1.0.0."""
    (repo.path / "docs").mkdir()
    (repo.path / "docs" / "index.md").write_text("# Widgets\n")
    (repo.path / "mkdocs.yml").write_text(MKDOCS_YML)
    repo.git("add", "-A")
    repo.commit("feat: decisions")
    repo.tag("v1.0.0")


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` as a reader runs it, in its own process: the real CLI, its exit code."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
