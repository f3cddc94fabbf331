"""A merge commit with no body ("Merge pull request #13 from acme/feature/login-form") is
listed by its pull request's title from the forge, else by its branch made readable."""

from __future__ import annotations

import pytest

from leaddocs.application.status_sources import readable_branch
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo
from tests.status.scenario import on_day

_PERIOD = ("--since", "2023-11-30", "--until", "2023-12-01", "-o", "-")


def _bodiless_merge(repo: Repo) -> str:
    on_day(repo, 15)
    repo.branch("feature/login-form")
    repo.commit("wip", files={"auth/login.py": "form\n"})
    repo.commit("more wip", files={"auth/login.py": "form 2\n"})
    repo.checkout("main")
    return repo.merge("feature/login-form", "Merge pull request #13 from acme/feature/login-form")


def test_without_a_forge_the_branch_is_made_readable(cli, weeks: Repo) -> None:
    _bodiless_merge(weeks)
    result = cli("--repo", weeks.path, "status", *_PERIOD)
    assert result.code == 0, result
    assert "- login form (\\#13)" in result.stdout
    assert "acme/feature/login-form" not in result.stdout


def test_with_a_forge_the_pull_request_title_is_used(
    cli, weeks: Repo, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    weeks.git("remote", "add", "origin", "https://github.com/acme/widgets.git")
    merge = _bodiless_merge(weeks)
    fake_github.add_pull(
        "acme/widgets",
        title="feat(auth): a login form",
        head="feature/login-form",
        merged=True,
        commits=(merge,),
        created_at="2023-11-29T00:00:00Z",
        merged_at="2023-11-30T00:00:00Z",
    )
    result = cli("--debug", "--repo", weeks.path, "status", *_PERIOD)
    assert result.code == 0, result.stderr[-3000:]
    page = result.stdout
    assert "## Highlights\n\n- auth: a login form ([\\#" in page  # a feature, by its title
    assert "acme/feature/login-form" not in page


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("acme/feature/login-form", "login form"),
        ("acme/fix_the_build", "fix the build"),
        ("someone/release/2.0", "release 2 0"),
        ("plain", "plain"),
    ],
)
def test_branch_names_as_words(name: str, words: str) -> None:
    assert readable_branch(name) == words
