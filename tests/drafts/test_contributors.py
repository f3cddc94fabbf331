"""Contributors: one name per person, the same in entries and in the list; bots and AI
assistants not credited; no "by" on every line when one person wrote the release."""

from __future__ import annotations

from typing import Any

import pytest

from tests.drafts.helpers import configure, markdown, notes
from tests.gitrepo import Repo

ADA = "Ada Lovelace <ada@example.com>"


def many_identities(repo: Repo) -> None:
    (repo.path / ".mailmap").write_text(
        "Ada Lovelace <ada@example.com> <ada@old.example>\n", encoding="utf-8"
    )
    repo.git("add", ".mailmap")
    repo.commit("feat: first", author=ADA)
    repo.commit("feat: the parser", author="Linus Torvalds <linus@work.example>")
    repo.tag("v1.0.0")
    repo.commit("feat: export", author="ada <ada@old.example>")  # .mailmap: Ada Lovelace
    repo.commit("fix: totals", author="grace <grace@example.com>")
    repo.commit("fix: rounding", author="Grace Hopper <grace@example.com>")
    repo.commit("perf: cache", author="Linus Torvalds <linus@home.example>")
    repo.commit("docs: guide", author="Linus  torvalds <linus@work.example>")
    repo.commit("feat: charts", author="margaret <123+margaret@users.noreply.github.com>")
    repo.commit("fix: axes", author="Margaret Hamilton <margaret@users.noreply.github.com>")
    repo.commit(
        "feat: dark mode\n\n"
        "Co-authored-by: A. Lovelace <ada@old.example>\n"
        "Co-authored-by: Claude <noreply@anthropic.com>\n"
        "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
        author="Grace Hopper <grace@example.com>",
    )
    repo.commit(
        "chore(deps): bump lodash from 1.0.0 to 1.0.1",
        author="dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
    )
    repo.commit("Update the docs site", author="github-actions[bot] <a@example.com>")


def test_one_name_per_person_in_the_list_and_in_the_entries(cli: Any, repo: Repo) -> None:
    many_identities(repo)
    document = notes(cli, repo)
    assert document["contributors"] == [
        "Ada Lovelace",
        "Grace Hopper",
        "Linus Torvalds",
        "Margaret Hamilton",
    ]
    named = {name for s in document["sections"] for item in s["items"] for name in item["authors"]}
    assert named == set(document["contributors"])
    dark_mode = next(
        item for s in document["sections"] for item in s["items"] if item["subject"] == "dark mode"
    )
    # The co-author's old address is mapped by .mailmap; the AI assistants are not credited.
    assert dark_mode["authors"] == ["Grace Hopper", "Ada Lovelace"]


def test_a_person_seen_before_under_another_identity_is_no_newcomer(cli: Any, repo: Repo) -> None:
    many_identities(repo)
    document = notes(cli, repo)
    assert document["first_time_contributors"] == ["Grace Hopper", "Margaret Hamilton"]


def test_bots_and_assistants_are_nowhere_in_the_markdown(cli: Any, repo: Repo) -> None:
    many_identities(repo)
    text = markdown(cli, repo)
    for name in ("dependabot", "github-actions", "Claude", "Copilot", "ada <", "grace,"):
        assert name not in text
    assert "Ada Lovelace, Grace Hopper, Linus Torvalds, Margaret Hamilton" in text


def test_who_is_not_credited_is_configurable(cli: Any, repo: Repo) -> None:
    many_identities(repo)
    configure(repo, "contributors:\n  not_credited: ['.*\\[bot\\].*', 'margaret.*']\n")
    document = notes(cli, repo)
    assert "Margaret Hamilton" not in document["contributors"]
    assert "Claude" in document["contributors"]  # no longer in the list of assistants


def one_author(repo: Repo) -> None:
    repo.commit("feat: first", author=ADA)
    repo.tag("v1.0.0")
    repo.commit("feat: export", author=ADA)
    repo.commit("fix: totals", author=ADA)
    repo.commit(
        "chore(deps): bump lodash from 1.0.0 to 1.0.1",
        author="dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
    )


def test_no_by_line_when_one_person_wrote_the_release(cli: Any, repo: Repo) -> None:
    one_author(repo)
    text = markdown(cli, repo)
    assert " by " not in text
    assert "Ada Lovelace" in text.split("## Contributors", 1)[1]
    assert notes(cli, repo)["sections"][0]["items"][0]["authors"] == ["Ada Lovelace"]  # JSON
    repo.commit("fix: rounding", author="Grace Hopper <grace@example.com>")
    text = markdown(cli, repo)
    assert "- rounding (" in text and ") by Grace Hopper" in text
    assert ") by Ada Lovelace" in text


@pytest.mark.parametrize(("by_line", "shown"), [("always", True), ("never", False)])
def test_the_by_line_is_configurable(cli: Any, repo: Repo, by_line: str, shown: bool) -> None:
    one_author(repo)
    repo.commit("fix: rounding", author="Grace Hopper <grace@example.com>")
    configure(repo, f"contributors:\n  by_line: {by_line}\n")
    text = markdown(cli, repo)
    assert (") by Ada Lovelace" in text) is shown


@pytest.mark.parametrize(
    "assistant",
    [
        "claude <noreply@anthropic.com>",
        "Claude Sonnet 4.5 <claude@anthropic.com>",
        "Claude Opus 4.1 <claude@example.com>",
        "claude-3-5-sonnet <ai@example.com>",
        "  CLAUDE   <ai@example.com>",
        "gpt-5-codex <codex@example.com>",
        "ChatGPT Codex Connector <codex@example.com>",
        "Gemini 2.5 Pro <gemini@example.com>",
        "GitHub Copilot <copilot@example.com>",
        "Junie <junie@jetbrains.com>",
        "Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
    ],
)
def test_an_assistant_co_author_however_spelled_is_not_credited(
    cli: Any, repo: Repo, assistant: str
) -> None:
    repo.commit("feat: first", author=ADA)
    repo.tag("v1.0.0")
    repo.commit(f"feat: export\n\nCo-authored-by: {assistant}", author=ADA)
    repo.commit("fix: totals", author="Grace Hopper <grace@example.com>")
    assert notes(cli, repo)["contributors"] == ["Ada Lovelace", "Grace Hopper"]


def test_people_who_share_a_name_with_an_assistant_are_credited(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first", author=ADA)
    repo.tag("v1.0.0")
    repo.commit(
        "feat: export\n\nCo-authored-by: Claude Monet <claude@example.com>\n"
        "Co-authored-by: Devin Smith <devin@example.com>\n"
        "Co-authored-by: Gemini Ortiz <gemini@example.com>",
        author=ADA,
    )
    assert notes(cli, repo)["contributors"] == [
        "Ada Lovelace",
        "Claude Monet",
        "Devin Smith",
        "Gemini Ortiz",
    ]
