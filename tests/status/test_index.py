"""The index of status pages is a list leaddocs keeps inside the person's file: text around it
is kept, an edited list gets the new pages added, and no edit blocks a later run."""

from __future__ import annotations

from leaddocs import markers
from leaddocs.documents.status import index as old_style_body
from tests.gitrepo import Repo
from tests.status.scenario import WEEK1, WEEK2


def test_text_around_the_list_is_kept_and_new_pages_listed(cli, weeks: Repo) -> None:
    assert cli("--repo", weeks.path, "status", *WEEK1).code == 0
    path = weeks.path / "docs/status/index.md"
    path.write_text(
        path.read_text().replace("# Status pages\n", "# Status pages\n\nOur weekly pages.\n")
        + "\n## Older updates\n\nIn the wiki.\n"
    )
    result = cli("--repo", weeks.path, "status", *WEEK2)
    assert result.code == 0, result
    text = path.read_text()
    assert "Our weekly pages." in text and "## Older updates\n\nIn the wiki.\n" in text
    assert "[2023-11-28](2023-11-28.md)" in text and "2 status pages" in text


def test_an_edited_list_is_kept_with_the_new_page_added(cli, weeks: Repo) -> None:
    assert cli("--repo", weeks.path, "status", *WEEK1).code == 0
    path = weeks.path / "docs/status/index.md"
    text = path.read_text()
    assert "| on track |" in text  # week 1's page: ADR 0001 was only written in week 2
    path.write_text(text.replace("| on track |", "| on track (a calm week) |"))
    result = cli("--repo", weeks.path, "status", *WEEK2)
    assert result.code == 0, result
    assert "the list of pages was edited; kept it, with new pages added" in result.stderr
    text = path.read_text()
    assert "a calm week" in text and "[2023-11-28](2023-11-28.md)" in text


def test_an_index_written_whole_by_an_older_leaddocs_is_taken_over(cli, weeks: Repo) -> None:
    path = weeks.path / "docs/status/index.md"
    path.parent.mkdir(parents=True)
    old = "# Status pages\n\n0 status pages, newest first.\n"
    path.write_text(markers.mark_document(old + "A hand-made line.\n"))
    result = cli("--repo", weeks.path, "status", *WEEK2)
    assert result.code == 0, result
    text = path.read_text()
    assert "leaddocs:generated" not in text
    assert "[2023-11-28](2023-11-28.md)" in text
    assert old_style_body([]).startswith("# Status pages\n")
