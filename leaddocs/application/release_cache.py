"""Tagged releases kept on disk once computed, so a rerun reads only what is new (ADR 0016).

A tagged release never changes, but what a document shows of it depends on more than its tag:
every entry is keyed by the tag (name, commit, date), the release tags below it in version
order (they decide which commits are its own and who was new), and a fingerprint of everything
else the output depends on: the effective configuration, leaddocs' version and the content of
its own code and packaged templates, the repository's templates folder, the forge its links
point at, ``.github/release.yml`` when a forge is asked, what shapes ``git log``'s output
(``.mailmap``, mailmap and encoding settings, replacement refs, grafts), the paths filter and
the format. Change any of them and the entry is simply not found.

Not a generated document (nobody reviews it), so, like the model answers' cache
(``drafting/cache.py``), it is written here, beside the code whose results it keeps, and not
through delivery. Entries are written whole or not at all (a temporary file renamed into
place), read only from regular files inside the repository and checked field by field (a
damaged entry is recomputed, never fatal), never trusted when git tracks files in the folder
(a pull request could commit a forged one), and the folder is kept under ``cache_max_mb``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import leaddocs
from leaddocs.application.project import Project
from leaddocs.document import Format
from leaddocs.documents.pulls import RELEASE_YML
from leaddocs.history.releases import Reachability
from leaddocs.paths import escape_from

_VERSION = 1  # bumped when an entry's shape changes: older entries are then not found
_ENTRY = ".entry"
_STATE = ".state"
_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")
_KEY = re.compile(r"^[0-9a-f]{64}$")
_MAX_ENTRY = 256 << 20  # one release's section can be big, never this big
_MAX_META = 16 << 20
_TEMPLATES_MAX_FILES = 500  # a templates folder bigger than this is not fingerprinted: no cache
_TEMPLATES_MAX_BYTES = 16 << 20
_STALE_TEMPORARY = 3600  # seconds: a temporary file this old was left by a run that died


@dataclass(frozen=True, slots=True)
class CachedRelease:
    """What a run needs of a tagged release it does not compute again."""

    tag: str
    body: str  # its Markdown section, or its JSON in the list of releases
    changes: int  # how many changes it lists (enrichment looks up the newest N)
    newcomers: tuple[str, ...]  # who wrote a commit in it and in none before (Person.key)
    digest: str | None = None  # a Markdown section's markers.digest, so no rerun hashes it


@dataclass(frozen=True, slots=True)
class TagPoint:
    """A release tag as keys see it."""

    name: str
    commit: str
    timestamp: int


class ReleaseCache:
    def __init__(self, folder: Path, fingerprint: str, max_bytes: int) -> None:
        self._folder = folder
        self._fingerprint = fingerprint
        self._max_bytes = max_bytes
        self._used: set[str] = set()
        self._wrote = False

    @classmethod
    def open(
        cls, project: Project, fmt: Format, paths: Sequence[str], *, enriched: bool
    ) -> tuple[ReleaseCache | None, tuple[str, ...]]:
        """The project's cache for documents in ``fmt``, or None (with why, when the person
        should know) when it cannot be trusted or is turned off."""
        settings = project.config.changelog
        if settings.cache_max_mb == 0:
            return None, ()
        folder = project.root / settings.cache_dir
        outside = escape_from(folder, project.root)
        if outside is not None:
            return None, (f"{settings.cache_dir} leads outside the repository: no release cache",)
        if project.repo.shallow_boundary():
            return None, ()  # a shallow clone's history is incomplete: read it all, as before
        if project.repo.tracked_under(settings.cache_dir):
            return None, (
                f"{settings.cache_dir} holds files committed to git, which nobody can vouch "
                "for: not used (git rm -r --cached it)",
            )
        fingerprint = _fingerprint(project, fmt, paths, enriched=enriched)
        if fingerprint is None:
            return None, ()
        return cls(folder, fingerprint, settings.cache_max_mb << 20), ()

    def keys(self, tags: Iterable[TagPoint]) -> list[str]:
        """The key of each release, lowest version first: its tag and every tag below it."""
        chain = hashlib.sha256(self._fingerprint.encode())
        keys = []
        for tag in tags:
            release = chain.copy()
            release.update(_canonical(["release", tag.name, tag.commit, tag.timestamp]))
            keys.append(release.hexdigest())
            chain.update(_canonical(["below", tag.name, tag.commit]))
        return keys

    def get(self, key: str) -> CachedRelease | None:
        data = _read(self._folder / f"{key}{_ENTRY}")
        if data is None:
            return None
        found = _entry(data, key)
        if found is not None:
            self._used.add(key)
        return found

    def put(self, key: str, release: CachedRelease) -> None:
        body = release.body.encode("utf-8")
        meta = {
            "v": _VERSION,
            "key": key,
            "tag": release.tag,
            "changes": release.changes,
            "newcomers": list(release.newcomers),
            "digest": release.digest,
            "bytes": len(body),
        }
        self._write(f"{key}{_ENTRY}", _canonical(meta) + b"\n" + body)
        self._used.add(key)

    def reachability(self) -> Reachability | None:
        """What the last run learnt about which release tags HEAD reaches."""
        key = self._state_key()
        data = _read(self._folder / f"{key}{_STATE}")
        if data is None:
            return None
        try:
            meta = json.loads(data)
            if meta["v"] != _VERSION or meta["key"] != key:
                return None
            head, tagged, reached = meta["head"], meta["tagged"], meta["reached"]
            if not _is_sha(head) or not all(map(_is_sha, [*tagged, *reached])):
                return None
            return Reachability(head, frozenset(tagged), frozenset(reached))
        except (ValueError, KeyError, TypeError):
            return None

    def remember(self, reachability: Reachability) -> None:
        key = self._state_key()
        meta = {
            "v": _VERSION,
            "key": key,
            "head": reachability.head,
            "tagged": sorted(reachability.tagged),
            "reached": sorted(reachability.reached),
        }
        self._write(f"{key}{_STATE}", _canonical(meta))
        self._used.add(key)

    def _state_key(self) -> str:
        return hashlib.sha256(_canonical(["reachability", self._fingerprint])).hexdigest()

    def _write(self, name: str, data: bytes) -> None:
        temporary: str | None = None
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            ignore = self._folder / ".gitignore"
            if not ignore.exists() and not ignore.is_symlink():
                ignore.write_text("# leaddocs' cache of tagged releases (ADR 0016)\n*\n")
            handle, temporary = tempfile.mkstemp(dir=self._folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            # A reader sees the old entry or the new, never half of one; of two runs writing
            # one key (the same bytes), either wins.
            os.replace(temporary, self._folder / name)
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
            found = [entry for entry in os.scandir(self._folder) if entry.is_file()]
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
                continue
            if entry.name.endswith((_ENTRY, _STATE)):
                files.append((info.st_mtime, entry.name, info.st_size))
        total = sum(size for _, _, size in files)
        for _, name, size in sorted(files):
            if total <= self._max_bytes:
                break
            if name.split(".", 1)[0] in self._used:
                continue
            _remove(str(self._folder / name))
            total -= size


def _entry(data: bytes, key: str) -> CachedRelease | None:
    """The entry in ``data`` if it is whole and is the one asked for; None otherwise."""
    meta_end = data.find(b"\n", 0, _MAX_META)
    if meta_end < 0:
        return None
    try:
        meta = json.loads(data[:meta_end])
        body = data[meta_end + 1 :]
        if (
            meta["v"] != _VERSION
            or meta["key"] != key
            or meta["bytes"] != len(body)
            or not isinstance(meta["tag"], str)
            or type(meta["changes"]) is not int
            or meta["changes"] < 0
            or not all(isinstance(who, str) for who in meta["newcomers"])
            or not (meta["digest"] is None or _KEY.match(str(meta["digest"])))
        ):
            return None
        return CachedRelease(
            meta["tag"],
            body.decode("utf-8"),
            meta["changes"],
            tuple(meta["newcomers"]),
            meta["digest"],
        )
    except (ValueError, KeyError, TypeError):
        return None  # damaged, or written by something else: computed again


def _read(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of a sane size (not a link, a FIFO or a
    device planted there), else None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_ENTRY:
            return None
        return stream.read(_MAX_ENTRY + 1)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and _SHA.match(value) is not None


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _fingerprint(
    project: Project, fmt: Format, paths: Sequence[str], *, enriched: bool
) -> str | None:
    """A hash of everything besides the tags that a tagged release's output depends on; None
    when part of it cannot be read (then nothing is cached)."""
    templates = _folder_digest(project.templates_dir)
    if templates is None:
        return None
    forge = project.forge()
    config = project.config.model_dump(
        mode="json", exclude={"source": True, "changelog": {"cache_dir", "cache_max_mb"}}
    )
    parts = {
        "cache": _VERSION,
        "leaddocs": leaddocs.__version__,
        "code": code_digest(),
        "python": list(sys.version_info[:2]),
        "jinja2": _version_of("jinja2"),
        "config": config,
        "templates": templates,
        "forge": None if forge is None else [forge.provider, forge.web_url],
        "release_yml": _release_yml_digest(project) if enriched else None,
        "git": project.repo.log_inputs(),
        "paths": sorted(paths),
        "format": fmt,
    }
    return hashlib.sha256(_canonical(parts)).hexdigest()


def _version_of(module: str) -> str | None:
    loaded = sys.modules.get(module)
    if loaded is None:
        loaded = __import__(module)
    return str(getattr(loaded, "__version__", None))


_code_digest: list[str] = []


def code_digest() -> str:
    """A hash of leaddocs' own code and packaged templates: a change to either (an upgrade, a
    patch, an edit in a checkout) makes every cached release unknown."""
    if not _code_digest:
        package = Path(leaddocs.__file__).parent
        digest = hashlib.sha256()
        for folder, subfolders, files in os.walk(package):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".j2")):
                    path = Path(folder, name)
                    content = path.read_bytes()
                    relative = path.relative_to(package).as_posix()
                    digest.update(_canonical([relative, len(content)]) + content)
        _code_digest.append(digest.hexdigest())
    return _code_digest[0]


def _folder_digest(folder: Path) -> str | None:
    """A hash of every file under ``folder`` (names and bytes); "" when there is no folder;
    None when it is too big to read every run."""
    if not folder.is_dir():
        return ""
    digest = hashlib.sha256()
    count = size = 0
    for path in sorted(folder.rglob("*")):
        try:
            info = path.stat()
        except OSError:
            continue  # a dangling link: the renderer says so when it matters
        if not stat.S_ISREG(info.st_mode):
            continue
        count += 1
        size += info.st_size
        if count > _TEMPLATES_MAX_FILES or size > _TEMPLATES_MAX_BYTES:
            return None
        content = _read(path) if not path.is_symlink() else path.read_bytes()
        if content is None:
            return None
        digest.update(_canonical([path.relative_to(folder).as_posix(), len(content)]) + content)
    return digest.hexdigest()


def _release_yml_digest(project: Project) -> str:
    digest = hashlib.sha256()
    for name in RELEASE_YML:
        path = project.root / name
        with contextlib.suppress(OSError):
            digest.update(_canonical([name]) + path.read_bytes())
    return digest.hexdigest()
