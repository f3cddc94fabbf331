"""Tagged releases kept once computed, so a rerun reads only what is new (ADR 0016).

A tagged release never changes, but what a document shows of it depends on more than its tag:
every entry is keyed by the tag (name, commit, date), the release tags below it in version
order (they decide which commits are its own and who was new), and a fingerprint of everything
else the output depends on: the effective configuration, leaddocs' version and the content of
its own code and packaged templates, the repository's templates folder, the forge its links
point at, ``.github/release.yml`` when a forge is asked, what shapes ``git log``'s output
(``.mailmap``, mailmap and encoding settings, replacement refs, grafts), the paths filter and
the format. Change any of them and the entry is simply not found.

The same folder keeps who wrote the commits before a release (``AuthorSets``), which release
notes need to name first-time contributors and which otherwise costs a walk of all history.
Where and how entries are stored, and when they are trusted: ``cache_folder.py``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import stat
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import leaddocs
from leaddocs.application import cache_folder
from leaddocs.application.cache_folder import DAMAGED, CacheFolder, canonical
from leaddocs.application.project import Project
from leaddocs.config import as_data
from leaddocs.document import Encoded, Format
from leaddocs.documents.pulls import RELEASE_YML

_VERSION = 3  # bumped when an entry's shape changes: older entries are then not found
_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")
_KEY = re.compile(r"^[0-9a-f]{64}$")
_MAX_META = 16 << 20
_TEMPLATES_MAX_FILES = 500  # a templates folder bigger than this is not fingerprinted: no cache
_TEMPLATES_MAX_BYTES = 16 << 20


@dataclass(frozen=True, slots=True)
class CachedRelease:
    """What a run needs of a tagged release it does not compute again."""

    tag: str
    # Its Markdown section, or its JSON in the list of releases: read back from the file, a
    # release's JSON stays the bytes the file holds (Encoded), written out as they are.
    body: str | Encoded
    changes: int  # how many changes it lists (enrichment looks up the newest N)
    digest: str | None = None  # a Markdown section's markers.digest, so no rerun hashes it
    items: int = 0  # the entries it lists (the CHANGELOG's write summary counts them)


Tag = tuple[str, str, int]  # name, commit, date


@dataclass(frozen=True, slots=True)
class TaggedState:
    """What the last full read of the history found: while the release tags are these and
    HEAD descends from ``head``, every tagged release is what it was (``keys``), and the
    unreleased work is what HEAD reaches past ``stops``."""

    head: str
    tags: list[Tag]  # every release tag, lowest version first
    all_on_line: bool  # every one on HEAD's line (none stands at a twin, none is lost)
    keys: list[str]  # of the tagged releases, oldest first
    previous: str | None  # the release tag the unreleased work follows
    stops: tuple[str, ...]  # the commits of the releases it stops at
    seen: frozenset[str]  # who wrote a commit of any tagged release (Person.key)

    def at(self, head: str) -> TaggedState:
        return replace(self, head=head)


class ReleaseCache:
    """The tagged releases of one fingerprint, kept together in one file (``<key>.releases``:
    a run reads one file, and a first run creates one, not one per release), and the state
    of the last full read beside it (``<key>.state``, small: rewritten when HEAD moves)."""

    def __init__(self, folder: CacheFolder, fingerprint: str, fmt: Format = "md") -> None:
        self._folder = folder
        self._fingerprint = fingerprint
        self._encoded = fmt == "json"  # JSON is only ever written out: kept as bytes
        self._key = hashlib.sha256(canonical(["releases", fingerprint])).hexdigest()
        self._stored: dict[str, CachedRelease] | None = None  # what the file holds, once read
        self._added: dict[str, CachedRelease] = {}
        self._reading: threading.Thread | None = None
        self._read: bytes | None = None  # what the reading thread read

    @classmethod
    def open(
        cls, project: Project, fmt: Format, paths: Sequence[str], *, enriched: bool
    ) -> tuple[ReleaseCache | None, tuple[str, ...]]:
        """The cache of the project's releases as documents in ``fmt`` show them, or None
        (with why, when the person should know)."""
        folder, notes = CacheFolder.open(project)
        if folder is None:
            return None, notes
        fingerprint = _fingerprint(project, folder, fmt, paths, enriched=enriched)
        if fingerprint is None:
            return None, notes
        return cls(folder, fingerprint, fmt), notes

    def read_ahead(self) -> None:
        """Start reading the releases' file on a thread while this one asks git about the
        tags and HEAD: a big history's JSON is 50 MB, ~25 ms to read, nearly all of it the
        kernel copying into fresh pages, which needs no interpreter lock."""
        if self._stored is None and self._reading is None:
            self._reading = threading.Thread(target=self._read_file, name="leaddocs-cache")
            self._reading.start()

    def settle(self) -> None:
        """Wait for the read started by ``read_ahead``, if any: whatever the run did after it
        (an error included), no thread of leaddocs' outlives the call that started it."""
        if self._reading is not None:
            self._reading.join()

    def _read_file(self) -> None:
        self._read = self._folder.read(f"{self._key}.releases")

    def key(self, *parts: Any) -> str:
        """The key of a release from what its text depends on besides the fingerprint."""
        return hashlib.sha256(canonical(["release", self._fingerprint, *parts])).hexdigest()

    def get(self, key: str) -> CachedRelease | None:
        return self._added.get(key) or self._releases().get(key)

    def put(self, key: str, release: CachedRelease) -> None:
        self._added[key] = release

    def state(self) -> TaggedState | None:
        """What the last full read of the history found, if it can be read back."""
        data = self._folder.read(f"{self._key}.state")
        if data is None:
            return None
        try:
            meta = json.loads(data)
            if meta["v"] != _VERSION or meta["key"] != self._key:
                return None
            tags = [(str(name), str(sha), int(date)) for name, sha, date in meta["tags"]]
            shas = [meta["head"], *meta["stops"], *(sha for _, sha, _ in tags)]
            if not all(map(_is_sha, shas)) or not all(map(_is_key, meta["keys"])):
                return None
            if not all(isinstance(who, str) for who in meta["seen"]):
                return None
            previous = meta["previous"]
            return TaggedState(
                meta["head"],
                tags,
                meta["all_on_line"] is True,
                list(meta["keys"]),
                None if previous is None else str(previous),
                tuple(meta["stops"]),
                frozenset(meta["seen"]),
            )
        except DAMAGED:
            return None

    def remember(self, state: TaggedState) -> None:
        """Keep ``state`` and, when this run made any, the releases it names (only those: the
        entries of tags that are gone go with the file they were in)."""
        if self._added:
            kept = {key: found for key in state.keys if (found := self.get(key)) is not None}
            self._write_releases(kept)
        meta = {
            "v": _VERSION,
            "key": self._key,
            "head": state.head,
            "tags": state.tags,
            "all_on_line": state.all_on_line,
            "keys": state.keys,
            "previous": state.previous,
            "stops": list(state.stops),
            "seen": sorted(state.seen),
        }
        self._folder.write(f"{self._key}.state", canonical(meta))

    def prune(self) -> None:
        self._folder.prune()

    def _releases(self) -> dict[str, CachedRelease]:
        if self._stored is None:
            if self._reading is None:
                self._read_file()
            else:
                self._reading.join()  # before anything forks (two_processes.py): one thread
            data, self._read = self._read, None
            self._stored = _releases(data, self._key, self._encoded) if data is not None else {}
        return self._stored

    def _write_releases(self, releases: dict[str, CachedRelease]) -> None:
        index = [
            [key, release.tag, release.changes, release.digest, release.items, _size(release.body)]
            for key, release in releases.items()
        ]
        meta = canonical({"v": _VERSION, "key": self._key, "releases": index})
        # Encoded a release at a time as the file is written: 50 MB of JSON, not twice.
        bodies = (_encoded(release.body) for release in releases.values())
        self._folder.write(f"{self._key}.releases", itertools.chain([meta, b"\n"], bodies))


