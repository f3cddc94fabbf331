"""Commit parsing, versions and forge links: the pure parts of the history engine."""

from __future__ import annotations

import pytest

from leaddocs.config import DEFAULT_TAG_PATTERN
from leaddocs.history.commits import parse_commit, parse_header
from leaddocs.history.git import GitRepository, RawCommit
from leaddocs.history.remote import forge_for
from leaddocs.history.versions import TagMatcher, Version
from tests.gitrepo import Repo


def raw(message: str, parents: tuple[str, ...] = ("p1",)) -> RawCommit:
    return RawCommit("a" * 40, parents, "Ada", "ada@example.com", 0, message)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("feat(api): add x", ("feat", "api", False, "add x")),
        ("fix!: drop y", ("fix", None, True, "drop y")),
        ("refactor(core-lib)!: rename", ("refactor", "core-lib", True, "rename")),
        ("Feat: capitalised type", ("feat", None, False, "capitalised type")),
        ("Update README", (None, None, False, "Update README")),
        ("feat:missing space", (None, None, False, "feat:missing space")),
        ("fix(): empty scope", ("fix", None, False, "empty scope")),
    ],
)
def test_conventional_header(subject: str, expected: tuple[object, ...]) -> None:
    header = parse_header(subject)
    assert (header.type, header.scope, header.breaking, header.description) == expected


def test_breaking_change_footer_both_spellings() -> None:
    for key in ("BREAKING CHANGE", "BREAKING-CHANGE"):
        commit = parse_commit(raw(f"feat: x\n\nBody text.\n\n{key}: the old\nflag is gone\n"))
        assert commit.breaking
        assert commit.breaking_notes == ("the old flag is gone",)


def test_trailers_co_authors_and_issue_refs() -> None:
    commit = parse_commit(
        raw(
            "fix: y\n\nExplain.\n\nCo-authored-by: Grace Hopper <grace@example.com>\n"
            "Refs: #12, #13\nCloses #14\nCloses: #15\n"
        )
    )
    assert [p.name for p in commit.co_authors] == ["Grace Hopper"]
    assert commit.refs == (12, 13, 14, 15)  # `Closes #14` is git's `token #value` form


def test_breaking_change_footer_after_other_footers() -> None:
    commit = parse_commit(raw("feat: x\n\nRefs: #7\nBREAKING CHANGE: removed old api\n"))
    assert commit.breaking
    assert commit.breaking_notes == ("removed old api",)
    assert commit.refs == (7,)


def test_breaking_change_note_ends_at_the_next_footer() -> None:
    commit = parse_commit(
        raw("feat: x\n\nWhy.\n\nBREAKING CHANGE: x\nstill the note\nRefs: #3\nCloses #4\n")
    )
    assert commit.breaking_notes == ("x still the note",)
    assert commit.refs == (3, 4)


def test_crlf_message_keeps_its_footers() -> None:
    message = "feat: x\r\n\r\nBody.\r\n\r\nBREAKING CHANGE: gone\r\nCloses #9\r\n"
    commit = parse_commit(raw(message))
    assert (commit.subject, commit.body) == ("feat: x", "Body.\n\nBREAKING CHANGE: gone\nCloses #9")
    assert commit.breaking_notes == ("gone",)
    assert commit.refs == (9,)


def test_pull_request_forms() -> None:
    squash = parse_commit(raw("feat(api): add z (#123)"))
    assert (squash.pr, squash.pr_title, squash.description) == (123, "feat(api): add z", "add z")
    github = parse_commit(raw("Merge pull request #7 from acme/topic\n\nfeat: title", ("a", "b")))
    assert (github.pr, github.pr_title, github.type) == (7, "feat: title", "feat")
    gitlab = parse_commit(
        raw(
            "Merge branch 'x' into 'main'\n\nFix login\n\nSee merge request grp/proj!12", ("a", "b")
        )
    )
    assert (gitlab.pr, gitlab.pr_title) == (12, "Fix login")
    not_a_merge = parse_commit(raw("Merge pull request #7 from acme/topic"))
    assert not_a_merge.pr is None  # a single-parent commit is not a merge, whatever it says


def test_revert_is_recognised() -> None:
    commit = parse_commit(raw('Revert "feat: a"\n\nThis reverts commit ' + "b" * 40 + "."))
    assert commit.reverts == "b" * 40


def test_record_with_invalid_utf8_is_decoded_with_replacement(repo: Repo) -> None:
    # git refuses to re-encode bytes that are valid in no encoding it knows; they reach us raw.
    repo.commit("feat: base")
    tree = repo.git("rev-parse", "HEAD^{tree}")
    message = b"fix: caf\xe9\xff\xfe menu\n\nBody \xc3\x28 here.\n"
    sha = repo.git(
        "hash-object",
        "-t",
        "commit",
        "-w",
        "--stdin",
        "--literally",
        input=(
            f"tree {tree}\nparent {repo.head()}\nauthor A <a@x> 1700000000 +0000\n"
            "committer A <a@x> 1700000000 +0000\nencoding bogus-charset\n\n"
        ).encode()
        + message,
    )
    repo.git("update-ref", "HEAD", sha)
    repo.commit("fix: the next one")
    commits = list(GitRepository(repo.path).log(["HEAD"]))
    assert [c.message.splitlines()[0] for c in commits][1].startswith("fix: caf")
    assert "\ufffd" in commits[1].message
    assert commits[2].message.startswith("feat: base")  # the bad bytes did not spill over


