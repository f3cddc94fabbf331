"""Every reading style, normalised: the mixed sample folder read through `adr list`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from leaddocs.adr.model import Adr
from leaddocs.adr.parse import read_adr
from tests.adr.conftest import records
from tests.gitrepo import Repo


def read(text: str, name: str = "0012-use-postgres-for-events.md") -> Adr:
    result = read_adr(Path("/r/adr") / name, f"adr/{name}", text.encode())
    assert isinstance(result, Adr), result
    return result


def test_mixed_folder_lists_every_style_and_skips_non_adrs(cli: Any, mixed: Repo) -> None:
    found = records(cli, mixed)
    assert list(found) == [
        "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009",
        "20230115-adopt-opentelemetry-for-tracing",
        "20230420-sample-traces-at-ten-percent",
    ]  # fmt: skip
    assert set(found["0001"]) == {
        "id", "number", "title", "status", "status_raw", "date", "date_source", "path",
        "tags", "supersedes", "superseded_by", "amends", "amended_by", "decision_makers",
    }  # fmt: skip


def test_adr_tools_records(cli: Any, mixed: Repo) -> None:
    found = records(cli, mixed)
    first = found["0001"]
    assert first["title"] == "Record architecture decisions"
    assert (first["status"], first["status_raw"], first["date"]) == (
        "accepted",
        "Accepted",
        "2019-03-04",
    )
    assert first["amended_by"] == ["0003"]
    assert found["0003"]["amends"] == ["0001"]
    # "Superceded by", adr-tools' spelling, in a status section holding only the link.
    second = found["0002"]
    assert second["status"] == "superseded"
    assert second["status_raw"].startswith("Superceded by [5. Use Kafka")
    assert second["superseded_by"] == ["0005"]


def test_madr4_front_matter(cli: Any, mixed: Repo) -> None:
    kafka = records(cli, mixed)["0005"]
    assert kafka == {
        "id": "0005",
        "number": 5,
        "title": "Use Kafka for the event log",
        "status": "accepted",
        "status_raw": "accepted",
        "date": "2021-06-01",
        "date_source": "file",
        "path": "adr/0005-use-kafka-for-the-event-log.md",
        "tags": ["events", "storage"],
        "supersedes": ["0002"],
        "superseded_by": [],
        "amends": [],
        "amended_by": [],
        "decision_makers": ["Ada Lovelace", "Linus Torvalds"],
    }


def test_madr2_bullets_plain_and_bold(cli: Any, mixed: Repo) -> None:
    found = records(cli, mixed)
    assert found["0004"]["status"] == "accepted"
    assert found["0004"]["decision_makers"] == ["Ada Lovelace", "Grace Hopper"]
    assert found["0006"]["status"] == "proposed"  # * **Status:** proposed
    assert found["0006"]["date"] == "2021-09-30"


def test_front_matter_without_status_reads_status_from_the_body(cli: Any, mixed: Repo) -> None:
    soap = records(cli, mixed)["0007"]
    assert soap["title"] == "Retire the SOAP gateway"  # front matter title wins
    assert (soap["status"], soap["date"]) == ("deprecated", "2022-01-10")


def test_status_text_carries_links_both_ways(cli: Any, mixed: Repo) -> None:
    found = records(cli, mixed)
    assert found["0008"]["status"] == "superseded"
    assert found["0008"]["superseded_by"] == ["0009"]
    assert found["0009"]["status"] == "accepted"
    assert found["0009"]["status_raw"] == "accepted; supersedes ADR-0008"
    assert found["0009"]["supersedes"] == ["0008"]


def test_log4brains_names_dates_and_drafts(cli: Any, mixed: Repo) -> None:
    found = records(cli, mixed)
    otel = found["20230115-adopt-opentelemetry-for-tracing"]
    assert (otel["number"], otel["status"], otel["date"]) == (None, "draft", "2023-01-15")
    assert otel["tags"] == ["observability", "tracing"]
    assert otel["decision_makers"] == ["Grace Hopper", "Margaret Hamilton"]
    # No Date bullet: the date comes from the file name.
    assert found["20230420-sample-traces-at-ten-percent"]["date"] == "2023-04-20"


def test_one_sided_link_is_resolved_in_both_directions() -> None:
    old = read("# 3. Use MySQL\n\nDate: 2019-01-01\n\n## Status\n\nAccepted\n", "0003-use-mysql.md")
    new = read("---\nstatus: accepted\nsupersedes: [3]\n---\n# Use Postgres for events\n")
    from leaddocs.adr.links import resolve

    findings = resolve([old, new])
    assert new.links["supersedes"] == ["0003"]
    assert old.links["superseded-by"] == ["0012"]
    assert [finding.code for finding in findings] == ["ADR007"]
    assert findings[0].path == "adr/0003-use-mysql.md"


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("Accepted", "accepted"),
        ("**Accepted**", "accepted"),
        ("approved", "accepted"),
        ("In review", "proposed"),
        ("Draft", "draft"),
        ("Rejected", "rejected"),
        ("Deprecated", "deprecated"),
        ("superseded by ADR-0057", "superseded"),
        ("Superseded", "superseded"),
        ("accepted; supersedes ADR-0045", "accepted"),
        ("Bananas", "unknown"),
    ],
)
def test_status_words_are_normalised_and_raw_text_kept(raw: str, status: str) -> None:
    adr = read(f"---\nstatus: '{raw}'\n---\n# Use Postgres for events\n")
    assert (adr.status, adr.status_raw) == (status, raw)


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("# 12. Use Postgres for events", "Use Postgres for events"),
        ("# ADR-0012: Use Postgres for events", "Use Postgres for events"),
        ("# ADR 12 - Use Postgres for events", "Use Postgres for events"),
        ("# 0012 Use Postgres for events", "Use Postgres for events"),
        ("# 2FA for admin logins", "2FA for admin logins"),
        ("# Use Postgres for events", "Use Postgres for events"),
    ],
)
def test_title_is_the_heading_without_its_number(heading: str, title: str) -> None:
    assert read(f"{heading}\n\n* Status: accepted\n").title == title


def test_amends_links_and_both_spellings_of_supersede() -> None:
    adr = read(
        "# 12. Use Postgres for events\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n"
        "Supercedes [3. Use MySQL](0003-use-mysql.md)\n\n"
        "Supersedes [4. Use SQLite](0004-use-sqlite.md)\n\n"
        "Amends [5. Keep data for a year](0005-keep-data-for-a-year.md)\n\n"
        "Amended by [14. Keep data for two years](0014-keep-data-for-two-years.md)\n\n"
        "## Context\n\nSupersedes nothing in prose.\n"
    )
    kinds = [(ref.kind, ref.text.split("(")[1]) for ref in adr.refs]
    assert kinds == [
        ("supersedes", "0003-use-mysql.md)"),
        ("supersedes", "0004-use-sqlite.md)"),
        ("amends", "0005-keep-data-for-a-year.md)"),
        ("amended-by", "0014-keep-data-for-two-years.md)"),
    ]
    assert adr.style == "adr-tools"
    assert adr.status == "accepted"


def test_crlf_and_bom_files_read_like_any_other() -> None:
    text = (
        "\ufeff---\r\nstatus: accepted\r\ndate: 2024-01-15\r\n---\r\n# Use Postgres for events\r\n"
    )
    adr = read(text)
    assert (adr.status, adr.date, adr.title) == (
        "accepted",
        "2024-01-15",
        "Use Postgres for events",
    )


def test_superseded_front_matter_keys_in_every_spelling() -> None:
    adr = read(
        "---\nstatus: superseded\nsuperseded_by: ['0013']\nsuperceded-by: [ADR-0014]\n"
        "amended-by: 15\n---\n# Use Postgres for events\n"
    )
    assert [(ref.kind, ref.text) for ref in adr.refs] == [
        ("superseded-by", "0013"),
        ("superseded-by", "ADR-0014"),
        ("amended-by", "15"),
    ]
