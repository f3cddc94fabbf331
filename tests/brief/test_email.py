"""--format email: plain text to paste into a mail: a Subject line, short paragraphs wrapped at
72 columns, no Markdown, no terminal escapes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tests.gitrepo import Repo

MARKDOWN = re.compile(r"^#|\*\*|\]\(|^>|\\[\\`*_{}\[\]()#+!-]|^---$|&lt;|&amp;", re.M)


def test_an_email_has_a_subject_short_wrapped_lines_and_no_markdown(cli, decided: Repo) -> None:
    result = cli(
        "--repo",
        decided.path,
        "brief",
        "--adr",
        "1",
        "--audience",
        "leadership",
        "--format",
        "email",
    )
    assert result.code == 0, result
    mail = result.stdout
    lines = mail.splitlines()
    assert lines[0] == "Subject: Use Postgres for events (a brief for leadership)"
    assert lines[1] == ""
    assert lines[2].startswith("A brief for leadership on decision record ADR 0001 (")
    assert all(len(line) <= 72 for line in lines[1:]), [line for line in lines if len(line) > 72]
    assert MARKDOWN.search(mail) is None, MARKDOWN.search(mail)
    # The sections in the reader's order, each a plain heading; statements cite their sources.
    headings = [line for line in lines if line.endswith(":") and not line.startswith(" ")]
    assert headings[:3] == ["In short:", "What we ask of you:", "Risks:"]
    assert headings[-1] == "Sources:"
    flat = " ".join(mail.split())
    assert (
        "- Downside: The migration (moving data or users from an old system to a new one)" in flat
    )
    assert re.search(
        r"^\[1\] ADR 0001, Decision Outcome, adr/0001-use-postgres-for-events\.md", mail, re.M
    )
    # Wrapped words are all there: unwrapping gives the statements back.
    assert "because we already run it and it removes one on-call rotation. [1]" in flat


def test_a_long_link_stays_whole_and_an_email_is_never_marked(
    cli, released: Repo, tmp_path: Path
) -> None:
    released.git(
        "remote",
        "add",
        "origin",
        "https://github.com/acme/a-very-long-organisation-name/widgets.git",
    )
    target = tmp_path / "mail.txt"
    args = ("--repo", released.path, "brief", "--release", "v1.1.0", "--audience", "product")
    result = cli(*args, "--format", "email", "-o", target)
    assert result.code == 0, result
    mail = target.read_text()
    assert "leaddocs:generated" not in mail  # text to paste carries no marker
    url = "https://github.com/acme/a-very-long-organisation-name/widgets/compare/v1.0.0...v1.1.0"
    assert any(line.strip() == url for line in mail.splitlines()), mail
    # A file leaddocs cannot tell from a person's is not replaced without --force.
    again = cli(*args, "--format", "email", "-o", target)
    assert again.code == 6 and "--force" in again.stderr
    assert target.read_text() == mail


JAPANESE = """---
status: proposed
---
# イベントストアにPostgresを使う

## Context and Problem Statement

現在のKafkaクラスタは運用コストが高く、毎月四千ドルかかっており、二人のオンコールエンジニアが必要です。個人データ\uff08PII\uff09は暗号化して保存しなければなりません。

## Decision Outcome

Chosen option: "Postgres", because すでに運用しているからです。
"""


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def test_text_in_another_script_is_kept_and_wrapped_by_its_width(cli, repo: Repo) -> None:
    repo.commit("docs: 決定", files={"adr/0001-イベントストア.md": JAPANESE})
    result = cli(
        "--repo", repo.path, "brief", "--adr", "1", "--audience", "legal", "--format", "email"
    )
    assert result.code == 0, result
    mail = result.stdout
    assert mail.startswith("Subject: イベントストアにPostgresを使う (a brief for legal)\n")
    assert all(_columns(line) <= 72 for line in mail.splitlines()[1:]), mail
    assert "すでに運用しているからです。 [1]" in mail  # a sentence already ends: no "。."
    joined = "".join(mail.split())
    assert (
        "毎月四千ドルかかっており、二人のオンコールエンジニアが必要です。個人データ\uff08PII\uff09"
        in joined
    )
    assert "the record mentions personal data" in " ".join(mail.split())
