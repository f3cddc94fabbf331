"""A branch merged by squash or rebase keeps commits the main line lacks, yet its changes are
there: In flight leaves it out (git cherry for a rebase, the whole diff's patch id for a
squash); a branch with work of its own stays."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.status.scenario import on_day

_PERIOD = ("--since", "2023-11-30", "--until", "2023-12-01", "-o", "-")


def _topic(repo: Repo, name: str, files: dict[str, str]) -> None:
    repo.branch(name)
    for index, (path, text) in enumerate(files.items()):
        repo.commit(f"feat: {name} part {index}", files={path: text})
    repo.checkout("main")


def test_squash_and_rebase_merged_branches_are_not_in_flight(cli, weeks: Repo) -> None:
    on_day(weeks, 15)
    _topic(weeks, "squashed", {"s/a.txt": "a\n", "s/b.txt": "b\n"})
    _topic(weeks, "rebased", {"r/a.txt": "a\n", "r/b.txt": "b\n"})
    _topic(weeks, "open-work", {"o/a.txt": "a\n"})
    weeks.git("merge", "--squash", "squashed", env=weeks._dates())
    weeks.git("commit", "-q", "-m", "feat: squashed (#20)", env=weeks._dates())
    for sha in reversed(weeks.git("rev-list", "main..rebased").splitlines()):
        weeks.git("cherry-pick", sha, env=weeks._dates())
    result = cli("--repo", weeks.path, "status", *_PERIOD)
    assert result.code == 0, result
    in_flight = result.stdout.split("## In flight")[1].split("## Risks")[0]
    assert "open-work" in in_flight
    assert "squashed" not in in_flight and "rebased" not in in_flight
