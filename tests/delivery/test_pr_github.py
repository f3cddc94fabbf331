"""``--pr`` against a local bare ``origin`` and the fake GitHub: one PR per kind, updated in
place, never losing a person's commit, PR text or decision to close it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.forge.fake_github import FakeGitHub, FakeGitHubServer
from tests.gitrepo import Repo, init_repo

REPOSITORY = "acme/widgets"
BRANCH = "leaddocs/release-notes"


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    with FakeGitHubServer() as fake:
        fake.add_repo(REPOSITORY)
        for name, value in fake.env(REPOSITORY).items():
            monkeypatch.setenv(name, value)
        yield fake


@pytest.fixture
def project(repo: Repo, tmp_path: Path) -> Repo:
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    repo.commit("feat: first", files={"a.txt": "1\n"})
    repo.tag("v1.0.0")
    repo.commit("fix: parse dates in any time zone", files={"a.txt": "2\n"})
    repo.git("remote", "add", "origin", str(origin))
    repo.git("push", "-q", "origin", "main", "--tags")
    return repo


def clone(repo: Repo, tmp_path: Path, name: str) -> Repo:
    """Another person's clone of ``origin``."""
    other = init_repo(tmp_path / name)
    other.git("remote", "add", "origin", repo.git("remote", "get-url", "origin"))
    other.git("fetch", "-q", "origin")
    return other


def pulls(fake: FakeGitHub) -> list[dict[str, Any]]:
    return list(fake.pulls[REPOSITORY].values())


def remote_tip(repo: Repo, branch: str = BRANCH) -> str:
    return repo.git("ls-remote", "origin", f"refs/heads/{branch}").split("\t")[0]


def push_main(repo: Repo, message: str, files: dict[str, str]) -> None:
    repo.commit(message, files=files)
    repo.git("push", "-q", "origin", "main")


