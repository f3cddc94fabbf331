"""What one ``mkdocs serve`` keeps between its rebuilds, so that a rebuild after one ADR edit
reads and makes again only what the edit changed.

Nothing kept may be stale: every rebuild still lists the ADR folder and reads every record's
bytes (a few milliseconds), and a value is used again only when all it was made from is equal:

- a record: its file's bytes, and the real paths of the repository and of the ADR folder. A
  symlink, or anything but a regular file, is read afresh every time (where it leads can
  change while the folder does not);
- a record's page: the record, the records it links (the page names their titles), and the
  bytes its file had in this rebuild;
- the index, timeline and graph: the whole decision log (every record, the unreadable ones and
  what is wrong in them);
- the history's pages (Releases, Drafting stats): ``HEAD`` and its branch, every ref, the
  shallow boundary, what shapes ``git log`` (mailmap, replacements, grafts), the forge links go
  to, the configuration, the templates folder and ``.github/release.yml``. With a forge token
  they are made again every time: a pull request can change on the forge without a commit.

MkDocs keeps the plugin instance, and so this memo, across the rebuilds of one ``serve``; a
``mkdocs build`` starts with none and reads everything.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from leaddocs.adr.log import read_file
from leaddocs.adr.model import REVERSE, Adr, Finding
from leaddocs.application.cache_folder import canonical
from leaddocs.application.project import Project
from leaddocs.application.release_cache import _folder_digest, _release_yml_digest
from leaddocs.config import as_data

Made = TypeVar("Made")


@dataclasses.dataclass(frozen=True, slots=True)
class _Read:
    data: bytes
    adr: Adr  # as read: handed out as copies, since the log links and dates its records in place


class RecordReads:
    """``load_log``'s reader that parses a record again only when its bytes changed."""

    def __init__(self) -> None:
        self._where: tuple[str, ...] = ()
        self._kept: dict[Path, _Read] = {}
        self._seen: dict[Path, bytes] = {}  # this rebuild's bytes of each regular file

    def start(self, root: Path, folder: Path) -> None:
        """Before each rebuild: a record read in another folder or repository is not kept."""
        where = (str(root), str(folder), os.path.realpath(root), os.path.realpath(folder))
        if where != self._where:
            self._where, self._kept = where, {}
        self._kept = {path: read for path, read in self._kept.items() if path in self._seen}
        self._seen = {}

    def __call__(self, path: Path, rel: str, root: Path) -> Adr | Finding | None:
        data = _regular_bytes(path)
        if data is None:  # a symlink, a FIFO, a file that cannot be read: as a build reads it
            return read_file(path, rel, root)
        self._seen[path] = data
        kept = self._kept.get(path)
        if kept is None or kept.data != data:
            result = read_file(path, rel, root)
            if not isinstance(result, Adr) or result.sha256 != hashlib.sha256(data).hexdigest():
                self._kept.pop(path, None)  # unreadable, or changed again while read: not kept
                self._seen.pop(path, None)
                return result
            kept = self._kept[path] = _Read(data, result)
        return dataclasses.replace(kept.adr, links={kind: [] for kind in REVERSE})

    def bytes_of(self, path: Path) -> bytes | None:
        """The bytes this rebuild read from ``path``; None when they were not kept."""
        return self._seen.get(path)


class SiteMemo:
    """The records read and the pages made by the last rebuild, each with what it came from."""

    def __init__(self) -> None:
        self.reads = RecordReads()
        self._made: dict[str, tuple[Hashable, object]] = {}
        self._used: set[str] = set()

    def start(self, root: Path, folder: Path) -> None:
        self.reads.start(root, folder)
        self._made = {name: made for name, made in self._made.items() if name in self._used}
        self._used = set()

    def made(self, name: str, key: Hashable, make: Callable[[], Made]) -> Made:
        """``make()``, or what it gave last time for an equal ``key``. ``key`` None: always
        made again."""
        self._used.add(name)
        kept = self._made.get(name)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[return-value]  # stored by this name with this type
        value = make()
        self._made[name] = (key, value)
        return value


def history_key(project: Project) -> str | None:
    """What the pages made from the history depend on besides the site's options; None when
    they must be made again (a forge token: pull requests change on the forge; a templates
    folder too big to digest)."""
    if project.forge_client() is not None:
        return None
    templates = _folder_digest(project.templates_dir)
    if templates is None:
        return None
    repo = project.repo
    forge = project.forge()
    parts = {
        "head": repo.resolve("HEAD") if repo.has_commits() else None,
        "branch": repo.current_branch(),
        "refs": repo.refs_matching([]),
        "shallow": sorted(repo.shallow_boundary()),
        "git": repo.log_inputs(),
        "forge": None if forge is None else [forge.provider, forge.web_url],
        "config": as_data(project.config),
        "templates": templates,
        "release_yml": _release_yml_digest(project),
    }
    return hashlib.sha256(canonical(parts)).hexdigest()


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file and not a symlink, else None."""
    if os.path.islink(path):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            return stream.read()
    except OSError:
        return None
