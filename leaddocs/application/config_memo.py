"""What a configuration file was checked to mean, remembered by its bytes (ADR 0017).

Reading a full ``leaddocs.yml`` (the one ``leaddocs init`` writes) costs ~0.1 s of every run:
ruamel.yaml parses it (~25 ms), pydantic builds its checks (~60 ms) and applies them. The
result is kept here as JSON, keyed by the file's bytes, its name, leaddocs' version and the code
that checks it; a run whose file has the same bytes builds the configuration from it.

The folder is ``.leaddocs/cache/config`` whatever ``changelog.cache_dir`` says: where the
cache goes is itself configured. It is trusted as the release cache is (``cache_folder.py``):
not when git tracks a file in it, only regular files of a sane size. What is read back is
checked again, value by value, by every check a file's value gets (``config.rebuild``): a
remembered configuration can say nothing a configuration file could not. It is written only
where runs keep a cache of releases already (``changelog.cache_dir`` exists), never when the
configuration turns the cache off (``changelog.cache_max_mb: 0``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import leaddocs
from leaddocs.application import cache_folder
from leaddocs.application.cache_folder import DAMAGED, CacheFolder, canonical, committed
from leaddocs.config import Config, as_data, rebuild
from leaddocs.history.git import GitRepository
from leaddocs.paths import escape_from

FOLDER = ".leaddocs/cache/config"
_VERSION = 1
_MAX_BYTES = 1 << 20  # a few configurations' worth; the oldest go first


class ConfigMemo:
    """Asked only when there is a configuration file: the folder is checked then."""

    def __init__(self, repo: GitRepository) -> None:
        self._repo = repo
        self._folder: list[CacheFolder | None] = []

    def _store(self) -> CacheFolder | None:
        if not self._folder:
            path = self._repo.root / FOLDER
            # Committed to git (under its name or where a link leads): nobody vouches for it.
            trusted = escape_from(path, self._repo.root) is None and not committed(
                self._repo, self._repo.root, FOLDER
            )
            self._folder.append(CacheFolder(path, _MAX_BYTES) if trusted else None)
        return self._folder[0]

    def recall(self, path: Path, data: bytes) -> Config | None:
        folder = self._store()
        key = _key(path, data)
        stored = folder.read(f"{key}.json") if folder is not None else None
        if stored is None:
            return None
        try:
            memo = json.loads(stored)
            if memo["v"] != _VERSION or memo["key"] != key:
                return None
            return rebuild(memo["config"], memo["given"], str(path))
        except DAMAGED:
            return None

    def remember(self, path: Path, data: bytes, config: Config) -> None:
        folder = self._store()
        settings = config.changelog
        if folder is None or settings.cache_max_mb == 0:
            return  # not trusted, or the person turned the cache off
        if not (self._repo.root / settings.cache_dir).is_dir():
            return  # only where runs keep a cache already: `init` or `adr new` write no other file
        key = _key(path, data)
        memo = {"v": _VERSION, "key": key, "config": as_data(config), "given": sorted(config.given)}
        folder.write(f"{key}.json", canonical(memo))
        folder.prune()


def _key(path: Path, data: bytes) -> str:
    """The file's name (a pyproject.toml is read differently) and bytes, and all that decides
    what they mean: leaddocs' version, the modules that read and check them, the versions of
    pydantic and of ruamel.yaml (which reads a YAML file's values)."""
    parts = [
        "config", _VERSION, leaddocs.__version__, path.name,
        cache_folder.code_digest(("config.py", "yamlio.py")),
        _version_text("pydantic", "version.py"), _version_text("ruamel.yaml", "__init__.py"),
    ]  # fmt: skip
    return hashlib.sha256(canonical(parts) + data).hexdigest()


def _version_text(package: str, module: str) -> str | None:
    """A hash of the module of ``package`` that holds its version, read without importing the
    package (pydantic: ~15 ms)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        text = (Path(spec.submodule_search_locations[0]) / module).read_bytes()
    except OSError:
        return None
    return hashlib.sha256(text).hexdigest()
