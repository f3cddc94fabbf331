"""The step that runs leaddocs writes exactly the outputs action.yml declares (needs ``--pr``
and the GITHUB_OUTPUT lines of the PR delivery)."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.test_action import OUTPUTS, run_leaddocs_step


def test_the_step_writes_exactly_the_outputs_the_action_declares(repo: Repo) -> None:
    repo.commit("feat: first", files={"a.txt": "1\n"})
    repo.tag("v1.0.0")
    repo.commit("fix: parse dates in any time zone")
    # No token: leaddocs commits the draft branch locally and still reports what it did.
    code, stderr, outputs = run_leaddocs_step("release-notes --pr", repo.path)
    assert code == 0, stderr
    assert set(outputs) == OUTPUTS
    assert outputs["operation"] in {"created", "updated", "none"}
