"""Files as a series of record moves leaves them, in memory, before anything is written.

Each edit reads the one before, so every move of a command is planned (and every file read)
before the first one touches the disk: a failure while planning changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from leaddocs.adr.edit import edit_document
from leaddocs.document import Document, WriteMode
from leaddocs.textfile import Source, read_source


class Overlay:
    """Files as a series of moves leaves them, in memory: each edit reads the one before."""

    def __init__(self, rel: Callable[[Path], str]) -> None:
        self._rel = rel
        self._current: dict[Path, Source] = {}
        self._original: dict[Path, Source | None] = {}  # None: a file the moves create
        self._moved_from: dict[Path, Path] = {}  # a moved file's new path -> its first path

    def read(self, path: Path) -> Source:
        if path not in self._current:
            source = read_source(path, self._rel)
            self._current[path], self._original[path] = source, source
        return self._current[path]

    def apply(self, path: Path, file_text: str) -> None:
        before = self.read(path)
        text = file_text.removeprefix(before.bom)
        if before.newline != "\n":
            text = text.replace(before.newline, "\n")
        self._current[path] = Source(text, before.newline, before.bom, before.sha256)

    def move(self, source: Path, target: Path, file_text: str) -> None:
        self.apply(source, file_text)
        self._current[target] = self._current.pop(source)
        self._original.setdefault(target, None)
        self._moved_from[target] = self._moved_from.pop(source, source)

    def documents(self, root: Path) -> list[Document]:
        """What the moves change, as new files and edits (paths from ``root``): for a pull
        request, which deletes the old names itself."""
        found = []
        for path, source in self._current.items():
            original = self._original.get(path)
            relative = path.relative_to(root)
            text = source.restore(source.text)
            if original is None:
                found.append(Document("adr", relative, text, mode=WriteMode.CREATE))
            elif original.text != source.text:
                found.append(edit_document(relative, text, original))
        return found

    def edits_after_moving(self) -> list[tuple[Document, Path]]:
        """Each changed file as an edit to make once the files are moved on disk (a moved
        file is an edit of its own first bytes at its new path), with the path it has now."""
        found = []
        for path, source in self._current.items():
            first = self._moved_from.get(path, path)
            original = self._original[first]
            if original is not None and (first != path or original.text != source.text):
                found.append((edit_document(path, source.restore(source.text), original), first))
        return found
