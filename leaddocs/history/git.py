"""The only module that talks to git (beside ``branches.py``'s plumbing), as a process.

History is read with ONE streaming ``git log`` process; per-commit object reads through
``Repo.iter_commits`` are about ten times slower on a 100k-commit history. git is run with
``subprocess`` directly: GitPython, which only wrapped the process here, cost 60 ms of every
run's start-up to import (ADR 0016).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from leaddocs.errors import (
    EmptyRepositoryError,
    NotARepositoryError,
    RefError,
    RepositoryError,
)
from leaddocs.history.changed_files import HEADER, RAW_ARGS, CommitFiles, parse_raw
from leaddocs.history.stream import RecordStream

# One record per commit, NUL-terminated (-z). Header fields cannot contain a newline, so the
# message (%B, which may hold anything but NUL) is simply everything after the fifth newline.
LOG_FORMAT = "%H%n%P%n%aN%n%aE%n%at%n%B"
HEADER_FIELDS = 5
MAX_BLOB = 8 << 20  # a record, a page or a draft's record read from history: never this big
_SETTINGS_FILE_MAX = 16 << 20  # a .mailmap bigger than this is hashed by its start
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


class GitFailed(Exception):
    """A git command that exited with a status the caller did not expect."""

    def __init__(self, status: int, stderr: str) -> None:
        super().__init__(stderr)
        self.status = status
        self.stderr = stderr


# git's messages in English whatever the person's locale, so they can be read (as GitPython did).
_ENVIRONMENT = {"LANGUAGE": "C", "LC_ALL": "C"}


def _git(cwd: Path, *args: str) -> tuple[int, str, bytes]:
    """``git <args>``'s exit status, output (trailing newline stripped) and error output."""
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env={**os.environ, **_ENVIRONMENT},
        check=False,
    )
    out = done.stdout.decode("utf-8", "surrogateescape")
    return done.returncode, out[:-1] if out.endswith("\n") else out, done.stderr


def run_git(cwd: Path, *args: str) -> str:
    """``git <args>``'s output (trailing newline stripped); GitFailed when it exits non-zero."""
    status, out, err = _git(cwd, *args)
    if status != 0:
        raise GitFailed(status, err.decode("utf-8", "replace"))
    return out


# The settings a run reads, asked of git in one process: what shapes `git log`'s output
# (mailmap, i18n; for the cache key) and where the remotes are (links, the forge).
_SETTINGS = r"^(mailmap|i18n)\.|^remote\..*\.url$|^url\."
_LOG_SETTINGS = ("mailmap.", "i18n.")
_LEGACY_REMOTES = ("remotes", "branches")  # remotes defined by files, as git did before config


