"""``mkdocs serve --dirty``: a generated page is rendered again only when it changed.

MkDocs' dirty build renders only the files whose ``File.is_modified()`` is true, and a page
made in memory (``File.generated(content=...)``) always says it is. The plugin's pages here
say so only when the Markdown the plugin made differs from what the last build of this plugin
instance rendered (a record's page: its record was edited, or a record linking it was; the
index, timeline and graph: any record's title, status, date, tags or links changed), when the
site's shape changed (``mkdocs.yml``, or a page was added or removed), or when the output file
is gone or was written by someone else since (its ``st_mtime_ns``, a change detector only).
Every page's Markdown is handed to MkDocs on every build (made again, or kept by the serve's
memo while all it is made from is unchanged: ``application/pages/memo.py``); this module
skips MkDocs' rendering.

The last build's digests live in the plugin instance, which MkDocs keeps across the rebuilds
of one ``mkdocs serve`` because the plugin defines ``on_startup``. A new process (``mkdocs
build --dirty``) starts with none, so it renders every page.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


@dataclass(frozen=True, slots=True)
class Rendered:
    digest: str  # of the page's Markdown and the site's shape
    mtime_ns: int  # of the output file just after the build wrote it


class GeneratedPage(File):
    """A generated page that is modified only when its digest or its output file changed."""

    digest: str = ""
    last: Rendered | None = None

    def is_modified(self) -> bool:
        last = self.last
        if last is None or last.digest != self.digest:
            return True
        return _mtime_ns(self.abs_dest_path) != last.mtime_ns


def site_shape(files: Files, config: MkDocsConfig) -> str:
    """What every page's HTML depends on beside its own text: the configuration and the set of
    pages (links between them, the navigation)."""
    shape = hashlib.sha256()
    if config.config_file_path and os.path.isfile(config.config_file_path):
        shape.update(Path(config.config_file_path).read_bytes())
    for uri in sorted(file.src_uri for file in files):
        shape.update(b"\0" + uri.encode())
    return shape.hexdigest()


def digest(shape: str, content: str) -> str:
    return hashlib.sha256(f"{shape}\0{content}".encode()).hexdigest()


def rendered(files: list[GeneratedPage]) -> dict[str, Rendered]:
    """After a build: each page's digest and the output file it left."""
    built: dict[str, Rendered] = {}
    for file in files:
        mtime = _mtime_ns(file.abs_dest_path)
        if mtime is not None:
            built[file.abs_dest_path] = Rendered(file.digest, mtime)
    return built


def _mtime_ns(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
