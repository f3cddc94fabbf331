"""Outside text made safe to print on a terminal or a CI log.

A server's error message, a model's refusal or an id a model made up can hold terminal escape
sequences (``ESC ] 0 ; title BEL`` retitles the window, ``ESC [ 2 J`` clears it, OSC 8 writes a
link) and bidirectional overrides that reorder what a reader sees. Whatever quotes such text in a
message passes it through :func:`printable` first.

Standard library only: every layer (the CLI's error handler included) may import it.
"""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences, so their payload (a window title, a link target) goes with them:
# CSI (ESC [ or 8-bit 0x9B) parameters and final byte; OSC (ESC ] or 0x9D), DCS, SOS, PM and APC
# strings up to BEL or ST (or the end of the text when unterminated); any other two-byte escape.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# Controls that move no cursor but reorder the text a person reads (CVE-2021-42574, "Trojan
# Source"); the Unicode line and paragraph separators end a line like a newline does.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` without escape sequences or control characters.

    One line by default: every line break and tab becomes a space, and runs of spaces one. With
    ``multiline``, ``\\n`` stays (``\\r\\n`` becomes ``\\n``) and the other breaks are dropped.
    """
    text = _SEQUENCE.sub("", text)
    out: list[str] = []
    for char in text:
        if char == "\n" and multiline:
            out.append(char)
        elif char in _BREAKS or char == "\t":
            out.append("" if multiline and char == "\r" else " ")
        elif char in _BIDI or unicodedata.category(char) == "Cc":
            continue
        else:
            out.append(char)
    cleaned = "".join(out)
    if multiline:
        return cleaned
    return " ".join(cleaned.split())
