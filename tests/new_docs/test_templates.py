"""A repository's own RFC and runbook templates: rendered in the sandbox, drafted sections
placed where ``fill`` says, anything unplaced added at the end with a note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gitrepo import Repo
from tests.new_docs.conftest import new, tree, written

RFC_TEMPLATE = """\
---
{{ front_matter }}---

# RFC {{ number }}: {{ title }}

## Problem

{% filter fill("Motivation") %}
Say why.
{% endfilter %}

## Plan

{% filter fill("Proposal") %}
Say what.
{% endfilter %}
"""


def templates(repo: Repo) -> Path:
    folder = repo.path / ".leaddocs/templates"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_an_rfc_template_of_the_repository_is_used(cli: Any, project: Repo) -> None:
    (templates(project) / "rfc.md.j2").write_text(RFC_TEMPLATE)
    text = written(project, new(cli, project, "rfc", "Cache invoices")).read_text()
    assert "\n# RFC 0001: Cache invoices\n" in text
    assert "## Problem\n\nSay why.\n\n## Plan\n\nSay what.\n" in text
    assert "status: draft" in text and "## Summary" not in text


def test_drafted_sections_go_where_the_template_says_and_the_rest_at_the_end(
    cli: Any, project: Repo
) -> None:
    (templates(project) / "rfc.md.j2").write_text(RFC_TEMPLATE)
    notes = project.path / "notes.md"
    notes.write_text("Why: polling misses events.\n\n## Plan\nUse Kafka.\n\nRisks: cost.\n")
    result = new(cli, project, "rfc", "Use Kafka", "--from", notes)
    text = written(project, result).read_text()
    assert "## Problem\n\nFrom notes.md, line 1:\n\n> Why: polling misses events.\n" in text
    assert "## Plan\n\nFrom notes.md, line 4:\n\n> Use Kafka.\n" in text
    assert text.endswith("## Risks\n\nFrom notes.md, line 6:\n\n> Risks: cost.\n")
    assert "rfc.md.j2 has no place for Risks: added at the end of the record" in result.stderr


def test_a_runbook_template_of_the_repository_is_used(cli: Any, project: Repo) -> None:
    (templates(project) / "runbook.md.j2").write_text(
        "---\n{{ front_matter }}---\n\n# {{ service }}: {{ title }}\n\nCall {{ 'ops' | upper }}.\n"
    )
    args = ("runbook", "Restart <it>", "--service", "pay*ments")
    text = written(project, new(cli, project, *args)).read_text()
    assert "\n# pay\\*ments: Restart &lt;it&gt;\n\nCall OPS.\n" in text
    assert "last-verified:" in text


def test_a_template_that_escapes_the_sandbox_is_refused_and_nothing_written(
    cli: Any, project: Repo
) -> None:
    (templates(project) / "rfc.md.j2").write_text(
        "---\n{{ front_matter }}---\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
    )
    before = tree(project)
    result = new(cli, project, "rfc", "Cache invoices")
    assert result.code == 10
    assert "rfc.md.j2:3: not allowed in a template" in result.stderr
    assert tree(project) == before


def test_a_template_without_front_matter_is_refused(cli: Any, project: Repo) -> None:
    (templates(project) / "runbook.md.j2").write_text("# {{ title }}\n")
    result = new(cli, project, "runbook", "Restart", "--service", "orders")
    assert result.code == 10
    assert "the template never uses {{ front_matter }}" in result.stderr
    assert not (project.path / "docs").exists()


def test_a_symlinked_template_leading_out_of_the_repository_is_refused(
    cli: Any, project: Repo, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("---\n{{ front_matter }}---\nTOKEN=abc\n")
    (templates(project) / "rfc.md.j2").symlink_to(secret)
    result = new(cli, project, "rfc", "Cache invoices")
    assert result.code == 10
    assert "outside the repository: refused" in result.stderr
    assert not (project.path / "docs").exists()
