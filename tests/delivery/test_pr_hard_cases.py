"""The PR delivery on the histories a CI job meets at 3 am: rewritten bases, merged drafts,
people editing PR bodies, old jobs rerun, pushes refused, builds of other branches."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.delivery.test_pr_github import (
    BRANCH,
    clone,
    github,
    project,
    pulls,
    push_main,
    remote_tip,
)
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo

__all__ = ["github", "project"]  # fixtures shared with the PR delivery tests


def run(cli: Any, repo: Repo, *args: str) -> Any:
    result = cli("--repo", repo.path, *args)
    assert result.code == 0, result
    return result


def writes(fake: FakeGitHub, since: int = 0) -> list[str]:
    return [
        f"{r.method} {r.path}"
        for r in fake.requests[since:]
        if r.method != "GET" and not r.is_graphql
    ]


def test_commits_rewritten_out_of_the_base_are_not_carried_back(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    push_main(project, "feat: config", {"secret.env": "TOKEN=1\n"})
    run(cli, project, "release-notes", "--pr")
    project.git("reset", "-q", "--hard", "HEAD~1")
    project.commit("feat: config without secrets", files={"config.txt": "1\n"})
    project.git("push", "-q", "-f", "origin", "main")
    run(cli, project, "release-notes", "--pr")
    tip = remote_tip(project)
    assert "secret.env" not in project.git("ls-tree", "-r", "--name-only", tip)
    assert project.git("rev-parse", f"{tip}~1") == project.head()


def test_a_draft_edited_in_review_and_merged_is_left_to_its_people(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path
) -> None:
    run(cli, project, "release-notes", "--pr")
    draft = project.git("show", f"{remote_tip(project)}:docs/releases/1.0.1.md")
    push_main(
        project, "docs: the 1.0.1 notes", {"docs/releases/1.0.1.md": draft + "\nOur words.\n"}
    )
    pulls(github)[0]["state"] = "closed"
    pulls(github)[0]["merged_at"] = "2024-01-02T00:00:00Z"
    result = run(cli, project, "release-notes", "--pr")
    assert "docs/releases/1.0.1.md was changed by a person where it lands" in result.stderr
    push_main(project, "fix: another", {"f.txt": "1\n"})
    assert cli("--repo", project.path, "release-notes", "--pr").code == 0


def test_merging_the_draft_opens_no_new_pull_request(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    run(cli, project, "release-notes", "--pr")
    # A squash merge on GitHub: the PR's commit messages go into the body, trailer and all.
    message = project.git("log", "-1", "--format=%B", remote_tip(project))
    draft = project.git("show", f"{remote_tip(project)}:docs/releases/1.0.1.md")
    project.commit(
        f"Release notes for 1.0.1 (#1)\n\n* {message}",
        files={"docs/releases/1.0.1.md": draft + "\n"},
    )
    project.git("push", "-q", "origin", "main")
    pulls(github)[0]["state"] = "closed"
    pulls(github)[0]["merged_at"] = "2024-01-02T00:00:00Z"
    seen = len(github.requests)
    result = run(cli, project, "release-notes", "--pr")
    assert writes(github, seen) == [], result
    assert len(pulls(github)) == 1


@pytest.mark.parametrize(
    ("event", "ref"),
    [("push", "refs/heads/feature"), ("pull_request", "refs/pull/7/merge")],
)
def test_ci_on_another_branch_or_a_pull_request_does_nothing(
    cli: Any,
    project: Repo,
    github: FakeGitHub,
    monkeypatch: pytest.MonkeyPatch,
    event: str,
    ref: str,
) -> None:
    monkeypatch.setenv("GITHUB_EVENT_NAME", event)
    monkeypatch.setenv("GITHUB_REF", ref)
    result = run(cli, project, "ci")
    assert "only a push to the default branch or a release tag" in result.stderr
    assert writes(github) == [] and remote_tip(project) == ""


def test_an_older_job_rerun_does_not_roll_the_draft_back(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    older = project.head()
    push_main(project, "feat: export invoices as CSV", {"b.txt": "1\n"})
    run(cli, project, "release-notes", "--pr")
    tip = remote_tip(project)
    project.git("checkout", "-q", "-B", "main", older)  # the old job's checkout
    result = run(cli, project, "release-notes", "--pr")
    assert "has moved on past this run's commit" in result.stderr
    assert remote_tip(project) == tip and pulls(github)[0]["title"] == "Release notes for 1.1.0"


def test_a_body_whose_markers_a_person_removed_is_still_our_pr(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    run(cli, project, "release-notes", "--pr")
    pulls(github)[0]["body"] = "My own description."
    push_main(project, "feat: more", {"m.txt": "1\n"})
    result = run(cli, project, "release-notes", "--pr")
    [pull] = pulls(github)
    assert result.stdout.startswith("updated ")
    assert (
        "My own description." in pull["body"] and "leaddocs:pr kind=release-notes" in pull["body"]
    )
    seen = len(github.requests)
    run(cli, project, "release-notes", "--pr")
    assert writes(github, seen) == []


def test_a_blocked_branch_is_commented_on_once(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path
) -> None:
    run(cli, project, "release-notes", "--pr")
    other = clone(project, tmp_path, "ada")
    other.git("checkout", "-q", "-b", BRANCH, f"origin/{BRANCH}")
    draft = other.path / "docs/releases/1.0.1.md"
    draft.write_text(draft.read_text() + "\nOur words.\n")
    other.git("commit", "-qam", "docs: reword")
    other.git("push", "-q", "origin", BRANCH)
    push_main(project, "fix: round totals", {"c.txt": "1\n"})
    for _ in range(3):
        run(cli, project, "release-notes", "--pr")
    assert len(github.comments) == 1
    assert "Merge this pull request, or delete the branch" in github.comments[0]["body"]


def test_a_token_without_an_origin_is_refused(cli: Any, project: Repo, github: FakeGitHub) -> None:
    project.git("remote", "rename", "origin", "upstream")
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 6, result
    assert "no remote 'origin' to push leaddocs/release-notes to" in result.stderr
    assert pulls(github) == []


def test_a_push_refused_by_a_hook_says_why(cli: Any, project: Repo, github: FakeGitHub) -> None:
    origin = Path(project.git("remote", "get-url", "origin"))
    hook = origin / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'GH006: Protected branch update failed' >&2\nexit 1\n")
    hook.chmod(hook.stat().st_mode | stat.S_IEXEC)
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 4, result
    assert "pre-receive hook declined" in result.stderr and result.stderr.count("\n") == 1
    assert pulls(github) == []


def _a_person_adds_to_the_branch(project: Repo, tmp_path: Path, edit: bool = False) -> Repo:
    other = clone(project, tmp_path, "ada")
    other.git("checkout", "-q", "-b", BRANCH, f"origin/{BRANCH}")
    files = {"docs/releases/intro.md": "Hi\n"}
    if edit:
        draft = other.path / "docs/releases/1.0.1.md"
        files["docs/releases/1.0.1.md"] = draft.read_text() + "\nOur words.\n"
    other.commit("docs: add the highlights", files=files)
    other.git("push", "-q", "origin", BRANCH)
    return other


def test_a_new_version_on_a_persons_branch_replaces_the_old_untouched_draft(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path
) -> None:
    run(cli, project, "release-notes", "--pr")
    _a_person_adds_to_the_branch(project, tmp_path)
    push_main(project, "feat: export invoices as CSV", {"b.txt": "1\n"})  # 1.0.1 -> 1.1.0
    result = run(cli, project, "release-notes", "--pr")
    tip = remote_tip(project)
    project.git("fetch", "-q", "origin")
    added = project.git("diff", "--name-only", f"origin/main...{tip}").split()
    record = ".leaddocs/drafts/release-notes.json"  # what the draft drafted (ADR 0013)
    assert added == [record, "docs/releases/1.1.0.md", "docs/releases/intro.md"], result
    changed = project.git("show", "--name-status", "--format=", tip).splitlines()
    assert changed == [f"M\t{record}", "D\tdocs/releases/1.0.1.md", "A\tdocs/releases/1.1.0.md"]
    drafted = json.loads(project.git("show", f"{tip}:{record}"))["documents"]
    assert [document["path"] for document in drafted] == ["docs/releases/1.1.0.md"]
    assert pulls(github)[0]["title"] == "Release notes for 1.1.0"


def test_a_draft_a_person_edited_stays_beside_the_new_version(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path
) -> None:
    run(cli, project, "release-notes", "--pr")
    _a_person_adds_to_the_branch(project, tmp_path, edit=True)
    push_main(project, "feat: export invoices as CSV", {"b.txt": "1\n"})
    result = run(cli, project, "release-notes", "--pr")
    files = project.git("ls-tree", "-r", "--name-only", remote_tip(project), "docs/releases")
    assert files.split() == [
        "docs/releases/1.0.1.md",
        "docs/releases/1.1.0.md",
        "docs/releases/intro.md",
    ]
    assert "docs/releases/1.0.1.md was edited by a person" in result.stderr


def test_an_old_draft_merged_into_the_base_is_not_removed(
    cli: Any, project: Repo, github: FakeGitHub, tmp_path: Path
) -> None:
    run(cli, project, "release-notes", "--pr")
    draft = project.git("show", f"{remote_tip(project)}:docs/releases/1.0.1.md")
    _a_person_adds_to_the_branch(project, tmp_path)
    push_main(project, "docs: keep the 1.0.1 notes", {"docs/releases/1.0.1.md": draft + "\n"})
    push_main(project, "feat: export invoices as CSV", {"b.txt": "1\n"})
    run(cli, project, "release-notes", "--pr")
    files = project.git("ls-tree", "-r", "--name-only", remote_tip(project), "docs/releases")
    assert "docs/releases/1.0.1.md" in files.split()


LABELS_AND_REVIEWERS = "forge:\n  pr:\n    labels: [docs, release]\n    reviewers: [ada]\n"


def test_labels_and_reviewers_a_failed_run_left_out_are_added_by_the_next(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    (project.path / "leaddocs.yml").write_text(LABELS_AND_REVIEWERS)
    github.fail_next("server_error", only="POST /repos/acme/widgets/issues/1/labels")
    result = cli("--repo", project.path, "release-notes", "--pr")
    assert result.code == 9, result
    [pull] = pulls(github)
    assert pull["labels"] == [] and pull["requested_reviewers"] == []
    seen = len(github.requests)
    run(cli, project, "release-notes", "--pr")  # the same content: only what is missing
    assert writes(github, seen) == [
        "POST /repos/acme/widgets/issues/1/labels",
        "POST /repos/acme/widgets/pulls/1/requested_reviewers",
    ]
    assert [label["name"] for label in pull["labels"]] == ["docs", "release"]
    assert [user["login"] for user in pull["requested_reviewers"]] == ["ada"]
    seen = len(github.requests)
    run(cli, project, "release-notes", "--pr")
    assert writes(github, seen) == []
    assert not any(r.path.endswith("/reviews") for r in github.requests[seen:])


def test_an_update_adds_only_the_missing_label_and_asks_no_one_who_reviewed(
    cli: Any, project: Repo, github: FakeGitHub
) -> None:
    (project.path / "leaddocs.yml").write_text(LABELS_AND_REVIEWERS)
    run(cli, project, "release-notes", "--pr")
    [pull] = pulls(github)
    pull["labels"] = [label for label in pull["labels"] if label["name"] != "release"]
    github.review("acme/widgets", 1, "ada")  # her review answers the request: it leaves the list
    push_main(project, "fix: round totals", {"c.txt": "1\n"})
    seen = len(github.requests)
    run(cli, project, "release-notes", "--pr")
    assert writes(github, seen) == [
        "PATCH /repos/acme/widgets/pulls/1",
        "POST /repos/acme/widgets/issues/1/labels",
    ]
    [labelled] = [r for r in github.requests[seen:] if r.path.endswith("/labels")]
    assert labelled.body in (["release"], {"labels": ["release"]})
    assert pull["requested_reviewers"] == []
