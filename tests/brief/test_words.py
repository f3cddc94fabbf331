"""The pieces a brief is written with: an ADR's statements by kind, and the glossary."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leaddocs.adr.sections import BLOCK_CHARS, chosen, plain_inline, read_decision
from leaddocs.briefs.glossary import TERMS, Glossary
from tests.cpu import cpu_budget

MADR2 = """# Use Plain JUnit5 for advanced test assertions

* Status: accepted
* Deciders: Oliver Kopp

## Context and Problem Statement

How to write readable test assertions for advanced tests?

## Decision Outcome

Chosen option: "Plain JUnit5", because comes out best (see below).

### Positive Consequences <!-- optional -->

* Tests are more readable
* More easy to write tests

### Negative Consequences <!-- optional -->

* Some tests are still hard to read

## Pros and Cons of the Options

### Plain JUnit5

* Good, because it is the default
"""


def test_madr2_consequences_and_the_chosen_option() -> None:
    said = read_decision(MADR2)
    assert [s.text for s in said.context] == [
        "How to write readable test assertions for advanced tests?"
    ]
    assert [(s.text, s.section, s.line) for s in said.good] == [
        ("Tests are more readable", "Positive Consequences", 16),
        ("More easy to write tests", "Positive Consequences", 17),
    ]
    assert [s.text for s in said.bad] == ["Some tests are still hard to read"]
    assert chosen(said.decision[0].text) == (
        'The team chose "Plain JUnit5", because comes out best (see below).'
    )
    # Pros and cons of each option are the options' detail, not the decision's consequences.
    assert "it is the default" not in " ".join(s.text for s in said.said)


def test_headings_in_code_are_not_sections_and_lines_count_from_the_file() -> None:
    text = "---\nstatus: accepted\n---\n# T\n\n## Context\n\n```md\n## Decision\nno\n```\n\nWhy.\n"
    said = read_decision(text)
    assert [(s.text, s.line) for s in said.context] == [("Why.", 13)]
    assert said.decision == []


def test_plain_inline_keeps_words_and_code() -> None:
    assert plain_inline("See [the *docs*](https://x.y/(a)) and ![alt](i.png) **now**.") == (
        "See the docs and alt now."
    )
    assert plain_inline("Run `a <b> **c**` \\*not bold\\* &amp; <br> <https://x.y>") == (
        "Run `a <b> **c**` *not bold* & https://x.y"
    )


def test_a_huge_record_is_bounded_and_quick() -> None:
    line = "**a" * 300_000 + " [x](" * 50_000
    text = f"# T\n\n## Context\n\n{line}\n\n## Consequences\n\n" + "* Bad, because b\n" * 10_000
    with cpu_budget(5):
        said = read_decision(text)
    assert len(said.context[0].text) <= BLOCK_CHARS
    assert 0 < len(said.bad) <= 12


def test_each_term_is_explained_once_never_in_code_nor_inside_a_parenthesis() -> None:
    glossary = Glossary()
    first = glossary.gloss("Fixes (CVE-2025-1) in the `api` endpoint; the API migration.")
    assert first == (
        "Fixes (CVE-2025-1) in the `api` endpoint (one address in an API that other software "
        "calls); the API migration (API means the interface other software uses to work with "
        "ours; migration means moving data or users from an old system to a new one)."
    )
    assert glossary.gloss("Another migration of the API.") == "Another migration of the API."
    assert (
        Glossary().gloss("The SLA (what we promised) holds.") == "The SLA (what we promised) holds."
    )


def test_a_compound_noun_is_explained_whole_not_split() -> None:
    # "downtime (time when …) risk" splits the noun: the explanation goes after the whole
    # phrase, at the end of its clause; a word that does not continue the noun keeps it close.
    cases = {
        "Downtime risk rises during the switch.": (
            "Downtime risk rises during the switch (time when the service cannot be used)."
        ),
        "The API gateway, which we run in three regions, is replaced.": (
            "The API gateway (the interface other software uses to work with ours), which we run "
            "in three regions, is replaced."
        ),
        "We set a latency budget of 200 ms; it holds": (
            "We set a latency budget of 200 ms (the delay before a response arrives); it holds"
        ),
        "Customer PII encrypted at rest.": (
            "Customer PII (personally identifiable information: data that identifies a person) "
            "encrypted (scrambling data so that only authorised systems can read it) at rest."
        ),
        "Downtime of the API is one hour.": (
            "Downtime (time when the service cannot be used) of the API (the interface other "
            "software uses to work with ours) is one hour."
        ),
        "The latency budget `p99 < 200ms` is kept.": (
            "The latency budget (the delay before a response arrives) `p99 < 200ms` is kept."
        ),
    }
    for said, explained in cases.items():
        assert Glossary().gloss(said) == explained
        for term in ("Downtime risk", "API gateway", "latency budget"):
            assert term not in said or term in explained  # never split


@given(st.text(alphabet=st.sampled_from(list("API SLA rollback cache ()`-x.\n")), max_size=80))
def test_the_glossary_only_adds_words(text: str) -> None:
    glossed = Glossary().gloss(text)
    rest = iter(glossed)
    assert all(char in rest for char in text)  # the text is still there, in order
    assert all(glossed.count(term.meaning) <= 1 for term in TERMS)
