"""Templates: the packaged item macro matches the built-in formatter; repo overrides win."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from leaddocs.documents.items import item_line
from leaddocs.documents.model import CommitView, ItemView
from leaddocs.documents.render import Renderer
from tests.gitrepo import Repo
from tests.history.sample import build_service_history

PACKAGED = Path(__file__).parents[2] / "leaddocs" / "documents" / "templates"

ITEMS = [
    ItemView("add x", "feat", "api", False, [], 12, "#12", "https://h/o/r/pull/12",
             [CommitView("a" * 40, "feat(api): add x (#12)", "https://h/o/r/commit/" + "a" * 40)], ["Ada"]),
    ItemView("drop <b>y</b>", "fix", None, True, ["old y is gone", "use `<z>`"], None, None, None,
             [CommitView("b" * 40, "fix!: drop y", None)], ["Ada", "Grace"]),
    ItemView("Add CSV export", "feat", "export", False, [], 3, "!3", None,
             [CommitView("c" * 40, "Merge", None), CommitView("d" * 40, "feat: writer", "https://h/c/d")], []),
    ItemView("no commits", None, None, False, [], None, None, None, [], []),
    ItemView("bump x", None, "deps", False, [], 7, "#7", None,
             [CommitView("e" * 40, "Merge", None), CommitView("f" * 40, "chore(deps): bump x", None)], []),
    ItemView("badge", None, None, False, [], None, None, None,
             [CommitView("e" * 40, "badge", None), CommitView("f" * 40, "badge", None)], [], repeats=2),
    ItemView("solo", None, None, False, [], None, None, None, [], ["Ada"], show_authors=False),
]  # fmt: skip


@pytest.mark.parametrize("item", ITEMS)
def test_packaged_item_macro_matches_the_built_in_formatter(tmp_path: Path, item: ItemView) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    (override / "item.md.j2").write_text((PACKAGED / "item.md.j2").read_text())
    via_jinja = Renderer(override)._item_formatter(override)
    assert via_jinja(item) == item_line(item)


def test_repository_templates_override_the_packaged_ones(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    templates = repo.path / ".leaddocs" / "templates"
    templates.mkdir(parents=True)
    (templates / "item.md.j2").write_text(
        "{% macro item_line(item) %}* {{ item.subject | upper }}{% endmacro %}\n"
    )
    (templates / "release-notes.md.j2").write_text(
        "Release {{ release.title }}\n{% with level = 2 %}{% include 'release.md.j2' %}{% endwith %}"
    )
    result = cli("--repo", repo.path, "release-notes")
    assert result.code == 0, result
    assert result.stdout.startswith("Release Unreleased\n")
    assert "* FILTER INVOICES BY STATUS" in result.stdout


def test_commit_text_cannot_inject_html_links_or_images(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base")
    repo.tag("v1.0.0")
    repo.commit(
        "feat: [click me](http://evil.example) ![x](http://tracker.example/p.gif) <script>alert(1)</script>"
    )
    repo.commit("fix: keep `a[0] <b>` code as written")
    result = cli("--repo", repo.path, "release-notes")
    assert "\\[click me\\](http://evil.example)" in result.stdout
    assert "!\\[x\\]" in result.stdout
    assert "&lt;script&gt;" in result.stdout and "<script>" not in result.stdout
    # Code holding a tag is not kept whole: in a collapsed section (raw <details>) MkDocs
    # reads no Markdown, and the span's content would be live HTML there. Its words stay code,
    # its "<" and ">" are text between them.
    assert "`a[0]` &lt;`b`&gt; code as written" in result.stdout
    assert "<b>" not in result.stdout


@pytest.mark.parametrize(
    ("subject", "shown"),
    [
        ("# Big news", "\\# Big news"),
        ("1. first step", "1\\. first step"),
        ("- a list?", "\\- a list?"),
        ("---", "\\---"),
        ("10.5% faster", "10.5% faster"),
    ],
)
def test_commit_text_cannot_open_a_block_inside_an_entry(subject: str, shown: str) -> None:
    from leaddocs.markup import md_text

    assert md_text(subject) == shown
