"""Hostile YAML in an ADR's front matter or in leaddocs.yml is refused within bounded time and
memory, naming ``path:line``; the other records still list (issue 14).

Each command runs in a child process limited to 1 GiB of address space and 20 s: without the
bounds the alias bomb needs gigabytes and the nesting overflows the stack, both exit 70.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gitrepo import Repo

MEMORY = 1 << 30
TIMEOUT = 20
GOOD = "---\nstatus: accepted\ndate: 2024-01-15\n---\n# Use Postgres for events\n"


def billion_laughs() -> str:
    """Nine levels of nine aliases each: 9**9 (387 million) values from about 300 bytes."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run_bounded(cwd: Path, *args: str) -> Run:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    try:
        done = subprocess.run(
            [sys.executable, "-m", "leaddocs", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            preexec_fn=limit,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"leaddocs {' '.join(args)} ran past {TIMEOUT} s")
    assert done.returncode >= 0, f"killed by signal {-done.returncode}: {done.stderr[-500:]}"
    assert done.returncode != 70, done.stderr
    assert "Traceback" not in done.stderr
    return Run(done.returncode, done.stdout, done.stderr)


# (name, front matter YAML after "status: accepted", file line the message must name)
HOSTILE = [
    ("alias-bomb", billion_laughs(), "adr/0002-hostile.md:7:"),
    ("nested-flow", "x: " + "[" * 3000 + "]" * 3000 + "\n", "adr/0002-hostile.md:3:"),
    ("nested-map", "x: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n", "adr/0002-hostile.md:3:"),
    (
        "nested-block",
        "".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "v\n",
        "adr/0002-hostile.md:34:",  # k31, whose value is the 33rd level down
    ),
    ("self-alias", "x: &x [*x]\n", "adr/0002-hostile.md:3:"),
    ("oversized", "notes: [" + ", ".join(["word"] * 20_000) + "]\n", "adr/0002-hostile.md:3:"),
]


@pytest.mark.parametrize(("case", "yaml", "where"), HOSTILE, ids=[case for case, *_ in HOSTILE])
def test_hostile_front_matter_is_reported_and_skipped(
    repo: Repo, case: str, yaml: str, where: str
) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    (folder / "0001-use-postgres-for-events.md").write_text(GOOD)
    (folder / "0002-hostile.md").write_text(f"---\nstatus: accepted\n{yaml}---\n# Hostile\n")

    listed = run_bounded(repo.path, "adr", "list")
    assert listed.code == 0, listed.stderr
    assert "Use Postgres for events" in listed.stdout and "Hostile" not in listed.stdout
    assert listed.stderr.startswith("adr/0002-hostile.md:"), listed.stderr
    assert where in listed.stderr.splitlines()[0], listed.stderr

    linted = run_bounded(repo.path, "adr", "lint")
    assert linted.code == 1, linted
    assert f"{where} ADR002 invalid YAML in front matter" in linted.stdout, linted.stdout


def test_alias_bomb_in_config_is_a_config_error(repo: Repo) -> None:
    repo.commit("feat: one")
    (repo.path / "leaddocs.yml").write_text("# shared values\n" + billion_laughs())
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result
    assert "leaddocs.yml:6: invalid YAML: alias *d takes the document past" in result.stderr


def test_deep_nesting_in_config_is_a_config_error(repo: Repo) -> None:
    repo.commit("feat: one")
    (repo.path / "leaddocs.yml").write_text("changelog:\n  x: " + "[" * 5000 + "\n")
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result
    assert "leaddocs.yml:2: invalid YAML: values nested more than" in result.stderr


def test_deep_nesting_in_pyproject_is_a_config_error(repo: Repo) -> None:
    repo.commit("feat: one")
    deep = "[" * 3000 + "]" * 3000
    (repo.path / "pyproject.toml").write_text(f"[tool.leaddocs]\nx = {deep}\n")
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result
    assert "pyproject.toml: invalid TOML: arrays or tables nested too deeply" in result.stderr


def test_anchors_within_the_budget_still_read(repo: Repo) -> None:
    """The bound is on expansion, not on anchors: sharing a list the YAML way keeps working."""
    folder = repo.path / "adr"
    folder.mkdir()
    (folder / "0001-use-postgres-for-events.md").write_text(
        "---\nstatus: accepted\ndate: 2024-01-15\nteam: &team [Ada, Grace]\n"
        "decision-makers: *team\n---\n# Use Postgres for events\n"
    )
    result = run_bounded(repo.path, "adr", "list", "--format", "json")
    assert result.code == 0, result
    assert json.loads(result.stdout)[0]["decision_makers"] == ["Ada", "Grace"]


def test_an_integer_past_pythons_digit_limit_is_reported(repo: Repo) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    (folder / "0001-use-postgres-for-events.md").write_text(GOOD)
    (folder / "0002-hostile.md").write_text(
        "---\nstatus: accepted\nsize: " + "9" * 5000 + "\n---\n# Hostile\n"
    )
    result = run_bounded(repo.path, "adr", "list")
    assert result.code == 0, result
    assert result.stderr.startswith("adr/0002-hostile.md:"), result.stderr
    assert "invalid value" in result.stderr and "Use Postgres" in result.stdout


def test_long_hostile_lines_in_an_adr_body_read_in_linear_time(repo: Repo) -> None:
    """Patterns that re-scan a run of characters once per character (a lazy ``(.*?)[ \\t]*$``,
    ``0*\\d+``, a link target running to the end of the line) took minutes to hours on one long
    line; each line here is 300,000 characters."""
    folder = repo.path / "adr"
    folder.mkdir()
    size = 300_000
    lines = [
        "# " + "0" * size + "x",  # a title that looks numbered
        "",
        "a" + " " * size + "x",  # a metadata line without a colon
        "Supersedes " + "[x](" * (size // 4),  # a link line whose links never close
        "Status:" + " " * size,
        "",
        "## Context",
    ]
    (folder / "0001-hostile.md").write_text("\n".join(lines) + "\n")
    (folder / "0002-use-postgres-for-events.md").write_text(GOOD)
    for command in ("list", "lint"):
        result = run_bounded(repo.path, "adr", command)
        assert "Use Postgres for events" in result.stdout or command == "lint", result
        assert result.code in (0, 1), result


ZEROS = 60_000


def test_a_reference_of_many_zeros_reads_in_linear_time(repo: Repo) -> None:
    """``0*(\\d+)`` split a run of n zeros n ways, each then rescanned: ``Supersedes: ADR-``
    and 60,000 zeros took ``adr list`` 89 s, 30,000 in a front matter list over 10 s."""
    folder = repo.path / "adr"
    folder.mkdir()
    (folder / "0001-use-postgres-for-events.md").write_text(GOOD)
    zeros = "0" * ZEROS
    (folder / "0002-body.md").write_text(
        f"# 2. Body\n\nDate: 2024-01-15\n\n## Status\n\nAccepted\n\nSupersedes: ADR-{zeros}x\n"
        f"\nSupersedes [x](y) {zeros}x\n"
    )
    (folder / "0003-front.md").write_text(
        f"---\nstatus: accepted\nsupersedes: ['{zeros}x', 'ADR-{zeros}x']\n---\n# Front\n"
    )
    (folder / "0004-numbered.md").write_text(
        f"---\nstatus: accepted\nsupersedes: ['ADR-{zeros}1', '{'9' * ZEROS}']\n---\n# Numbered\n"
    )
    for command in (("list",), ("lint",), ("migrate", "--dry-run")):
        result = run_bounded(repo.path, "adr", *command)
        assert result.code in (0, 1), result
    listed = run_bounded(repo.path, "adr", "list", "--format", "json")
    assert "Use Postgres for events" in listed.stdout, listed


def _python_bounded(code: str) -> None:
    """``code`` in a child process under the same bounds as a command."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            preexec_fn=limit,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"ran past {TIMEOUT} s: {code[:200]}")
    assert done.returncode == 0, done.stderr


def test_link_and_mention_patterns_read_in_linear_time() -> None:
    """The migration's ids-only check was exponential in a run of digits; renumbering's link
    pattern rescanned to the end of the text from every ``[``; a commit subject or trailer with
    a long run of spaces took seconds in the pull request and co-author patterns."""
    _python_bounded(
        "from leaddocs.adr import migrate, renumber\n"
        "from leaddocs.history import commits, git\n"
        "assert migrate._IDS_ONLY.fullmatch('0' * 200 + 'x') is None\n"
        "assert migrate._IDS_ONLY.fullmatch('ADR-0002, 3 and #4') is not None\n"
        "assert renumber._MARKDOWN_LINK.search('[' * 200_000) is None\n"
        "assert renumber._MARKDOWN_LINK.search('[a](b' * 100_000) is None\n"
        "assert renumber._MARKDOWN_LINK.search('x [ADR-1](0001-a.md)')['target'] == '0001-a.md'\n"
        "assert commits._SQUASH_PR.search('a' + ' ' * 500_000 + 'x)') is None\n"
        "assert commits._SQUASH_PR.search('Add x  (#12)')['number'] == '12'\n"
        "for pattern in (commits._PERSON, git._NAME_AND_EMAIL):\n"
        "    assert pattern.match('a' + ' ' * 500_000 + 'x') is None\n"
        "    assert pattern.match('a <b>' + ' ' * 500_000 + 'x') is None\n"
        "    found = pattern.match('Ada  Lovelace  <ada@example.com> ')\n"
        "    assert (found['name'], found['email']) == ('Ada  Lovelace', 'ada@example.com')\n"
        "    assert pattern.match('<x@y>')['name'] == ''\n"
    )


def test_a_pull_request_number_past_pythons_digit_limit_is_no_number(repo: Repo) -> None:
    repo.commit("feat: one (#" + "9" * 5000 + ")\n\nRefs: #" + "9" * 5000)
    repo.commit("Merge pull request #" + "9" * 5000 + " from x/y\n\nTitle")
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 0, result
    assert "one" in result.stdout


@pytest.mark.parametrize(
    ("toml", "line"),
    [
        ("x" + ".a" * 20_000 + " = 1\n", 2),
        ('"q.q"' + ".a" * 100 + " = 1\n", 2),
        ("[x" + ".a" * 20_000 + "]\n", 2),
        ("[[x" + ".a" * 100 + "]]\n", 2),
        ("ok = 1\ny = { " + "a." * 100 + "b = 1 }\n", 3),
    ],
    ids=["key", "quoted-first", "table", "array-table", "inline"],
)
def test_deeply_dotted_keys_in_pyproject_are_a_config_error(
    repo: Repo, toml: str, line: int
) -> None:
    """tomllib builds a table per dotted part: 20,000 of them took 2.4 GB, an 80 KB file
    more than 4 GB (MemoryError, exit 70)."""
    repo.commit("feat: one")
    (repo.path / "pyproject.toml").write_text("[tool.leaddocs]\n" + toml)
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result
    assert f"pyproject.toml:{line}: " in result.stderr, result.stderr
    assert "dotted" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_oversized_pyproject_is_a_config_error(repo: Repo) -> None:
    repo.commit("feat: one")
    (repo.path / "pyproject.toml").write_text(
        "[tool.leaddocs]\n" + "# padding\n" * 200_000 + 'other_title = "More"\n'
    )
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result
    assert "pyproject.toml: larger than 1 MiB" in result.stderr, result.stderr


def test_dots_inside_quoted_keys_and_values_are_not_parts(repo: Repo) -> None:
    repo.commit("feat: one")
    deep_value = "." * 500
    (repo.path / "pyproject.toml").write_text(
        f'[project]\ndescription = "{deep_value}"\nurls."a.b.c.d" = "x"\n'
        f"notes = '''\n{'a.' * 200}b = 1\n'''\n"
        '[tool.leaddocs]\nother_title = "More.stuff.here"\n'
        f'"{deep_value}" = 1\n'
    )
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result  # the quoted key is unknown, but it is one part
    assert "unknown key" in result.stderr, result.stderr


def test_a_pyproject_that_is_not_utf8_is_a_config_error(repo: Repo) -> None:
    repo.commit("feat: one")
    (repo.path / "pyproject.toml").write_bytes(b"[tool.leaddocs]\nother_title = '\xff'\n")
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result
    assert "pyproject.toml: not UTF-8 text" in result.stderr, result.stderr


def test_the_most_dotted_pyproject_allowed_stays_within_the_bounds(repo: Repo) -> None:
    """A MiB of keys of 64 parts each, the worst the two caps let through, takes about 350 MB."""
    repo.commit("feat: one")
    lines = ["[tool.leaddocs]"]
    size = 0
    while size < (1 << 20) - 200:
        lines.append(f"k{len(lines)}" + ".a" * 63 + " = 1")
        size += len(lines[-1]) + 1
    (repo.path / "pyproject.toml").write_text("\n".join(lines) + "\n")
    result = run_bounded(repo.path, "release-notes")
    assert result.code == 3, result
    assert "unknown key 'k1'" in result.stderr, result.stderr
