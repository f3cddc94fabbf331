"""When ``origin`` gives no links (a local path, an address leaddocs cannot read), a note says
so once and names ``remote.url``, which then builds the links."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import Repo, init_repo
from tests.history.test_changelog import _two_releases

NOTE = "no links to commits or pull requests"
LINK = re.compile(r"\]\((https?://[^)]+)\)")


def _clone(upstream: Repo, tmp_path: Path) -> Repo:
    """A clone whose origin is the upstream folder: a local path, as after `git clone ../x`."""
    subprocess.run(["git", "clone", "-q", str(upstream.path), str(tmp_path / "clone")], check=True)
    return Repo(tmp_path / "clone")


def test_a_local_origin_gives_one_note_naming_remote_url(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    _two_releases(repo)
    clone = _clone(repo, tmp_path)
    notes = cli("--repo", clone.path, "release-notes")
    assert notes.code == 0, notes
    assert not LINK.search(notes.stdout)
    assert notes.stderr.count(NOTE) == 1
    assert f"origin is a local path ({repo.path})" in notes.stderr
    assert "set remote.url in leaddocs.yml (such as https://github.com/OWNER/REPO)" in notes.stderr
    built = cli("--repo", clone.path, "build", "--out", tmp_path / "out")
    assert built.code == 0, built
    assert built.stderr.count(NOTE) == 1  # once a run, however many documents


def test_remote_url_builds_the_links_for_a_local_origin(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    _two_releases(repo)
    clone = _clone(repo, tmp_path)
    (clone.path / "leaddocs.yml").write_text(
        "remote:\n  url: https://git.example.com/team/widget.git/\n"
    )
    notes = cli("--repo", clone.path, "changelog")
    assert notes.code == 0, notes
    assert NOTE not in notes.stderr
    links = [link for link in LINK.findall(notes.stdout) if "pypi.org" not in link]  # header
    assert "https://git.example.com/team/widget/compare/v1.0.0...v1.1.0" in links
    assert all(link.startswith("https://git.example.com/team/widget/") for link in links)


def test_an_address_it_cannot_read_is_named_by_its_host_never_its_credentials(
    cli: Any, repo: Repo
) -> None:
    _two_releases(repo)
    repo.git("remote", "add", "origin", "https://ci:hunter2@git.example.com/widget")
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 0, result
    assert "origin's address (host git.example.com) is not one leaddocs can" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


def test_no_origin_or_links_turned_off_is_no_note(cli: Any, repo: Repo, tmp_path: Path) -> None:
    _two_releases(repo)
    assert cli("--repo", repo.path, "release-notes").stderr == ""
    clone = _clone(repo, tmp_path)
    (clone.path / "leaddocs.yml").write_text("remote:\n  provider: none\n")
    assert cli("--repo", clone.path, "release-notes").stderr == ""


@pytest.mark.parametrize(
    "url",
    ["github.com/acme/widget", "https://ci:token@github.com/acme/widget", "https://github.com"],
)
def test_a_remote_url_that_is_no_web_address_is_refused_by_line(
    cli: Any, tmp_path: Path, url: str
) -> None:
    repo = init_repo(tmp_path / "r")
    _two_releases(repo)
    (repo.path / "leaddocs.yml").write_text(
        f"changelog:\n  title: Changes\nremote:\n  url: {url}\n"
    )
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 3, result
    assert result.stderr.startswith("leaddocs: error: ")
    assert "leaddocs.yml:4: remote.url: " in result.stderr
    assert "token" not in result.stderr.replace(url, "") and result.stderr.count("\n") == 1
