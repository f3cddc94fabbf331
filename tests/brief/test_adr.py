"""--adr: a decision record in plain language, for each reader, from any ADR style."""

from __future__ import annotations

from tests.brief.reading import (
    assert_every_statement_cited,
    check_rendered,
    sections,
    sources,
)
from tests.gitrepo import Repo


def test_leadership_reads_the_decision_its_asks_and_risks_first(cli, decided: Repo) -> None:
    result = cli("--repo", decided.path, "brief", "--adr", "1", "--audience", "leadership")
    assert result.code == 0, result
    brief = result.stdout
    assert brief.startswith("---\ntitle: Use Postgres for events\naudience: leadership\n")
    assert "\n# Use Postgres for events\n" in brief
    found = sections(brief)
    assert list(found) == [
        "In short",
        "What we ask of you",
        "Risks",
        "Why it matters to you",
        "What was decided",
        "Sources",
    ]
    short = found["In short"]
    assert short[0] == (
        'The team chose "Postgres", because we already run it and it removes one on-call '
        "rotation. [1]"
    )
    assert short[1].startswith("It was accepted on 2025-03-01: the decision is in force. ")
    assert "Decision makers: Ada Lovelace and Grace Hopper." in short[1]
    # The downsides, with the jargon explained the first time it comes.
    risks = found["Risks"]
    assert risks[0].startswith(
        "- Downside: The migration (moving data or users from an old system to a new one) of "
        "2 years of events takes about six weeks."
    )
    assert "Throughput (how much work" in risks[1]
    # What leadership cares about, named; the ask follows from it.
    why = " ".join(found["Why it matters to you"])
    assert "saves about $3,000 a month" in why
    assert "the record mentions cost, staffing" in why
    assert "raise any conflict with Ada Lovelace and Grace Hopper" in found["What we ask of you"][0]
    # Inline Markdown is gone, placeholders and code are not statements.
    what = " ".join(found["What was decided"])
    assert "a cheaper home for events that keeps customer PII encrypted at rest" in what
    assert "make load-test" not in brief and "optional element" not in brief
    assert "Options considered: Postgres; Kafka (keep); A managed queue from a vendor." in what
    assert "ADR 0001, Decision Outcome: adr/0001-use-postgres-for-events.md line 28" in sources(
        brief
    )
    assert_every_statement_cited(brief)
    text = check_rendered(brief)
    # "PII stays in one encrypted database": the explanations wait for the end of the clause,
    # as "stays" might be the rest of the noun.
    assert "encrypted database (PII means personally identifiable information" in text
    assert text.count("personally identifiable information") == 1  # explained once


def test_legal_gets_its_points_and_an_adr_tools_record_is_read(cli, decided: Repo) -> None:
    result = cli("--repo", decided.path, "brief", "--adr", "ADR-0002", "--audience", "legal")
    assert result.code == 0, result
    found = sections(result.stdout)
    assert list(found)[:4] == ["In short", "Why it matters to you", "Risks", "What we ask of you"]
    assert found["In short"][0] == (
        "We will move the queue to a managed service under a three-year contract. [1]"
    )
    assert found["In short"][1].startswith("It is proposed since 2025-04-02, not decided yet")
    why = " ".join(found["Why it matters to you"])
    assert why.startswith("- For you: the record mentions contracts and licences (in Decision and ")
    assert "Also: The vendor's licence forbids resale of the data it stores." in why
    assert "It is not decided yet" in " ".join(found["Risks"])
    assert found["What we ask of you"] == [
        "- Tell the team before it is decided whether it needs a legal review. [2]"
    ]
    assert_every_statement_cited(result.stdout)
    check_rendered(result.stdout)


def test_customers_see_no_internal_names_and_no_internal_sources(cli, decided: Repo) -> None:
    result = cli("--repo", decided.path, "brief", "--adr", "0001", "--audience", "customers")
    assert result.code == 0, result
    brief = result.stdout
    for internal in ("Ada Lovelace", "ADR 0001", "adr/0001", "line 2", "## Sources"):
        assert internal not in brief
    found = sections(brief)
    assert found["What you need to do"] == ["- Nothing: no action is needed from you."]
    assert "*A brief for customers on a decision record.*" in brief
    check_rendered(brief)


def test_a_superseded_record_says_what_replaced_it_and_leaves_out_placeholders(
    cli, decided: Repo
) -> None:
    result = cli("--repo", decided.path, "brief", "--adr", "3", "--audience", "product")
    assert result.code == 0, result
    brief = result.stdout
    assert "a later decision replaced it: ADR 0002, Move the queue to a vendor." in brief
    assert "{" not in brief  # no template placeholder became a statement
    assert 'The team chose "In house". [1]' in brief
    assert "It no longer applies" in " ".join(sections(brief)["Risks"])
    assert sections(brief)["What we ask of you"] == ["- Nothing: this is for your information. [2]"]


