"""The folder of leaddocs' cache of history (``changelog.cache_dir``): files written whole, read
only when they can be trusted, kept under a size (ADR 0016).

Not a generated document (nobody reviews it), so, like the model answers' cache
(``drafting/cache.py``), it is written here, beside the code whose results it keeps, and not
through delivery. What it holds is taken into documents as it is, so it is read only when:

* the folder does not lead outside the repository (``paths.escape_from``);
* git tracks no file in it: a pull request could commit a forged entry, and a CI job would take
  it; the folder ignores itself (its own ``.gitignore``), so no honest entry is ever committed;
* the clone is not shallow (its history is incomplete: everything is read, as before);
* each file is a regular file of a sane size (not a link, a FIFO or a device planted there),
  and what it holds passes its reader's checks (a damaged file is recomputed, never fatal).

A file is written to a temporary name and renamed into place, so a concurrent run reads the old
file or the new, never half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import leaddocs
from leaddocs.config import Config
from leaddocs.history.git import GitRepository
from leaddocs.paths import escape_from

_MAX_FILE = 256 << 20  # one release's section can be big, never this big
# What reading a damaged or planted file raises: not JSON, not the shape expected, or nested
# deeper than json's decoder recurses (a RecursionError, not a ValueError).
DAMAGED = (ValueError, KeyError, TypeError, RecursionError)
_STALE_TEMPORARY = 3600  # seconds: a temporary file this old was left by a run that died


class _Project(Protocol):
    """What of a project (``application/project.py``) the cache asks; a protocol, so that the
    project may keep its own configuration's memo here (``config_memo.py``) without a cycle."""

    repo: GitRepository
    config: Config

    @property
    def root(self) -> Path: ...


