"""`leaddocs init` in real repositories, its site built by MkDocs itself, and `leaddocs site
build|serve` run as a person runs them."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from leaddocs import markers
from leaddocs.application.config_file import COMMENTS, commented_defaults
from leaddocs.config import Config, as_data, key_types, load_config
from tests.gitrepo import Repo

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MKDOCS = shutil.which("mkdocs", path=str(BIN)) or "mkdocs"
LEADDOCS = shutil.which("leaddocs", path=str(BIN)) or "leaddocs"
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or "pre-commit"
SCAFFOLDED = [
    "leaddocs.yml",
    "mkdocs.yml",
    "docs/index.md",
    "adr/0001-record-architecture-decisions.md",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/leaddocs.yml",
    ".github/workflows/adr-lint.yml",
]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` but git's own, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts[:1]
    }


def lines(out: str) -> dict[str, str]:
    """``action path (reason)`` lines → {path: action}."""
    found = {}
    for line in out.splitlines():
        action, _, rest = line.partition(" ")
        found[rest.strip().split(" (")[0]] = action
    return found


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


# --- init -----------------------------------------------------------------------------------


def test_init_in_an_empty_repository_then_mkdocs_build_strict(repo: Repo, cli: Any) -> None:
    result = cli("--repo", repo.path, "init")
    assert result.code == 0, result
    assert lines(result.stdout) == dict.fromkeys(SCAFFOLDED, "created")
    assert not repo.git("log", "--oneline", "--all")  # still no commit: init commits nothing

    built = run(MKDOCS, "build", "--strict", cwd=repo.path)
    assert built.returncode == 0, built.stderr
    pages = [page.read_text("utf-8") for page in (repo.path / "site").rglob("*.html")]
    assert any("Record architecture decisions" in page for page in pages)  # the plugin's page
    assert not any("fonts.googleapis.com" in page for page in pages)  # theme.font: false

    # The scaffolded leaddocs.yml is a configuration every command accepts.
    listed = cli("--repo", repo.path, "adr", "list")
    assert listed.code == 0, listed
    assert "Record architecture decisions" in listed.stdout


def test_the_first_record_is_a_madr_4_record_accepted_today(repo: Repo, cli: Any) -> None:
    import datetime

    assert cli("--repo", repo.path, "init").code == 0
    text = (repo.path / "adr/0001-record-architecture-decisions.md").read_text("utf-8")
    assert text.startswith(f"---\nstatus: accepted\ndate: {datetime.date.today().isoformat()}\n")
    assert "# Record architecture decisions" in text
    assert "{" not in text.split("## Context and Problem Statement")[1]  # no MADR placeholder
    linted = cli("--repo", repo.path, "adr", "lint")
    assert linted.code == 0, linted


def test_a_second_run_changes_nothing_and_says_what_it_skipped(repo: Repo, cli: Any) -> None:
    assert cli("--repo", repo.path, "init").code == 0
    before = tree(repo.path)
    again = cli("--repo", repo.path, "init")
    assert again.code == 0, again
    assert set(lines(again.stdout).values()) == {"skipped"}
    assert len(again.stdout.splitlines()) == len(SCAFFOLDED)
    assert tree(repo.path) == before
    forced = cli("--repo", repo.path, "init", "--force")
    assert forced.code == 0, forced
    assert tree(repo.path) == before  # --force on untouched output changes no byte either


def test_leaddocs_yml_holds_every_key_at_its_default(repo: Repo, cli: Any) -> None:
    assert cli("--repo", repo.path, "init").code == 0
    path = repo.path / "leaddocs.yml"
    assert as_data(load_config(repo.path)) == as_data(Config())
    text = path.read_text("utf-8")
    for key in _keys(Config):
        name = key.rsplit(".", 1)[-1]
        assert f"{name}:" in text, key
        assert key in COMMENTS or key.startswith("sections."), key
    assert set(COMMENTS) <= set(_keys(Config)), "a comment for a key Config no longer has"
    assert commented_defaults() == text


def _keys(settings: type, prefix: str = "") -> list[str]:
    found = []
    for field, inner in key_types(settings):
        found.append(prefix + field.name)
        if inner is not None:
            found.extend(_keys(inner, f"{prefix}{field.name}."))
    return found


def test_files_a_person_wrote_are_kept(repo: Repo, cli: Any) -> None:
    mine = {
        "mkdocs.yaml": "site_name: Mine\n",
        "docs/README.md": "# Home\n",
        ".leaddocs.yml": "other_title: Misc\n",
        "docs/decisions/0001-use-go.md": "---\nstatus: accepted\n---\n# Use Go\n",
        ".github/workflows/leaddocs.yml": "name: ours\n",
    }
    for name, text in mine.items():
        (repo.path / name).parent.mkdir(parents=True, exist_ok=True)
        (repo.path / name).write_text(text)
    result = cli("--repo", repo.path, "init", "--force")
    assert result.code == 0, result
    said = lines(result.stdout)
    assert said["mkdocs.yml"] == said["docs/index.md"] == said["leaddocs.yml"] == "skipped"
    assert said["docs/decisions"] == said[".github/workflows/leaddocs.yml"] == "skipped"
    assert "(mkdocs.yaml is there; add `- leaddocs` under plugins:" in result.stdout
    assert "(the configuration is in .leaddocs.yml)" in result.stdout
    assert "(exists, not written by leaddocs)" in result.stdout
    for name, text in mine.items():
        assert (repo.path / name).read_text() == text
    for name in ("mkdocs.yml", "docs/index.md", "leaddocs.yml", "adr"):
        assert not (repo.path / name).exists()
    # The hook checks the folder the project keeps its records in.
    assert (
        "files: '^docs/decisions/[^/]+\\.md$'"
        in (repo.path / ".pre-commit-config.yaml").read_text()
    )


def test_force_refreshes_only_workflows_leaddocs_wrote_and_nobody_edited(
    repo: Repo, cli: Any
) -> None:
    assert cli("--repo", repo.path, "init").code == 0
    flows = repo.path / ".github/workflows"
    current = (flows / "leaddocs.yml").read_text()
    # What an older leaddocs wrote, untouched since: its marker still matches.
    older = markers.mark_yaml("name: leaddocs\non: push\n")
    (flows / "leaddocs.yml").write_text(older)
    # The lead pinned the action: an edit, which no option overwrites.
    edited = (flows / "adr-lint.yml").read_text().replace("0" * 40, "a" * 40)
    (flows / "adr-lint.yml").write_text(edited)
    (repo.path / "mkdocs.yml").write_text("site_name: edited\n")
    (repo.path / "docs/index.md").unlink()

    plain = cli("--repo", repo.path, "init")
    assert plain.code == 0, plain
    assert (flows / "leaddocs.yml").read_text() == older  # without --force: kept
    assert lines(plain.stdout)["docs/index.md"] == "created"  # what is missing is scaffolded

    forced = cli("--repo", repo.path, "init", "--force")
    assert forced.code == 0, forced
    said = lines(forced.stdout)
    assert said[".github/workflows/leaddocs.yml"] == "updated"
    assert (flows / "leaddocs.yml").read_text() == current
    assert said[".github/workflows/adr-lint.yml"] == "skipped"
    assert "(edited since leaddocs wrote it)" in forced.stdout
    assert (flows / "adr-lint.yml").read_text() == edited
    assert (repo.path / "mkdocs.yml").read_text() == "site_name: edited\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_gitignore_entries_are_appended_once(repo: Repo, cli: Any, newline: str) -> None:
    ignore = repo.path / ".gitignore"
    ignore.write_bytes(f"node_modules/{newline}site".encode())  # `site` covers /site/
    assert cli("--repo", repo.path, "init").code == 0
    expected = (
        "node_modules/\nsite\n\n"
        "# leaddocs: its answer cache, and the site `leaddocs site build` makes\n"
        ".leaddocs/cache/\n"
    ).replace("\n", newline)
    assert ignore.read_bytes() == expected.encode()
    again = cli("--repo", repo.path, "init")
    assert "skipped   .gitignore (ignores .leaddocs/cache/ and /site/ already)" in again.stdout
    assert ignore.read_bytes() == expected.encode()


def test_git_ignores_the_cache_and_the_built_site_only(repo: Repo, cli: Any) -> None:
    assert cli("--repo", repo.path, "init").code == 0
    for name in (".leaddocs/cache/x.json", "site/index.html", "src/site/page.py"):
        (repo.path / name).parent.mkdir(parents=True, exist_ok=True)
        (repo.path / name).write_text("")
    untracked = repo.git("status", "--porcelain", "--untracked-files=all").splitlines()
    assert "?? src/site/page.py" in untracked  # a folder named site elsewhere is the project's
    assert not [line for line in untracked if "cache" in line or line == "?? site/index.html"]


def test_the_pre_commit_hook_is_added_to_a_config_and_runs(
    repo: Repo, cli: Any, tmp_path: Path
) -> None:
    config = repo.path / ".pre-commit-config.yaml"
    config.write_text(
        "# our hooks\nrepos:\n- repo: local\n  hooks:\n  - id: say\n    name: say\n"
        "    entry: 'true'\n    language: system\n\ndefault_stages: [pre-commit]\n"
    )
    assert cli("--repo", repo.path, "init").code == 0
    text = config.read_text()
    assert text.startswith("# our hooks\nrepos:\n- repo: local\n")
    assert text.endswith("\ndefault_stages: [pre-commit]\n")
    assert text.count("leaddocs-adr-lint") == 1
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",  # `language: system`: our leaddocs
    }
    checked = subprocess.run(
        [PRE_COMMIT, "validate-config", str(config)], capture_output=True, text=True, env=env
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr

    (repo.path / "adr/0002-use-kafka.md").write_text("---\nstatus: bananas\n---\n# Use Kafka\n")
    repo.git("add", "-A")
    hooked = subprocess.run(
        [PRE_COMMIT, "run", "leaddocs-adr-lint", "--all-files"],
        cwd=repo.path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert hooked.returncode == 1, hooked.stdout + hooked.stderr
    assert "adr/0002-use-kafka.md" in hooked.stdout and "ADR003" in hooked.stdout

    again = cli("--repo", repo.path, "init")
    assert "(has the leaddocs-adr-lint hook already)" in again.stdout
    assert config.read_text() == text


@pytest.mark.parametrize("text", ["repos: []\n", "repos:\n  local: {}\n", "fail_fast: true\n"])
def test_a_pre_commit_config_without_a_repos_list_is_left_alone(
    repo: Repo, cli: Any, text: str
) -> None:
    config = repo.path / ".pre-commit-config.yaml"
    config.write_text(text)
    result = cli("--repo", repo.path, "init")
    assert result.code == 0, result
    assert "skipped   .pre-commit-config.yaml (has no top-level `repos:` list" in result.stdout
    assert config.read_text() == text


def test_a_folder_outside_git_is_refused_naming_git_init(tmp_path: Path, cli: Any) -> None:
    result = cli("--repo", tmp_path, "init")
    assert result.code == 4
    assert result.stderr.count("\n") == 1
    assert "not a git repository" in result.stderr and "run `git init` first" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_packaged_workflows_are_the_documented_examples() -> None:
    packaged = PROJECT / "leaddocs/application/scaffold_files/workflows"
    for workflow in packaged.iterdir():
        example = PROJECT / "docs/examples/workflows" / workflow.name
        assert workflow.read_bytes() == example.read_bytes(), f"copy {example} to {workflow}"


# --- site build and serve ---------------------------------------------------------------------

SITE = "site_name: Handmade\ntheme:\n  name: material\n  font: false\n"


def _site(repo: Repo, index: str = "# Hello\n\nWelcome.\n", config: str = SITE) -> None:
    (repo.path / "mkdocs.yml").write_text(config)
    (repo.path / "docs").mkdir(exist_ok=True)
    (repo.path / "docs/index.md").write_text(index)


def test_site_build_without_mkdocs_yml_is_one_line(repo: Repo, cli: Any) -> None:
    result = cli("--repo", repo.path, "site", "build")
    assert result.code == 11
    assert result.stderr == (
        f"leaddocs: error: no mkdocs.yml in {repo.path}: run `leaddocs init` to make one\n"
    )


def test_site_build_writes_the_site_where_asked(repo: Repo, cli: Any, tmp_path: Path) -> None:
    _site(repo)
    out = tmp_path / "out"
    result = cli("--repo", repo.path, "site", "build", "--strict", "--out", out)
    assert result.code == 0, result
    assert result.stdout == f"built {out / 'index.html'}\n"
    assert "Welcome." in (out / "index.html").read_text()
    assert "Documentation built in" in result.stderr  # MkDocs' own progress, on stderr
    assert not (repo.path / "site").exists()


def test_site_build_strict_fails_on_a_warning_in_one_line(repo: Repo, cli: Any) -> None:
    _site(repo, index="# Hello\n\n[gone](missing.md)\n")
    assert cli("--repo", repo.path, "site", "build").code == 0  # a warning, not an error
    result = cli("--repo", repo.path, "site", "build", "--strict")
    assert result.code == 11, result
    last = result.stderr.splitlines()[-1]
    assert last.startswith("leaddocs: error: mkdocs.yml: Aborted with 1 warnings in strict mode")
    assert "missing.md" in last  # the warning itself, not only how many there were
    assert "Traceback" not in result.stderr


def test_site_build_with_a_broken_mkdocs_yml_is_one_line(repo: Repo, cli: Any) -> None:
    _site(repo, config="site_name: x\ntheme:\n  name: no-such-theme\n")
    result = cli("--repo", repo.path, "site", "build")
    assert result.code == 11, result
    last = result.stderr.splitlines()[-1]
    assert last.startswith("leaddocs: error: mkdocs.yml: ")
    assert "no-such-theme" in last
    assert "Traceback" not in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_site_serve_serves_until_interrupted(repo: Repo) -> None:
    _site(repo)
    port = _free_port()
    server = subprocess.Popen(
        [LEADDOCS, "--repo", str(repo.path), "site", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/", server, deadline=time.monotonic() + 60)
        assert "Welcome." in page
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    assert server.returncode == 0, err
    assert "Serving on http://127.0.0.1:" in err


def _get(url: str, server: subprocess.Popen[str], deadline: float) -> str:
    while True:
        if server.poll() is not None:
            raise AssertionError(f"serve stopped: {server.communicate()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return str(answer.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_site_serve_on_a_taken_port_is_one_line(repo: Repo) -> None:
    _site(repo)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(
            LEADDOCS, "--repo", str(repo.path), "site", "serve", "--dev-addr",
            f"127.0.0.1:{port}", cwd=repo.path, timeout=60,
        )  # fmt: skip
    assert result.returncode == 11, result.stderr
    last = result.stderr.splitlines()[-1]
    assert last == "leaddocs: error: mkdocs.yml: Address already in use"


def test_an_mkdocs_yml_without_the_plugin_is_kept_and_init_says_how_to_add_it(
    repo: Repo, cli: Any
) -> None:
    (repo.path / "mkdocs.yml").write_text("site_name: mine\nplugins:\n  - search\n")
    result = cli("--repo", repo.path, "init")
    assert result.code == 0
    assert "mkdocs.yml (exists; add `- leaddocs` under plugins:" in result.stdout
    (repo.path / "mkdocs.yml").write_text("site_name: mine\nplugins: [search, leaddocs]\n")
    again = cli("--repo", repo.path, "init")
    assert "skipped   mkdocs.yml (exists)" in again.stdout
