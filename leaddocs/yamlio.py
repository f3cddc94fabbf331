"""The only door to ruamel.yaml: one loader for config files and front matter alike.

Round-trip mode keeps comments, key order and quoting, and records the line of every key,
which is what lets errors name ``file:line`` and lets edits leave a human's file as it was.
"""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

# Bounds for YAML that anyone who opens a pull request can write (front matter, leaddocs.yml).
# Real files are far inside them: an ADR's front matter is ~20 values 2-3 deep, a config a few
# hundred values 5 deep. Without them a 600-byte alias bomb expands to 387 million values and
# 3,000 nested "[" overflow Python's stack (issue 14).
MAX_CHARS = 32 * 1024
MAX_DEPTH = 32
# Counted after alias expansion. MAX_CHARS of alias-free YAML holds at most ~17,000 values, so
# only aliases can reach this: anchors stay usable for sharing a list, never for a bomb.
MAX_VALUES = 50_000


class YamlSyntaxError(ValueError):
    """YAML that does not parse; ``line`` is 1-based within the parsed text."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class _BoundedComposer(Composer):
    """ruamel.yaml's composer, refusing YAML nested deeper than MAX_DEPTH, aliases that would
    expand the document beyond MAX_VALUES values, and an alias inside its own anchor.

    Counting happens while composing, before anything is constructed or expanded: the nodes an
    alias shares are never copied here, so the count costs one integer per node.
    """

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self._sizes: dict[int, int] = {}  # id(node) -> values it stands for, aliases expanded
        self._values = 0
        self._open = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            node = super().compose_node(parent, index)
            size = self._sizes.get(id(node))
            if size is None:  # "&a [*a]": a value that contains itself never ends
                raise ComposerError(
                    None, None, f"alias *{event.anchor} is inside its own anchor", event.start_mark
                )
            self._count(size, event, f"alias *{event.anchor}")
            return node
        self._open += 1
        if self._open > MAX_DEPTH:
            raise ComposerError(
                None, None, f"values nested more than {MAX_DEPTH} deep", event.start_mark
            )
        node = super().compose_node(parent, index)
        self._open -= 1
        self._sizes[id(node)] = 1 + sum(self._sizes[id(child)] for child in _children(node))
        self._count(1, event, "this value")
        return node

    def _count(self, size: int, event: Any, what: str) -> None:
        self._values += size
        if self._values > MAX_VALUES:
            raise ComposerError(
                None,
                None,
                f"{what} takes the document past {MAX_VALUES:,} values (aliases expanded)",
                event.start_mark,
            )


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _BoundedComposer
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    yaml.width = 4096
    return yaml


def load(text: str) -> Any:
    """Parse YAML text in round-trip mode; raise YamlSyntaxError with a line number, also for
    text beyond MAX_CHARS, MAX_DEPTH or MAX_VALUES."""
    if len(text) > MAX_CHARS:
        line = text.count("\n", 0, MAX_CHARS) + 1
        raise YamlSyntaxError(f"longer than {MAX_CHARS:,} characters of YAML", line)
    try:
        return _round_trip().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(problem.strip(), line) from exc
    except YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], 1) from exc
    except ValueError as exc:  # a well-formed scalar with an impossible value: 2024-13-45
        raise YamlSyntaxError(f"invalid value: {exc}", 1) from exc


def dump(data: Any, *, like: str | None = None) -> str:
    """Serialise data (round-trip containers keep their comments and order).

    ``like`` is the text ``data`` was loaded from: block sequences are then indented the way
    that text indents them (``key:\n  - item`` or ``key:\n- item``), so an edit of one key
    does not re-indent a human's file.
    """
    yaml = _round_trip()
    if like is not None and _INDENTED_ITEM.search(like):
        yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


_INDENTED_ITEM = re.compile(r"^[^\s#][^\n]*:[ \t]*\n[ ]+- ", re.M)


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


# --- The fast reader for flat front matter -------------------------------------------------
#
# ruamel.yaml's pure-Python loader costs ~0.8 ms for a ten-line mapping; ten thousand ADRs
# would take eight seconds to list. Nearly every front matter is a flat mapping of plain
# scalars and lists, so that subset is read here by hand, and anything outside it (quotes
# with escapes, comments after values, nesting, anchors, duplicate keys) returns None and the
# caller falls back to load(). tests/adr/test_yamlio_fast.py holds both readers to the same
# answers on the subset.

# A value ends at its last non-blank (greedy, one backtrack), never lazily: "(.*?)[ \t]*" re-scans
# a run of blanks once per character, seconds for one long line.
_FLAT_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*+):(?:[ \t]++(.*[^ \t]))?[ \t]*")
_FLAT_ITEM = re.compile(r"( *+)- (.*[^ \t]|)[ \t]*")
_PLAIN = re.compile(r"[^\W\d_(][\w .()/+@<>'&,-]*|[(][\w .()/+@<>'&,-]*")
_PLAIN_IN_FLOW = re.compile(r"[^\W\d_(][\w .()/+@<>'&-]*")
_INT = re.compile(r"[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NULLS = frozenset({"null", "Null", "NULL", "~"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_OUTSIDE = object()  # a value the fast reader does not handle
_MAX_INT_DIGITS = 4300  # sys.get_int_max_str_digits()'s default


def load_flat_mapping(text: str) -> dict[str, Any] | None:
    """A flat mapping of plain values read without ruamel.yaml, or None outside that subset.

    Values come back as plain Python (str, int, bool, None, datetime.date, lists of those),
    as ``plain(load(text))`` would give them. One difference, on purpose: an impossible date
    (``2024-13-45``) is returned as text instead of failing the whole mapping, so the caller
    can point at that key.
    """
    if len(text) > MAX_CHARS:
        return None  # load() names the line where the text goes past the limit
    lines = text.split("\n")
    result: dict[str, Any] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip() or line.startswith("#"):
            continue
        match = _FLAT_KEY.fullmatch(line)
        if match is None or match[1] in result:
            return None
        raw = match[2]
        value: Any
        if not raw:
            items: list[Any] = []
            indent: str | None = None
            while index < len(lines) and (item := _FLAT_ITEM.fullmatch(lines[index])):
                if indent is not None and item[1] != indent:
                    return None
                indent = item[1]
                items.append(_flat_scalar(item[2], flow=False))
                index += 1
            value = items if items else None
        elif raw.startswith("["):
            value = _flat_list(raw)
        else:
            value = _flat_scalar(raw, flow=False)
        if value is _OUTSIDE or (isinstance(value, list) and _OUTSIDE in value):
            return None
        result[match[1]] = value
    return result


def _flat_list(raw: str) -> Any:
    if not raw.endswith("]"):
        return _OUTSIDE
    inner = raw[1:-1].strip()
    if not inner:
        return []
    return [_flat_scalar(part.strip(), flow=True) for part in inner.split(",")]


def _flat_scalar(raw: str, *, flow: bool) -> Any:
    if len(raw) >= 2 and raw[0] == raw[-1] == "'" and "'" not in raw[1:-1]:
        return raw[1:-1]
    if len(raw) >= 2 and raw[0] == raw[-1] == '"' and not set(raw[1:-1]) & {'"', "\\"}:
        return raw[1:-1]
    if raw in _NULLS:
        return None
    if raw in _BOOLS:
        return _BOOLS[raw]
    if _INT.fullmatch(raw):
        # Past Python's digit limit int() raises; ruamel.yaml's load() reports it with a line.
        return int(raw) if len(raw) <= _MAX_INT_DIGITS else _OUTSIDE
    if date := _DATE.fullmatch(raw):
        try:
            return datetime.date(int(date[1]), int(date[2]), int(date[3]))
        except ValueError:
            return raw
    if (_PLAIN_IN_FLOW if flow else _PLAIN).fullmatch(raw):
        return raw
    return _OUTSIDE


def mapping() -> Any:
    """An empty round-trip mapping, for a document built from nothing."""
    return CommentedMap()


def flow_list(items: list[Any]) -> Any:
    """A list that dumps on one line, ``[a, b]``: how front matter lists read best."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq
