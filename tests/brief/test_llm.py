"""--llm: the brief rewritten for its reader by a model, every sentence citing the facts it
restates; invented ids rejected and reported, left-out facts filled back, secrets never sent,
answers cached, and a complete brief whatever the endpoint does."""

from __future__ import annotations

import json
from typing import Any

from tests.brief.reading import assert_every_statement_cited, check_rendered, sections
from tests.drafting.conftest import fake_llm  # noqa: F401
from tests.drafting.fake_openai import FakeOpenAI, draft, error, faithful, manifest_of
from tests.gitrepo import Repo

SECRET = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


def _rewrite(request: dict[str, Any]) -> Any:
    """A model that rewrites each required fact in its section, leaves one out, and cites an
    id the brief never had."""
    items = manifest_of(request)
    bullets = [
        (str(item["section"]), f"Plainly: {item['subject']}", [item["id"]])
        for item in items
        if not item.get("optional") and item["id"] != "ask"
    ]
    bullets.append(("Risks", "The vendor will double its price.", ["risk-made-up"]))
    return draft(*bullets)


def test_the_model_s_words_each_cite_their_facts(
    cli,
    decided: Repo,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    fake_llm.default = _rewrite
    result = cli("--repo", decided.path, "brief", "--adr", "1", "--audience", "legal", "--llm")
    assert result.code == 0, result
    brief = result.stdout
    found = sections(brief)
    assert found["In short"][0].startswith('Plainly: The team chose "Postgres", because')
    assert "double its price" not in brief  # the invented id took its sentence with it
    # The ask the model left out comes back in the deterministic words.
    assert found["What we ask of you"] == [
        "- Review the points on personal data, privacy, security and contracts, and tell Ada "
        "Lovelace and "
        "Grace Hopper if anything must change. [2]"
    ]
    assert_every_statement_cited(brief)
    check_rendered(brief)
    assert "invented ids rejected: risk-made-up" in result.stderr
    assert "filled from history: ask" in result.stderr
    # The model was told who reads it and what the sections are; the facts went as data.
    system = fake_llm.requests[0]["messages"][0]["content"]
    assert "Write for the legal team" in system
    assert '"In short", "Why it matters to you", "Risks", "What we ask of you"' in system
    items = {item["id"]: item for item in manifest_of(fake_llm.requests[0])}
    assert items["decision"]["section"] == "In short"
    assert items["context-1"]["subject"].startswith("Why it came up: Our event store")
    assert items["decision"]["body"].startswith('Chosen option: "Postgres", because')


def test_secrets_never_reach_the_model_or_the_brief(
    cli,
    repo: Repo,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit(f"feat: rotate the deploy token\n\nThe old one was {SECRET}, now revoked.")
    repo.commit(f"fix: stop logging {SECRET}")
    repo.tag("v1.1.0")
    fake_llm.default = _rewrite
    result = cli(
        "--repo", repo.path, "brief", "--release", "v1.1.0", "--audience", "product", "--llm"
    )
    assert result.code == 0, result
    assert SECRET not in result.stdout
    assert not any(SECRET in raw.decode() for raw in fake_llm.raw)
    assert "[REDACTED:" in result.stdout  # the subject itself named it: taken out
    assert "secrets taken out of the brief: " in result.stderr


def test_an_unchanged_rerun_asks_nothing(cli, released: Repo, fake_llm: FakeOpenAI) -> None:  # noqa: F811
    fake_llm.default = _rewrite
    args = ("--repo", released.path, "brief", "--release", "v1.1.0", "--audience", "leadership")
    first = cli(*args, "--llm")
    assert first.code == 0, first
    asked = len(fake_llm.requests)
    again = cli(*args, "--llm")
    assert again.code == 0, again
    assert len(fake_llm.requests) == asked
    assert again.stdout == first.stdout
    assert "from cache" in again.stderr
    # --no-cache asks again.
    assert cli(*args, "--llm", "--no-cache").code == 0
    assert len(fake_llm.requests) > asked


def test_a_failing_endpoint_leaves_the_deterministic_brief(
    cli,
    released: Repo,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    fake_llm.default = error(500, "the model is down")
    args = ("--repo", released.path, "brief", "--release", "v1.1.0", "--audience", "customers")
    offline = cli(*args)
    result = cli(*args, "--llm", "--format", "md")
    assert result.code == 0, result  # the endpoint failed, not the configuration
    assert result.stdout == offline.stdout  # complete: every fact, in history's words
    assert "template drafter answered" in result.stderr


def test_without_a_key_the_brief_is_complete_and_the_exit_says_why(
    cli, released: Repo, monkeypatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    args = ("--repo", released.path, "brief", "--release", "v1.1.0", "--audience", "product")
    result = cli(*args, "--llm", "--format", "email")
    assert result.code == 8, result
    assert result.stdout == cli(*args, "--format", "email").stdout
    assert result.stderr.startswith("leaddocs: error: ")


def test_email_in_llm_mode_is_plain_and_wrapped(
    cli,
    decided: Repo,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    def markdown_minded(request: dict[str, Any]) -> Any:
        items = manifest_of(request)
        return draft(
            *(
                (str(item["section"]), f"**Note:** {item['subject']} <b>now</b>", [item["id"]])
                for item in items
            )
        )

    fake_llm.default = markdown_minded
    result = cli(
        "--repo",
        decided.path,
        "brief",
        "--adr",
        "1",
        "--audience",
        "product",
        "--llm",
        "--format",
        "email",
    )
    assert result.code == 0, result
    mail = result.stdout
    assert all(len(line) <= 72 for line in mail.splitlines()[1:])
    assert "<b>" not in mail  # the engine drops raw HTML from a model's words
    assert "flagged:" in result.stderr


def test_a_status_brief_for_customers_never_sends_the_team_s_internals(
    cli,
    weeks: Repo,
    notes,
    fake_llm: FakeOpenAI,  # noqa: F811
) -> None:
    from tests.status.scenario import WEEK2

    assert cli("--repo", weeks.path, "status", *WEEK2, "--notes", notes).code == 0
    fake_llm.default = faithful
    for audience, internal in (("customers", False), ("leadership", True)):
        result = cli(
            "--repo",
            weeks.path,
            "brief",
            "--status",
            "2023-11-28",
            "--audience",
            audience,
            "--llm",
        )
        assert result.code == 0, result
        sent = json.dumps(manifest_of(fake_llm.requests[-1]))
        assert ("security review" in sent) is internal
        assert ("Vendor contract" in sent) is internal
        assert result.stdout.count("Drafted: ") >= 3  # the model's words
        if internal:  # a customer sees no source without a public link: none here
            assert_every_statement_cited(result.stdout)
        check_rendered(result.stdout)
