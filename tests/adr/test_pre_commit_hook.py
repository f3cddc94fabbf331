"""The hook in .pre-commit-hooks.yaml, run by pre-commit itself against a temporary repo.

pre-commit builds the hook's virtualenv by installing this project with pip. Nothing may reach
the network here, so pip is told to use no index, no build isolation and no dependencies, and
the dependencies come from this interpreter's site-packages through PYTHONPATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitrepo import Repo

PROJECT = Path(__file__).resolve().parents[2]
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))


def _offline_env(tmp_path: Path) -> dict[str, str]:
    site = [entry for entry in sys.path if entry.endswith("site-packages")]
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_NO_INDEX": "1",
        "PIP_NO_DEPS": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this negated option inverted: 0 = off
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_DOWNLOAD": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "PYTHONPATH": os.pathsep.join(site),
    }


def _try_repo(repo: Repo, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(PROJECT), "leaddocs-adr-lint", "--all-files"],
        cwd=repo.path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed")
def test_hook_runs_through_pre_commit_try_repo(repo: Repo, tmp_path: Path) -> None:
    adr = repo.path / "docs/adr"
    repo.commit(
        "docs(adr): one good, one broken",
        files={
            "docs/adr/0001-use-postgres.md": "---\nstatus: accepted\n---\n# Use Postgres\n",
            "docs/adr/0002-use-kafka.md": "---\nstatus: bananas\nsupersedes: ['0009']\n---\n"
            "# Use Kafka\n",
            "notes/0001-not-an-adr.md": "---\nstatus: bananas\n---\n# Not an ADR\n",
        },
    )
    env = _offline_env(tmp_path)
    run = _try_repo(repo, env)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "docs/adr/0002-use-kafka.md:2: ADR003 unknown status 'bananas'" in output
    assert "docs/adr/0002-use-kafka.md:3: ADR006 supersedes '0009': no such ADR" in output
    assert "not-an-adr" not in output
    assert "Traceback" not in output

    (adr / "0002-use-kafka.md").write_text("---\nstatus: accepted\n---\n# Use Kafka\n")
    repo.git("add", "-A")
    fixed = _try_repo(repo, env)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
