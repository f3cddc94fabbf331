"""The brief kind in the registry: ``build`` makes none, the site lists docs/briefs/."""

from __future__ import annotations

from pathlib import Path

from leaddocs.application import api
from tests.brief.reading import check_rendered
from tests.gitrepo import Repo
from tests.site.sites import MKDOCS_YML, mkdocs

# An entity is undone in the brief's words: the title becomes "<img …>", as text.
HOSTILE = "&lt;img src=x onerror=alert(1)&gt; | pipes & `code` <b>bold</b>"


def test_build_makes_no_brief_and_knows_the_kind(cli, decided: Repo, tmp_path: Path) -> None:
    assert "brief" in [kind.name for kind in api.KINDS]
    out = tmp_path / "site-docs"
    result = cli("--repo", decided.path, "build", "--kind", "brief", "--out", out)
    assert result.code == 0, result
    assert not out.exists() or not any(out.iterdir())


def _site_with_briefs(cli, repo: Repo) -> Path:
    record = f"---\nstatus: accepted\n---\n# {HOSTILE}\n\n## Decision Outcome\n\nWe chose it.\n"
    root = repo.path
    (root / "docs" / "briefs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Widgets\n")
    (root / "mkdocs.yml").write_text(MKDOCS_YML)
    repo.commit("docs: a record", files={"adr/0001-hostile.md": record})
    for audience in ("leadership", "legal"):
        target = root / "docs" / "briefs" / f"adr-0001-{audience}.md"
        made = cli("--repo", root, "brief", "--adr", "1", "--audience", audience, "-o", target)
        assert made.code == 0, made
    return root


def test_the_site_lists_the_briefs_as_text(cli, repo: Repo) -> None:
    root = _site_with_briefs(cli, repo)
    project = api.open_project(root)
    pages = api.site_pages(project, api.SiteOptions(docs_dir=root / "docs"))
    [index] = [page for page in pages if page.path == Path("briefs/index.md")]
    assert index.body.startswith("# Briefs\n\n2 plain-language briefs")
    lines = [line for line in index.body.splitlines() if line.startswith("| [")]
    assert lines[0].startswith("| [") and "](adr-0001-leadership.md) | leadership |" in lines[0]
    assert "](adr-0001-legal.md) | legal | decision record ADR 0001 |" in lines[1]
    links = ("adr-0001-leadership.md", "adr-0001-legal.md")
    text = check_rendered("---\ntitle: x\n---\n" + index.body, links=links)
    assert "<img src=x onerror=alert(1)> | pipes & code bold leadership" in text


def test_no_folder_or_a_person_s_index_means_no_generated_page(cli, repo: Repo) -> None:
    repo.commit("feat: first")
    project = api.open_project(repo.path)
    docs = repo.path / "docs"
    docs.mkdir()
    assert not [
        p
        for p in api.site_pages(project, api.SiteOptions(docs_dir=docs))
        if "briefs" in str(p.path)
    ]
    (docs / "briefs").mkdir()
    (docs / "briefs" / "index.md").write_text("# Our briefs\n")
    (docs / "briefs" / "one.md").write_text("---\ntitle: One\naudience: legal\n---\n# One\n")
    assert not [
        p
        for p in api.site_pages(project, api.SiteOptions(docs_dir=docs))
        if "briefs" in str(p.path)
    ]


def test_mkdocs_builds_the_briefs_strictly_with_titles_as_text(cli, repo: Repo) -> None:
    root = _site_with_briefs(cli, repo)
    result = mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    index = (root / "site" / "briefs" / "index.html").read_text()
    page = (root / "site" / "briefs" / "adr-0001-legal" / "index.html").read_text()
    for html in (index, page):
        assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; | pipes &amp; <code>code</code> bold" in page