class CacheFolder:
    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.path = folder
        self._max_bytes = max_bytes
        self._used: set[str] = set()
        self._wrote = False

    @classmethod
    def open(cls, project: _Project) -> tuple[CacheFolder | None, tuple[str, ...]]:
        """The project's cache folder, or None (with why, when the person should know) when it
        cannot be trusted or is turned off (``changelog.cache_max_mb: 0``)."""
        settings = project.config.changelog
        if settings.cache_max_mb == 0:
            return None, ()
        folder = project.root / settings.cache_dir
        if escape_from(folder, project.root) is not None:
            return None, (f"{settings.cache_dir} leads outside the repository: no cache used",)
        if project.repo.shallow_boundary():
            return None, ()
        if committed(project.repo, project.root, settings.cache_dir):
            return None, (
                f"{settings.cache_dir} holds files committed to git, which nobody can vouch "
                "for: not used (git rm -r --cached it)",
            )
        return cls(folder, settings.cache_max_mb << 20), ()

    def read(self, name: str) -> bytes | None:
        """The bytes of the file ``name``, if it is a regular file of a sane size."""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            handle = os.open(self.path / name, flags)
        except OSError:
            return None
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_FILE:
                return None
            data = stream.read(_MAX_FILE + 1)
        self._used.add(name)
        return data

    def write(self, name: str, data: bytes | Iterable[bytes | memoryview]) -> None:
        """Write the file ``name`` whole, or not at all; ``data`` may come in parts (written
        one by one: a big file never stands in memory twice)."""
        temporary: str | None = None
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            ignore = self.path / ".gitignore"
            if not ignore.exists() and not ignore.is_symlink():
                ignore.write_text("# leaddocs' cache of history (ADR 0016)\n*\n")
            handle, temporary = tempfile.mkstemp(dir=self.path, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                for part in [data] if isinstance(data, bytes) else data:
                    stream.write(part)
            # Of two runs writing one name (the same bytes), either wins.
            os.replace(temporary, self.path / name)
            self._used.add(name)
            self._wrote = True
        except OSError:
            # A cache that cannot be written costs this work again next time, nothing more.
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def prune(self) -> None:
        """Keep the folder under its size: what this run used stays, the oldest of the rest
        goes first (entries of old configurations, of deleted tags)."""
        if not self._wrote:
            return
        try:
            found = [entry for entry in os.scandir(self.path) if entry.is_file()]
        except OSError:
            return
        now = time.time()
        files = []
        for entry in found:
            try:
                info = entry.stat()
            except OSError:
                continue
            if entry.name.startswith(".tmp-"):
                if now - info.st_mtime > _STALE_TEMPORARY:
                    _remove(entry.path)
            elif not entry.name.startswith("."):
                files.append((info.st_mtime, entry.name, info.st_size))
        total = sum(size for _, _, size in files)
        for _, name, size in sorted(files):
            if total <= self._max_bytes:
                break
            if name not in self._used:
                _remove(str(self.path / name))
                total -= size


def committed(repo: GitRepository, root: Path, folder: str) -> bool:
    """Whether git tracks a file in ``folder`` (inside ``root``), by its name or where its
    symlinks lead: a pull request may commit a link ``.leaddocs`` → ``vendored`` and the files
    under ``vendored/``, which git lists under that name only."""
    path = root / folder
    if not path.exists():
        return False
    try:
        real = Path(os.path.realpath(path)).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return True  # out of the repository: nobody vouches for it either
    return repo.tracked_under(folder) or (real != folder and repo.tracked_under(real))


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def canonical(value: Any) -> bytes:
    """``value`` as the bytes a key hashes: one spelling for one value."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


_code_digests: dict[tuple[str, ...], str] = {}
_CODE_MEMO = "code.json"
# A file changed this recently could change again within the same tick of the clock that
# stamps it, unseen by its size and times (git's "racy" entries): no memo is kept then.
_RACY_NS = 2_000_000_000


def code_digest(modules: tuple[str, ...] = (), folder: CacheFolder | None = None) -> str:
    """A hash of leaddocs' own code and packaged templates, or of the ``modules`` named (paths
    in the package, such as ``history/git.py``) when only they shape a result: a change to
    any (an upgrade, a patch, an edit in a checkout) makes the cached results unknown.

    Reading all of it costs ~8 ms a run; with a cache ``folder``, the digest is remembered
    beside the files' sizes, times, inode and device numbers, and read again only when one of
    them changed (a write to a file changes its ctime, which no tool can set back)."""
    if modules not in _code_digests:
        package = Path(leaddocs.__file__).parent
        _code_digests[modules] = package_digest(package, _sources(package, modules), folder)
    return _code_digests[modules]


def package_digest(package: Path, sources: list[Path], folder: CacheFolder | None) -> str:
    """The hash of ``sources`` (names relative to ``package``, and bytes)."""
    signature = _signature(package, sources) if folder is not None else None
    if folder is not None and signature is not None:
        remembered = _remembered(folder, signature[0])
        if remembered is not None:
            return remembered
    digest = hashlib.sha256()
    for path in sources:
        content = path.read_bytes()
        relative = path.relative_to(package).as_posix()
        digest.update(canonical([relative, len(content)]) + content)
    found = digest.hexdigest()
    if folder is not None and signature is not None and time.time_ns() - signature[1] > _RACY_NS:
        memo = {"v": 1, "signature": signature[0], "digest": found}
        folder.write(_CODE_MEMO, canonical(memo))
    return found


def _signature(package: Path, sources: list[Path]) -> tuple[str, int] | None:
    """A hash of each source's name, size, times, inode and device, and the newest time."""
    stats = []
    newest = 0
    for path in sources:
        try:
            info = path.stat()
        except OSError:
            return None
        newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
        stats.append(
            [
                path.relative_to(package).as_posix(), info.st_size, info.st_mtime_ns,
                info.st_ctime_ns, info.st_ino, info.st_dev,
            ]
        )  # fmt: skip
    return hashlib.sha256(canonical(stats)).hexdigest(), newest


def _remembered(folder: CacheFolder, signature: str) -> str | None:
    data = folder.read(_CODE_MEMO)
    if data is None:
        return None
    try:
        memo = json.loads(data)
        if memo["v"] == 1 and memo["signature"] == signature:
            digest = memo["digest"]
            return digest if isinstance(digest, str) and len(digest) == 64 else None
    except DAMAGED:
        pass
    return None


def _sources(package: Path, modules: tuple[str, ...]) -> list[Path]:
    if modules:
        return [package / module for module in modules]
    found: list[Path] = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        found.extend(Path(folder, name) for name in sorted(files) if name.endswith((".py", ".j2")))
    return found
