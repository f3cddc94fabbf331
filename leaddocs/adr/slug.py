"""File names from titles."""

from __future__ import annotations

import re
import unicodedata

from leaddocs.errors import UsageError
from leaddocs.textsafe import printable


def slugify(title: str) -> str:
    """``Use Postgres (v2) for events!`` -> ``use-postgres-v2-for-events``; ``Café`` ->
    ``cafe``; letters of other scripts are kept (``日本語``), never dropped into an empty name."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", title):
        # Accents come off Latin letters only: a kana's voicing mark is part of the letter.
        if not (unicodedata.combining(char) and kept and kept[-1].isascii()):
            kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept)).lower()
    return re.sub(r"[\W_]+", "-", text).strip("-")[:80].rstrip("-")


def titled(title: str, what: str = "title") -> tuple[str, str]:
    """(the title on one line, without control characters, and its slug); a title with
    nothing to name a file by is refused."""
    title = printable(title)
    slug = slugify(title)
    if not slug:
        shown = f"the {what} '{title}'" if title else f"an empty {what}"
        raise UsageError(f"{shown} has no letters or digits to name a file with")
    return title, slug