def test_the_first_run_creates_a_pr_and_a_rerun_changes_nothing(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    [pull] = pulls(github)
    assert result.stdout == f"created {pull['html_url']}\n"
    assert pull["head"]["ref"] == BRANCH and pull["base"]["ref"] == "main"
    assert pull["title"] == "Release notes for 1.0.1"
    body = pull["body"]
    assert "<!-- leaddocs:pr kind=release-notes " in body
    assert "- docs/releases/1.0.1.md\n" in body and "- [ ] " in body
    assert "the history v1.0.0..HEAD" in body
    tip = remote_tip(project)
    shown = project.git("show", f"{tip}:docs/releases/1.0.1.md")
    assert "parse dates in any time zone" in shown
    requests = len(github.requests)
    again = cli("--repo", project.path, "release-notes", "--pr")
    assert again.code == 0, again
    assert again.stdout == f"none {pull['html_url']}\n"
    assert remote_tip(project) == tip and len(pulls(github)) == 1
    written = [r for r in github.requests[requests:] if r.method != "GET" and not r.is_graphql]
    assert not written  # no PR created, edited or commented


def test_a_new_change_updates_the_same_pr(cli: Any, project: Repo, github: FakeGitHub) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    push_main(project, "feat: export invoices as CSV", {"b.txt": "1\n"})
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    [pull] = pulls(github)
    assert result.stdout == f"updated {pull['html_url']}\n"
    assert pull["title"] == "Release notes for 1.1.0"
    tip = remote_tip(project)
    assert project.git("rev-parse", f"{tip}~1") == project.head()  # rebuilt on the new main
    assert "export invoices" in project.git("show", f"{tip}:docs/releases/1.1.0.md")


def test_a_persons_text_in_the_body_and_their_title_are_kept(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    [pull] = pulls(github)
    pull["body"] = "Ship on Thursday, after the freeze.\n\n" + pull["body"] + "\n\n— Ada"
    pull["title"] = "Release notes 1.0.1 (hotfix)"
    push_main(project, "fix: round totals", {"c.txt": "1\n"})
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    assert pull["body"].startswith("Ship on Thursday, after the freeze.\n\n")
    assert pull["body"].endswith("\n\n— Ada")
    assert pull["title"] == "Release notes 1.0.1 (hotfix)"


def test_a_persons_commit_on_the_branch_is_never_force_pushed_away(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path
) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    other = clone(project, tmp_path, "ada")
    other.git("checkout", "-q", "-b", BRANCH, f"origin/{BRANCH}")
    human = other.commit("docs: add the highlights", files={"docs/releases/intro.md": "Hi\n"})
    other.git("push", "-q", "origin", BRANCH)
    push_main(project, "fix: round totals", {"c.txt": "1\n"})
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    tip = remote_tip(project)
    assert project.git("rev-parse", f"{tip}~1") == human  # on top, not instead
    assert "round totals" in project.git("show", f"{tip}:docs/releases/1.0.1.md")


def test_a_persons_edit_of_the_draft_leaves_the_branch_alone_and_says_so(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path
) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    other = clone(project, tmp_path, "ada")
    other.git("checkout", "-q", "-b", BRANCH, f"origin/{BRANCH}")
    draft = other.path / "docs/releases/1.0.1.md"
    draft.write_text(draft.read_text() + "\nThe team's own words.\n")
    human = other.commit("docs: reword", files={})
    other.git("commit", "-q", "--amend", "-a", "--no-edit")
    human = other.head()
    other.git("push", "-q", "origin", BRANCH)
    push_main(project, "fix: round totals", {"c.txt": "1\n"})
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    assert "the branch is left as it is" in result.stderr
    assert remote_tip(project) == human
    [comment] = github.comments
    assert "left it as it is" in comment["body"] and comment["number"] == pulls(github)[0]["number"]


def test_a_closed_pr_is_not_reopened_for_the_same_content(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    [pull] = pulls(github)
    pull["state"] = "closed"
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    assert "was closed without merging; not opened again" in result.stderr
    assert len(pulls(github)) == 1
    push_main(project, "feat: new content", {"d.txt": "1\n"})
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    assert len(pulls(github)) == 2  # new content: a new pull request


def test_two_runs_at_once_give_one_pr(project: Repo, github: FakeGitHub) -> None:
    command = [sys.executable, "-m", "leaddocs", "--repo", str(project.path), "release-notes"]
    env = {**os.environ}
    runs = [
        subprocess.Popen(
            [*command, "--pr"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(3)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert [code for code, _, _ in results] == [0, 0, 0], results
    assert len(pulls(github)) == 1
    operations = sorted(out.decode().split()[0] for _, out, _ in results)
    assert operations.count("created") == 1, results


def test_a_refused_token_names_the_fix(cli: Any, project: Repo, github: FakeGitHub) -> None:
    github.fail_next("unauthorized", times=10)
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 9, result
    assert result.stderr.startswith("leaddocs: error: ") and "401" in result.stderr
    assert result.stderr.count("\n") == 1


def opened_with(cli: Any, project: Repo, github: FakeGitHub, pr_config: str) -> dict[str, Any]:
    """The pull request the first run opens with ``forge.pr`` set to ``pr_config``."""
    (project.path / "leaddocs.yml").write_text(f"forge:\n  pr:\n{pr_config}")
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    [pull] = pulls(github)
    return pull


def test_labels_reviewers_and_draft_from_config(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    pr_config = "    draft: true\n    labels: [docs, release]\n    reviewers: [ada]\n"
    pull = opened_with(cli, project, github, pr_config)
    assert pull["draft"] is True
    assert [label["name"] for label in pull["labels"]] == ["docs", "release"]
    assert [user["login"] for user in pull["requested_reviewers"]] == ["ada"]


def test_a_label_or_reviewer_a_person_took_off_stays_off(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    pull = opened_with(
        cli, project, github, "    labels: [docs, release, bo]\n    reviewers: [ada, bo]\n"
    )
    github.person_removes(REPOSITORY, pull["number"], label="release", reviewer="ada")
    # A label named like a reviewer's login taken off; the reviewer left off by a failed run
    # (no event): the label stays off, the reviewer is asked again.
    github.person_removes(REPOSITORY, pull["number"], label="bo")
    pull["requested_reviewers"] = [u for u in pull["requested_reviewers"] if u["login"] != "bo"]
    push_main(project, "fix: more", {"e.txt": "1\n"})
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0 and result.stdout.startswith("updated "), result
    [pull] = pulls(github)
    assert [label["name"] for label in pull["labels"]] == ["docs"]
    assert [user["login"] for user in pull["requested_reviewers"]] == ["bo"]
    # What a run that failed right after opening left out is still added (nobody removed it).
    pull["labels"] = [label for label in pull["labels"] if label["name"] != "docs"]
    push_main(project, "fix: even more", {"f.txt": "1\n"})
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    assert [label["name"] for label in pulls(github)[0]["labels"]] == ["docs"]


def test_github_output_for_the_action(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "github_output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0
    [pull] = pulls(github)
    assert output.read_text() == (
        f"pr-number={pull['number']}\npr-url={pull['html_url']}\noperation=created\n"
    )


def test_the_workflow_token_is_named_in_the_log(
    cli: Any, project: Repo, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    github.token = None  # the fake accepts any token
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_TOKEN", "ghs_" + "a" * 36)
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 0, result
    assert "starts no other workflow" in result.stderr
    monkeypatch.setenv("GITHUB_TOKEN", "github_pat_" + "b" * 40)  # a PAT: nothing to say
    push_main(project, "fix: more", {"e.txt": "1\n"})
    again = cli("--repo", project.path, "release-notes", "--pr")
    assert again.code == 0 and "starts no other workflow" not in again.stderr, again
