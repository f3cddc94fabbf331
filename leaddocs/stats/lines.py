"""Lines and words as the stats count them (docs/stats.md states each rule).

- A line is compared without its trailing white space (an editor or a formatter changing it
  is no edit, as for the markers). Blank lines and leaddocs' own marker comments are not
  writing: they are never counted.
- A line is known by its fingerprint: the first 12 hex digits of the SHA-256 of its UTF-8.
- A word is a run of letters or digits (an apostrophe inside keeps it one: "don't"), and each
  Chinese or Japanese character is one, as word processors count them. Link targets, URLs
  and HTML tags are not words a person writes.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter, deque
from collections.abc import Iterable, Sequence

WORK_MAX = 20_000_000  # pairs of equal lines difflib would weigh
_OWN_MARKER = re.compile(r"^\s*<!--\s*leaddocs:")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['\u2019][^\W_{_CJK}]+)*")
_NOT_READ = re.compile(
    r"<!--.*?-->|<[^<>\n]*>|\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|\b(?:https?|mailto):\S+"
)


def writing(text: str) -> list[str]:
    """The lines of ``text`` that are writing, trailing white space removed, in order."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = (line.rstrip() for line in text.split("\n"))
    return [line for line in lines if line and not _OWN_MARKER.match(line)]


def fingerprint(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def words(line: str) -> int:
    return len(_WORD.findall(_NOT_READ.sub(" ", line)))


def drafted_lines(before: str | None, after: str, earlier: Iterable[str] = ()) -> list[str]:
    """The lines of ``after`` that a draft wrote, in order: those ``before`` (the file it
    replaced; None: a new file) did not have and, of the lines it kept, those an earlier
    draft on the same branch wrote (``earlier``: their fingerprints)."""
    old = writing(before) if before is not None else []
    new = writing(after)
    unchanged = {at for _, at in paired(old, new)}
    left = Counter(earlier)
    drafted = []
    for at, line in enumerate(new):
        if at not in unchanged:
            drafted.append(line)
        elif left[print_ := fingerprint(line)] > 0:
            left[print_] -= 1
            drafted.append(line)
    return drafted


def paired(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """``(i, j)`` for each ``left[i] == right[j]`` that difflib's SequenceMatcher pairs: the
    longest run of equal lines first, then the same on each side of it, so pairs keep their
    order. Past ``WORK_MAX`` comparisons (thousands of equal lines on each side: no document,
    a record made to stall the stats) lines are paired by value, in order of ``right``."""
    seen = Counter(right)
    if sum(seen[item] for item in left) > WORK_MAX:
        free: dict[str, deque[int]] = {}
        for at, item in enumerate(left):
            free.setdefault(item, deque()).append(at)
        return [(free[item].popleft(), at) for at, item in enumerate(right) if free.get(item)]
    # No "junk" heuristic: in a long changelog "### Fixes" is frequent, and still a line.
    blocks = difflib.SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks()
    return [(block.a + k, block.b + k) for block in blocks for k in range(block.size)]