def _size(text: str | Encoded) -> int:
    """How many bytes ``text`` is in UTF-8 (without encoding it when it is ASCII)."""
    if isinstance(text, Encoded):
        return text.data.nbytes
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _encoded(text: str | Encoded) -> bytes | memoryview:
    return text.encode("utf-8") if isinstance(text, str) else text.data


class AuthorSets:
    """Who wrote the commits a commit reaches (``Person.key``s, co-authors too), by commit:
    release notes name first-time contributors against it (``History``'s ``AuthorsMemo``)."""

    def __init__(self, folder: CacheFolder, fingerprint: str, fmt: Format = "md") -> None:
        self._folder = folder
        self._fingerprint = fingerprint
        self._encoded = fmt == "json"  # JSON is only ever written out: kept as bytes

    @classmethod
    def open(cls, project: Project) -> AuthorSets | None:
        folder, _ = CacheFolder.open(project)  # the notes are the changelog's to give
        if folder is None:
            return None
        # Who wrote what: the commits (named by their sha), the mailmap, and our own reading
        # (how git.py asks for authors, how commits.py names a person, releases.py's walk).
        reading = ("history/git.py", "history/commits.py", "history/releases.py")
        parts = [_VERSION, leaddocs.__version__, cache_folder.code_digest(reading)]
        fingerprint = hashlib.sha256(canonical([*parts, project.repo.log_inputs()]))
        return cls(folder, fingerprint.hexdigest())

    def authors_before(self, stops: tuple[str, ...]) -> frozenset[str] | None:
        key = self._key(stops)
        data = self._folder.read(f"{key}.authors")
        if data is None:
            return None
        try:
            meta = json.loads(data)
            if meta["v"] != _VERSION or meta["key"] != key:
                return None
            if not all(isinstance(who, str) for who in meta["authors"]):
                return None
            return frozenset(meta["authors"])
        except DAMAGED:
            return None

    def remember_authors(self, stops: tuple[str, ...], authors: frozenset[str]) -> None:
        key = self._key(stops)
        meta = {"v": _VERSION, "key": key, "authors": sorted(authors)}
        self._folder.write(f"{key}.authors", canonical(meta))
        self._folder.prune()

    def _key(self, stops: tuple[str, ...]) -> str:
        return hashlib.sha256(canonical(["authors", self._fingerprint, sorted(stops)])).hexdigest()


