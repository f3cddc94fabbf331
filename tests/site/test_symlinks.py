"""Files symlinked into the ADR folder are outside text too: a link to /proc/self/environ,
/etc/passwd or the repository's .git/config is left out of the site with a warning naming it
(``--strict`` fails), whether it sits beside the records or poses as one."""

from __future__ import annotations

import os
from pathlib import Path

from leaddocs.adr.log import load_log
from tests.gitrepo import Repo
from tests.site.sites import BROKEN, make_site, mkdocs

SECRET = "leaddocs-outside-secret-4711"


def _plant(root: Path, outside: Path) -> None:
    adr = root / "adr"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n")
    (outside / "0099-planted.md").write_text(
        f"---\nstatus: accepted\ndate: 2024-01-01\n---\n# Planted\n\n{SECRET} in the body.\n"
    )
    (adr / "passwd.txt").symlink_to("/etc/passwd")
    (adr / "environ.txt").symlink_to("/proc/self/environ")
    (adr / "gitconfig.txt").symlink_to("../.git/config")
    (adr / "secret.txt").symlink_to(outside / "secret.txt")
    (adr / "0099-planted.md").symlink_to(outside / "0099-planted.md")
    (adr / "fifo.bin").unlink(missing_ok=True)
    os.mkfifo(adr / "fifo.bin")
    (root / "adr" / "notes").mkdir()
    (root / "adr" / "notes" / "kept.txt").write_text("kept\n")  # a real file: served


def test_symlinks_leading_out_are_not_published_and_strict_fails(
    repo: Repo, tmp_path: Path
) -> None:
    root = make_site(repo)
    (root / "adr" / BROKEN).unlink()
    _plant(root, tmp_path / "outside")
    strict = mkdocs(root, "--strict")
    assert strict.returncode != 0
    assert "adr/0099-planted.md:1: a symlink leading outside the repository" in strict.stderr
    for name in ("passwd.txt", "environ.txt", "secret.txt"):
        assert f"adr/{name}: a symlink leading outside the repository" in strict.stderr, name
    assert "adr/gitconfig.txt: a symlink into the repository's .git folder" in strict.stderr
    assert "adr/fifo.bin: not a regular file" in strict.stderr
    lenient = mkdocs(root)
    assert lenient.returncode == 0, lenient.stderr
    site = root / "site"
    published = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    assert "decisions/notes/kept.txt" in published
    for name in ("passwd.txt", "environ.txt", "gitconfig.txt", "secret.txt", "fifo.bin"):
        assert f"decisions/{name}" not in published, name
    assert not any("0099-planted" in p for p in published)
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET.encode() not in data and b"root:x:0:0" not in data, path
            assert b"[core]" not in data, path


def test_the_decision_log_lists_a_record_symlinked_from_outside_as_unreadable(
    tmp_path: Path,
) -> None:
    root, outside = tmp_path / "repo", tmp_path / "outside"
    (root / "adr").mkdir(parents=True)
    outside.mkdir()
    (outside / "0002-x.md").write_text("---\nstatus: accepted\n---\n# Outside\n\nText.\n")
    (root / "adr" / "0001-in.md").write_text("---\nstatus: accepted\n---\n# Inside\n\nText.\n")
    (root / "adr" / "0002-x.md").symlink_to(outside / "0002-x.md")
    (root / "adr" / "0003-y.md").symlink_to("0001-in.md")  # inside the repository: read
    log = load_log(root, root / "adr")
    assert [adr.stem for adr in log.adrs] == ["0001-in", "0003-y"]
    [finding] = log.unreadable
    assert finding.path == "adr/0002-x.md"
    assert "a symlink leading outside the repository" in finding.message


def test_a_page_or_file_in_docs_symlinked_out_is_not_published(repo: Repo, tmp_path: Path) -> None:
    # MkDocs itself follows a symlink in docs/: the page would carry the file it leads to.
    root = make_site(repo)
    (root / "adr" / BROKEN).unlink()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "leak.md").write_text(f"# Leak\n\n{SECRET}\n")
    (root / "docs" / "leak.md").symlink_to(outside / "leak.md")
    (root / "docs" / "environ.txt").symlink_to("/proc/self/environ")
    (root / "docs" / "gitconfig.md").symlink_to("../.git/config")
    (root / "docs" / "inside.md").symlink_to("../adr/../README.md")  # inside: published
    (root / "README.md").write_text("# Read me\n")
    strict = mkdocs(root, "--strict")
    assert strict.returncode != 0
    assert "docs/leak.md: a symlink leading outside the repository" in strict.stderr
    assert "docs/gitconfig.md: a symlink into the repository's .git folder" in strict.stderr
    lenient = mkdocs(root)
    assert lenient.returncode == 0, lenient.stderr
    site = root / "site"
    assert (site / "inside" / "index.html").is_file()
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert SECRET.encode() not in data and b"[core]" not in data, path
    assert not (site / "environ.txt").exists() and not (site / "leak").exists()
