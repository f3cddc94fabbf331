"""Small helpers for writing plain sentences out of outside text."""

from __future__ import annotations

from collections.abc import Sequence

# Sentence ends, the ideographic and fullwidth ones too.
_ENDS = (".", "!", "?", "…", ":", "\u3002", "\uff01", "\uff1f", "\uff0e")


def sentence(text: str) -> str:
    """``text`` as a sentence: one line, a capital first letter, a full stop at the end."""
    text = " ".join(text.split())
    if not text:
        return text
    if text[0].islower():
        text = text[0].upper() + text[1:]
    stripped = text.rstrip("\"')\u201d\u2019")
    return text if stripped.endswith(_ENDS) else text + "."


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``1 fix``, ``3 fixes``: the number and the word that goes with it."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
