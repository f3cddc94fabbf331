"""Meeting transcripts as video-call tools export them: WebVTT (``.vtt``) and SubRip (``.srt``).

The maintained parsers read them (webvtt-py, pysrt; ADR 0010); this module is their one door.
Both are lenient where a person needs a clear answer: webvtt-py skips a block without a timing
line and pysrt by default drops an item it cannot read. So a WebVTT file's blocks are checked
first (a block that is no cue, comment, style or region is refused, naming its line), pysrt
runs with errors raised, and a refusal names the file's line.

A transcript becomes entries: the cues of one speaker in a row are one turn, cut into
sentences, each with the line of the cue it starts in. The speaker is the WebVTT voice
(``<v Alice>``), else a ``Name:`` prefix (``Alice Smith: …``), as Teams, Zoom and Meet write.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Sequence

import pysrt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from leaddocs.meetings.model import Entry
from leaddocs.textsafe import printable

_VTT_TIMING = re.compile(
    r"^\s*(?:\d+:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d+:)?\d{2}:\d{2}\.\d{3}(?:\s.*)?$"
)
_TIME = re.compile(r"\d:\d\d")
_VTT_OTHER_BLOCKS = ("NOTE", "STYLE", "REGION")
_SRT_TAGS = re.compile(r"\{\\[^{}]*\}")  # ASS overrides some tools leave in SubRip: {\an8}
# "Alice Smith: …": a speaker's name, not a marker the notes reader knows ("Decision: …").
_NAME_WORD = r"[^\W\d_][\w.'\u2019-]*"
_PREFIX = re.compile(rf"^(?P<name>{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,3}}):\s+(?P<rest>\S.*)$", re.S)
_NOT_NAMES = frozenset(
    {
        "action", "action item", "agreed", "ai", "decided", "decision", "fyi", "note",
        "open question", "q", "question", "todo", "update", "next steps", "summary",
    }
)  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002\uff01\uff1f\u061f])\s+")


class TranscriptError(ValueError):
    """A transcript that cannot be read; ``line`` is 1-based in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def looks_like_vtt(text: str) -> bool:
    return text.startswith("WEBVTT")


_SRT_START = re.compile(r"\A\s*\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s+-->")


def looks_like_srt(text: str) -> bool:
    return _SRT_START.match(text) is not None


def read_vtt(text: str) -> list[Entry]:
    lines = text.splitlines()
    if not lines or not lines[0].startswith("WEBVTT"):
        raise TranscriptError("not a WebVTT file: its first line must be WEBVTT", 1)
    _check_vtt_blocks(lines)
    try:
        captions = webvtt.from_string(text, strict=True).captions
    except (MalformedFileError, MalformedCaptionError, ValueError) as exc:
        raise TranscriptError(f"not a WebVTT cue ({exc})", _first_cue_line(lines)) from exc
    cues = ((caption.raw_text, caption.voice, html.unescape(caption.text)) for caption in captions)
    return _turns(_located(lines, cues))


def read_srt(text: str) -> list[Entry]:
    lines = text.splitlines()
    try:
        items = pysrt.from_string(text, error_handling=pysrt.ERROR_RAISE)
    except pysrt.Error as exc:
        raise TranscriptError(
            "not a SubRip item: expected a number, then a timing line such as "
            "00:00:01,000 --> 00:00:04,000, then the text",
            _srt_error_line(exc, lines),
        ) from exc
    if any(isinstance(item.index, str) for item in items):
        _check_srt_numbers(lines)  # pysrt takes "x" or "2a" as a number: it is not one
    cues = (
        (item.text, None, html.unescape(_SRT_TAGS.sub("", item.text_without_tags)))
        for item in items
    )
    return _turns(_located(lines, cues))


def _check_srt_numbers(lines: Sequence[str]) -> None:
    """Each item's first line, when it is not the timing line, is its number."""
    for at, line in enumerate(lines):
        starts = at == 0 or not lines[at - 1].strip()
        timed = at + 1 < len(lines) and "-->" in lines[at + 1]
        if starts and timed and "-->" not in line and not line.strip().lstrip("\ufeff").isdigit():
            raise TranscriptError(
                "not a SubRip item: its first line must be its number, then a timing line",
                at + 1,
            )
    raise TranscriptError("not a SubRip item: an item's number is not a number", 1)


