"""Bad input: a clear one-line message, a non-zero exit, no traceback, nothing half-written."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from tests.gitrepo import Repo, init_repo


def assert_clean_failure(result: Any, code: int, *fragments: str) -> None:
    assert result.code == code, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("leaddocs: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_not_a_git_repository(cli: Any, tmp_path: Path) -> None:
    result = cli("--repo", tmp_path, "release-notes")
    assert_clean_failure(result, 4, str(tmp_path), "not a git repository")


def test_empty_repository(cli: Any, repo: Repo) -> None:
    for command in ("release-notes", "changelog"):
        assert_clean_failure(cli("--repo", repo.path, command), 4, "has no commits yet")
    # The cache's read-ahead thread ended with the call that failed (the MkDocs plugin and the
    # API run many calls in one process, and a second thread would keep them from forking).
    assert not [t for t in threading.enumerate() if t.name == "leaddocs-cache"]


def test_unknown_ref_is_named(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    result = cli("--repo", repo.path, "release-notes", "--from", "v9.9.9")
    assert_clean_failure(result, 4, "unknown ref 'v9.9.9'")
    result = cli("--repo", repo.path, "release-notes", "--to", "--all")
    assert_clean_failure(result, 4, "unknown ref '--all'")


def test_detached_head_works(cli: Any, repo: Repo) -> None:
    first = repo.commit("feat: one")
    repo.tag("v1.0.0")
    repo.commit("fix: two")
    repo.commit("fix: three")
    repo.checkout(f"{repo.head()}~1")
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 0, result
    assert "two" in result.stdout and "three" not in result.stdout
    assert first


def test_non_utf8_commit_message_is_decoded_not_fatal(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("fix: caf\xe9 menu".encode("latin-1"))
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 0, result
    # git re-encodes what it can; whatever it passes on is decoded with replacement, never fatal.
    assert "caf\ufffd menu" in result.stdout or "café menu" in result.stdout


def test_a_one_megabyte_commit_message(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit("feat: " + "x" * 1_000_000 + "\n\n" + "body " * 50_000)
    repo.commit("fix: after the big one")
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 0, result
    assert "after the big one" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) < 1000  # subjects are capped


def test_malformed_config_names_file_and_line(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    (repo.path / "leaddocs.yml").write_text("tags:\n  pattern: [unclosed\nskip: {}\n")
    result = cli("--repo", repo.path, "release-notes")
    assert_clean_failure(result, 3, "leaddocs.yml:3:", "invalid YAML")


def test_output_path_in_a_missing_folder(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    target = repo.path / "missing" / "notes.md"
    result = cli("--repo", repo.path, "release-notes", "--output", target)
    assert_clean_failure(result, 6, str(target), "does not exist")
    assert not target.parent.exists()


def test_output_file_that_a_human_wrote_is_not_replaced(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    target = repo.path / "NOTES.md"
    target.write_text("my own notes\n")
    result = cli("--repo", repo.path, "release-notes", "--output", target)
    assert_clean_failure(result, 6, "was not written by leaddocs")
    assert target.read_text() == "my own notes\n"
    assert [p.name for p in repo.path.iterdir() if p.name.startswith(".NOTES")] == []


def test_debug_shows_the_traceback(cli: Any, repo: Repo) -> None:
    result = cli("--debug", "--repo", repo.path, "release-notes")
    assert result.code == 4
    assert "Traceback" in result.stderr and "EmptyRepositoryError" in result.stderr


def test_unknown_option_is_a_usage_error(cli: Any, repo: Repo) -> None:
    result = cli("--repo", repo.path, "release-notes", "--frm", "v1")
    assert result.code == 2
    assert "No such option" in result.stderr and "Traceback" not in result.stderr


def _shallow_clone(tmp_path: Path) -> tuple[Repo, Path]:
    source = init_repo(tmp_path / "source")
    source.commit("feat: one")
    source.tag("v1.0.0")
    for index in range(5):
        source.commit(f"fix: change {index}")
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(source.path), str(origin)], check=True)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", "--no-tags", f"file://{origin}", str(clone)],
        check=True,
    )
    return Repo(clone), origin


def test_shallow_clone_names_the_fix(cli: Any, tmp_path: Path) -> None:
    clone, _ = _shallow_clone(tmp_path)
    result = cli("--repo", clone.path, "release-notes")
    assert_clean_failure(result, 5, "shallow clone", "git fetch --unshallow", "fetch-depth: 0")


def test_unshallow_option_fetches_the_history(cli: Any, tmp_path: Path) -> None:
    clone, _ = _shallow_clone(tmp_path)
    result = cli("--repo", clone.path, "release-notes", "--unshallow", "--format", "json")
    assert result.code == 0, result
    assert '"from": "v1.0.0"' in result.stdout
    assert not (clone.path / ".git" / "shallow").exists()


def test_python_dash_m_entry_point(repo: Repo) -> None:
    repo.commit("feat: one")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "leaddocs",
            "--repo",
            str(repo.path),
            "release-notes",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"sections"' in result.stdout
