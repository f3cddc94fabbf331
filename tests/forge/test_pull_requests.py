"""The pull request operations PR delivery uses, through ``Project.forge_client()`` and the real
PyGithub client against the fake GitHub."""

from __future__ import annotations

import pytest

from leaddocs.application.project import Project
from leaddocs.errors import ForgeError
from leaddocs.forge.base import ForgeClient
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo

MARKER = "<!-- leaddocs:pr kind=release-notes -->"


@pytest.fixture
def forge(repo: Repo, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> ForgeClient:
    repo.commit("feat: first")
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    client = Project.open(repo.path).forge_client()
    assert client is not None
    return client


def test_create_find_update_label_review_comment(
    forge: ForgeClient, fake_github: FakeGitHub
) -> None:
    assert forge.repository == "acme/widgets"
    assert forge.default_branch() == "main"
    assert forge.find_pull_request("leaddocs/release-notes", MARKER) is None

    made = forge.create_pull_request(
        head="leaddocs/release-notes",
        base="main",
        title="Release notes",
        body=f"{MARKER}\nhi",
        draft=True,
    )
    forge.add_labels(made.number, ["docs", "release"])
    forge.request_reviewers(made.number, ["grace"])
    forge.comment(made.number, "the branch has a human commit: left alone")
    updated = forge.update_pull_request(
        made.number, title="Release notes v2", body=f"{MARKER}\nnew"
    )
    found = forge.find_pull_request("leaddocs/release-notes", MARKER)

    assert (made.state, made.draft, made.head, made.base) == (
        "open",
        True,
        "leaddocs/release-notes",
        "main",
    )
    assert made.url == f"{fake_github.url}/acme/widgets/pull/{made.number}"
    assert updated.title == "Release notes v2" and updated.body == f"{MARKER}\nnew"
    assert found == updated
    stored = fake_github.pulls["acme/widgets"][made.number]
    assert [label["name"] for label in stored["labels"]] == ["docs", "release"]
    assert [user["login"] for user in stored["requested_reviewers"]] == ["grace"]
    assert fake_github.comments[0]["body"].startswith("the branch has a human commit")
    sent = [(r.method, r.path) for r in fake_github.requests]
    assert ("POST", "/repos/acme/widgets/pulls") in sent
    assert sent.count(("GET", "/repos/acme/widgets/pulls")) == 2  # one per find, filtered by head
    listing = next(
        r for r in fake_github.requests if r.path.endswith("/pulls") and r.method == "GET"
    )
    assert listing.query["head"] == ["acme:leaddocs/release-notes"] and listing.query["state"] == [
        "all"
    ]


def test_a_found_pull_request_carries_its_labels_and_who_is_asked_to_review(
    forge: ForgeClient, fake_github: FakeGitHub
) -> None:
    pull = fake_github.add_pull(
        "acme/widgets",
        title="Release notes",
        head="leaddocs/release-notes",
        body=MARKER,
        labels=("docs", "release"),
        reviewers=("grace", "ada"),
    )
    fake_github.review("acme/widgets", pull["number"], "ada", state="COMMENTED")

    found = forge.find_pull_request("leaddocs/release-notes", MARKER)

    assert found is not None
    assert (found.labels, found.reviewers) == (("docs", "release"), ("grace",))
    assert forge.reviewed_by(found.number) == ("ada",)


def test_found_by_branch_and_marker_never_by_title(
    forge: ForgeClient, fake_github: FakeGitHub
) -> None:
    fake_github.add_pull("acme/widgets", title="Release notes", head="feature-x", body=MARKER)
    fake_github.add_pull(
        "acme/widgets", title="Release notes", head="leaddocs/release-notes", body="a human's PR"
    )
    closed = fake_github.add_pull(
        "acme/widgets",
        title="Renamed by a human",
        head="leaddocs/release-notes",
        body=MARKER,
        state="closed",
    )

    found = forge.find_pull_request("leaddocs/release-notes", MARKER)

    assert found is not None and found.number == closed["number"]
    assert found.state == "closed"  # the caller decides not to reopen it


def test_an_open_pull_request_is_preferred_to_a_closed_one(
    forge: ForgeClient, fake_github: FakeGitHub
) -> None:
    fake_github.add_pull(
        "acme/widgets", title="old", head="leaddocs/release-notes", body=MARKER, merged=True
    )
    fake_github.add_pull("acme/widgets", title="open", head="leaddocs/release-notes", body=MARKER)
    fake_github.add_pull(
        "acme/widgets",
        title="newer, closed",
        head="leaddocs/release-notes",
        body=MARKER,
        state="closed",
    )

    found = forge.find_pull_request("leaddocs/release-notes", MARKER)

    assert found is not None and (found.title, found.state) == ("open", "open")


def test_a_pull_request_that_already_exists_is_returned_not_duplicated(
    forge: ForgeClient, fake_github: FakeGitHub
) -> None:
    # Another run opened it between this run's search and its create: GitHub answers 422.
    theirs = fake_github.add_pull(
        "acme/widgets", title="Release notes", head="leaddocs/release-notes", body=MARKER
    )

    got = forge.create_pull_request(
        head="leaddocs/release-notes", base="main", title="Release notes", body=MARKER, draft=False
    )

    assert got.number == theirs["number"] and got.existed  # this run opened nothing
    assert len(fake_github.pulls["acme/widgets"]) == 1
    assert any(r.method == "POST" for r in fake_github.requests)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("unauthorized", "the token was refused (401): check GITHUB_TOKEN (or GH_TOKEN)"),
        ("rate_limit", "GitHub's rate limit for this token ran out (it resets at "),
        (
            "secondary_rate_limit",
            "GitHub's secondary rate limit was hit (retry after 60 s) while opening",
        ),
        ("server_error", "GitHub answered 500 while opening a pull request from leaddocs/x"),
        ("disconnect", "could not reach GitHub at http://127.0.0.1:"),
        ("not_found", "repository acme/widgets not found on 127.0.0.1:"),
    ],
)
def test_a_failed_operation_is_a_forge_error_naming_it(
    kind: str, message: str, forge: ForgeClient, fake_github: FakeGitHub
) -> None:
    fake_github.fail_next(kind, times=3)

    with pytest.raises(ForgeError) as caught:
        forge.create_pull_request(head="leaddocs/x", base="main", title="t", body="b", draft=False)

    assert message in str(caught.value)
    assert caught.value.exit_code == 9
    assert "\n" not in str(caught.value)
    assert fake_github.pulls["acme/widgets"] == {}


def test_a_gateway_error_on_a_read_is_retried_once_without_waiting(
    forge: ForgeClient, fake_github: FakeGitHub
) -> None:
    fake_github.fail_next("bad_gateway", times=1)

    assert forge.default_branch() == "main"
    assert len(fake_github.requests) == 2


def test_a_missing_pull_request_is_named(forge: ForgeClient) -> None:
    with pytest.raises(ForgeError, match=r"pull request #41 not found in acme/widgets \(404\)"):
        forge.update_pull_request(41, title="t", body="b")


def test_no_token_no_client(
    repo: Repo, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit("feat: first")
    for name, value in fake_github.env().items():
        if name != "GITHUB_TOKEN":
            monkeypatch.setenv(name, value)

    assert Project.open(repo.path).forge_client() is None