def _check_vtt_blocks(lines: Sequence[str]) -> None:
    """Each block after the header is a cue (a timing line first, or after an identifier), a
    comment, a style or a region, and ends with a blank line before the next timing line."""
    start = None
    block: list[str] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            if start is None:
                start = number
            block.append(line)
            continue
        if start is not None and start > 1 and block:
            _check_vtt_block(block, start)
        start, block = None, []


def _check_vtt_block(block: list[str], start: int) -> None:
    if block[0].startswith(_VTT_OTHER_BLOCKS):
        return
    timing = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
    if timing is None or not _VTT_TIMING.match(block[timing]):
        # The line meant as the timing line: the one with an arrow, else one with a time.
        meant = timing
        if meant is None:
            meant = next((i for i, line in enumerate(block[:2]) if _TIME.search(line)), 0)
        at = start + meant
        raise TranscriptError(
            "not a WebVTT cue: expected a timing line such as 00:00:01.000 --> 00:00:04.000",
            at,
        )
    for offset, line in enumerate(block[timing + 1 :], start=timing + 1):
        if "-->" in line:
            raise TranscriptError(
                "a timing line inside a cue: a blank line must end the cue before it",
                start + offset,
            )


def _first_cue_line(lines: Sequence[str]) -> int:
    return next((n for n, line in enumerate(lines, start=1) if "-->" in line), 1)


def _srt_error_line(exc: pysrt.Error, lines: Sequence[str]) -> int:
    """The line pysrt stopped at: it names the block's last line; the timing line (or the
    block's first) is the one to look at."""
    args: tuple[object, ...] = tuple(getattr(exc, "args", ()))
    if len(args) < 2 or not isinstance(args[0], int) or not isinstance(args[1], str):
        return 1
    ended, text = args[0], args[1]
    block = text.rstrip("\n").split("\n")
    start = max(1, ended - len(block) + 1)
    arrow = next((i for i, line in enumerate(block) if "-->" in line), None)
    if arrow is None:
        arrow = next((i for i, line in enumerate(block) if _TIME.search(line)), 0)
    return min(start + arrow, max(len(lines), 1))


Cue = tuple[int, int, str | None, str]  # first line, last line, speaker, text


def _located(lines: Sequence[str], cues: Iterable[tuple[str, str | None, str]]) -> list[Cue]:
    """(first line, last line, speaker, text) of each cue's text, found in the file from
    where the previous cue's was."""
    found: list[Cue] = []
    cursor = 0
    for raw, voice, text in cues:
        first = raw.split("\n", 1)[0].strip()
        at = next((i for i in range(cursor, len(lines)) if lines[i].strip() == first), cursor)
        last = at + raw.strip("\n").count("\n")
        cursor = last + 1
        speaker, words = _speaker(voice, " ".join(text.split()))
        if words:
            found.append((at + 1, last + 1, speaker, words))
    return found


def _speaker(voice: str | None, text: str) -> tuple[str | None, str]:
    if voice and printable(voice):
        return printable(voice), text
    prefix = _PREFIX.match(text)
    if prefix is not None and prefix["name"].lower() not in _NOT_NAMES:
        return prefix["name"], prefix["rest"].strip()
    return None, text


def _turns(cues: list[Cue]) -> list[Entry]:
    """The cues of one speaker in a row as one turn, cut into sentences; each sentence keeps
    the line of the cue it starts in (a cue often ends mid-sentence)."""
    entries: list[Entry] = []
    turn: list[tuple[int, int, str]] = []
    speaker: str | None = None

    def close() -> None:
        entries.extend(_sentences(turn, speaker))
        turn.clear()

    for line, last, who, text in cues:
        if turn and who != speaker:
            close()
        speaker = who
        turn.append((line, last, text))
    close()
    return entries


def _sentences(turn: list[tuple[int, int, str]], speaker: str | None) -> list[Entry]:
    if not turn:
        return []
    text = ""
    starts: list[tuple[int, int, int]] = []  # (offset in the turn's text, the cue's lines)
    for line, last, words in turn:
        if text:
            text += " "
        starts.append((len(text), line, last))
        text += words
    entries: list[Entry] = []
    offsets = [start for start, _, _ in starts]
    offset = 0
    for sentence in _SENTENCE_END.split(text):
        at = text.find(sentence, offset)
        offset = at + len(sentence)
        # The cue the sentence starts in, and the last cue it reaches into.
        first = starts[bisect.bisect_right(offsets, at) - 1][1]
        last = starts[bisect.bisect_left(offsets, offset) - 1][2]
        if sentence.strip():
            entries.append(Entry(first, sentence.strip(), speaker, last_line=last))
    return entries
