"""Commits on a branch made without touching the work tree or the index, and pushing them.

The PR delivery writes its documents as a commit on ``leaddocs/<kind>``: blobs are written to
the object store, a tree is built in a temporary index from the parent's tree, and the commit
points at it. The person's checkout, index and stash are never touched. Pushes name the
remote sha they expect (``--force-with-lease``) or fast-forward only, so a commit somebody else
pushed meanwhile is never overwritten.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from leaddocs.errors import RepositoryError
from leaddocs.history.git import GitRepository

_RACES = (
    "(stale info)",
    "(fetch first)",
    "(non-fast-forward)",
    "(failed to update ref)",
    "cannot lock ref",
)


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class BranchCommit:
    sha: str
    committer_email: str
    message: str


class Branches:
    """Branch plumbing for one repository (the only other door to git beside ``git.py``)."""

    def __init__(self, repo: GitRepository) -> None:
        self.root = repo.root
        self._repo = repo

    def _git(
        self,
        *args: str,
        input: bytes | None = None,
        env: Mapping[str, str] | None = None,
        check: bool = True,
    ) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            input=input,
            capture_output=True,
            env={**os.environ, **(env or {})},
            check=False,
        )
        if check and done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RepositoryError(
                f"{self.root}: git {args[0]} failed: {reason[-1] if reason else done.returncode}"
            )
        return done

    def _out(self, *args: str) -> str:
        return self._git(*args).stdout.decode("utf-8", "replace").strip()

    def has_remote(self, remote: str) -> bool:
        return self._git("remote", "get-url", remote, check=False).returncode == 0

    def current_branch(self) -> str | None:
        done = self._git("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
        return done.stdout.decode().strip() or None

    def fetch(self, remote: str, branches: Sequence[str]) -> dict[str, str | None]:
        """The tip of each branch on ``remote`` (None when it has no such branch), fetched."""
        listing = self._out("ls-remote", "--heads", remote, *(f"refs/heads/{b}" for b in branches))
        tips: dict[str, str | None] = dict.fromkeys(branches)
        for line in listing.splitlines():
            sha, _, ref = line.partition("\t")
            name = ref.removeprefix("refs/heads/")
            if name in tips:
                tips[name] = sha
        present = [name for name, sha in tips.items() if sha is not None]
        if present:
            # Objects only, no ref written: runs at once in one clone would fight over a ref's
            # lock, and a person's remote-tracking refs are theirs. The tips are known by sha.
            specs = [f"refs/heads/{name}" for name in present]
            self._git("fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, *specs)
        return tips

    def local_tip(self, branch: str) -> str | None:
        done = self._git("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", check=False)
        return done.stdout.decode().strip() or None

    def read(self, commit: str, path: str) -> bytes | None:
        """The file ``path`` in ``commit``, or None when the commit has no such file."""
        done = self._git("cat-file", "blob", f"{commit}:{path}", check=False)
        return done.stdout if done.returncode == 0 else None

    def files_under(self, commit: str, folder: str) -> list[str]:
        """The paths of the files in ``folder`` (and below it) in ``commit``."""
        out = self._git("ls-tree", "-r", "-z", "--name-only", commit, "--", f"{folder}/").stdout
        return [name for name in out.decode("utf-8", "surrogateescape").split("\0") if name]

    def parent(self, commit: str) -> str | None:
        done = self._git("rev-parse", "--verify", "--quiet", f"{commit}^", check=False)
        return done.stdout.decode().strip() or None

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        return (
            self._git("merge-base", "--is-ancestor", ancestor, commit, check=False).returncode == 0
        )

    def tree(self, commit: str) -> str:
        return self._out("rev-parse", f"{commit}^{{tree}}")

    def merge_base(self, one: str, other: str) -> str | None:
        done = self._git("merge-base", one, other, check=False)
        return done.stdout.decode().strip() or None

    def commits(self, base: str, tip: str) -> list[BranchCommit]:
        """The commits of ``base..tip``, newest first."""
        out = self._out("log", "-z", "--format=%H%x00%cE%x00%B", f"{base}..{tip}", "--")
        fields = out.split("\0") if out else []
        return [
            BranchCommit(fields[i].strip(), fields[i + 1], fields[i + 2])
            for i in range(0, len(fields) - 2, 3)
        ]

    def commit(
        self, parent: str, files: Mapping[str, bytes | None], message: str, identity: Identity
    ) -> str:
        """A commit on top of ``parent`` with ``files`` written (None: removed); the index and
        the work tree stay as they are."""
        with tempfile.TemporaryDirectory(prefix="leaddocs-index-") as folder:
            env = {"GIT_INDEX_FILE": os.path.join(folder, "index")}
            self._git("read-tree", parent, env=env)
            entries = []
            for path, data in files.items():
                if data is None:
                    entries.append(f"0 {'0' * 40}\t{path}")
                    continue
                blob = self._git("hash-object", "-w", "--stdin", input=data).stdout.decode()
                entries.append(f"100644 {blob.strip()}\t{path}")
            self._git("update-index", "--index-info", input="\n".join(entries).encode(), env=env)
            tree = self._git("write-tree", env=env).stdout.decode().strip()
        who = {
            "GIT_AUTHOR_NAME": identity.name,
            "GIT_AUTHOR_EMAIL": identity.email,
            "GIT_COMMITTER_NAME": identity.name,
            "GIT_COMMITTER_EMAIL": identity.email,
        }
        done = self._git(
            "commit-tree", tree, "-p", parent, "-F", "-", input=message.encode(), env=who
        )
        return done.stdout.decode().strip()

    def push(self, remote: str, sha: str, branch: str, *, expected: str | None) -> bool:
        """Put ``sha`` at ``branch`` on ``remote`` only if the branch is still at ``expected``
        (None: it must not exist). False when somebody moved it meanwhile."""
        lease = f"--force-with-lease=refs/heads/{branch}:{expected or ''}"
        done = self._git(
            "push",
            "--quiet",
            "--porcelain",
            lease,
            remote,
            f"{sha}:refs/heads/{branch}",
            check=False,
        )
        if done.returncode == 0:
            return True
        text = (done.stdout + done.stderr).decode("utf-8", "replace")
        # Somebody pushed meanwhile: the lease failed here, or the remote lost the race for
        # the ref; the caller builds again. A hook or a rule that refused the push is an error
        # to show as it is.
        if any(reason in text for reason in _RACES):
            return False
        # --porcelain puts the ref's fate on a line starting with "!": "[remote rejected] (why)".
        refused = [line for line in text.splitlines() if line.startswith("!")]
        reason = refused or [line for line in text.strip().splitlines() if line.strip()]
        raise RepositoryError(
            f"git push to {remote} failed: {reason[-1] if reason else done.returncode}"
        )

    def set_local_branch(self, branch: str, sha: str, *, expected: str | None) -> None:
        """Point the local ``branch`` at ``sha`` (it must still be at ``expected``); a branch
        checked out here is refused, its work tree would no longer match."""
        if self.current_branch() == branch:
            raise RepositoryError(f"{branch} is checked out here: switch away from it first")
        self._git("update-ref", f"refs/heads/{branch}", sha, expected or "0" * 40)
