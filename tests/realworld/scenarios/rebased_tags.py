"""A Markdown linter whose pull requests land with GitHub's "Rebase and merge", release pull
requests included: the maintainer tags the release commit on the release branch (the tag
publishes the package), and merging the pull request rewrites that commit onto main. Main
holds twins of the tagged commits, never the tagged commits themselves; meanwhile other pull
requests landed on main, and one rebase met a conflict a human resolved."""

from __future__ import annotations

import subprocess

from tests.gitrepo import Repo
from tests.realworld.measure import Scenario

ADA = "Ada Lovelace <ada@example.com>"
GRACE = "Grace Hopper <grace@example.com>"
KEN = "Ken Thompson <ken@example.com>"
MARGARET = "Margaret Hamilton <margaret@example.com>"
RENOVATE = "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>"


def _release_branch(
    repo: Repo, version: str, commits: list[tuple[str, str, dict[str, str]]]
) -> None:
    """A release pull request's branch from main: its commits, then the version bump, tagged."""
    repo.branch(f"release-{version}")
    for message, author, files in commits:
        repo.commit(message, author=author, files=files or None)
    repo.commit(f"chore(release): {version}", author=ADA, files={"VERSION": f"{version}\n"})
    repo.tag(f"v{version}")
    repo.checkout("main")


def _rebase_and_merge(repo: Repo, branch: str, resolved: dict[str, str] | None = None) -> None:
    """GitHub's "Rebase and merge": the branch's commits rewritten onto main (a new committer
    date even when main has not moved), main fast-forwarded to them. ``resolved``: the files a
    conflict left, as the human resolved them."""
    stamp = {"GIT_COMMITTER_DATE": f"{repo.git('log', '-1', '--format=%ct', 'main')} +0000"}
    repo.checkout(branch)
    if resolved is None:
        repo.git("rebase", "-q", "--force-rebase", "main", env=stamp)
    else:
        try:
            repo.git("rebase", "-q", "--force-rebase", "main", env=stamp)
        except subprocess.CalledProcessError:  # the conflict the human resolves
            for name, content in resolved.items():
                (repo.path / name).write_text(content)
                repo.git("add", name)
            repo.git("rebase", "--continue", env={**stamp, "GIT_EDITOR": "true"})
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", branch)


def build(repo: Repo) -> None:
    repo.commit("feat: quill 0.9", author=ADA, files={"VERSION": "0.9.0\n", "README.md": "quill\n"})
    repo.tag("v0.9.0")

    repo.commit("feat(rules): MD013 checks the line length (#11)", author=GRACE)
    repo.commit("feat(cli): --fix rewrites files in place (#12)", author=ADA)
    repo.commit("fix(rules): count a tab as four columns in MD013 (#13)", author=KEN)
    repo.commit("docs: list every rule with an example (#14)", author=GRACE)
    _release_branch(repo, "1.0.0", [])
    # Landed while the release pull request waited for review: not in the tagged 1.0.0.
    repo.commit("fix(cli): exit 2 on a configuration error (#15)", author=KEN)
    _rebase_and_merge(repo, "release-1.0.0")

    repo.commit("feat(config): read settings from pyproject.toml (#16)", author=MARGARET)
    repo.commit("feat(rules): MD041 wants a heading on the first line (#17)", author=GRACE)
    repo.commit("test(rules): the MD041 cases (#17)", author=GRACE)
    repo.commit("chore(deps): update dependency markdown-it-py to v3.0.0 (#18)", author=RENOVATE)
    repo.commit("perf(parser): tokenize each file once (#19)", author=ADA)
    _release_branch(repo, "1.1.0", [("fix(rules): MD041 skips the front matter (#20)", GRACE, {})])
    repo.commit("docs: run quill as a pre-commit hook (#21)", author=MARGARET)
    repo.commit("fix(rules): MD013 leaves long URLs alone (#22)", author=KEN)
    _rebase_and_merge(repo, "release-1.1.0")

    # A hotfix released from main itself: the tag is on the main line.
    repo.commit("fix(cli): --fix keeps the file's line endings (#23)", author=KEN)
    repo.commit("chore(release): 1.1.1", author=ADA, files={"VERSION": "1.1.1\n"})
    repo.tag("v1.1.1")

    repo.commit("feat(rules): MD047 wants a newline at the end of a file (#24)", author=GRACE)
    repo.commit("refactor(rules): one registry for every rule (#25)", author=ADA)
    _release_branch(
        repo,
        "1.2.0",
        [
            ("feat(cli): --format sarif for code scanning (#26)", MARGARET, {}),
            ("docs: the rules added in 1.2 (#27)", GRACE, {"README.md": "quill\n\nMD047\n"}),
        ],
    )
    # Landed meanwhile, on the README line the release branch changed: the rebase conflicts,
    # and the resolved commit has another patch (its twin is found by subject and date).
    repo.commit(
        "docs: a badge for the docs site (#28)", author=KEN, files={"README.md": "quill [docs]\n"}
    )
    _rebase_and_merge(repo, "release-1.2.0", resolved={"README.md": "quill [docs]\n\nMD047\n"})
    repo.commit("feat(cli): --quiet prints errors only (#29)", author=KEN)


# The CHANGELOG the maintainers keep, each release written from what its tag published:
# a pull request that landed on main while a release pull request waited is in the next one.
PUBLISHED = """\
# Changelog

## [1.2.0] - 2024-04-22

### Features

- **rules:** MD047 wants a newline at the end of a file (#24)
- **cli:** `--format sarif` for code scanning (#26)

### Documentation

- the rules added in 1.2 (#27)

## [1.1.1] - 2024-04-02

### Bug Fixes

- **rules:** MD013 leaves long URLs alone (#22)
- **cli:** `--fix` keeps the file's line endings (#23)

### Documentation

- run quill as a pre-commit hook (#21)

## [1.1.0] - 2024-03-18

### Features

- **config:** read settings from pyproject.toml (#16)
- **rules:** MD041 wants a heading on the first line (#17)

### Bug Fixes

- **cli:** exit 2 on a configuration error (#15)
- **rules:** MD041 skips the front matter (#20)

### Performance

- **parser:** tokenize each file once (#19)

## [1.0.0] - 2024-03-01

### Features

- **rules:** MD013 checks the line length (#11)
- **cli:** `--fix` rewrites files in place (#12)

### Bug Fixes

- **rules:** count a tab as four columns in MD013 (#13)

### Documentation

- list every rule with an example (#14)
"""

SCENARIO = Scenario(
    name="rebased-tags",
    summary="release tags on commits GitHub's Rebase and merge rewrote; main holds their twins",
    build=build,
    published=PUBLISHED,
)
