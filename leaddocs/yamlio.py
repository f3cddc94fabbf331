"""The only door to ruamel.yaml: one loader for config files and front matter alike.

Round-trip mode keeps comments, key order and quoting, and records the line of every key,
which is what lets errors name ``file:line`` and lets edits leave a human's file as it was.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError


class YamlSyntaxError(ValueError):
    """YAML that does not parse; ``line`` is 1-based within the parsed text."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    yaml.width = 4096
    return yaml


def load(text: str) -> Any:
    """Parse YAML text in round-trip mode; raise YamlSyntaxError with a line number."""
    try:
        return _round_trip().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(problem.strip(), line) from exc
    except YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], 1) from exc


def dump(data: Any) -> str:
    """Serialise data (round-trip containers keep their comments and order)."""
    buffer = io.StringIO()
    _round_trip().dump(data, buffer)
    return buffer.getvalue()


def key_line(node: Any, path: tuple[str | int, ...]) -> int | None:
    """The 0-based line of the deepest key of ``path`` that exists in a round-trip tree."""
    line: int | None = None
    current = node
    for part in path:
        if isinstance(current, CommentedMap) and part in current:
            line = current.lc.key(part)[0]
            current = current[part]
        elif isinstance(current, CommentedSeq) and isinstance(part, int) and part < len(current):
            line = current.lc.item(part)[0]
            current = current[part]
        else:
            break
    return line


def plain(node: Any) -> Any:
    """Round-trip containers turned into plain dicts/lists, for validation."""
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(item) for item in node]
    return node
