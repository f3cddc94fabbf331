"""A service repository with a bare origin, whose release-notes drafts (``release-notes --pr``)
end every way a pull request ends: merged, squashed, rebased, edited first, or never merged."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

from tests.gitrepo import Repo

BRANCH = "leaddocs/release-notes"
PERSON = {"GIT_AUTHOR_NAME": "Grace Hopper", "GIT_AUTHOR_EMAIL": "grace@example.com"}


def writing(text: str) -> list[str]:
    """The lines of a document a person reads: not blank, not leaddocs' marker."""
    return [
        line.rstrip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("<!-- leaddocs:")
    ]


def word_count(lines: list[str]) -> int:
    """Words as a reader counts them in ASCII text without links (the documents here)."""
    return sum(len(re.findall(r"[A-Za-z0-9]+", line)) for line in lines)


class Shop:
    def __init__(self, repo: Repo, origin: Path, cli: Any) -> None:
        self.repo = repo
        self.origin = origin
        self.cli = cli

    def git(self, *args: str, at: str | None = None) -> str:
        """git in the repository; ``at``: the author and committer date (ISO 8601)."""
        env = {**PERSON, "GIT_COMMITTER_NAME": "Grace Hopper"}
        env["GIT_COMMITTER_EMAIL"] = "grace@example.com"
        if at is not None:
            env |= {"GIT_AUTHOR_DATE": at, "GIT_COMMITTER_DATE": at}
        return self.repo.git(*args, env=env)

    def change(self, subject: str, name: str) -> None:
        self.repo.commit(subject, files={name: f"{subject}\n"})

    def draft(self) -> str:
        """leaddocs' draft of the next release notes, on its branch, pushed; its path."""
        result = self.cli("--repo", self.repo.path, "-q", "release-notes", "--pr")
        assert result.code == 0, result
        self.git("push", "-q", "origin", "main", f"{BRANCH}:{BRANCH}")
        files = self.git("show", "--name-only", "--format=", BRANCH).splitlines()
        return next(name for name in files if name.startswith("docs/releases/"))

    def text(self, path: str, ref: str = BRANCH) -> str:
        return self.git("show", f"{ref}:{path}") + "\n"

    def review(self, path: str, old: str, new: str, *, added: str = "") -> None:
        """A person's commit on the draft branch: one line reworded, one line added."""
        self.git("checkout", "-q", BRANCH)
        target = self.repo.path / path
        text = target.read_text()
        assert old in text
        target.write_text(text.replace(old, new) + (f"\n{added}\n" if added else ""))
        self.git("commit", "-qam", "docs: reword the release notes")
        self.git("push", "-q", "origin", BRANCH)
        self.git("checkout", "-q", "main")

    def merge(self, at: str) -> str:
        self.git(
            "merge",
            "-q",
            "--no-ff",
            "-m",
            f"Merge pull request #1 from acme/{BRANCH}",
            BRANCH,
            at=at,
        )
        return self._landed()

    def squash(self, at: str) -> str:
        """GitHub's squash merge, and its branch deleted here and on origin."""
        self.git("merge", "-q", "--squash", BRANCH)
        self.git("commit", "-qm", "docs(release-notes): release notes (#2)", at=at)
        self._delete_branch()
        return self._landed()

    def rebase(self, at: str) -> str:
        """GitHub's rebase merge: each commit of the branch made again on main."""
        self.git("rebase", "-q", "--force-rebase", "main", BRANCH, at=at)
        self.git("checkout", "-q", "main")
        self.git("merge", "-q", "--ff-only", BRANCH)
        self._delete_branch()
        return self._landed()

    def _delete_branch(self) -> None:
        self.git("branch", "-q", "-D", BRANCH)
        self.git("push", "-q", "origin", f":{BRANCH}")

    def _landed(self) -> str:
        self.git("push", "-q", "origin", "main")
        return self.git("rev-parse", "HEAD")

    def stats(self, *args: str, repo: Path | None = None) -> dict[str, Any]:
        result = self.cli("--repo", repo or self.repo.path, "stats", "--format", "json", *args)
        assert result.code == 0, result
        return json.loads(result.stdout)

    def clone(self, where: Path) -> Path:
        """A fresh clone of origin, as a CI job checks it out."""
        subprocess.run(["git", "clone", "-q", str(self.origin), str(where)], check=True)
        return where


def open_shop(repo: Repo, tmp_path: Path, cli: Any) -> Shop:
    """Two releases' worth of history, pushed to a bare origin."""
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    repo.commit("feat: list invoices", files={"a.txt": "1\n"})
    repo.tag("v1.0.0")
    repo.commit("feat: export invoices as CSV", files={"b.txt": "1\n"})
    repo.commit("fix: round totals to the cent", files={"c.txt": "1\n"})
    repo.git("remote", "add", "origin", str(origin))
    repo.git("push", "-q", "origin", "main")
    return Shop(repo, origin, cli)
