"""RFCs and runbooks on the site: an index of each with statuses and stale runbooks flagged,
built by a real ``mkdocs build``; a broken file is a warning naming its line, never a crash."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from leaddocs.application import api
from tests.gitrepo import Repo
from tests.new_docs.conftest import new, written
from tests.security.rendered import assert_safe
from tests.site.sites import MKDOCS_YML, mkdocs

HOSTILE = "<img src=x onerror=alert(1)> [x](javascript:alert(2)) @octocat | *a*"
BADGE = re.compile(
    r'<span class="leaddocs-status leaddocs-status--(\w+)" data-status="\1">\1</span>'
)


def site_repo(cli: Any, repo: Repo) -> Repo:
    """Two RFCs and three runbooks made with the CLI, a hostile RFC and runbook written by
    hand, an mkdocs.yml with the leaddocs plugin."""
    repo.commit("chore: start")
    (repo.path / "mkdocs.yml").write_text(MKDOCS_YML)
    (repo.path / "docs").mkdir()
    (repo.path / "docs/index.md").write_text("# Widgets\n")
    rfcs = written(repo, new(cli, repo, "rfc", "Use Kafka", "--reviewer", "Grace Hopper")).parent
    written(repo, new(cli, repo, "rfc", "Retire the v1 API", "--status", "accepted"))
    written(repo, new(cli, repo, "runbook", "Restart the queue", "--service", "payments"))
    args = ("runbook", "Fail over", "--service", "orders", "--owner", "ops")
    books = written(repo, new(cli, repo, *args)).parent.parent
    (rfcs / "0003-hostile.md").write_text(
        f'---\nstatus: withdrawn\nauthors: ["{HOSTILE}"]\ndate: 2024-02-03\n---\n# {HOSTILE}\n'
    )
    (books / "orders/old.md").write_text(
        f'---\nservice: "{HOSTILE}"\nowner: "<b>x</b>"\nlast-verified: 2020-01-01\n---\n# Old\n'
    )
    return repo


def pages(repo: Repo) -> dict[str, api.Document]:
    project = api.open_project(repo.path)
    found = api.site_pages(project, api.SiteOptions(docs_dir=repo.path / "docs"))
    return {page.path.as_posix(): page for page in found}


def test_the_indexes_list_every_record_with_its_status(cli: Any, repo: Repo) -> None:
    site = pages(site_repo(cli, repo))
    rfcs = site["rfcs/index.md"].body
    assert "3 requests for comments: 1 draft, 1 accepted, 1 withdrawn." in rfcs
    assert "| 0001 | [Use Kafka](0001-use-kafka.md) | " in rfcs
    assert 'data-status="draft">draft</span> | Test Runner | Grace Hopper |' in rfcs
    assert "[Retire the v1 API](0002-retire-the-v1-api.md)" in rfcs
    books = site["runbooks/index.md"].body
    assert (
        "3 runbooks for 3 services; 1 stale (not verified in the last 180 days, or never)." in books
    )
    assert '!!! warning "1 runbook is stale"' in books
    assert "| orders | [Fail over](orders/fail-over.md) | ops |" in books
    assert 'data-status="current">current</span>' in books
    assert "last verified 2020-01-01" in books and 'data-status="stale">stale</span>' in books
    assert site["rfcs/index.md"].notes == () and site["runbooks/index.md"].notes == ()


def test_outside_text_in_the_indexes_is_text_in_both_renderers(cli: Any, repo: Repo) -> None:
    site = pages(site_repo(cli, repo))
    for uri, folder in (("rfcs/index.md", "docs/rfcs"), ("runbooks/index.md", "docs/runbooks")):
        # leaddocs' own markup out of the way (its badges, its admonitions' frames): what is
        # left holds the outside text, and the admonitions' items are checked as a list.
        body = BADGE.sub(lambda match: f"BADGE-{match[1]}", site[uri].body)
        body = re.sub(r'^!!! \w+ "[^"\n]*"\n', "", body, flags=re.M).replace("\n    - ", "\n- ")
        records = sorted((repo.path / folder).rglob("*.md"))
        links = [path.relative_to(repo.path / folder).as_posix() for path in records]
        assert_safe(body, links=links)
        assert "onerror" in body  # shown, as text


def test_a_broken_file_is_reported_with_its_line_and_the_rest_listed(cli: Any, repo: Repo) -> None:
    site_repo(cli, repo)
    (repo.path / "docs/rfcs/0004-broken.md").write_text("---\nstatus: [draft\n---\n# Broken\n")
    (repo.path / "docs/rfcs/0005-acepted.md").write_text("---\nstatus: acepted\n---\n# Typo\n")
    (repo.path / "docs/runbooks/orders/binary.md").write_bytes(b"---\n\xff\xfe\n---\n")
    site = pages(repo)
    rfcs = site["rfcs/index.md"]
    assert rfcs.notes == (
        "docs/rfcs/0004-broken.md:3: invalid YAML in front matter: expected ',' or ']', but got "
        "'<stream end>' (not listed)",
        "docs/rfcs/0005-acepted.md:2: unknown status 'acepted' (draft, review, accepted, "
        "rejected, withdrawn)",
    )
    assert '!!! failure "1 file could not be read"' in rfcs.body
    assert "[Typo](0005-acepted.md) | " in rfcs.body and 'data-status="unknown"' in rfcs.body
    assert "4 requests for comments: 1 draft, 1 accepted, 1 withdrawn, 1 with an unknown" in (
        rfcs.body
    )
    assert site["runbooks/index.md"].notes == (
        "docs/runbooks/orders/binary.md:2: not UTF-8 text (byte 0xff) (not listed)",
    )


def test_mkdocs_builds_the_indexes_and_strict_fails_on_a_broken_file(cli: Any, repo: Repo) -> None:
    site_repo(cli, repo)
    built = mkdocs(repo.path)
    assert built.returncode == 0, built.stderr
    rfcs = (repo.path / "site/rfcs/index.html").read_text()
    assert 'href="0001-use-kafka/"' in rfcs and ">Use Kafka</a>" in rfcs
    assert 'data-status="withdrawn">withdrawn</span>' in rfcs
    assert html.escape("<img src=x onerror=alert(1)>", quote=False) in rfcs
    assert "<img src=x" not in rfcs
    assert (repo.path / "site/rfcs/0001-use-kafka/index.html").is_file()  # MkDocs' own page
    books = (repo.path / "site/runbooks/index.html").read_text()
    assert 'href="orders/fail-over/"' in books and 'data-status="stale">stale</span>' in books
    assert mkdocs(repo.path, "--strict").returncode == 0
    (repo.path / "docs/runbooks/orders/broken.md").write_text("---\nservice: x\n")
    strict = mkdocs(repo.path, "--strict")
    assert strict.returncode != 0
    assert "docs/runbooks/orders/broken.md:1: front matter is not closed" in strict.stderr
    assert mkdocs(repo.path).returncode == 0  # without --strict: a warning, the site is built
    assert "Fail over" in (repo.path / "site/runbooks/index.html").read_text()


def test_folders_outside_the_docs_folder_are_listed_by_file(cli: Any, repo: Repo) -> None:
    (repo.path / "leaddocs.yml").write_text("rfcs:\n  dir: rfcs\nrunbooks:\n  dir: ops/runbooks\n")
    site_repo(cli, repo)
    site = pages(repo)
    assert "| 0001 | Use Kafka (rfcs/0001-use-kafka.md) |" in site["rfcs/index.md"].body
    assert "Fail over (ops/runbooks/orders/fail-over.md)" in site["runbooks/index.md"].body
    built = mkdocs(repo.path, "--strict")
    assert built.returncode == 0, built.stderr


def test_no_folder_no_index(repo: Repo) -> None:
    repo.commit("chore: start")
    (repo.path / "docs").mkdir()
    assert not [uri for uri in pages(repo) if uri.startswith(("rfcs/", "runbooks/"))]


def test_build_writes_the_indexes_with_links_from_its_folder(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    site_repo(cli, repo)
    out = tmp_path / "out"
    args = ("build", "--out", out, "--kind", "rfc-index", "--kind", "runbook-index")
    result = cli("--repo", repo.path, *args)
    assert result.code == 0, result
    rfcs = (out / "rfcs.md").read_text()
    assert rfcs.startswith("<!-- leaddocs:generated sha256=")
    target = Path("..") / repo.path.relative_to(tmp_path) / "docs/rfcs/0001-use-kafka.md"
    assert f"[Use Kafka]({target.as_posix()})" in rfcs
    assert "Stale" not in rfcs and "stale" in (out / "runbooks.md").read_text()


def test_a_planted_symlink_or_a_huge_file_is_not_read(cli: Any, repo: Repo, tmp_path: Path) -> None:
    site_repo(cli, repo)
    secret = tmp_path / "secret.md"
    secret.write_text("---\nstatus: draft\n---\n# TOKEN=abc123\n")
    rfcs = repo.path / "docs/rfcs"
    (rfcs / "0009-leak.md").symlink_to(secret)
    (rfcs / "0010-huge.md").write_text("---\nstatus: draft\n---\n# Huge\n" + "x" * (1 << 20))
    page = pages(repo)["rfcs/index.md"]
    assert "TOKEN" not in page.body and "Huge" not in page.body
    assert page.notes[0].startswith(
        "docs/rfcs/0009-leak.md:1: a symlink leading outside the repository"
    )
    assert page.notes[1] == "docs/rfcs/0010-huge.md:1: larger than 1024 KiB: not read (not listed)"