def test_semver_precedence_with_prereleases() -> None:
    ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
               "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "2.0.0"]  # fmt: skip
    versions = [Version.parse(text) for text in ordered]
    assert all(v is not None for v in versions)
    assert sorted(versions, key=lambda v: v) == versions  # type: ignore[arg-type, return-value]


@pytest.mark.parametrize(
    ("current", "breaking", "feature", "expected"),
    [
        ("1.4.2", True, True, "2.0.0"),
        ("1.4.2", False, True, "1.5.0"),
        ("1.4.2", False, False, "1.4.3"),
        ("0.4.2", True, False, "0.5.0"),
        ("0.4.2", False, True, "0.5.0"),
        ("0.4.2", False, False, "0.4.3"),
        ("2.0.0-rc.2", True, True, "2.0.0"),
    ],
)
def test_next_version(current: str, breaking: bool, feature: bool, expected: str) -> None:
    version = Version.parse(current)
    assert version is not None
    assert str(version.bump(breaking=breaking, feature=feature)) == expected


def test_tag_pattern() -> None:
    matcher = TagMatcher(DEFAULT_TAG_PATTERN)
    assert str(matcher.version_of("v1.2.3")) == "1.2.3"
    assert str(matcher.version_of("1.2.3-rc.1")) == "1.2.3-rc.1"
    assert matcher.version_of("latest") is None
    assert str(matcher.version_of("v1.2")) == "1.2"  # x.y is a release too
    assert matcher.version_of("v1") is None and matcher.version_of("1.2.3.4.5") is None
    monorepo = TagMatcher(r"^api/v(?P<version>\d+\.\d+\.\d+)$")
    assert str(monorepo.version_of("api/v2.0.1")) == "2.0.1"
    assert monorepo.version_of("web/v2.0.1") is None


def test_tag_pattern_without_a_version_group_matches_whole_tags() -> None:
    plain = TagMatcher(r"v?\d+\.\d+\.\d+")
    assert str(plain.version_of("v1.2.3")) == "1.2.3"
    assert str(plain.version_of("1.2.3")) == "1.2.3"
    assert plain.version_of("v1.2.3-oops") is None  # the whole tag must match
    assert TagMatcher(r"v+\d+\.\d+\.\d+").version_of("vv1.2.3") is None  # one v, not all


@pytest.mark.parametrize(
    ("url", "provider", "web"),
    [
        ("git@github.com:acme/api.git", "github", "https://github.com/acme/api"),
        (
            "https://x-access-token:secret@github.com/acme/api",
            "github",
            "https://github.com/acme/api",
        ),
        (
            "ssh://git@gitlab.example.com:2222/grp/sub/svc.git",
            "gitlab",
            "https://gitlab.example.com/grp/sub/svc",
        ),
        ("https://codeberg.org/a/b.git", "gitea", "https://codeberg.org/a/b"),
        (
            "https://git.internal.example/team/svc",
            "generic",
            "https://git.internal.example/team/svc",
        ),
        ("https://git.example.com:8443/a/b", "generic", "https://git.example.com:8443/a/b"),
        ("http://localhost:3000/a/b.git", "generic", "http://localhost:3000/a/b"),
        ("http://gitea.lan:3000/a/b", "gitea", "http://gitea.lan:3000/a/b"),
        ("ssh://git@github.com:22/a/b.git", "github", "https://github.com/a/b"),
        ("git@bitbucket.org:team/repo.git", "bitbucket", "https://bitbucket.org/team/repo"),
    ],
)
def test_forge_from_remote_url(url: str, provider: str, web: str) -> None:
    forge = forge_for(url)
    assert forge is not None
    assert (forge.provider, forge.web_url) == (provider, web)
    assert "secret" not in forge.commit_url("abc")


def test_no_forge_for_local_remotes() -> None:
    for url in (None, "/srv/git/repo.git", "file:///srv/git/repo.git", "../sibling"):
        assert forge_for(url) is None
    assert forge_for("git@github.com:acme/api.git", provider="none") is None


def test_generic_forge_has_no_pull_request_links() -> None:
    forge = forge_for("https://git.internal.example/team/svc")
    assert forge is not None and forge.pr_url(3) is None
    assert forge.compare_url("v1", "v2") == "https://git.internal.example/team/svc/compare/v1...v2"


def test_bitbucket_links() -> None:
    forge = forge_for("https://user@bitbucket.org/team/repo.git")
    assert forge is not None and forge.provider == "bitbucket"
    web = "https://bitbucket.org/team/repo"
    assert forge.commit_url("abc") == f"{web}/commits/abc"
    assert forge.pr_url(4) == f"{web}/pull-requests/4"
    assert forge.compare_url("v1.0.0", "v1.1.0") == f"{web}/branches/compare/v1.1.0%0Dv1.0.0"
    assert forge.pr_label(4) == "#4"


def test_no_github_style_links_for_a_bitbucket_server() -> None:
    assert forge_for("ssh://git@bitbucket.acme.example:7999/proj/repo.git") is None
