"""Real temporary git repositories for tests, built commit by commit with the git CLI."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

BASE_TIME = 1_700_000_000  # fixed clock: every commit date is BASE_TIME + n hours


class Repo:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._clock = 0
        self._counter = 0

    def git(self, *args: str, env: dict[str, str] | None = None, input: bytes | None = None) -> str:
        result = subprocess.run(
            ["git", *args],
            cwd=self.path,
            check=True,
            capture_output=True,
            env={**os.environ, **(env or {})},
            input=input,
        )
        return result.stdout.decode("utf-8", "replace").strip()

    def _dates(self) -> dict[str, str]:
        self._clock += 1
        stamp = f"{BASE_TIME + self._clock * 3600} +0000"
        return {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}

    def commit(
        self,
        message: str | bytes,
        *,
        author: str = "Ada Lovelace <ada@example.com>",
        files: dict[str, str] | None = None,
    ) -> str:
        """Commit ``files`` (default: one new file) with ``message``; return the sha."""
        self._counter += 1
        for name, content in (files or {f"file{self._counter}.txt": f"{self._counter}\n"}).items():
            target = self.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content)
            self.git("add", name)
        name, _, email = author.partition(" <")
        env = {**self._dates(), "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email.rstrip(">")}
        raw = message if isinstance(message, bytes) else message.encode()
        self.git("commit", "-q", "--allow-empty", "-F", "-", env=env, input=raw)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")

    def tag(self, name: str, *, annotated: bool = False) -> None:
        if annotated:
            self.git("tag", "-a", name, "-m", f"Release {name}", env=self._dates())
        else:
            self.git("tag", name)

    def branch(self, name: str, start: str = "HEAD") -> None:
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, ref: str) -> None:
        self.git("checkout", "-q", ref)

    def merge(
        self, branch: str, message: str, *, author: str = "Grace Hopper <grace@example.com>"
    ) -> str:
        name, _, email = author.partition(" <")
        env = {**self._dates(), "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email.rstrip(">")}
        self.git("merge", "-q", "--no-ff", "-m", message, branch, env=env)
        return self.head()

    def merge_pr(
        self,
        number: int,
        title: str,
        commits: list[str],
        *,
        author: str = "Grace Hopper <grace@example.com>",
    ) -> str:
        """A GitHub-style merge of a topic branch carrying ``commits``."""
        base = self.git("symbolic-ref", "--short", "HEAD")
        topic = f"topic-{number}"
        self.branch(topic)
        for message in commits:
            self.commit(message, author=author)
        self.checkout(base)
        return self.merge(topic, f"Merge pull request #{number} from acme/{topic}\n\n{title}")

    def merge_topic(
        self,
        branch: str,
        commits: list[str],
        prose: str = "",
        *,
        author: str = "Ada Lovelace <ada@example.com>",
        start: str = "HEAD",
        into: str | None = None,
    ) -> str:
        """A git.git-style merge of topic ``branch`` (made from ``start``) carrying ``commits``,
        with the message git writes under ``merge.log``: "Merge branch 'x'", the topic's
        ``prose`` paragraph and the shortlog. ``into`` names the branch merged into when it is
        not the main line ("Merge branch 'x' into maint"); a topic merged again is not rebuilt."""
        base = self.git("symbolic-ref", "--short", "HEAD")
        exists = self.git("branch", "--list", branch) != ""
        if not exists:
            self.branch(branch, start)
            for message in commits:
                self.commit(message, author=author)
            self.checkout(base)
        subjects = self.git("log", "--format=%s", f"{base}..{branch}").splitlines()
        title = f"Merge branch '{branch}'" + (f" into {into}" if into else "")
        shortlog = f"* {branch}:\n" + "\n".join(f"  {subject}" for subject in subjects)
        body = f"\n\n{prose}" if prose else ""
        return self.merge(
            branch, f"{title}{body}\n\n{shortlog}", author="Junio Hamano <gitster@example.com>"
        )


def init_repo(path: Path) -> Repo:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    return Repo(path)
