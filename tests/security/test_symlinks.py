"""Symlinks and names planted in a repository lead nothing out of it: not a template's text
into a document, not a build folder, not the answer cache, not a changelog section marker."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.gitrepo import Repo

SECRET = "OPENAI_API_KEY=sk-planted-secret\n"


def planted(repo: Repo, tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "environ"
    secret.parent.mkdir()
    secret.write_text(SECRET)
    repo.commit("feat: first", files={"a.txt": "1\n"})
    repo.tag("v1.0.0")
    repo.commit("fix: second", files={"a.txt": "2\n"})
    return secret


def test_a_template_linked_out_of_the_repository_is_refused(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    secret = planted(repo, tmp_path)
    templates = repo.path / ".leaddocs/templates"
    templates.mkdir(parents=True)
    (templates / "release-notes.md.j2").symlink_to(secret)
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 10, result
    assert "outside the repository: refused" in result.stderr
    assert "sk-planted-secret" not in result.stdout + result.stderr


def test_an_adr_template_linked_out_is_refused(cli: Any, repo: Repo, tmp_path: Path) -> None:
    secret = planted(repo, tmp_path)
    (repo.path / "adr").mkdir()
    (repo.path / "adr/template.md").symlink_to(secret)
    result = cli("--repo", repo.path, "adr", "new", "Use Kafka", "--no-edit")
    assert result.code == 10, result
    assert not list((repo.path / "adr").glob("0001-*"))
    notes = repo.path / "notes.md"
    notes.symlink_to(secret)
    drafted = cli("--repo", repo.path, "adr", "new", "Use Kafka", "--from", notes, "--no-edit")
    assert drafted.code == 2 and "outside the repository" in drafted.stderr, drafted


def test_a_build_folder_linked_out_of_the_repository_is_refused(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    planted(repo, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (repo.path / "site-docs").symlink_to(elsewhere)  # dangling: build would create it
    os.chdir(repo.path)
    result = cli("--repo", repo.path, "build", "--out", "site-docs")
    assert result.code == 6, result
    assert "through a symlink" in result.stderr
    assert not elsewhere.exists()


def test_the_answer_cache_stays_in_the_repository(cli: Any, repo: Repo, tmp_path: Path) -> None:
    planted(repo, tmp_path)
    (repo.path / "leaddocs.yml").write_text("llm:\n  cache_dir: ../outside-cache\n")
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 3 and "give a path inside the repository" in result.stderr, result


def test_a_tag_name_cannot_break_a_changelog_section_marker(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    (repo.path / "leaddocs.yml").write_text(
        "tags:\n  pattern: 'v(?P<version>\\d+\\.\\d+\\.\\d+).*'\n"
    )
    repo.commit("feat: first", files={"a.txt": "1\n"})
    repo.tag('v1.0.0-->"<img/src=x/onerror=alert(1)><!--')
    repo.commit("fix: second", files={"a.txt": "2\n"})
    target = tmp_path / "CHANGELOG.md"
    assert cli("--repo", repo.path, "changelog", "-o", target).code == 0
    text = target.read_text()
    assert "<img" not in text and 'id="v1.0.0-->' not in text
    repo.commit("fix: third", files={"a.txt": "3\n"})
    again = cli("--repo", repo.path, "changelog", "-o", target)
    assert again.code == 0, again
    assert "cannot be read" not in again.stderr  # the marker is still leaddocs' own
    assert "third" in target.read_text()


def test_a_configured_model_name_cannot_end_the_drafted_by_comment() -> None:
    from leaddocs.documents.render import comment_safe

    assert comment_safe("gpt-4o --><img src=x onerror=alert(1)> @octocat <!--") == (
        "gpt-4o-imgsrcxonerroralert1@octocat-"
    )
    assert comment_safe("accounts/fireworks/models/llama-v3p1-8b") == (
        "accounts/fireworks/models/llama-v3p1-8b"
    )
