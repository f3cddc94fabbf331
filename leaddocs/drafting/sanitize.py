"""Model output made safe: words only, no HTML, scripts, images, links or mentions of its own.

leaddocs builds every link itself from the manifest, so anything link-like the model writes is
either an injection that worked or noise; either way it is removed and the bullet is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SCRIPT = re.compile(r"<(script|style|iframe)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto|javascript|data):[^>\s]*>", re.I)
# A URL may hold one balanced pair of parentheses (javascript:alert(1)); a closing one after it
# belongs to the prose around it.
_URL_TAIL = r"[^\s()\]>]+(?:\([^\s()]*\)[^\s()\]>]*)?"
_BARE_URL = re.compile(
    rf"(?i)\b(?:https?|ftp|javascript|data):(?://)?{_URL_TAIL}|\bwww\.{_URL_TAIL}"
)
# GitHub links these by itself: an issue (#12, org/repo#5, GH-12) or an address. Quoted as code
# they stay readable and link nowhere.
_REFERENCE = re.compile(r"(?<![\w`/])(?:[\w.-]+/[\w.-]+)?#\d+\b|\bGH-\d+\b")
_EMAIL = re.compile(r"(?<![\w`.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# At the start of a list item these render as a heading or a checkbox.
_LEADING_MARKUP = re.compile(r"^(#|\[[ xX]\])")
_MENTION = re.compile(r"(?<![\w`])@([A-Za-z0-9][A-Za-z0-9-]{0,38}(?:/[A-Za-z0-9_.-]+)?)")


@dataclass(slots=True)
class Cleaned:
    text: str
    problems: list[str] = field(default_factory=list)


def clean(text: str) -> Cleaned:
    """``text`` with markup the model may not write removed, and what was removed."""
    problems: list[str] = []

    def strip(pattern: re.Pattern[str], what: str, keep: str, value: str) -> str:
        new = pattern.sub(keep, value)
        if new != value:
            problems.append(what)
        return new

    value = strip(_SCRIPT, "script", "", text)
    value = strip(_IMAGE, "image", "", value)
    value = strip(_LINK, "link", r"\1", value)
    value = strip(_REF_LINK, "link", r"\1", value)
    value = strip(_LINK_DEF, "link", "", value)
    value = strip(_AUTOLINK, "link", "", value)
    value = strip(_HTML_TAG, "html", "", value)
    value = strip(_BARE_URL, "link", "", value)
    value = strip(_EMAIL, "email", r"`\g<0>`", value)
    value = strip(_REFERENCE, "reference", r"`\g<0>`", value)
    # A mention would notify someone from a document nobody reviewed yet: quote it instead.
    value = strip(_MENTION, "mention", r"`@\1`", value)
    # One line of prose: a newline could open a heading or a list the renderer did not make.
    value = " ".join(value.split())
    value = strip(_LEADING_MARKUP, "markup", r"\\\1", value)
    return Cleaned(value, sorted(set(problems)))
