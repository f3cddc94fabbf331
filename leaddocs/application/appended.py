"""Files ``leaddocs init`` adds lines to, never rewrites: ``.gitignore`` and pre-commit's config.

Each is a ``Merger`` (leaddocs/document.py), so delivery folds the addition into the file as it
finds it at write time, and a file that already has what is added stays byte for byte as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaddocs import yamlio
from leaddocs.document import Merged

HOOK_ID = "leaddocs-adr-lint"


@dataclass(frozen=True, slots=True)
class IgnoredPaths:
    """``.gitignore`` entries, each appended only when no line ignores that path already."""

    entries: tuple[str, ...]
    why: str  # the comment above the appended lines

    def missing(self, existing: str) -> list[str]:
        present = {_ignore_key(line) for line in existing.splitlines()}
        return [entry for entry in self.entries if _ignore_key(entry) not in present]

    def create(self) -> Merged:
        return Merged(self._block(list(self.entries)))

    def merge(self, existing: str, *, force: bool = False) -> Merged:
        missing = self.missing(existing)
        if not missing:
            return Merged(existing)
        separator = "\n" if existing and not existing.endswith("\n") else ""
        gap = "\n" if existing.strip() else ""
        return Merged(existing + separator + gap + self._block(missing))

    def _block(self, entries: list[str]) -> str:
        return f"# {self.why}\n" + "".join(f"{entry}\n" for entry in entries)


def _ignore_key(line: str) -> str:
    """``site``, ``/site`` and ``site/`` all ignore the folder ``site`` at the root."""
    return line.strip().strip("/")


@dataclass(frozen=True, slots=True)
class PreCommitHook:
    """The ``leaddocs-adr-lint`` hook as a ``repo: local`` entry of ``.pre-commit-config.yaml``:
    the whole file when there is none, one more item of ``repos:`` when there is."""

    files: str  # the regular expression of the ADR files the hook checks

    def has_hook(self, existing: str) -> bool:
        return re.search(rf"^\s*-?\s*id:\s*['\"]?{HOOK_ID}\b", existing, re.M) is not None

    def appended(self, existing: str) -> str | None:
        """``existing`` with the hook added to its ``repos:`` list; None when the file has no
        block-style top-level ``repos:`` list to add it to (a person adds it by hand)."""
        lines = existing.splitlines(keepends=True)
        start = next((i for i, line in enumerate(lines) if _REPOS.match(line)), None)
        if start is None:
            return None
        end, indent = start + 1, None
        for index in range(start + 1, len(lines)):
            line = lines[index]
            if line.strip() and not line.lstrip().startswith("#"):
                if not line[0].isspace() and not line.startswith("-"):
                    break  # the next top-level key
                end = index + 1
                item = _ITEM.match(line)
                if indent is None and item is not None:
                    indent = item["indent"]
        head = "".join(lines[:end])
        if head and not head.endswith("\n"):
            head += "\n"
        text = head + self._item("  " if indent is None else indent) + "".join(lines[end:])
        return text if self._holds_hook(text) else None

    def create(self) -> Merged:
        return Merged("repos:\n" + self._item("  "))

    def merge(self, existing: str, *, force: bool = False) -> Merged:
        if self.has_hook(existing):
            return Merged(existing)
        text = self.appended(existing)
        if text is None:
            raise ValueError("no top-level `repos:` list to add the leaddocs-adr-lint hook to")
        return Merged(text)

    def _item(self, indent: str) -> str:
        quoted = "'" + self.files.replace("'", "''") + "'"
        lines = [
            "- repo: local",
            "  hooks:",
            f"    - id: {HOOK_ID}",
            "      name: leaddocs adr lint",
            "      entry: leaddocs adr lint",
            "      language: system  # the leaddocs you installed",
            f"      files: {quoted}",
            "      pass_filenames: true",
            "      require_serial: true",
        ]
        return "".join(f"{indent}{line}\n" for line in lines)

    def _holds_hook(self, text: str) -> bool:
        """The edit is kept only if the file still parses and the hook is in ``repos``."""
        try:
            tree = yamlio.plain(yamlio.load(text))
        except yamlio.YamlSyntaxError:
            return False
        repos = tree.get("repos") if isinstance(tree, dict) else None
        return isinstance(repos, list) and any(
            isinstance(repo, dict)
            and any(isinstance(h, dict) and h.get("id") == HOOK_ID for h in repo.get("hooks", []))
            for repo in repos
        )


_REPOS = re.compile(r"^repos:[ \t]*(?:#.*)?$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)- ")
