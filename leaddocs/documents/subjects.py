"""How an entry's words are read: which prefixes are types, areas, and what a first verb says.

``meson: fix perl dependencies`` is no Conventional Commit: ``meson`` names an area of the code,
not a kind of change. Only the configured types (``commits.types``) are types; any other prefix
stays in the entry's words, or becomes its area (``commits.group_by_area``). A plain subject is
placed by its first verb: ``Fix …``, ``Fixed …`` go to the section whose ``verbs`` name ``fix``;
failing that, by a phrase a section's ``phrases`` find in it (a merged topic's prose: "…
learned to …", "… has been fixed").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from leaddocs.config import CommitsConfig, SectionConfig
from leaddocs.documents.patterns import AnyOf
from leaddocs.history.changes import Change

# "meson: …", "t/helper: …", "builtin/log.c: …", "t0001, t0002: …", "refs(files): …"
_AREA = re.compile(
    r"^(?P<area>[\w.][\w./+-]{0,59}(?:\([^()\n]{1,40}\))?(?:, ?[\w./+-]{1,40}){0,4}): +"
    r"(?P<rest>\S.*)$"
)
_WORD_EDGES = "\"'`.,:;!?()[]{}*_"
_ARTICLES = frozenset(("the", "a", "an"))


class SubjectReader:
    def __init__(self, commits: CommitsConfig, sections: list[SectionConfig]) -> None:
        self._types = frozenset(commits.types)
        self._areas = commits.group_by_area
        # first word (every inflection) → (the words after it, section title), longest first
        self._verbs: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for section in sections:
            for verb in section.verbs:
                first, *rest = verb.lower().split()
                phrase = tuple(word for word in rest if word not in _ARTICLES)
                for form in _inflections(first):
                    self._verbs.setdefault(form, []).append((phrase, section.title))
        for phrases in self._verbs.values():
            phrases.sort(key=lambda phrase: -len(phrase[0]))
        self._sections_with_phrases = [section for section in sections if section.phrases]
        # Compiled when a subject first needs them (a plain one whose first verb names no
        # section): most runs never do, and compiling them took ~1 ms of every run.
        self._phrases: list[tuple[Callable[[str], object], str]] | None = None
        # The section of each text asked about: it depends on the text alone, and plain
        # histories repeat many ("Fix typo", "Update README", the same topic's merges).
        self._sections: dict[str, str | None] = {}

    def read(self, change: Change) -> Change:
        """``change`` with a prefix that is no configured type put back into its words (or, with
        ``group_by_area``, made its area); a real type is kept as parsed."""
        if change.type is not None and change.type in self._types:
            return change
        if change.type is not None and change.type.lower() == "merge" and change.head.is_merge:
            # "merge: leaddocs meeting (#10)": that a merge is a merge tells a reader nothing;
            # its section comes from its commits (Classifier.telling_type).
            return dataclasses.replace(change, type=None)
        text = change.description
        if change.type is not None:
            text = change.headline or change.head.pr_title or change.head.subject
        area = _AREA.match(text) if self._areas else None
        if area is not None:
            return dataclasses.replace(
                change, type=None, scope=area["area"], description=area["rest"]
            )
        if change.type is None and change.scope is None and text == change.description:
            return change  # a plain subject: nothing to put back (the usual case: no copy)
        return dataclasses.replace(change, type=None, scope=None, description=text)

    def section_of(self, text: str) -> str | None:
        """The section a plain subject's first verb names (after an area prefix), if any."""
        sections = self._sections
        if text in sections:
            return sections[text]
        title = sections[text] = self._section_of(text)
        return title

    def _section_of(self, text: str) -> str | None:
        area = _AREA.match(text)
        if area is not None:
            text = area["rest"]
        words = [w.strip(_WORD_EDGES).lower() for w in text.split(maxsplit=6)]
        words = [word for word in words if any(ch.isalnum() for ch in word)]  # emoji, dashes
        if not words:
            return None
        after = [word for word in words[1:] if word not in _ARTICLES]
        for rest, title in self._verbs.get(words[0], ()):
            if tuple(after[: len(rest)]) == rest:
                return title
        if self._phrases is None:
            self._phrases = [
                (AnyOf(section.phrases, re.IGNORECASE).found, section.title)
                for section in self._sections_with_phrases
            ]
        for found, title in self._phrases:
            if found(text):
                return title
        return None


def _inflections(verb: str) -> set[str]:
    """``fix`` → fixes, fixed, fixing; ``drop`` → dropped; ``simplify`` → simplified."""
    forms = {verb, f"{verb}s", f"{verb}es", f"{verb}d", f"{verb}ed", f"{verb}ing"}
    forms |= {f"{verb}{verb[-1]}ed", f"{verb}{verb[-1]}ing"}
    if verb.endswith("e"):
        forms.add(f"{verb[:-1]}ing")
    if verb.endswith("y"):
        forms |= {f"{verb[:-1]}ies", f"{verb[:-1]}ied"}
    return forms
