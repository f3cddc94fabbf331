"""Which numbers are taken, which names are dates, and which paths `adr lint` is given."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.adr.conftest import records
from tests.gitrepo import Repo

GOOD = b"---\nstatus: accepted\ndate: 2024-01-15\n---\n# Good\n"
BAD = b"---\nstatus: bananas\ndate: 2024-01-15\n---\n# Bad\n"


def _folder(repo: Repo, files: dict[str, bytes]) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)


def test_lint_of_a_folder_lints_everything_in_it(cli: Any, repo: Repo) -> None:
    _folder(repo, {"0001-good.md": GOOD, "0002-bad.md": BAD})
    result = cli("--repo", repo.path, "adr", "lint", repo.path / "adr")
    assert result.code == 1
    assert result.stdout == "adr/0002-bad.md:2: ADR003 unknown status 'bananas'\n"


def test_lint_of_a_path_relative_to_the_root(
    cli: Any, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(repo, {"0001-good.md": GOOD, "0002-bad.md": BAD})
    monkeypatch.chdir(repo.path)
    assert cli("adr", "lint", "adr/").code == 1
    assert cli("adr", "lint", "adr/0001-good.md").code == 0


def test_lint_of_a_missing_path_is_an_error(cli: Any, repo: Repo) -> None:
    _folder(repo, {"0001-good.md": GOOD})
    result = cli("--repo", repo.path, "adr", "lint", "nonexist.md")
    assert result.code != 0 and result.stdout == ""
    assert result.stderr == "leaddocs: error: nonexist.md: no such file or folder\n"


def test_a_broken_files_number_is_not_reused(cli: Any, repo: Repo) -> None:
    _folder(
        repo,
        {"0001-good.md": GOOD, "0002-broken.md": b"---\nstatus: [accepted\n---\n# Broken\n"},
    )
    result = cli("--repo", repo.path, "adr", "new", "Another", "--no-edit")
    assert result.stdout == "adr/0003-another.md\n", result


def test_jekyll_dated_names_are_dated_records_not_numbers(cli: Any, repo: Repo) -> None:
    _folder(
        repo,
        {
            "0001-good.md": GOOD,
            "2023-01-15-jekyll-post.md": b"---\nstatus: accepted\n---\n# Jekyll post\n",
            "20230420-log4brains.md": b"# Log4brains\n\n- Status: draft\n",
        },
    )
    found = records(cli, repo)
    jekyll = found["2023-01-15-jekyll-post"]
    assert (jekyll["number"], jekyll["date"]) == (None, "2023-01-15")
    assert found["20230420-log4brains"]["date"] == "2023-04-20"
    result = cli("--repo", repo.path, "adr", "new", "Next", "--no-edit")
    assert result.stdout == "adr/0002-next.md\n", result


@pytest.mark.parametrize("date", ["20240101", "2024-01-15junk"])
def test_dates_must_be_iso(cli: Any, repo: Repo, date: str) -> None:
    _folder(repo, {"0001-good.md": GOOD.replace(b"2024-01-15", date.encode())})
    result = cli("--repo", repo.path, "adr", "lint")
    assert f"adr/0001-good.md:3: ADR004 bad date '{date}'" in result.stdout


def test_a_mapping_under_a_link_key_is_invalid_front_matter(cli: Any, repo: Repo) -> None:
    _folder(repo, {"0001-good.md": GOOD.replace(b"---\n#", b"supersedes: {a: 1}\n---\n#")})
    result = cli("--repo", repo.path, "adr", "lint")
    assert result.stdout.startswith("adr/0001-good.md:4: ADR002 "), result
    assert "ADR006" not in result.stdout


def test_one_way_link_messages_read_well(cli: Any, repo: Repo) -> None:
    _folder(
        repo,
        {"0001-good.md": GOOD, "0002-new.md": GOOD.replace(b"---\n#", b"supersedes: [1]\n---\n#")},
    )
    result = cli("--repo", repo.path, "adr", "lint")
    assert (
        "ADR007 0002 says it supersedes this ADR, but this file does not say it is superseded "
        "by 0002" in result.stdout
    )
    self_link = cli("--repo", repo.path, "adr", "link", "1", "--supersedes", "1")
    assert "cannot supersede itself" in self_link.stderr


def test_unicode_titles_name_files(cli: Any, repo: Repo) -> None:
    result = cli("--repo", repo.path, "adr", "new", "日本語", "--no-edit")
    assert result.code == 0, result
    assert os.path.exists(repo.path / result.stdout.strip())
