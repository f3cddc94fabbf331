"""A customers brief of a release or a status period names nobody, as one of a decision record
does: a statement naming a person the repository knows (an author, a co-author, a name
.mailmap maps, an ADR's decision makers, consulted and informed) or an @mention is left out,
and stderr counts what was left out. Other readers still read every statement."""

from __future__ import annotations

from typing import Any

from tests.brief.reading import check_rendered, sections
from tests.drafting.fake_openai import FakeOpenAI, Reply, draft, manifest_of
from tests.gitrepo import Repo

RECORD = "---\nstatus: accepted\ndecision-makers: [Grace Hopper]\n---\n# Keep invoices\n"
NAMED = (
    "Bobby",  # as written before .mailmap maps him to Robert Tables
    "erin",
    "Grace",  # a decision maker of an ADR
    "Frank",  # a co-author only
    "Carol",
)


def named_history(repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit(
        "docs: a record and the mailmap",
        files={
            "adr/0001-keep-invoices.md": RECORD,
            ".mailmap": "Robert Tables <bob@example.com> Bobby <bob@example.com>\n",
        },
    )
    repo.commit("feat: export invoices as CSV", author="Bobby <bob@example.com>")
    repo.commit("feat: the dashboard Bobby asked for")
    repo.commit("fix: rounding of totals, reported by @erin")
    repo.commit("feat: import from Grace's spreadsheet")
    repo.commit(
        "fix: dates in Frank's time zone\n\nCo-authored-by: Frank Ocean <frank@example.com>\n"
    )
    repo.commit(
        "fix: show totals with two decimals\n\nCarol Diaz found it on the March invoices.\n"
        "The rounding now happens once, at the end.\n",
        author="Carol Diaz <carol@example.com>",
    )


def test_a_release_brief_for_customers_names_nobody(cli, repo: Repo) -> None:
    named_history(repo)
    result = cli("--repo", repo.path, "brief", "--release", "unreleased", "--audience", "customers")
    assert result.code == 0, result
    for name in NAMED:
        assert name not in result.stdout, name
    what = " ".join(sections(result.stdout)["What shipped"])
    assert "export invoices as CSV" in what and "show totals with two decimals" in what
    assert "left out of the brief for customers: 4 statements that name people" in result.stderr
    check_rendered(result.stdout)
    product = cli("--repo", repo.path, "brief", "--release", "unreleased", "--audience", "product")
    assert product.code == 0, product
    assert "Grace's spreadsheet" in product.stdout and "Frank's time zone" in product.stdout
    assert "reported by @\u200berin" in product.stdout  # a mention, neutralised, not left out
    assert "left out" not in product.stderr


def test_a_status_brief_for_customers_names_nobody(cli, repo: Repo) -> None:
    named_history(repo)
    args = ("brief", "--status", "2023-11-15", "--audience", "customers")
    result = cli("--repo", repo.path, *args)
    assert result.code == 0, result
    for name in NAMED:
        assert name not in result.stdout, name
    assert "export invoices as CSV" in result.stdout
    assert "statements that name people" in result.stderr
    check_rendered(result.stdout)


def test_the_model_is_not_sent_names_for_a_customers_brief(
    cli, repo: Repo, fake_llm: FakeOpenAI
) -> None:
    named_history(repo)
    sent: list[list[dict[str, Any]]] = []

    def answer(request: dict[str, Any]) -> Reply:
        items = manifest_of(request)
        sent.append(items)
        return draft(("What shipped", "Invoices export as CSV.", [items[0]["id"]]))

    fake_llm.queue(answer, answer)
    args = ("brief", "--release", "unreleased", "--audience", "customers", "--llm")
    result = cli("--repo", repo.path, *args)
    assert result.code == 0, result
    text = repr(sent[0])
    for name in NAMED:
        assert name not in text, name
    # The body's other lines still reach the model.
    assert "The rounding now happens once, at the end." in text


def test_a_whole_name_in_another_case_is_still_a_name(cli, repo: Repo) -> None:
    # "carol diaz" typed in lower case names her as surely as "Carol Diaz"; a first name alone
    # keeps its case ("will" is a word, "Will" may be a name).
    named_history(repo)
    repo.commit("fix: the export carol diaz asked for")
    repo.commit("fix: totals will round once")
    result = cli("--repo", repo.path, "brief", "--release", "unreleased", "--audience", "customers")
    assert result.code == 0, result
    assert "carol diaz" not in result.stdout.lower()
    assert "totals will round once" in result.stdout
    assert "5 statements that name people" in result.stderr
