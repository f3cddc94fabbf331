"""action.yml: the inputs and outputs the issue names, each one wired, and the step that runs
leaddocs run for real with bash, as the runner would run it (with ``${{ }}`` resolved)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.gitrepo import Repo

ROOT = Path(__file__).resolve().parent.parent
ACTION_TEXT = (ROOT / "action.yml").read_text(encoding="utf-8")
ACTION: dict[str, Any] = YAML(typ="safe").load(ACTION_TEXT)
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

INPUTS = {"command", "github-token", "openai-api-key", "openai-base-url", "model", "python-version"}
OUTPUTS = {"pr-number", "pr-url", "operation"}


def step(step_id: str) -> dict[str, Any]:
    return next(s for s in STEPS if s.get("id") == step_id)


def test_a_composite_action_with_the_inputs_and_outputs_of_the_issue() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == INPUTS
    assert ACTION["inputs"]["command"]["default"] == "ci"
    assert ACTION["inputs"]["python-version"]["default"] == "3.11"
    assert set(ACTION["outputs"]) == OUTPUTS
    for name in OUTPUTS:  # each read from the step that runs leaddocs, which writes them
        assert ACTION["outputs"][name]["value"] == f"${{{{ steps.leaddocs.outputs.{name} }}}}"
    assert all(ACTION["inputs"][name].get("description") for name in INPUTS)


def test_every_input_is_used_and_only_through_env_or_with() -> None:
    used = set()
    for s in STEPS:
        assert "${{" not in s.get("run", ""), f"an expression inside run: in step {s.get('name')}"
        if "run" in s:
            assert s.get("shell") == "bash"  # a composite run step must name its shell
        for value in [*s.get("env", {}).values(), *s.get("with", {}).values()]:
            used.update(re.findall(r"inputs\.([\w-]+)", str(value)))
    assert used == INPUTS


def test_the_action_tells_whether_its_token_is_the_jobs_without_passing_it_twice() -> None:
    [run] = [s for s in STEPS if s.get("id") == "leaddocs"]
    assert run["env"]["LEADDOCS_TOKEN_IS_WORKFLOWS"] == "${{ inputs.github-token == github.token }}"
    assert not any(
        "github.token" in str(v)
        for k, v in run["env"].items()
        if k != "LEADDOCS_TOKEN_IS_WORKFLOWS"
    )


def test_python_is_set_up_from_the_input_without_changing_the_jobs_python() -> None:
    setup = step("python")
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"] == {
        "python-version": "${{ inputs.python-version }}",
        "update-environment": False,
    }
    assert "$GITHUB_ACTION_PATH" in step("install")["run"]  # installs its own checkout


def test_every_action_it_uses_is_pinned_by_full_sha_with_its_version() -> None:
    lines = [line for line in ACTION_TEXT.splitlines() if re.match(r"\s*(-\s*)?uses:", line)]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+$", line), line


def resolve(value: str, context: dict[str, str]) -> str:
    """``${{ name }}`` as the runner fills it in; an expression the test does not know fails."""
    return EXPRESSION.sub(lambda match: context[match.group(1)], value)


def run_leaddocs_step(command: str, cwd: Path, **inputs: str) -> tuple[int, str, dict[str, str]]:
    """The 'Run leaddocs' step, run by bash with its env: (exit code, stderr, outputs)."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    output_file = cwd.parent / "github_output"
    output_file.write_text("")
    context = {
        "steps.install.outputs.python": sys.executable,
        "inputs.command": command,
        "inputs.model": "",
        "inputs.github-token": "",
        "inputs.openai-api-key": "",
        "inputs.openai-base-url": "",
        # The runner compares the token input with the job's: with none given they differ.
        "inputs.github-token == github.token": "false",
        **{f"inputs.{name.replace('_', '-')}": value for name, value in inputs.items()},
    }
    run = step("leaddocs")
    env = {name: resolve(value, context) for name, value in run["env"].items()}
    done = subprocess.run(
        [bash, "-c", run["run"]],
        cwd=cwd,
        env={**os.environ, **env, "GITHUB_OUTPUT": str(output_file)},
        capture_output=True,
        text=True,
        check=False,
    )
    outputs = dict(line.split("=", 1) for line in output_file.read_text().splitlines())
    return done.returncode, done.stderr, outputs


def test_the_command_is_split_like_a_shell_but_never_run_by_one(repo: Repo) -> None:
    repo.commit("feat: first", files={"a.txt": "1\n"})
    repo.tag("v1.0.0")
    repo.commit("fix: parse dates in any time zone")
    code, stderr, _ = run_leaddocs_step(
        "release-notes --output 'release notes.md'; touch pwned", repo.path
    )
    # `;` is an argument like any other, and leaddocs refuses it: nothing ran `touch`.
    assert code == 2, stderr
    assert not (repo.path / "pwned").exists()
    code, stderr, _ = run_leaddocs_step("release-notes --output 'release notes.md'", repo.path)
    assert code == 0, stderr
    assert "parse dates in any time zone" in (repo.path / "release notes.md").read_text()
