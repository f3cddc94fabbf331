"""``mkdocs build`` with the leaddocs plugin, run as a reader runs it: real repositories, the
real MkDocs and Material, the exit code and the messages a person would see."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.gitrepo import Repo
from tests.site.sites import BROKEN, MKDOCS_YML, make_site, mkdocs

# What a page loads by itself (a link a reader may follow is not a request).
THIRD_PARTY = re.compile(
    r"<(?:script|img|iframe|link|source)\b[^>]*(?:src|href)=\"?(?:https?:)?//", re.I
)


def test_strict_build_fails_on_a_broken_record_and_names_its_file_and_line(repo: Repo) -> None:
    root = make_site(repo)
    result = mkdocs(root, "--strict")
    assert result.returncode != 0
    assert f"adr/{BROKEN}:1: front matter is not closed" in result.stderr
    assert "Traceback" not in result.stderr
    lenient = mkdocs(root)
    assert lenient.returncode == 0, lenient.stderr
    assert "WARNING" in lenient.stderr and BROKEN in lenient.stderr


def test_strict_build_passes_and_ships_everything_it_loads(repo: Repo) -> None:
    root = make_site(repo)
    (root / "adr" / BROKEN).unlink()
    result = mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for page in (
        "decisions/index.html",
        "decisions/timeline/index.html",
        "releases/index.html",
        "status/index.html",
        "decisions/0005-use-kafka-for-the-event-log/index.html",
    ):
        assert (site / page).is_file(), page
    graph = (site / "decisions" / "graph" / "index.html").read_text()
    assert '<pre class="mermaid">' in graph
    assert '<script src="../../assets/leaddocs/mermaid.min.js"></script></head>' in graph
    assert (site / "assets" / "leaddocs" / "mermaid.min.js").stat().st_size > 1_000_000
    assert (site / "decisions" / "assets" / "diagram.png").is_file()  # beside the records
    for html in site.rglob("*.html"):
        text = html.read_text()
        assert not THIRD_PARTY.findall(text), html
        # Inside <title> text is never markup (RCDATA): Jinja's striptags undoes the escapes.
        outside_title = re.sub(r"<title>.*?</title>", "", text, flags=re.S)
        assert "<img src=x" not in outside_title and '<img src="x"' not in outside_title, html
    # Nothing was written into the repository but the site folder.
    changed = repo.git("status", "--porcelain", "--untracked-files=all", "--", ".", ":!site")
    assert changed == f"D adr/{BROKEN}"


def test_not_a_repository_is_one_line_naming_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hi\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [leaddocs]\n")
    result = mkdocs(tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"leaddocs \(.*mkdocs\.yml\): .*git", result.stderr), result.stderr


def test_a_typo_in_the_plugin_config_is_refused_by_name(repo: Repo) -> None:
    root = make_site(repo)
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml")
        .read_text()
        .replace("  - leaddocs\n", "  - leaddocs:\n      adr_dir: nowhere\n")
    )
    result = mkdocs(root)
    assert result.returncode != 0 and "adr_dir" in result.stderr and "nowhere" in result.stderr


def test_a_log4brains_folder_inside_docs_builds_strict(repo: Repo) -> None:
    root = repo.path
    folder = root / "docs" / "adr"
    folder.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    (folder / "README.md").write_text("# Architecture decision records\n")
    (folder / "index.md").write_text("<!-- log4brains' index -->\n# ADRs\n")
    (folder / "20200925-use-log4brains.md").write_text(
        "# Use Log4brains\n\n- Status: accepted\n- Date: 2020-09-25\n\n## Context\n\nText.\n"
    )
    (root / "mkdocs.yml").write_text(MKDOCS_YML)
    repo.git("add", "-A")
    repo.commit("docs: records")
    result = mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "decisions" / "20200925-use-log4brains" / "index.html").is_file()
    assert not (root / "site" / "adr").exists()


def _shallow_clone(repo: Repo, tmp_path: Path) -> Path:
    root = make_site(repo)
    (root / "adr" / BROKEN).unlink()
    repo.git("add", "-A")
    repo.commit("docs: no broken record")
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)],
        check=True,
        capture_output=True,
    )
    return clone


def test_a_shallow_clone_builds_and_the_releases_page_says_why_it_is_empty(
    repo: Repo, tmp_path: Path
) -> None:
    clone = _shallow_clone(repo, tmp_path)
    lenient = mkdocs(clone)
    assert lenient.returncode == 0, lenient.stderr
    assert "fetch-depth: 0" in lenient.stderr and "git fetch --unshallow" in lenient.stderr
    assert "pass --unshallow" not in lenient.stderr and "Traceback" not in lenient.stderr
    page = (clone / "site" / "releases" / "index.html").read_text()
    assert "shallow clone" in page
    assert (clone / "site" / "decisions" / "index.html").is_file()
    strict = mkdocs(clone, "--strict")
    assert strict.returncode != 0 and "fetch-depth: 0" in strict.stderr


def test_releases_false_leaves_the_page_out(repo: Repo, tmp_path: Path) -> None:
    clone = _shallow_clone(repo, tmp_path)
    config = (clone / "mkdocs.yml").read_text()
    (clone / "mkdocs.yml").write_text(
        config.replace("  - leaddocs\n", "  - leaddocs:\n      releases: false\n")
    )
    result = mkdocs(clone, "--strict")
    assert result.returncode == 0, result.stderr
    assert not (clone / "site" / "releases").exists()


def test_a_bad_status_or_date_is_a_warning_naming_file_and_line(repo: Repo) -> None:
    root = make_site(repo)
    (root / "adr" / BROKEN).unlink()
    adr = root / "adr"
    (adr / "0041-typo.md").write_text("---\nstatus: acepted\ndate: 2024-01-01\n---\n# Typo\n")
    (adr / "0042-number.md").write_text("---\ndate: 2024-01-01\nstatus: 5\n---\n# Number\n")
    (adr / "0043-when.md").write_text("---\nstatus: accepted\ndate: next week\n---\n# When\n")
    strict = mkdocs(root, "--strict")
    assert strict.returncode != 0
    assert "adr/0041-typo.md:2: ADR003 unknown status 'acepted'" in strict.stderr
    assert "adr/0042-number.md:3: ADR003 unknown status '5'" in strict.stderr
    assert "adr/0043-when.md:3: ADR004 bad date 'next week'" in strict.stderr
    assert mkdocs(root).returncode == 0


def test_the_collapsed_section_is_a_list_on_a_site_whose_config_lacks_md_in_html(
    repo: Repo,
) -> None:
    """A site of its own (no md_in_html in its mkdocs.yml) that adds the plugin: the plugin
    turns md_in_html on, so the Maintenance section of a release is a list, not '- ' text."""
    assert "md_in_html" not in MKDOCS_YML
    (repo.path / "mkdocs.yml").write_text(MKDOCS_YML)
    (repo.path / "docs").mkdir()
    (repo.path / "docs" / "index.md").write_text("# Widgets\n")
    repo.git("add", "-A")
    repo.commit("feat: first widget")
    repo.tag("v1.0.0")
    repo.commit("chore(deps): bump left-pad from 1.0.0 to 1.1.0")
    repo.commit("ci: cache the virtualenv")
    repo.tag("v1.1.0")
    result = mkdocs(repo.path, "--strict")
    assert result.returncode == 0, result.stderr
    page = (repo.path / "site" / "releases" / "index.html").read_text()
    collapsed = re.search(r"<details>(.*?)</details>", page, re.S)
    assert collapsed is not None, page
    assert "<summary>Maintenance (2)</summary>" in collapsed[1]
    assert collapsed[1].count("<li>") == 2 and "\n- " not in collapsed[1]