def test_a_hostile_title_and_record_render_as_text(cli, repo: Repo) -> None:
    hostile = """---
status: accepted
---
# <img src=x onerror=alert(1)> @everyone [click](javascript:alert(1)) **bold**

## Context and Problem Statement

<script>alert(1)</script> Ping @admins, see ![x](http://evil.example/x.png) and
[docs](javascript:alert(2)). \x1b]0;pwned\x07Also <b>raw</b> &lt;tag&gt; `code <x>`.

## Decision Outcome

Chosen option: "[x](http://evil.example)", because <!-- hidden --> # not a heading
"""
    repo.commit("docs: a record", files={"adr/0001-hostile.md": hostile})
    result = cli("--repo", repo.path, "brief", "--adr", "1", "--audience", "leadership")
    assert result.code == 0, result
    brief = result.stdout
    text = check_rendered(brief)  # no raw HTML, no link, no mention in either renderer
    # A reader gets the words: tags, link targets and emphasis markers are gone.
    assert "# @\u200beveryone click bold\n" in brief
    assert "evil.example" not in brief and "javascript" not in brief
    # The code span keeps its words as code, its "<" and ">" as text: no backticks shown.
    assert "Ping @admins, see x and docs. Also raw <tag> code <x>." in text.replace("\u200b", "")
    assert "\x1b" not in brief and "\x07" not in brief and "pwned" not in brief
    email = cli(
        "--repo", repo.path, "brief", "--adr", "1", "--audience", "legal", "--format", "email"
    )
    assert email.code == 0, email
    assert email.stdout.startswith("Subject: @everyone click bold (a brief for legal)\n")
    assert "\x1b" not in email.stdout and "\x07" not in email.stdout


INTERNAL = """---
status: accepted
date: 2025-05-01
decision-makers: [Ada Lovelace]
consulted: [Carol Diaz]
informed: ["@erin"]
---
# Move exports to the new pipeline

## Context and Problem Statement

Customers wait minutes for a CSV export of their invoices.

Carol asked for a plan before the freeze.

## Decision Outcome

Chosen option: "New pipeline", because it costs $2,000 a month less than the old one.

### Consequences

* Good, because customers get their exports in seconds.
* Good, because it saves $24,000 a year.
* Bad, because @bob must rewrite the ETL.
* Bad, because Dave Lee has to join the on-call rotation.
* Bad, because exports are unavailable for one hour during the switch.
* Neutral, because erin keeps the runbook.
"""


def test_customers_are_not_told_of_people_costs_or_staffing(cli, repo: Repo) -> None:
    repo.commit("docs: a record", files={"adr/0001-new-pipeline.md": INTERNAL})
    repo.commit("feat: the pipeline", author="Dave Lee <dave@example.com>")
    result = cli("--repo", repo.path, "brief", "--adr", "1", "--audience", "customers")
    assert result.code == 0, result
    brief = result.stdout
    for internal in ("bob", "Carol", "Dave Lee", "erin", "Ada", "$", "on-call", "ETL", "saves"):
        assert internal not in brief, internal
    found = sections(brief)
    assert found["In short"][0] == 'The team chose "New pipeline".'  # its reason is a cost
    what = " ".join(found["What was decided"])
    assert "Customers wait minutes for a CSV export of their invoices." in what
    assert found["Why it matters to you"] == ["- Upside: Customers get their exports in seconds."]
    assert found["What to watch out for"] == [
        "- Downside: Exports are unavailable for one hour during the switch."
    ]
    # The lead is told what was left out, and why.
    assert (
        "left out of the brief for customers: 4 statements that name people and 2 on the "
        "team's costs or staffing" in result.stderr
    )
    check_rendered(brief)
    # The other readers still get all of it.
    lead = cli("--repo", repo.path, "brief", "--adr", "1", "--audience", "leadership")
    assert "@" in lead.stdout and "rewrite the ETL" in lead.stdout and "left out" not in lead.stderr


def test_a_record_all_internal_says_so_rather_than_an_empty_brief(cli, repo: Repo) -> None:
    internal = (
        "---\nstatus: accepted\n---\n# Rotate the on-call\n\n## Decision Outcome\n\n"
        "We decided that @bob takes the on-call rotation from June.\n\n### Consequences\n\n"
        "* Bad, because the team's budget for overtime grows by $5,000.\n"
    )
    repo.commit("docs: a record", files={"adr/0001-rotate.md": internal})
    result = cli("--repo", repo.path, "brief", "--adr", "1", "--audience", "customers")
    assert result.code == 0, result
    found = sections(result.stdout)
    assert "bob" not in result.stdout and "$" not in result.stdout
    assert found["In short"][0] == (
        "Everything this decision record says is internal to the team (the people, costs and "
        "staffing it names), so this brief has nothing more to tell you."
    )
    assert "The record names no downsides." not in result.stdout  # it named one: internal
    assert (
        "left out of the brief for customers: 1 statement that names people and 1 on the "
        "team's costs or staffing" in result.stderr
    )
    check_rendered(result.stdout)
