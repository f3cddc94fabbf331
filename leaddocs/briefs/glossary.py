"""Common technical words explained the first time a brief uses them, in parentheses.

A brief's reader is not an engineer: "a migration" means nothing to a VP, "moving data or users
from an old system to a new one" does. Each term is explained once per brief, at its first
mention in reading order, and never inside code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaddocs.markup import code_spans


@dataclass(frozen=True, slots=True)
class Term:
    pattern: re.Pattern[str]
    meaning: str


def _term(pattern: str, meaning: str, *, exact_case: bool = False) -> Term:
    flags = 0 if exact_case else re.IGNORECASE
    return Term(re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags), meaning)


TERMS: tuple[Term, ...] = (
    _term(
        "ADRs?(?: \\d{1,6}(?![\\w-]))?",
        "architecture decision record: the team's written record of a technical decision",
        exact_case=True,
    ),
    _term("APIs?", "the interface other software uses to work with ours", exact_case=True),
    _term("endpoints?", "one address in an API that other software calls"),
    _term("latency", "the delay before a response arrives"),
    _term("throughput", "how much work the system handles in a given time"),
    _term("migrat(?:e|es|ed|ing|ion|ions)", "moving data or users from an old system to a new one"),
    _term(
        "deprecat(?:e|es|ed|ing|ion)",
        "marked for removal: it still works for now, but will be retired",
    ),
    _term(
        "roll(?:back|backs|ed back|ing back| back)",
        "undoing a change by returning to the previous version",
    ),
    _term(
        "SLAs?",
        "service level agreement: the availability and response times promised to customers",
        exact_case=True,
    ),
    _term(
        "SLOs?",
        "service level objective: the reliability target the team sets itself",
        exact_case=True,
    ),
    _term("feature[ -]flags?", "a switch that turns a feature on or off without a new release"),
    _term(
        "breaking changes?",
        "a change after which something that worked before stops working unless its users adapt",
    ),
    _term(
        "backwards?[ -]compatible",
        "able to work with what already exists, with no change needed",
    ),
    _term("schemas?", "the structure data is stored in"),
    _term("dependenc(?:y|ies)", "a third-party component the software is built on"),
    _term("CVE(?:-\\d{4}-\\d{4,})?s?", "a publicly listed security weakness", exact_case=True),
    _term("vulnerabilit(?:y|ies)", "a weakness an attacker could use"),
    _term("refactor(?:s|ed|ing)?", "restructuring code without changing what it does"),
    _term("cach(?:e|es|ed|ing)", "a stored copy kept to answer faster"),
    _term("downtime|outages?", "time when the service cannot be used"),
    _term(
        "rate[ -]limit(?:s|ed|ing)?", "a cap on how many requests a client may make in a given time"
    ),
    _term(
        "PII", "personally identifiable information: data that identifies a person", exact_case=True
    ),
    _term("GDPR", "the EU's data protection law", exact_case=True),
    _term("encrypt(?:s|ed|ion)?", "scrambling data so that only authorised systems can read it"),
    _term("pull requests?", "a proposed change, reviewed before it is merged"),
    _term("CI", "the automated checks every change must pass", exact_case=True),
    _term("deploy(?:s|ed|ing|ment|ments)?", "putting a new version into service"),
    _term("idempotent", "safe to repeat: doing it twice has the same effect as doing it once"),
)

_ALREADY_EXPLAINED = re.compile(r"[ \t]*\(")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]*)")
# Where a clause ends: punctuation before a space (not "5,000" or "v1.2"), a dash between
# spaces, an opening parenthesis, or the end of the text.
_CLAUSE_END = re.compile(r"[,;:.!?\u2026](?=\s|$)|\s[-\u2013\u2014]\s|\s\(|$")
# Words that cannot continue a noun: after "migration of", "API is", "downtime during" the
# noun phrase has ended, so its explanation goes right after the term. Any other word may be
# the rest of a compound ("downtime risk", "API gateway"): the explanation then waits for the
# end of the clause, so it never splits the noun.
_NOT_A_NOUN_WORDS = """
    a an the this that these those it its it's we our us you your they their them he she
    his her i my me who whom whose which what when where why how whether if than then as so
    and or but nor yet also only still already now again not no never even just too very
    of to in on at by for with from into onto over under about after before during since
    until upon within without across against along among around behind below beneath
    beside between beyond near off out through toward towards via per instead
    is are was were be been being am has have had having do does did will would can could
    may might must shall should isn't aren't wasn't weren't doesn't don't didn't won't
    can't cannot"""
_NOT_A_NOUN = frozenset(_NOT_A_NOUN_WORDS.split())


class Glossary:
    """Explains each term once: keep one per brief and pass its text through in reading order."""

    def __init__(self, terms: tuple[Term, ...] = TERMS) -> None:
        self._left = list(terms)

    def gloss(self, text: str) -> str:
        if not self._left:
            return text
        return "".join(
            chunk if is_code else self._plain(chunk) for chunk, is_code in code_spans(text)
        )

    def _plain(self, text: str) -> str:
        at: dict[int, list[tuple[int, str, Term]]] = {}  # where explanations go: their terms
        for term in list(self._left):
            found = _first_mention(term.pattern, text)
            if found is None:
                continue
            self._left.remove(term)
            if _ALREADY_EXPLAINED.match(text, found.end()) is None:  # "SLA (our promise)" stays
                at.setdefault(_after_phrase(text, found.end()), []).append(
                    (found.start(), found[0], term)
                )
        # From the last to the first, so the earlier offsets still hold.
        for point in sorted(at, reverse=True):
            text = f"{text[:point]} ({_explanation(at[point])}){text[point:]}"
        return text


def _after_phrase(text: str, end: int) -> int:
    """Where the explanation of a term ending at ``end`` goes: right after it, unless the next
    word may continue the noun ("downtime risk"); then at the end of the clause."""
    word = _NEXT_WORD.match(text, end)
    if word is None or _ends_the_noun(word[1].lower()):
        return end
    clause = _CLAUSE_END.search(text, end)
    point = clause.start() if clause is not None else len(text)
    return len(text[:point].rstrip())


def _ends_the_noun(word: str) -> bool:
    # A participle or an adverb ("PII encrypted at rest", "API rarely fails") is no part of
    # the noun either.
    return word in _NOT_A_NOUN or (len(word) > 4 and word.endswith(("ed", "ly")))


def _explanation(terms: list[tuple[int, str, Term]]) -> str:
    """One term's meaning; terms explained at one place are each named, in reading order
    ("API means …; migration means …")."""
    if len(terms) == 1:
        return terms[0][2].meaning
    return "; ".join(f"{word} means {term.meaning}" for _, word, term in sorted(terms, key=_start))


def _start(said: tuple[int, str, Term]) -> int:
    return said[0]


def _first_mention(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first mention an explanation can follow: not one closing a parenthesis already
    ("(CVE-2025-1)" would read "(CVE-2025-1 (a publicly …))"), in any script."""
    for found in pattern.finditer(text):
        if text[found.end() : found.end() + 1] not in (")", "\uff09"):  # ASCII and fullwidth
            return found
    return None
