"""Supersedes/amends links may not loop: ``adr link`` refuses to close a cycle, and ``adr lint``
reports the ones hand-edited files make (ADR010)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leaddocs.adr.model import Adr
from tests.adr.conftest import snapshot
from tests.gitrepo import Repo


def _adr(folder: Path, name: str, *extra: str) -> None:
    title = name.split("-", 1)[1].removesuffix(".md").replace("-", " ").capitalize()
    front = "\n".join(["status: accepted", "date: 2024-01-15", *extra])
    (folder / name).write_text(f"---\n{front}\n---\n# {title}\n")


def _log(repo: Repo, *files: tuple[str, ...]) -> Path:
    folder = repo.path / "adr"
    folder.mkdir()
    for name, *extra in files:
        _adr(folder, name, *extra)
    return folder


def test_link_refuses_to_close_a_supersedes_cycle(cli: Any, repo: Repo) -> None:
    folder = _log(repo, ("0001-use-postgres.md",), ("0002-use-kafka.md",))
    assert cli("--repo", repo.path, "adr", "link", "1", "--supersedes", "2").code == 0
    before = snapshot(folder)
    result = cli("--repo", repo.path, "adr", "link", "2", "--supersedes", "1")
    assert result.code == 2, result
    assert "would make a cycle of supersedes/amends links: 0002 \u2192 0001 \u2192 0002" in (
        result.stderr
    )
    assert snapshot(folder) == before
    assert cli("--repo", repo.path, "adr", "lint").code == 0


def test_link_refuses_a_longer_cycle_mixing_amends_and_supersedes(cli: Any, repo: Repo) -> None:
    folder = _log(
        repo,
        ("0001-a.md", "amends: [0002]"),
        ("0002-b.md", "amended-by: [0001]", "supersedes: [0003]"),
        ("0003-c.md", "status-note: x", "superseded-by: [0002]"),
    )
    before = snapshot(folder)
    result = cli("--repo", repo.path, "adr", "link", "3", "--amends", "1")
    assert result.code == 2, result
    assert "0003 \u2192 0001 \u2192 0002 \u2192 0003" in result.stderr
    assert snapshot(folder) == before


def test_lint_reports_a_hand_edited_cycle_in_every_file_on_it(cli: Any, repo: Repo) -> None:
    _log(
        repo,
        ("0001-a.md", "supersedes: [0002]", "superseded-by: [0003]"),
        ("0002-b.md", "superseded-by: [0001]", "supersedes: [0003]"),
        ("0003-c.md", "supersedes: [0001]", "superseded-by: [0002]"),
        ("0004-d.md",),
    )
    result = cli("--repo", repo.path, "adr", "lint")
    assert result.code == 1, result
    cycle_lines = [line for line in result.stdout.splitlines() if "ADR010" in line]
    assert cycle_lines == [
        "adr/0001-a.md:4: ADR010 supersedes/amends links make a cycle: 0001 \u2192 0002 \u2192 "
        "0003 \u2192 0001",
        "adr/0002-b.md:5: ADR010 supersedes/amends links make a cycle: 0002 \u2192 0003 \u2192 "
        "0001 \u2192 0002",
        "adr/0003-c.md:4: ADR010 supersedes/amends links make a cycle: 0003 \u2192 0001 \u2192 "
        "0002 \u2192 0003",
    ]
    # A hook given one file still sees the cycle through it.
    one = cli("--repo", repo.path, "adr", "lint", repo.path / "adr" / "0002-b.md")
    assert "adr/0002-b.md:5: ADR010" in one.stdout and "0001-a.md" not in one.stdout


def test_a_cycle_of_thousands_is_found_without_deep_recursion() -> None:
    """Hand-edited logs are untrusted too: a ring of 5,000 records must not overflow the stack."""
    from leaddocs.adr import cycles

    count = 5000
    adrs = []
    for number in range(1, count + 1):
        rel = f"adr/{number:04d}-x.md"
        adr = Adr(Path(rel), rel, f"{number:04d}", number, "x", "accepted", "", None, "madr4")
        adr.links["supersedes"].append(f"{number % count + 1:04d}")
        adrs.append(adr)
    found = cycles.findings(adrs)
    assert len(found) == count
    first = next(finding for finding in found if finding.path == "adr/0001-x.md")
    # Named, but shortened: 5,000 lines each listing 5,000 ids would be 250 MB of output.
    assert first.message.endswith(
        ": 0001 \u2192 0002 \u2192 0003 \u2192 0004 \u2192 \u2026 \u2192 4999 \u2192 5000 \u2192 0001 "
        "(5000 ADRs)"
    ), first.message
