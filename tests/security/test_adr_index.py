"""ADR titles and file names are outside text: the Markdown index (``adr list --format md``,
and the decisions page built from it) shows them as text, linking only to the records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leaddocs.adr import report
from leaddocs.adr.log import load_log
from leaddocs.markup import md_link_path
from tests.security.rendered import assert_safe


def write_adr(folder: Path, name: str, title: str, *, status: str = "accepted") -> None:
    front = {
        "status": status,
        "date": "2024-01-02",
        "tags": ["<b>t</b>"],
        "decision-makers": ["@octocat"],
    }
    lines = ["---", *(f"{key}: {json.dumps(value)}" for key, value in front.items()), "---", ""]
    (folder / name).write_text("\n".join([*lines, f"# {title}", "", "## Context", "", "Text.", ""]))


def index_of(
    tmp_path: Path, records: list[tuple[str, str]], links_from: Path | None = None
) -> tuple[str, list[str]]:
    folder = tmp_path / "adr"
    folder.mkdir()
    for name, title in records:
        write_adr(folder, name, title)
    log = load_log(tmp_path, folder)
    assert len(log.adrs) == len(records), log.unreadable
    table = report.as_markdown(log.adrs, links_from=links_from)
    if links_from is None:
        links = [md_link_path(adr.rel) for adr in log.adrs]
    else:
        links = [md_link_path(adr.path.name) for adr in log.adrs]
    return table, links


TITLES = {
    "an image": "<img src=x onerror=alert(1)>",
    "a javascript link": "[x](javascript:alert(1))",
    "a foreign link": "Use [Postgres](https://evil.example)",
    "leaving the link text": "a](https://evil.example) [b",
    "a pipe": "a | <b>b</b>",
    "unbalanced backticks": "``<img src=x onerror=alert(1)>`",
    "a mention": "Ask @octocat",
}


@pytest.mark.parametrize("title", TITLES.values(), ids=TITLES.keys())
def test_an_adr_title_is_text_in_the_index(tmp_path: Path, title: str) -> None:
    table, links = index_of(tmp_path, [("0001-x.md", title)])
    assert_safe(table, links=links)


@pytest.mark.parametrize(
    "name",
    [
        "0001-a) [b](javascript:alert(1).md",
        "0001-x <img src=x onerror=alert(1)>.md",
        "javascript:alert(1).md",
    ],
)
def test_an_adr_file_name_cannot_end_the_link_or_change_its_scheme(
    tmp_path: Path, name: str
) -> None:
    table, links = index_of(tmp_path, [(name, "Fine title")], links_from=tmp_path / "adr")
    assert_safe(table, links=links)


def test_a_plain_index_is_unchanged(tmp_path: Path) -> None:
    table, _ = index_of(tmp_path, [("0001-use-postgres.md", "Use Postgres for events")])
    assert (
        "| 0001 | [Use Postgres for events](adr/0001-use-postgres.md) | accepted | 2024-01-02 |"
        in table
    )
