"""A repository with meeting notes in it, and the notes every test reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.drafting.conftest import fake_llm  # noqa: F401  (the fake OpenAI server)
from tests.gitrepo import Repo

FIXTURES = Path(__file__).parent / "fixtures"

# A lead's notes as typed during the meeting: every marker the reader knows, and lines it
# must leave alone. Line numbers matter: the page cites them.
NOTES = """\
# Platform sync

Attendees: Alice Martin, Bob Okafor, @chen

## Discussion
- Decision: move the event store to Postgres
- TODO: write the migration plan
- Bob Okafor will benchmark the writes by Friday
- @chen checks the backups next Tuesday
- [ ] Update the on-call runbook 📅 2026-12-10
- [x] Book the room for the dry run
- Do we need a read replica?
- Q: who tells the billing team
- The dashboards look fine
  since the last deploy
- Alice Martin to send the slides tomorrow
- ACTION(Dana): check the licence due: 2026-12-20

## Open questions
- Budget for the second region
"""


@pytest.fixture
def project(repo: Repo) -> Repo:
    repo.commit("chore: start", files={"README.md": "# Widgets\n"})
    (repo.path / "notes").mkdir()
    (repo.path / "notes" / "2026-12-02-platform-sync.md").write_text(NOTES)
    return repo


def page_of(repo: Repo) -> str:
    [page] = list((repo.path / "docs" / "meetings").glob("*.md"))
    return page.read_text()


def section(page: str, title: str) -> str:
    """The text under ``## title`` up to the next heading or rule."""
    rest = page.split(f"\n## {title}\n", 1)[1]
    return rest.split("\n## ", 1)[0].split("\n---\n", 1)[0].strip()


def printed(cli: Any, repo: Repo, name: str, notes: str) -> str:
    """The page ``leaddocs meeting`` prints (``-o -``) for ``notes`` saved as notes/``name``."""
    path = repo.path / "notes" / name
    path.write_text(notes)
    result = cli("--repo", repo.path, "meeting", path, "-o", "-")
    assert result.code == 0, result
    return str(result.stdout)