def _releases(data: bytes, key: str, encoded: bool = False) -> dict[str, CachedRelease]:
    """The releases ``data`` holds, if it is whole and the file asked for; none otherwise (a
    damaged file is computed again, never fatal). ``encoded``: their texts as views of
    ``data`` (``Encoded``, checked as UTF-8), not decoded."""
    meta_end = data.find(b"\n", 0, _MAX_META)
    if meta_end < 0:
        return {}
    index: list[tuple[str, str, int, str | None, int]] = []
    spans: list[tuple[int, int]] = []
    try:
        meta = json.loads(data[:meta_end])
        if meta["v"] != _VERSION or meta["key"] != key:
            return {}
        at = meta_end + 1
        for name, tag, changes, digest, items, size in meta["releases"]:
            if (
                not _is_key(name)
                or not isinstance(tag, str)
                or type(changes) is not int
                or type(items) is not int
                or type(size) is not int
                or min(changes, items, size) < 0
                or not (digest is None or _is_key(digest))
            ):
                return {}
            index.append((name, tag, changes, digest, items))
            spans.append((at, at + size))
            at += size
        if at != len(data):
            return {}
        views = Encoded.spans(data, spans) if encoded else None
        # Markdown, or bytes a terminal would act on: decoded, as any text.
        texts: Sequence[str | Encoded] = (
            views if views is not None else [data[a:b].decode("utf-8") for a, b in spans]
        )
    except DAMAGED:
        return {}
    return {
        name: CachedRelease(tag, body, changes, digest, items)
        for (name, tag, changes, digest, items), body in zip(index, texts, strict=True)
    }


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and _SHA.match(value) is not None


def _is_key(value: Any) -> bool:
    return isinstance(value, str) and _KEY.match(value) is not None


def _fingerprint(
    project: Project, folder: CacheFolder, fmt: Format, paths: Sequence[str], *, enriched: bool
) -> str | None:
    """A hash of everything besides the tags that a tagged release's output depends on; None
    when part of it cannot be read (then nothing is cached)."""
    templates = _folder_digest(project.templates_dir)
    if templates is None:
        return None
    forge = project.forge()
    config = as_data(project.config)
    for where_and_how_big in ("cache_dir", "cache_max_mb"):  # they change no output
        del config["changelog"][where_and_how_big]
    parts = {
        "cache": _VERSION,
        "leaddocs": leaddocs.__version__,
        "code": cache_folder.code_digest((), folder),
        "python": list(sys.version_info[:2]),
        # A release's JSON is no template's output: a JSON run never imports Jinja2 (~11 ms).
        "jinja2": _version_of("jinja2") if fmt == "md" else None,
        "config": config,
        "templates": templates,
        "forge": None if forge is None else [forge.provider, forge.web_url],
        "release_yml": _release_yml_digest(project) if enriched else None,
        "git": project.repo.log_inputs(),
        "paths": sorted(paths),
        "format": fmt,
    }
    return hashlib.sha256(canonical(parts)).hexdigest()


def _version_of(module: str) -> str | None:
    loaded = sys.modules.get(module) or __import__(module)
    return str(getattr(loaded, "__version__", None))


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
        try:
            content = path.read_bytes()
        except OSError:
            return None
        digest.update(canonical([path.relative_to(folder).as_posix(), len(content)]) + content)
    return digest.hexdigest()


def _release_yml_digest(project: Project) -> str:
    digest = hashlib.sha256()
    for name in RELEASE_YML:
        try:
            digest.update(canonical([name]) + (project.root / name).read_bytes())
        except OSError:
            continue
    return digest.hexdigest()
