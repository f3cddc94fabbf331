"""Two branches each add ADR 0003, and the two records link to each other after the merge.

A reference by file name follows its file; a bare number follows the record it meant when that
is certain, and is otherwise left as written with a note naming its file and line.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.adr.conftest import records
from tests.gitrepo import Repo, init_repo

FIRST = "---\nstatus: accepted\ndate: 2024-01-15\n---\n# Record decisions\n"


def _adr(title: str, extra: str = "", body: str = "") -> str:
    return f"---\nstatus: accepted\ndate: 2024-02-01\n{extra}---\n# {title}\n\n{body}"


def _two_threes(repo: Repo, first: str, second: str) -> None:
    """``first``'s branch commits its 0003 before ``second``'s; both merge into main."""
    repo.commit("docs(adr): first", files={"adr/0001-record-decisions.md": FIRST})
    for name in (first, second):
        repo.checkout("main")
        repo.branch(name)
        title = name.replace("-", " ").capitalize()
        repo.commit(
            f"docs(adr): {name}",
            files={f"adr/0003-{name}.md": _adr(title, body=f"ADR-0003 is {title}.\n")},
        )
    repo.checkout("main")
    repo.merge(first, f"Merge branch '{first}'")
    repo.merge(second, f"Merge branch '{second}'")


@pytest.mark.parametrize(
    ("first", "second"), [("use-kafka", "use-redis"), ("use-redis", "use-kafka")]
)
def test_a_link_between_the_two_clashing_records_follows_the_moved_one(
    cli: Any, repo: Repo, first: str, second: str
) -> None:
    _two_threes(repo, first, second)
    # On main, after the merge: the later one supersedes the earlier, both sides naming the
    # bare number 0003 (which each file can only mean for the other).
    for name, extra in ((second, "supersedes: ['0003']\n"), (first, "superseded-by: ['0003']\n")):
        path = repo.path / f"adr/0003-{name}.md"
        path.write_text(
            path.read_text().replace("date: 2024-02-01\n", f"date: 2024-02-01\n{extra}")
        )
    repo.git("commit", "-qam", "docs(adr): link")

    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code == 0, result
    assert result.stdout == f"adr/0003-{second}.md -> adr/0004-{second}.md\n"
    found = records(cli, repo)
    assert found["0003"]["path"] == f"adr/0003-{first}.md"
    assert found["0003"]["superseded_by"] == ["0004"]
    assert found["0004"]["supersedes"] == ["0003"]
    assert cli("--repo", repo.path, "adr", "lint").code == 0
    # Each body's "ADR-0003 is …" was written on its own branch, then the file was edited on
    # main where 0003 meant either: left as written, and said so.
    assert (
        (repo.path / f"adr/0003-{first}.md")
        .read_text()
        .endswith("ADR-0003 is " + first.replace("-", " ").capitalize() + ".\n")
    )
    assert result.stderr.count("left as written") == 2, result.stderr
    assert f"adr/0003-{first}.md:8: " in result.stderr
    assert f"adr/0003-{second}.md:8: " in result.stderr


def test_a_back_link_is_rewritten_and_a_link_to_the_kept_file_keeps_its_label(
    cli: Any, repo: Repo
) -> None:
    _two_threes(repo, "use-kafka", "use-redis")
    cli("--repo", repo.path, "adr", "link", "0003-use-redis", "--amends", "1")
    first = repo.path / "adr/0001-record-decisions.md"
    first.write_text(
        first.read_text() + "\nKafka: [ADR-0003](0003-use-kafka.md). Redis: ADR-0003.\n"
    )
    repo.git("commit", "-qam", "docs(adr): link")

    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code == 0, result
    text = first.read_text()
    assert "amended-by: ['0004']" in text
    # The link to the kept file is unambiguous: its label names 0003 still.
    assert "Kafka: [ADR-0003](0003-use-kafka.md). Redis: ADR-0003.\n" in text
    # 0001's "Redis: ADR-0003" and the moved record's own "ADR-0003 is …" (its file changed on
    # main since); the kept one's file was last written on its branch: its mention is its own.
    assert result.stderr.count("left as written") == 2, result.stderr
    assert (
        "adr/0001-record-decisions.md:8: 'ADR-0003' may mean 0003-use-redis (now 0004) or 0003-use-kafka"
        in result.stderr
    )
    assert "adr/0003-use-redis.md:8: 'ADR-0003'" in result.stderr
    found = records(cli, repo)
    assert found["0004"]["amends"] == ["0001"]
    assert found["0001"]["amended_by"] == ["0004"]


def test_links_by_file_name_follow_their_files_and_a_bare_number_is_not_guessed(
    cli: Any, repo: Repo
) -> None:
    _two_threes(repo, "use-kafka", "use-redis")
    later = _adr(
        "Cache sessions",
        "amends: ['0003-use-redis']\n",
        "Builds on [ADR-0003](0003-use-redis.md) and [Kafka](0003-use-kafka.md).\n\n"
        "See also ADR-0003.\n",
    )
    repo.commit("docs(adr): later", files={"adr/0004-cache-sessions.md": later})
    (repo.path / "adr/0003-use-redis.md").write_text(
        _adr("Use redis", "amended-by: ['0004']\n", "ADR-0003 is Use redis.\n")
    )
    repo.git("commit", "-qam", "docs(adr): back-link")

    result = cli("--repo", repo.path, "adr", "renumber", "--dry-run")
    assert result.stdout == "adr/0003-use-redis.md -> adr/0005-use-redis.md\n", result
    assert "adr/0004-cache-sessions.md:10: 'ADR-0003'" in result.stderr
    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code == 0, result
    text = (repo.path / "adr/0004-cache-sessions.md").read_text()
    assert "amends: ['0005']" in text
    assert "Builds on [ADR-0005](0005-use-redis.md) and [Kafka](0003-use-kafka.md)." in text
    assert text.endswith("See also ADR-0003.\n")
    assert "adr/0004-cache-sessions.md:10: 'ADR-0003'" in result.stderr
    assert "adr/0003-use-redis.md:8: 'ADR-0003'" in result.stderr  # its file changed on main
    found = records(cli, repo)
    assert found["0005"]["amended_by"] == ["0004"]
    assert found["0004"]["amends"] == ["0005"]


def test_a_record_written_on_the_moved_branch_follows_it_whole(cli: Any, repo: Repo) -> None:
    _two_threes(repo, "use-kafka", "use-redis")
    repo.checkout("use-redis")
    repo.commit(
        "docs(adr): more redis",
        files={
            "adr/0004-tune-redis.md": _adr("Tune redis", "amends: ['0003']\n", "Tunes ADR 3.\n")
        },
    )
    repo.checkout("main")
    repo.merge("use-redis", "Merge branch 'use-redis' again")
    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code == 0 and "left as written" not in result.stderr, result
    text = (repo.path / "adr/0004-tune-redis.md").read_text()
    assert "amends: ['0005']" in text and text.endswith("Tunes ADR 5.\n")
    # Its own mention was written on its branch, where 0003 was only itself.
    assert (repo.path / "adr/0005-use-redis.md").read_text().endswith("ADR-0005 is Use redis.\n")
    assert (repo.path / "adr/0003-use-kafka.md").read_text().endswith("ADR-0003 is Use kafka.\n")


_FRAGMENTS = [
    "[ADR-0003](0003-use-kafka.md)",
    "[ADR-0003](0003-use-redis.md)",
    "[3. Use redis](0003-use-redis.md#why)",
    "ADR-0003",
    "adr 3",
    "ADR-00033",
    "ADR-0003-x",
    "Überblick",
    "plain words",
]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.lists(st.sampled_from(_FRAGMENTS), max_size=4), min_size=1, max_size=5))
def test_a_page_written_after_the_merge_keeps_every_bare_number_and_says_where(
    cli: Any, tmp_path_factory: pytest.TempPathFactory, lines: list[list[str]]
) -> None:
    repo = init_repo(tmp_path_factory.mktemp("case") / "repo")
    _two_threes(repo, "use-kafka", "use-redis")
    body = "\n".join(" ".join(line) for line in lines) + "\n"
    later = _adr("Later", body=body)
    repo.commit("docs(adr): later", files={"adr/0004-later.md": later})

    result = cli("--repo", repo.path, "adr", "renumber")
    assert result.code == 0, result
    after = (repo.path / "adr/0004-later.md").read_text()
    expected = (
        later.replace("](0003-use-redis.md", "](0005-use-redis.md")
        .replace("[ADR-0003](0005-use-redis.md)", "[ADR-0005](0005-use-redis.md)")
        .replace("[3. Use redis](0005", "[5. Use redis](0005")
    )
    assert after == expected
    bare = [
        at
        for at, line in enumerate(later.split("\n"), 1)
        if re.search(r"\b(?:ADR-0003|adr 3)\b(?!-)", re.sub(r"\[[^\]]*\]\([^)]*\)", "", line))
    ]
    named = [int(note.split(":")[1]) for note in result.stderr.splitlines() if "0004-later" in note]
    assert named == bare