class GitRepository:
    """A repository on disk, opened from any path inside its work tree.

    HEAD is resolved once, when it is opened: every question about HEAD in one run (a process,
    one build of the site) gets the same commit, even if a commit lands meanwhile."""

    def __init__(self, path: Path) -> None:
        where = path.resolve()
        # One process for the work tree, the common folder and HEAD (exit 1: no commits yet).
        try:
            status, out, _ = _git(
                where, "rev-parse", "--show-toplevel", "--git-common-dir",
                "--verify", "--quiet", "HEAD^{commit}",
            )  # fmt: skip
        except OSError as exc:
            raise self._not_a_work_tree(where) from exc
        lines = out.splitlines()
        if status not in (0, 1) or len(lines) != 2 + (status == 0):
            raise self._not_a_work_tree(where)
        self.root = Path(lines[0])
        # Where the repository's own files are (shared by its worktrees): the shallow list.
        self.common_dir = (where / lines[1]).resolve()
        self._head = lines[2] if status == 0 else None
        self._remotes: dict[str, str | None] = {}
        self._settings: list[tuple[str, str]] | None = None

    @staticmethod
    def _not_a_work_tree(where: Path) -> RepositoryError:
        try:
            bare = where.is_dir() and run_git(where, "rev-parse", "--is-bare-repository")
        except GitFailed:
            bare = False
        if bare == "true":
            return RepositoryError(f"{where}: is a bare repository; run leaddocs in a work tree")
        if bare == "false":
            return RepositoryError(
                f"{where}: is inside a .git folder; run leaddocs in the work tree"
            )
        return NotARepositoryError(f"{where}: not a git repository (or any parent folder)")

    def _run(self, *args: str) -> str:
        try:
            return run_git(self.root, *args)
        except GitFailed as exc:
            raise RepositoryError(f"{self.root}: git {args[0]} failed: {_reason(exc)}") from exc

    def _ask(self, *args: str) -> str | None:
        """``git <args>``'s output, or None when git says no (a non-zero exit)."""
        try:
            return run_git(self.root, *args)
        except GitFailed:
            return None

    def has_commits(self) -> bool:
        return self._head is not None

    def user_name(self) -> str | None:
        """``user.name`` as git would sign a commit with it, or None when it is not set."""
        name = self._ask("config", "--get", "user.name")
        return " ".join(name.split()) or None if name is not None else None

    def require_commits(self) -> None:
        if not self.has_commits():
            raise EmptyRepositoryError(f"{self.root}: the repository has no commits yet")

    def resolve(self, ref: str) -> str:
        """The commit sha ``ref`` names; RefError naming the ref when there is none.

        ``--end-of-options`` keeps a name with a leading dash (a tag ``-v9.9.9``) a ref, never
        an option."""
        if ref == "HEAD" and self._head is not None:
            return self._head
        out = self._ask("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        if out is None:
            if ref == "HEAD":
                self.require_commits()
            kind = self._object_type(ref)
            if kind is not None:
                raise RefError(f"'{ref}' names a {kind}, not a commit")
            raise RefError(
                f"unknown ref '{ref}': no branch, tag or commit of that name in {self.root}"
            )
        return out.strip()

    def _object_type(self, ref: str) -> str | None:
        """The type of the object ``ref`` names, peeled through tags; None when none."""
        out = self._ask("cat-file", "-t", "--end-of-options", f"{ref}^{{}}")
        return out.strip() or None if out is not None else None

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
            found.append(TagRef(name, obj, int(stamp or 0), kind))
        # A tag of a tag: for-each-ref peels one level only; the rest are peeled together.
        deeper = self._peeled([ref.commit for ref in found if ref.kind == "tag"])
        for index, ref in enumerate(found):
            if ref.commit in deeper:
                peeled, kind = deeper[ref.commit]
                found[index] = TagRef(ref.name, peeled, ref.timestamp, kind)
        return found

    def _peeled(self, tags: list[str]) -> dict[str, tuple[str, str]]:
        """(sha, type) of the object at the end of each chain of tag objects ``tags`` (shas):
        one ``git cat-file --batch-check``, however many."""
        if not tags:
            return {}
        asked = list(dict.fromkeys(tags))
        shown = self._cat_file(
            "--batch-check=%(objectname) %(objecttype)", [f"{sha}^{{}}" for sha in asked]
        )
        found = {}
        for sha, answer in zip(
            asked, shown.stdout.decode("ascii", "replace").splitlines(), strict=False
        ):
            peeled, _, kind = answer.partition(" ")
            if kind and kind != "missing":
                found[sha] = (peeled, kind)
        return found

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        try:
            run_git(self.root, "merge-base", "--is-ancestor", ancestor, commit)
        except GitFailed as exc:
            if exc.status == 1:
                return False
            raise RepositoryError(f"{self.root}: git merge-base failed: {_reason(exc)}") from exc
        return True

    def commits_since(self, old: str, new: str) -> set[str] | None:
        """The commits ``new`` reaches and ``old`` does not, when ``old`` is an ancestor of
        ``new``; None when it is not (history was rewritten) or git no longer has it."""
        out = self._ask("rev-list", "--left-right", f"{new}...{old}", "--")
        if out is None:
            return None
        marked = out.split()
        if any(line.startswith(">") for line in marked):
            return None
        return {line[1:] for line in marked}

    def tracked_under(self, folder: str) -> bool:
        """Whether git tracks any file under ``folder`` (a path from the root)."""
        return bool(self._ask("ls-files", "-z", "--", f":(literal){folder}"))

    def log_inputs(self) -> list[str]:
        """What, besides the commits, shapes what ``git log`` prints of them: the mailmap
        (``.mailmap``, ``mailmap.file``, ``mailmap.blob``), the output encoding, replacement
        refs and grafts; as text to hash, so a change to any of them is noticed."""
        settings = [(n, v) for n, v in self._config() if n.startswith(_LOG_SETTINGS)]
        found = ["config:" + "".join(f"{name}\n{value}\0" for name, value in settings)]
        for name, value in settings:
            if name == "mailmap.file":
                found.append(f"mailmap.file:{_digest_of(self.root / Path(value).expanduser())}")
            elif name == "mailmap.blob":
                found.append(f"mailmap.blob:{self._ask('rev-parse', '--verify', '--quiet', value)}")
        found.append(f".mailmap:{_digest_of(self.root / '.mailmap')}")
        found.append(f"grafts:{_digest_of(self.common_dir / 'info' / 'grafts')}")
        found.append(f"replace:{self._replacements()}")
        found.extend(
            f"{name}={os.environ.get(name)}"
            for name in ("GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_GRAFT_FILE")
        )
        return found

    def _replacements(self) -> str:
        """The replacement refs (``git replace``), listed by git only when there may be some:
        asking costs a process on every run, and almost no repository has any."""
        files_backend = (self.common_dir / "refs").is_dir() and not (
            self.common_dir / "reftable"
        ).exists()
        if files_backend and not (self.common_dir / "refs" / "replace").exists():
            try:
                packed = (self.common_dir / "packed-refs").read_bytes()
            except FileNotFoundError:
                packed = b""
            except OSError:
                packed = b"refs/replace/"  # cannot tell: ask git
            if b"refs/replace/" not in packed:
                return ""
        return self._run("for-each-ref", "--format=%(refname) %(objectname)", "refs/replace")

    def tags_merged_into(self, commit: str) -> set[str]:
        out = self._run("tag", "--merged", commit)
        return set(out.splitlines())

    def shallow_boundary(self) -> set[str]:
        """Commits whose parents a shallow clone does not have (empty when not shallow)."""
        try:
            return set((self.common_dir / "shallow").read_text().split())
        except FileNotFoundError:
            return set()

    def unshallow(self) -> None:
        if self.shallow_boundary():
            self._run("fetch", "--unshallow", "--tags", "origin")

    def _config(self) -> list[tuple[str, str]]:
        """The settings of ``_SETTINGS`` (name, value), in git's order; asked once."""
        if self._settings is None:
            out = self._ask("config", "-z", "--get-regexp", _SETTINGS) or ""
            self._settings = [
                (name, value)
                for name, _, value in (entry.partition("\n") for entry in out.split("\0"))
                if name
            ]
        return self._settings

    def remote_url(self, name: str = "origin") -> str | None:
        if name not in self._remotes:  # asked once: links, the forge and the cache all ask
            settings = self._config()
            urls = [value for key, value in settings if key == f"remote.{name}.url"]
            rewritten = any(key.startswith("url.") for key, _ in settings)  # url.*.insteadOf
            legacy = any((self.common_dir / kind / name).exists() for kind in _LEGACY_REMOTES)
            if not urls and not legacy:
                self._remotes[name] = None  # no such remote
            elif urls and not rewritten:
                self._remotes[name] = urls[0].strip() or None  # what `git remote get-url` says
            else:  # rewritten, or a remote in .git/remotes or .git/branches: git knows
                out = self._ask("remote", "get-url", name)
                self._remotes[name] = out.strip() or None if out is not None else None
        return self._remotes[name]

    def commits_touching(self, revisions: list[str], paths: list[str]) -> set[str]:
        """Shas of commits in ``revisions`` that change anything under ``paths``."""
        out = self._run("log", "--format=%H", "--full-history", *revisions, "--", *paths)
        return set(out.split())

    def authors_in(self, revisions: list[str]) -> set[tuple[str, str]]:
        """``(name, e-mail)`` of every author and co-author in ``revisions``, mailmap applied;
        the e-mail may be empty (``--author="Bob <>"``)."""
        if not revisions:
            return set()
        out = self._run(
            "log", "--format=%aN%x00%aE%n%(trailers:key=Co-authored-by,valueonly)", *revisions
        )
        found = set()
        co_authors = set()
        for line in out.splitlines():
            name, nul, email = line.partition("\0")
            if nul:
                found.add((name.strip(), email.strip()))
                continue
            co_author = _NAME_AND_EMAIL.match(line)  # a co-author trailer: Name <e-mail>
            if co_author is not None:
                co_authors.add((co_author["name"].strip(), co_author["email"].strip()))
        mapped = self.mailmap(sorted(co_authors)) if co_authors else {}
        return found | {mapped.get(identity, identity) for identity in co_authors}

    def names_in(self, revisions: list[str]) -> set[str]:
        """Every name an author or co-author of ``revisions`` goes by, as the commit wrote it
        and as ``.mailmap`` gives it: the people a statement may name. One ``git log``."""
        if not revisions:
            return set()
        out = self._run(
            "log", "--format=%aN%x00%an%x00%n%(trailers:key=Co-authored-by,valueonly)", *revisions
        )
        names: set[str] = set()
        co_authors: set[tuple[str, str]] = set()
        for line in out.splitlines():
            if "\0" in line:
                names.update(line.split("\0"))
                continue
            co_author = _NAME_AND_EMAIL.match(line)
            if co_author is not None:
                co_authors.add((co_author["name"].strip(), co_author["email"].strip()))
        mapped = self.mailmap(sorted(co_authors)) if co_authors else {}
        names.update(name for name, _ in co_authors)
        names.update(name for name, _ in mapped.values())
        return {name.strip() for name in names if name.strip()}

    def mailmap(self, people: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
        """``(name, e-mail)`` → the identity ``.mailmap`` gives it, for those it changes; one
        ``git check-mailmap``. Co-authors need it: git maps only authors and committers."""
        asked = [(n, e) for n, e in people if not any(c in n + e for c in "<>\n\0")]
        if not asked:
            return {}
        lines = "".join(f"{name} <{email}>\n" for name, email in asked)
        shown = subprocess.run(
            ["git", "check-mailmap", "--stdin"],
            cwd=self.root,
            input=lines.encode(),
            capture_output=True,
            check=False,
        )
        if shown.returncode != 0:
            return {}  # an unreadable .mailmap: names stay as written
        answers = shown.stdout.decode("utf-8", "replace").splitlines()
        mapped = {}
        for identity, answer in zip(asked, answers, strict=False):
            found = _NAME_AND_EMAIL.match(answer)
            if found is not None and (found["name"], found["email"]) != identity:
                mapped[identity] = (found["name"], found["email"])
        return mapped

    def added_times(self, paths: list[str]) -> dict[str, int]:
        """When each path (relative to the root) was first committed, as a unix commit time,
        from one ``git log``; paths never committed are left out."""
        return {path: int(stamp) for path, stamp in self._first_added(paths, "%ct").items()}

    def added_commits(self, paths: list[str]) -> dict[str, str]:
        """The commit that first added each path; paths never committed are left out."""
        return self._first_added(paths, "%H")

    def added_dates(self, paths: list[str]) -> dict[str, str]:
        """The author date (YYYY-MM-DD, in the author's time zone) of the commit that first
        added each path, from one ``git log``; paths never committed are left out."""
        return self._first_added(paths, "%as")

    def _first_added(self, paths: list[str], field: str) -> dict[str, str]:
        if not paths or not self.has_commits():
            return {}
        # -z: names as they are (no quoting of non-ASCII names); :(literal): a name with a
        # '*' or '[' is that name, not a pattern.
        out = self._run(
            "log", "-z", "--diff-filter=A", f"--format=%x01{field}", "--name-only", "--",
            *(f":(literal){path}" for path in paths),
        )  # fmt: skip
        found: dict[str, str] = {}
        value = ""
        for token in out.split("\0"):
            if token.startswith("\x01"):  # a commit: its field, then the names it added
                value = token[1:]
            elif token:
                found[token.removeprefix("\n")] = value  # newest first: the last is the first
        return found

    def is_tracked(self, path: str) -> bool:
        return self._ask("ls-files", "--error-unmatch", "--", path) is not None

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
        out = self._ask("symbolic-ref", "--quiet", f"refs/remotes/{remote}/HEAD")
        if out is None:
            return None
        return out.strip().removeprefix(f"refs/remotes/{remote}/") or None

    def has_ref(self, ref: str) -> bool:
        """Whether the full ref name ``ref`` (``refs/heads/main``) names a commit."""
        return self._ask("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is not None

    def current_branch(self) -> str | None:
        out = self._ask("symbolic-ref", "--quiet", "--short", "HEAD")
        return out.strip() or None if out is not None else None

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

    def first_parent_changes(
        self, ref: str, paths: list[str], *, pickaxe: str | None = None
    ) -> list[CommitFiles]:
        """The commits of ``ref``'s first-parent line that change ``paths`` (a merge: what it
        brought in), oldest first, with the blobs of each file they change. ``pickaxe``: only
        those whose changes add or remove a line matching it (``git log -G``)."""
        chosen = [f"-G{pickaxe}"] if pickaxe else []
        out = self._run(
            "log", "--first-parent", "--reverse", *RAW_ARGS, *chosen, f"--format={HEADER}",
            ref, "--", *paths,
        )  # fmt: skip
        return parse_raw(out)

    def commit_files(self, shas: list[str]) -> list[CommitFiles]:
        """Each commit of ``shas`` (in that order) with the blobs of the files it changes."""
        if not shas:
            return []
        out = self._run("log", "--no-walk=unsorted", *RAW_ARGS, f"--format={HEADER}", *shas, "--")
        return parse_raw(out)

    def read_blobs(self, specs: list[str], most: int = MAX_BLOB) -> dict[str, bytes | None]:
        """What each object ``spec`` (a blob id, or ``commit:path``) holds, from one ``git
        cat-file --batch``; None for a spec naming no blob, or a blob over ``most`` bytes (a
        file of gigabytes committed once is not read into memory: sizes are asked first)."""
        found: dict[str, bytes | None] = dict.fromkeys(specs)
        asked = [spec for spec in found if "\n" not in spec]  # one spec a line
        if not asked:
            return found
        sized = self._cat_file("--batch-check=%(objecttype) %(objectsize)", asked)
        answers = sized.stdout.decode("ascii", "replace").splitlines()
        asked = [
            spec
            for spec, answer in zip(asked, answers, strict=False)
            if (kind := answer.split())[:1] == ["blob"] and len(kind) == 2 and int(kind[1]) <= most
        ]
        if not asked:
            return found
        done = self._cat_file("--batch", asked)
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip()
            raise RepositoryError(f"{self.root}: git cat-file failed: {reason}")
        out, at = done.stdout, 0
        for spec in asked:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) == 3 and header[1] in (b"blob", b"tree", b"commit", b"tag"):
                size = int(header[2])
                if header[1] == b"blob":
                    found[spec] = out[at : at + size]
                at += size + 1  # the content and its newline
        return found

    def _cat_file(self, option: str, lines: list[str]) -> subprocess.CompletedProcess[bytes]:
        """One ``git cat-file OPTION`` asked about ``lines``, one a line (its exit not checked)."""
        return subprocess.run(
            ["git", "cat-file", option],
            cwd=self.root,
            input="".join(f"{line}\n" for line in lines).encode("utf-8", "surrogateescape"),
            capture_output=True,
            check=False,
        )

    def refs_matching(self, patterns: list[str]) -> list[tuple[str, str]]:
        """``(short name, sha)`` of the refs matching ``patterns`` (``git for-each-ref``)."""
        out = self._run("for-each-ref", "--format=%(refname:short)%00%(objectname)", *patterns)
        return [(name, sha) for name, _, sha in (line.partition("\0") for line in out.splitlines())]

    def last_change(self, tip: str, path: str) -> tuple[str, int] | None:
        """``(sha, committer time)`` of the newest commit of ``tip`` that changes ``path``."""
        out = self._run("log", "-1", "--format=%H %ct", tip, "--", path)
        sha, _, stamp = out.partition(" ")
        return (sha, int(stamp)) if sha else None

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

    def renamed_since(self, old: str, folder: str) -> dict[str, str]:
        """Files under ``folder`` git finds renamed from ``old`` to ``HEAD`` (``adr renumber``
        moves a record): each one's path now → its path at ``old``."""
        out = self._run("diff", "-z", "--name-status", "-M", "--diff-filter=R", old, "HEAD",
                        "--", folder)  # fmt: skip
        fields = out.split("\0")
        # -z: "R100", the old path, the new path, one field each.
        return {fields[at + 2]: fields[at + 1] for at in range(0, len(fields) - 2, 3)}

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

    def commit_patch_ids(self, shas: list[str]) -> dict[str, str]:
        """``git patch-id --stable`` of each commit of ``shas`` (merges and empty commits have
        none): one ``git diff-tree --stdin -p`` piped into one ``git patch-id``, whatever the
        number of commits."""
        if not shas:
            return {}
        diffs = subprocess.Popen(
            ["git", "diff-tree", "--stdin", "-p", "--no-color", "--no-ext-diff"],
            cwd=self.root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert diffs.stdin is not None and diffs.stdout is not None
        ids = subprocess.Popen(
            ["git", "patch-id", "--stable"],
            cwd=self.root,
            stdin=diffs.stdout,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        diffs.stdout.close()  # patch-id holds the pipe now: diff-tree sees it close with it
        # Fed from a thread: with thousands of commits every pipe fills, and a writer that
        # waits for diff-tree while nobody reads patch-id would wait for ever.
        feeder = threading.Thread(target=_feed, args=(diffs.stdin, shas), daemon=True)
        feeder.start()
        out, _ = ids.communicate()
        feeder.join()
        if diffs.wait() != 0 or ids.returncode != 0:
            raise RepositoryError(f"{self.root}: git patch-id of {len(shas)} commits failed")
        found: dict[str, str] = {}
        for line in out.decode().splitlines():
            patch_id, _, sha = line.partition(" ")
            if sha:
                found[sha.strip()] = patch_id
        return found

    def commits_of(self, args: list[str], limit: int) -> list[RawCommit]:
        """At most ``limit`` commits that ``git log <args>`` lists, newest first: a few, read
        whole (the history of a release is streamed by ``log``)."""
        out = self._run("log", "-z", f"--max-count={limit}", f"--format={LOG_FORMAT}", *args, "--")
        return [parse_record(record) for record in out.split("\0") if record.strip("\n")]

    def log(self, revisions: list[str]) -> Iterator[RawCommit]:
        """Stream commits of ``revisions`` (``git log`` syntax), newest first, in topo order."""
        for block in self.log_records(revisions):
            for record in block:
                yield parse_record(record)

    def log_records(self, revisions: list[str]) -> Iterator[list[str]]:
        """The records of ``log`` (``LOG_FORMAT``, decoded) in blocks, read on a thread beside
        git while the caller parses the block before: git never waits for Python."""
        command = [
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
        ]
        stream = RecordStream(command, self.root, {**os.environ, **_ENVIRONMENT})
        yield from stream
        if stream.status != 0:
            message = stream.stderr.strip().splitlines()
            raise RepositoryError(
                f"{self.root}: git log {' '.join(revisions)} failed: "
                f"{message[-1] if message else f'exit {stream.status}'}"
            )


def _feed(stream: IO[bytes], shas: list[str]) -> None:
    # A broken pipe means diff-tree stopped early; its exit status says why.
    with contextlib.suppress(BrokenPipeError):
        stream.write("".join(f"{sha}\n" for sha in shas).encode())
    with contextlib.suppress(BrokenPipeError):
        stream.close()


def parse_record(record: str) -> RawCommit:
    sha, parents, name, email, stamp, message = record.split("\n", HEADER_FIELDS)
    return RawCommit(sha, tuple(parents.split()), name, email, int(stamp), message)


def _digest_of(path: Path) -> str | None:
    """The SHA-256 of a file's bytes (its start, when big); None when there is no regular
    file there (a FIFO is never waited on)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        return hashlib.sha256(stream.read(_SETTINGS_FILE_MAX)).hexdigest()


def _reason(exc: GitFailed) -> str:
    """The line of git's error output that says what went wrong.

    That is git's ``fatal:`` or ``error:`` line; the lines after it are advice ("remove the file
    manually to continue") that means nothing without it. Failing those, the last line.
    """
    lines = [line.strip() for line in exc.stderr.strip().splitlines()]
    lines = [line for line in lines if line]
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line
    return lines[-1] if lines else f"exit {exc.status}"
