"""A small command-line tool with plain subjects ("Fix crash when …", "Add --delimiter"),
GitHub merge commits, ``git pull`` merges, the web editor's "Update README.md", and the usual
"wip", "Fix typo", "Apply suggestions from code review"."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.realworld.measure import Scenario

ALICE = "Alice Liddell <alice@example.com>"
BOB = "Bob Dylan <bob@example.com>"
CAROL = "Carol Shaw <carol@example.com>"
DAVE = "Dave Cutler <dave@example.com>"


def _pr(repo: Repo, number: int, branch: str, title: str, commits: list[str], author: str) -> None:
    main = repo.git("symbolic-ref", "--short", "HEAD")
    repo.branch(branch)
    for message in commits:
        repo.commit(message, author=author)
    repo.checkout(main)
    user = author.split()[0].lower()
    repo.merge(branch, f"Merge pull request #{number} from {user}/{branch}\n\n{title}", author=BOB)


def _pull(repo: Repo, commits: list[str]) -> None:
    """A ``git pull`` that found someone else's commits on the remote: a merge of master."""
    main = repo.git("symbolic-ref", "--short", "HEAD")
    repo.branch("upstream-work", f"{main}~1")
    for message in commits:
        repo.commit(message, author=CAROL)
    repo.checkout(main)
    repo.merge("upstream-work", "Merge branch 'master' of github.com:bob/csvtool", author=BOB)
    repo.git("branch", "-D", "upstream-work")


def build(repo: Repo) -> None:
    repo.commit("Initial commit", author=BOB)
    repo.commit("Read CSV files and print them as a table", author=BOB)
    repo.tag("v0.9.0")

    _pr(
        repo,
        21,
        "feature/json-output",
        "Add JSON output format",
        [
            "Add a JSON writer",
            "Wire the JSON writer into the CLI",
            "Apply suggestions from code review",
        ],
        ALICE,
    )
    repo.commit("Fix crash when the input file is empty", author=BOB)
    repo.commit("Update README.md", author=BOB)
    _pr(repo, 22, "fix-bom", "Fix decoding of UTF-8 files with a BOM", ["Handle a BOM"], CAROL)
    _pull(repo, ["Fix the exit code when a file is missing"])
    repo.commit("Refactor the reader into its own module", author=BOB)
    repo.commit("Fix typo", author=BOB)
    repo.commit("Add --delimiter option", author=ALICE)
    repo.commit("Remove the deprecated --sep flag", author=BOB)
    repo.commit("wip", author=BOB)
    repo.commit("Make tests pass again", author=BOB)
    repo.commit("Drop support for Python 3.7", author=BOB)
    repo.commit("Add a --no-header option", author=CAROL)
    repo.commit("Fix the column width of wide characters", author=CAROL)
    repo.commit("Bump version to 1.0.0", author=BOB)
    repo.tag("v1.0.0")

    _pr(
        repo,
        25,
        "xlsx",
        "Support reading .xlsx files",
        ["Add an openpyxl reader", "Add tests for the xlsx reader"],
        DAVE,
    )
    _pr(
        repo,
        26,
        "faster-inference",
        "Speed up column type inference",
        ["Cache parsed dates"],
        ALICE,
    )
    repo.commit("Fix wrong column count with quoted newlines", author=BOB)
    repo.commit("Fixes #30: header detection with numeric names", author=CAROL)
    repo.commit("Add tests for type inference", author=ALICE)
    repo.commit("Clean up the argument parsing", author=BOB)
    repo.commit("Document the --encoding option", author=CAROL)
    repo.commit("Deprecate the --legacy-quotes option", author=BOB)
    repo.commit("Update CHANGELOG.md", author=BOB)
    repo.commit("Allow reading from standard input", author=DAVE)
    repo.commit("Fixed a typo in the help text", author=DAVE)
    repo.commit("Release 1.1.0", author=BOB)
    repo.tag("v1.1.0")

    repo.commit("Add a --max-rows option", author=ALICE)
    repo.commit("Fix --max-rows with a header row", author=ALICE)
    repo.commit("Implement colour output on terminals", author=CAROL)
    repo.commit("Fix a crash on files with only a header", author=BOB)
    repo.commit("Simplify the table renderer", author=BOB)
    repo.commit("Remove the unused compat module", author=BOB)
    repo.commit("Update dependencies", author=BOB)
    repo.commit("Fix tests on Windows", author=BOB)
    repo.commit("Support TSV files", author=DAVE)
    repo.commit("Improve the error message for unknown encodings", author=CAROL)
    repo.commit("Release 1.2.0", author=BOB)
    repo.tag("v1.2.0")


# A Keep a Changelog file the maintainer writes by hand at each release.
PUBLISHED = """\
# Changelog

## [1.2.0] - 2024-03-02

### Added

- `--max-rows` option
- Colour output on terminals
- Support for TSV files

### Changed

- Improved the error message for unknown encodings

### Fixed

- `--max-rows` with a header row
- A crash on files with only a header

## [1.1.0] - 2024-01-20

### Added

- Support for reading `.xlsx` files (#25)
- Reading from standard input

### Changed

- Speed up column type inference (#26)

### Deprecated

- The `--legacy-quotes` option

### Fixed

- Wrong column count with quoted newlines
- Header detection with numeric names (#30)

## [1.0.0] - 2023-12-01

### Added

- JSON output format (#21)
- `--delimiter` option
- `--no-header` option

### Fixed

- Crash when the input file is empty
- Decoding of UTF-8 files with a BOM (#22)
- The exit code when a file is missing
- The column width of wide characters

### Removed

- The deprecated `--sep` flag
- Support for Python 3.7
"""

SCENARIO = Scenario(
    name="plain-verbs",
    summary="plain subjects, GitHub merges, git pull merges, typo and review noise",
    build=build,
    published=PUBLISHED,
)
