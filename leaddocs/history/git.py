"""The only module that talks to git (through GitPython's command wrapper).

History is read with ONE streaming ``git log`` process; per-commit object reads through
``Repo.iter_commits`` are about ten times slower on a 100k-commit history.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import git
from git.exc import GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from leaddocs.errors import (
    EmptyRepositoryError,
    NotARepositoryError,
    RefError,
    RepositoryError,
)

# One record per commit, NUL-terminated (-z). Header fields cannot contain a newline, so the
# message (%B, which may hold anything but NUL) is simply everything after the fifth newline.
LOG_FORMAT = "%H%n%P%n%aN%n%aE%n%at%n%B"
_HEADER_FIELDS = 5
_READ_CHUNK = 1 << 20
_SQUASH_LOOKBACK = 1_000  # main-line commits searched for a branch's squashed diff
# As commits._PERSON: each run of spaces is tried once, not once per position in it.
_NAME_AND_EMAIL = re.compile(r"^\s*+(?P<name>(?:.*?\S)??)\s*+<(?P<email>[^>]*)>\s*$")


@dataclass(frozen=True, slots=True)
class RawCommit:
    sha: str
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    timestamp: int
    message: str


@dataclass(frozen=True, slots=True)
class TagRef:
    name: str
    commit: str  # the object the tag points at, peeled: a commit unless ``kind`` says otherwise
    timestamp: int
    kind: str = "commit"  # git's object type: a tag can point at a tree or a blob too


@dataclass(frozen=True, slots=True)
class BranchTip:
    name: str  # as git shows it: "topic", "origin/topic"
    sha: str
    timestamp: int  # of its newest commit
    subject: str


class GitRepository:
    """A repository on disk, opened from any path inside its work tree."""

    def __init__(self, path: Path) -> None:
        try:
            self._repo = git.Repo(path, search_parent_directories=True)
        except (InvalidGitRepositoryError, NoSuchPathError) as exc:
            where = path.resolve()
            raise NotARepositoryError(
                f"{where}: not a git repository (or any parent folder)"
            ) from exc
        if self._repo.bare or self._repo.working_tree_dir is None:
            where = path.resolve()
            raise RepositoryError(f"{where}: is a bare repository; run leaddocs in a work tree")
        self.root = Path(self._repo.working_tree_dir)
        self._git = self._repo.git

    def _run(self, *args: str) -> str:
        try:
            return str(
                self._git.execute(
                    ["git", *args], stdout_as_string=True, strip_newline_in_stdout=True
                )
            )
        except GitCommandError as exc:
            raise RepositoryError(f"{self.root}: git {args[0]} failed: {_reason(exc)}") from exc

    def has_commits(self) -> bool:
        try:
            self._git.execute(["git", "rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        except GitCommandError:
            return False
        return True

    def user_name(self) -> str | None:
        """``user.name`` as git would sign a commit with it, or None when it is not set."""
        try:
            name = self._git.execute(["git", "config", "--get", "user.name"])
        except GitCommandError:
            return None
        return " ".join(str(name).split()) or None

    def require_commits(self) -> None:
        if not self.has_commits():
            raise EmptyRepositoryError(f"{self.root}: the repository has no commits yet")

    def resolve(self, ref: str) -> str:
        """The commit sha ``ref`` names; RefError naming the ref when there is none.

        ``--end-of-options`` keeps a name with a leading dash (a tag ``-v9.9.9``) a ref, never
        an option."""
        if ref == "HEAD":
            self.require_commits()
        try:
            out = self._git.execute(
                [
                    "git",
                    "rev-parse",
                    "--verify",
                    "--quiet",
                    "--end-of-options",
                    f"{ref}^{{commit}}",
                ],
                stdout_as_string=True,
            )
        except GitCommandError as exc:
            kind = self._object_type(ref)
            if kind is not None:
                raise RefError(f"'{ref}' names a {kind}, not a commit") from exc
            raise RefError(
                f"unknown ref '{ref}': no branch, tag or commit of that name in {self.root}"
            ) from exc
        return str(out).strip()

    def _object_type(self, ref: str) -> str | None:
        """The type of the object ``ref`` names, peeled through tags; None when none."""
        try:
            out = self._git.execute(
                ["git", "cat-file", "-t", "--end-of-options", f"{ref}^{{}}"],
                stdout_as_string=True,
            )
        except GitCommandError:
            return None
        return str(out).strip() or None

    def tags(self) -> list[TagRef]:
        """Every tag with the object it points at, annotated tags peeled to their target."""
        fmt = (
            "%(refname:strip=2)%00%(objectname)%00%(objecttype)%00%(*objectname)%00"
            "%(*objecttype)%00%(creatordate:unix)"
        )
        out = self._run("for-each-ref", f"--format={fmt}", "refs/tags")
        found = []
        for line in out.splitlines():
            name, obj, kind, peeled, peeled_kind, stamp = line.split("\0")
            if peeled:
                obj, kind = peeled, peeled_kind
            if kind == "tag":
                # A tag of a tag: for-each-ref peels one level only.
                obj, kind = self._peel(obj)
            found.append(TagRef(name, obj, int(stamp or 0), kind))
        return found

    def _peel(self, tag: str) -> tuple[str, str]:
        """(sha, type) of the object at the end of a chain of tag objects."""
        sha = self._run("rev-parse", "--verify", "--end-of-options", f"{tag}^{{}}")
        return sha, self._run("cat-file", "-t", sha)

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        try:
            self._git.execute(["git", "merge-base", "--is-ancestor", ancestor, commit])
        except GitCommandError as exc:
            if exc.status == 1:
                return False
            raise RepositoryError(f"{self.root}: git merge-base failed: {_reason(exc)}") from exc
        return True

    def tags_merged_into(self, commit: str) -> set[str]:
        out = self._run("tag", "--merged", commit)
        return set(out.splitlines())

    def shallow_boundary(self) -> set[str]:
        """Commits whose parents a shallow clone does not have (empty when not shallow)."""
        shallow_file = Path(self._run("rev-parse", "--git-path", "shallow"))
        if not shallow_file.is_absolute():
            shallow_file = self.root / shallow_file
        if not shallow_file.is_file():
            return set()
        return set(shallow_file.read_text().split())

    def unshallow(self) -> None:
        if self.shallow_boundary():
            self._run("fetch", "--unshallow", "--tags", "origin")

    def remote_url(self, name: str = "origin") -> str | None:
        try:
            out = self._git.execute(["git", "remote", "get-url", name], stdout_as_string=True)
        except GitCommandError:
            return None
        return str(out).strip() or None

    def commits_touching(self, revisions: list[str], paths: list[str]) -> set[str]:
        """Shas of commits in ``revisions`` that change anything under ``paths``."""
        out = self._run("log", "--format=%H", "--full-history", *revisions, "--", *paths)
        return set(out.split())

    def authors_in(self, revisions: list[str]) -> set[tuple[str, str]]:
        """``(name, e-mail)`` of every author (mailmap applied) and co-author in ``revisions``;
        the e-mail may be empty (``--author="Bob <>"``)."""
        if not revisions:
            return set()
        out = self._run(
            "log", "--format=%aN%x00%aE%n%(trailers:key=Co-authored-by,valueonly)", *revisions
        )
        found = set()
        for line in out.splitlines():
            name, nul, email = line.partition("\0")
            if not nul:  # a co-author trailer: Name <e-mail>
                co_author = _NAME_AND_EMAIL.match(line)
                if co_author is None:
                    continue
                name, email = co_author["name"], co_author["email"]
            found.add((name.strip(), email.strip()))
        return found

    def added_times(self, paths: list[str]) -> dict[str, int]:
        """When each path (relative to the root) was first committed, as a unix commit time,
        from one ``git log``; paths never committed are left out."""
        return {path: int(stamp) for path, stamp in self._first_added(paths, "%ct").items()}

    def added_commits(self, paths: list[str]) -> dict[str, str]:
        """The commit that first added each path; paths never committed are left out."""
        return self._first_added(paths, "%H")

    def _first_added(self, paths: list[str], field: str) -> dict[str, str]:
        if not paths or not self.has_commits():
            return {}
        out = self._run(
            "log", "--diff-filter=A", f"--format=%x00{field}", "--name-only", "--", *paths
        )
        found: dict[str, str] = {}
        for record in out.split("\0")[1:]:
            value, _, names = record.partition("\n")
            for name in names.strip("\n").splitlines():
                found[name] = value  # newest first: the last one seen is the first add
        return found

    def is_tracked(self, path: str) -> bool:
        try:
            self._git.execute(["git", "ls-files", "--error-unmatch", "--", path])
        except GitCommandError:
            return False
        return True

    def move(self, source: str, target: str) -> None:
        """``git mv``, so history follows the file."""
        self._run("mv", "--", source, target)

    def first_parent_line(self, ref: str) -> list[tuple[str, int]]:
        """``(sha, committer time)`` of every commit on ``ref``'s first-parent line, newest
        first: the main line as it was built, whatever each commit's clock says."""
        out = self._run("log", "--first-parent", "--format=%H %ct", ref, "--")
        found = []
        for line in out.splitlines():
            sha, _, stamp = line.partition(" ")
            found.append((sha, int(stamp or 0)))
        return found

    def remote_head(self, remote: str = "origin") -> str | None:
        """The branch ``refs/remotes/<remote>/HEAD`` points at (``main``), or None."""
        try:
            out = self._git.execute(
                ["git", "symbolic-ref", "--quiet", f"refs/remotes/{remote}/HEAD"],
                stdout_as_string=True,
            )
        except GitCommandError:
            return None
        return str(out).strip().removeprefix(f"refs/remotes/{remote}/") or None

    def has_ref(self, ref: str) -> bool:
        """Whether the full ref name ``ref`` (``refs/heads/main``) names a commit."""
        try:
            self._git.execute(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"])
        except GitCommandError:
            return False
        return True

    def current_branch(self) -> str | None:
        try:
            out = self._git.execute(
                ["git", "symbolic-ref", "--quiet", "--short", "HEAD"], stdout_as_string=True
            )
        except GitCommandError:
            return None
        return str(out).strip() or None

    def files_changed(self, revisions: list[str]) -> dict[str, list[str]]:
        """The paths each commit of ``revisions`` changed, from one ``git log``."""
        if not revisions:
            return {}
        out = self._run("log", "--format=%x00%H", "--name-only", "--no-renames", *revisions, "--")
        found: dict[str, list[str]] = {}
        for record in out.split("\0")[1:]:
            sha, _, names = record.partition("\n")
            found[sha.strip()] = [name for name in names.splitlines() if name]
        return found

    def changed_between(self, old: str | None, new: str, folder: str) -> dict[str, str]:
        """Files under ``folder`` added (``A``) or modified (``M``) from ``old`` to ``new``
        (from nothing when ``old`` is None), by path from the root."""
        base = old or self._run("hash-object", "-t", "tree", "/dev/null")
        out = self._run(
            "diff", "--name-status", "--no-renames", "--diff-filter=AM", base, new, "--", folder
        )
        found: dict[str, str] = {}
        for line in out.splitlines():
            status, _, path = line.partition("\t")
            found[path] = status
        return found

    def unmerged_branches(self, into: str) -> list[BranchTip]:
        """Local and remote-tracking branches with commits ``into`` does not have."""
        fmt = "%(refname)%00%(refname:short)%00%(objectname)%00%(committerdate:unix)%00%(subject)"
        out = self._run(
            "for-each-ref", f"--format={fmt}", f"--no-merged={into}", "refs/heads", "refs/remotes"
        )
        tips = []
        for line in out.splitlines():
            ref, name, sha, stamp, subject = line.split("\0", 4)
            if ref.endswith("/HEAD"):
                continue
            tips.append(BranchTip(name, sha, int(stamp or 0), subject))
        return tips

    def commits_not_in(self, tip: str, base: str) -> list[tuple[str, int, str]]:
        """``(sha, commit time, author)`` of the commits of ``base..tip``, newest first."""
        out = self._run("log", "--format=%H%x00%ct%x00%aN", f"{base}..{tip}", "--")
        found = []
        for line in out.splitlines():
            sha, stamp, author = line.split("\0", 2)
            found.append((sha, int(stamp), author))
        return found

    def applied_on(self, tip: str, base: str) -> bool:
        """Whether the changes of ``base..tip`` are on ``base`` already, under other commits:
        each commit's patch is there (a rebase merge, cherry-picks: ``git cherry``), or the
        branch's whole diff since the two parted is one commit of ``base`` (a squash merge)."""
        marks = [line[:1] for line in self._run("cherry", base, tip).splitlines()]
        if marks and all(mark == "-" for mark in marks):
            return True
        fork = self._run("merge-base", base, tip)
        squashed = self._patch_ids("diff", fork, tip)
        if not squashed:
            return False  # the branch changes nothing in the end: nothing to find
        merged = self._patch_ids(
            "log", "-p", "--no-merges", f"--max-count={_SQUASH_LOOKBACK}", f"{fork}..{base}", "--"
        )
        return squashed[0] in merged

    def _patch_ids(self, *args: str) -> list[str]:
        """``git patch-id --stable`` of what ``git <args>`` prints (a diff, or log -p)."""
        shown = subprocess.run(["git", *args], cwd=self.root, capture_output=True, check=False)
        if shown.returncode != 0:
            reason = shown.stderr.decode("utf-8", "replace").strip()
            raise RepositoryError(f"{self.root}: git {args[0]} failed: {reason}")
        ids = subprocess.run(
            ["git", "patch-id", "--stable"],
            cwd=self.root,
            input=shown.stdout,
            capture_output=True,
            check=False,
        )
        return [line.split()[0] for line in ids.stdout.decode().splitlines() if line.strip()]

    def log(self, revisions: list[str]) -> Iterator[RawCommit]:
        """Stream commits of ``revisions`` (``git log`` syntax), newest first, in topo order."""
        process = self._git.execute(
            [
                "git",
                "-c",
                "log.showSignature=false",
                "log",
                "-z",
                "--topo-order",
                "--no-color",
                f"--format={LOG_FORMAT}",
                *revisions,
                "--",
            ],
            as_process=True,
        )
        popen = process.proc
        assert popen is not None and popen.stdout is not None
        stdout = popen.stdout
        pending = b""
        try:
            while chunk := stdout.read(_READ_CHUNK):
                pending += chunk
                cut = pending.rfind(b"\0")
                if cut < 0:
                    continue
                # One decode per block of whole records: a bad byte (a Latin-1 message from an
                # old tool) becomes U+FFFD in place and never spills into the next record.
                block = pending[:cut].decode("utf-8", "replace")
                pending = pending[cut + 1 :]
                for record in block.split("\0"):
                    yield _parse_record(record)
            if pending.strip(b"\0\n"):
                yield _parse_record(pending.decode("utf-8", "replace"))
        finally:
            stdout.close()
            stderr = popen.stderr.read() if popen.stderr else b""
            status = popen.wait()
        if status != 0:
            message = stderr.decode("utf-8", "replace").strip().splitlines()
            raise RepositoryError(
                f"{self.root}: git log {' '.join(revisions)} failed: "
                f"{message[-1] if message else f'exit {status}'}"
            )


def _parse_record(record: str) -> RawCommit:
    sha, parents, name, email, stamp, message = record.split("\n", _HEADER_FIELDS)
    return RawCommit(sha, tuple(parents.split()), name, email, int(stamp), message)


def _reason(exc: GitCommandError) -> str:
    """The line of git's error output that says what went wrong.

    That is git's ``fatal:`` or ``error:`` line; the lines after it are advice ("remove the file
    manually to continue") that means nothing without it. Failing those, the last line.
    """
    lines = [
        line.removeprefix("stderr: ").strip(" '")
        for line in str(exc.stderr or "").strip().splitlines()
    ]
    lines = [line for line in lines if line]
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line
    return lines[-1] if lines else str(exc)
