"""What the new rules put into documents is outside text: a merge's prose, a branch name, an
area, a co-author's name. Each renders as text in both renderers, and odd input breaks nothing."""

from __future__ import annotations

from typing import Any

from tests.drafts.helpers import configure, markdown, notes, sections
from tests.gitrepo import Repo
from tests.security.rendered import RENDERERS, assert_safe, same_in_both, text_of

FORGE = "https://github.com/acme/shop/"
HOSTILE = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) @everyone **bold** `x"


def test_a_merges_prose_and_branch_name_stay_text(cli: Any, repo: Repo) -> None:
    repo.git("remote", "add", "origin", "https://github.com/acme/shop.git")
    repo.commit("Initial import")
    repo.tag("v1.0.0")
    repo.merge_topic("jc/prose", ["prose: one"], f"Prose with {HOSTILE}\nover two lines.")
    repo.merge_topic("jc/<img-src=x-onerror=alert(1)>", ["one", "two"])  # no prose: its name
    repo.merge_topic("jc/area", ["<b>area</b>: fix [x](javascript:y)"])
    repo.commit(f"feat: dark mode\n\nCo-authored-by: {HOSTILE} <e@example.com>")
    configure(repo, "commits:\n  group_by_area: true\n")
    text = markdown(cli, repo)
    assert_safe(text, links=[FORGE], raw={"details": 0, "summary": 0})
    for render in RENDERERS.values():
        shown = text_of(render(text))
        assert "Prose with <img src=x onerror=alert(1)> [click](javascript:alert(1))" in shown
        assert "<img src=x onerror=alert(1)>" in shown


def test_odd_merges_break_nothing(cli: Any, repo: Repo) -> None:
    repo.commit("Initial import")
    repo.tag("v1.0.0")
    repo.merge_topic("jc/---", ["dashes: one", "dashes: two"])  # no words in the name
    repo.merge_topic("jc/empty-prose", ["empty: one", "empty: two"], "\n\n\n")
    repo.merge_topic(
        "jc/shortlog-only", ["only: one"], "* jc/shortlog-only:\n  only: one"
    )  # git's own shortlog where prose would be
    repo.merge_topic("jc/日本語", ["文書: 修正"], "日本語の説明。")
    repo.merge_topic("jc/long", ["long: one"], "word " * 20_000)
    document = notes(cli, repo)
    every = [entry for entries in sections(document).values() for entry in entries]
    assert "jc/---" in every
    assert "Empty prose" in every
    assert "only: one" in every
    assert "日本語の説明。" in every
    longest = max(every, key=len)
    assert longest.startswith("word word") and len(longest) <= 300  # subject_max_length


def test_a_pattern_list_with_a_named_group_twice_still_works(cli: Any, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("Ship 1.1")
    repo.commit("Noise: tidy")
    configure(
        repo,
        "skip:\n  release_patterns: ['^Ship (?P<v>\\S+)$', '^Cut (?P<v>\\S+)$']\n"
        "maintenance:\n  subject_patterns: ['^Noise(?P<v>:) ']\n",
    )
    document = notes(cli, repo)
    assert [item["subject"] for item in document["skipped"]] == ["Ship 1.1"]
    assert sections(document) == {"Maintenance": ["Noise: tidy"]}


def test_hostile_prose_names_and_bot_titles_stay_text_in_the_changelog(
    cli: Any, repo: Repo
) -> None:
    """In the CHANGELOG too, the collapsed blocks included: text that would close <details>,
    end a leaddocs marker or link somewhere stays text in both renderers, and a second run
    leaves the file as it was."""
    closing = '</details></summary> <!-- leaddocs:section id="v1.0.0" sha256=00 --> -->'
    hostile = f"{closing} {HOSTILE} ![i](https://evil.example/p.png) {{: onclick=x}}"
    (repo.path / ".mailmap").write_text(f"Ada {hostile.replace('<', '')} <ada@example.com>\n")
    repo.git("add", ".mailmap")
    repo.git("remote", "add", "origin", "https://github.com/acme/shop.git")
    repo.commit("Initial import")
    repo.tag("v1.0.0")
    for number in range(2):
        repo.merge_topic(f"jc/t{number}", [f"area: one {hostile}"], f"It learned to {hostile}")
    repo.merge_pr(
        7,
        f"Bump left-pad from 1 to 2 {hostile}",
        [f"Bump left-pad from 1 to 2 {hostile}"],
        author="dependabot[bot] <1+dependabot[bot]@users.noreply.github.com>",
    )
    repo.commit(f"refactor: {hostile}")
    repo.tag("v1.1.0")
    target = repo.path / "CHANGELOG.md"
    assert cli("--repo", repo.path, "changelog", "-o", target).code == 0
    text = target.read_text()
    assert text.count("<!-- leaddocs:section ") == 3  # two releases and Unreleased, no more
    assert_safe(
        text,
        links=[FORGE, "https://pypi.org/project/leaddocs/"],
        raw={"details": 2, "summary": 2, "!--": 3},
    )
    outline = same_in_both(text)
    assert "summary: Maintenance (1)" in outline and "summary: Refactoring (1)" in outline
    assert cli("--repo", repo.path, "changelog", "-o", target).code == 0
    assert target.read_text() == text
