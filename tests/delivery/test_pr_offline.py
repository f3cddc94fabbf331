"""``--pr`` with no forge token: the branch and its commit are made locally, the work tree and
the index are never touched, and a rerun with nothing new adds no commit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import Repo


@pytest.fixture
def project(repo: Repo, tmp_path: Path) -> Repo:
    repo.commit("feat: first", files={"a.txt": "1\n"})
    repo.tag("v1.0.0")
    repo.commit("fix: parse dates in any time zone", files={"a.txt": "2\n"})
    (repo.path / "wip.txt").write_text("a person's unstaged work\n")
    (repo.path / "a.txt").write_text("staged change\n")
    repo.git("add", "a.txt")
    return repo


def state(repo: Repo) -> tuple[str, str, str]:
    """What a person sees: status, the staged diff, the branch checked out."""
    return (
        repo.git("status", "--porcelain"),
        repo.git("diff", "--cached"),
        repo.git("symbolic-ref", "HEAD"),
    )


def test_release_notes_pr_without_a_token_commits_locally(cli: Any, project: Repo) -> None:
    before = state(project)
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    assert result.stdout.startswith(
        "pull request that would be opened: leaddocs/release-notes -> main\n"
        "title: Release notes for 1.0.1\n"
    )
    assert "no forge token" in result.stderr
    assert state(project) == before  # nothing of the person's work was touched
    files = project.git("ls-tree", "-r", "--name-only", "leaddocs/release-notes")
    assert "docs/releases/1.0.1.md" in files.splitlines()
    notes = project.git("show", "leaddocs/release-notes:docs/releases/1.0.1.md")
    assert "parse dates in any time zone" in notes
    message = project.git("log", "-1", "--format=%an <%ae>%n%B", "leaddocs/release-notes")
    assert message.startswith("leaddocs <leaddocs@users.noreply.github.com>\ndocs(release-notes)")
    assert "Leaddocs-Kind: release-notes" in message
    tip = project.git("rev-parse", "leaddocs/release-notes")
    again = cli("--repo", project.path, "release-notes", "--pr")
    assert again.code == 0, again
    assert project.git("rev-parse", "leaddocs/release-notes") == tip  # nothing new: no commit


def test_a_new_change_rebuilds_the_bots_branch_on_the_base(cli: Any, project: Repo) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    project.git("stash")  # the person commits on main; the bot's branch follows
    project.commit("feat: export invoices as CSV", files={"b.txt": "1\n"})
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    assert project.git("rev-parse", "leaddocs/release-notes~1") == project.head()
    notes = project.git("show", "leaddocs/release-notes:docs/releases/1.1.0.md")
    assert "export invoices as CSV" in notes


def test_a_persons_commit_on_the_branch_is_built_upon(cli: Any, project: Repo) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    project.git("stash")
    project.git("checkout", "-q", "leaddocs/release-notes")
    project.commit("docs: a highlight for the release", files={"docs/releases/intro.md": "Hi\n"})
    human = project.head()
    project.git("checkout", "-q", "main")
    project.commit("fix: round totals", files={"c.txt": "1\n"})
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    assert "has commits leaddocs did not make; the new draft goes on top" in result.stderr
    assert project.git("rev-parse", "leaddocs/release-notes~1") == human
    assert "round totals" in project.git("show", "leaddocs/release-notes:docs/releases/1.0.1.md")


def test_a_persons_edit_of_the_draft_is_left_alone(cli: Any, project: Repo) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    project.git("stash")
    project.git("checkout", "-q", "leaddocs/release-notes")
    draft = project.path / "docs/releases/1.0.1.md"
    draft.write_text(draft.read_text() + "\nA sentence a person added.\n")
    project.git("commit", "-qam", "docs: reword the notes")
    human = project.head()
    project.git("checkout", "-q", "main")
    project.commit("fix: round totals", files={"c.txt": "1\n"})
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    assert "the branch is left as it is" in result.stderr
    assert project.git("rev-parse", "leaddocs/release-notes") == human


def test_pr_with_output_is_refused(cli: Any, project: Repo, tmp_path: Path) -> None:
    result = cli("--repo", project.path, "release-notes", "--pr", "-o", tmp_path / "x.md")
    assert result.code == 2 and "leave out --output" in result.stderr


def test_on_the_bots_own_branch_the_pr_is_refused(cli: Any, project: Repo) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    project.git("stash")
    project.git("checkout", "-q", "leaddocs/release-notes")
    tip = project.head()
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 6, result
    assert "leaddocs/release-notes is the pull request's own branch" in result.stderr
    assert project.head() == tip
