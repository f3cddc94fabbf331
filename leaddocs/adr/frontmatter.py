"""YAML front matter: where it starts and ends, and its keys with their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from leaddocs import yamlio

# Greedy up to the colon, not lazy: a lazy key re-scans a run of blanks once per character.
_TOP_KEY = re.compile(r"^([^\s#:'\"-](?:[^:\n]*[^\s:])?)[ \t]*+:(?:[ \t]|$)", re.M)
_FENCE = re.compile(r"^---[ \t]*$")
# "\r?" so a CRLF file's closing fence is found too: re.M's "$" stops only before "\n".
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


class FrontMatterError(ValueError):
    """Front matter that cannot be read; ``line`` is 1-based in the whole file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class Parts:
    """A Markdown file cut in two: the YAML between the fences (None without front matter)
    and everything after the closing fence, byte for byte."""

    yaml: str | None
    head: str  # the opening fence, the YAML and the closing fence, exactly as in the file
    body: str
    body_line: int  # 1-based line of the body's first line


def split(text: str) -> Parts:
    first_end = text.find("\n")
    first = text[: first_end if first_end >= 0 else len(text)].rstrip("\r")
    if not _FENCE.match(first):
        return Parts(None, "", text, 1)
    start = first_end + 1
    close = _CLOSE.search(text, start)
    if first_end < 0 or close is None:
        raise FrontMatterError("front matter is not closed: no '---' line after the first", 1)
    end = text.find("\n", close.end())
    end = len(text) if end < 0 else end + 1
    yaml_text = text[start : close.start()]
    return Parts(yaml_text, text[:end], text[end:], yaml_text.count("\n") + 3)


def load(yaml_text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """(plain data, 1-based file line of each top-level key) of front matter text."""
    lines = {
        match[1]: yaml_text.count("\n", 0, match.start()) + 2
        for match in _TOP_KEY.finditer(yaml_text)
    }
    data = yamlio.load_flat_mapping(yaml_text)
    if data is None:
        try:
            tree = yamlio.load(yaml_text)
        except yamlio.YamlSyntaxError as exc:
            raise FrontMatterError(f"invalid YAML in front matter: {exc}", exc.line + 1) from exc
        if tree is None:
            return {}, lines
        if not isinstance(tree, dict):
            raise FrontMatterError("front matter must be a mapping of keys", 2)
        data = yamlio.plain(tree)
    return data, lines
