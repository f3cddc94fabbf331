"""Every document reads the same on GitHub (CommonMark) and on the MkDocs site (Python-Markdown
with the extensions `leaddocs init` turns on): same headings, same list items at the same depth,
the collapsed Maintenance section a list in both, never ``- `` shown as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leaddocs.application.pages.body import adr_body
from leaddocs.drafting.adr_draft import model_sections
from leaddocs.drafting.draft import Bullet, Draft, DraftSection
from tests.drafting.test_adr_draft import record, source
from tests.gitrepo import Repo
from tests.security.rendered import commonmark, python_markdown, same_in_both, text_of
from tests.status.scenario import NOTES, WEEK2, two_weeks

MAINTENANCE = "House *keeping* <chores> & @bots"
CONFIG = f"maintenance:\n  title: {MAINTENANCE!r}\n"


def _history(repo: Repo) -> None:
    (repo.path / "leaddocs.yml").write_text(CONFIG)
    repo.commit("feat: first", files={"leaddocs.yml": CONFIG})
    repo.tag("v1.0.0")
    repo.commit(
        "feat(api)!: drop the v1 endpoints\n\n"
        "BREAKING CHANGE: the /v1 routes are gone; call /v2 instead."
    )
    repo.merge_pr(12, "fix: a two-part fix", ["fix: part one", "fix: part two"])
    repo.commit("chore(deps): bump left-pad from 1.0.0 to 1.1.0")
    repo.commit("ci: cache the virtualenv")
    repo.commit("test: cover *stars* and <b>tags</b> and @someone")
    repo.tag("v2.0.0")
    repo.git("remote", "add", "origin", "https://github.com/acme/widget.git")


def _items_after(outline: list[str], summary: str) -> list[str]:
    start = outline.index(f"summary: {summary}")
    return [block for block in outline[start + 1 :] if block.startswith("li@")]


def test_release_notes_read_the_same_and_nested_items_stay_nested(cli: Any, repo: Repo) -> None:
    _history(repo)
    result = cli("--repo", repo.path, "release-notes", "--from", "v1.0.0", "--to", "v2.0.0")
    assert result.code == 0, result
    outline = same_in_both(result.stdout)
    # A breaking note and a topic's commits are items under their entry, in both renderers.
    assert "li@2: the /v1 routes are gone; call /v2 instead." in outline
    assert sum(block.startswith("li@2: ") and "fix: part" in block for block in outline) == 2
    # The collapsed section: its title as written (HTML-escaped, no Markdown backslash), and
    # its entries list items, not "- " text.
    summary = "House *keeping* <chores> & @\u200bbots (3)"
    collapsed = _items_after(outline, summary)
    assert len(collapsed) == 3 and all(block.startswith("li@1: ") for block in collapsed)
    assert "li@1: cover *stars* and <b>tags</b> and @\u200bsomeone (" in "\n".join(collapsed)
    for render in (commonmark, python_markdown):
        html = render(result.stdout)
        assert "\n- " not in html and "\\*" not in html


def test_the_changelog_file_reads_the_same(cli: Any, repo: Repo) -> None:
    _history(repo)
    target = repo.path / "CHANGELOG.md"
    assert cli("--repo", repo.path, "changelog", "-o", target).code == 0
    outline = same_in_both(target.read_text())
    assert outline.count("h3: Contributors") == 2
    assert _items_after(outline, "House *keeping* <chores> & @\u200bbots (3)")


def test_the_status_page_and_the_decision_index_read_the_same(cli: Any, tmp_path: Path) -> None:
    weeks = two_weeks(tmp_path / "service")
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES)
    page = cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes, "-o", "-")
    assert page.code == 0, page
    # Front matter is the site's (MkDocs reads it apart; GitHub shows it as a table).
    front, _, body = page.stdout.removeprefix("---\n").partition("\n---\n")
    assert "health: at risk" in front
    outline = same_in_both(body)
    assert "h2: Risks and blockers" in outline and any(b.startswith("td: ") for b in outline)
    portfolio = cli("--repo", weeks.path, "status", *WEEK2, "--portfolio", weeks.path, tmp_path)
    assert portfolio.code == 0, portfolio
    combined = same_in_both(portfolio.stdout)
    assert "h2: Summary" in combined and any(b.startswith("li@1: In flight: ") for b in combined)
    built = cli("--repo", weeks.path, "build", "--out", tmp_path / "out", "--kind", "adr-index")
    assert built.code == 0, built
    index = same_in_both((tmp_path / "out" / "decisions.md").read_text())
    assert "td: Use Postgres for events" in index
    listed = cli("--repo", weeks.path, "adr", "list", "--format", "md")
    assert same_in_both(listed.stdout) == [block for block in index if block.startswith("t")]


def test_a_drafted_adr_shows_its_source_on_the_site_as_code_not_as_html_text() -> None:
    """The record's body as the site shows it (raw HTML there is shown as text, for safety):
    the quoted source is a heading and a code block, no ``<details>`` to show as text."""
    bullet = Bullet(text="Polling misses events.", ids=["L3"])
    cited = Draft(sections=[DraftSection(title="Context and Problem Statement", bullets=[bullet])])
    body = adr_body(record(model_sections(source(), cited)))
    outline = same_in_both(body)
    assert "h3: Source: kafka-notes.md" in outline
    assert any(block.startswith("pre: 1 | Events are written") for block in outline)
    for render in (commonmark, python_markdown):
        assert "<details" not in text_of(render(body))


def test_a_release_with_nothing_notable_says_so_in_a_paragraph_of_its_own(
    cli: Any, repo: Repo
) -> None:
    """A blank line after the heading, as after every other heading leaddocs writes."""
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("chore(release): 1.1.0")
    repo.tag("v1.1.0")
    for command in ("release-notes", "changelog"):
        result = cli("--repo", repo.path, command)
        assert result.code == 0, result
        assert " — " in result.stdout and "\n\n_No notable changes._\n" in result.stdout
        assert "p: No notable changes." in same_in_both(result.stdout)
