"""The cache of tagged releases is never stale: each part of its key, changed, changes the output
exactly as a run without the cache does; and it is read only when it can be trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from leaddocs.application import cache_folder
from leaddocs.history.git import GitRepository
from tests.gitrepo import Repo
from tests.history.sample import ADA, GRACE, build_service_history

CACHE = Path(".leaddocs/cache/releases")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The revisions of every ``git log`` of commits leaddocs runs."""
    seen: list[list[str]] = []
    real = GitRepository.log_records

    def spy(self: GitRepository, revisions: list[str]) -> Iterator[list[str]]:
        seen.append(list(revisions))
        return real(self, revisions)

    monkeypatch.setattr(GitRepository, "log_records", spy)
    return seen


def _same_as_without_cache(cli: Any, repo: Repo, *args: str) -> str:
    """The changelog with the cache, after checking it is the one a run without it gives."""
    cached = cli("--repo", repo.path, "changelog", *args)
    fresh = cli("--repo", repo.path, "changelog", "--no-cache", *args)
    assert cached.code == 0 and fresh.code == 0, (cached, fresh)
    assert cached.stdout == fresh.stdout
    return str(cached.stdout)


def _files(repo: Repo) -> list[Path]:
    """The cache's files of releases, one per format (and configuration)."""
    return sorted((repo.path / CACHE).glob("*.releases"))


def _entries(repo: Repo) -> list[str]:
    """The keys of the releases the cache holds, in every file."""
    keys = []
    for found in _files(repo):
        meta = json.loads(found.read_bytes().partition(b"\n")[0])
        keys.extend(entry[0] for entry in meta["releases"])
    return keys


def test_a_warm_run_reads_only_the_commits_since_the_newest_tag(
    cli: Any, repo: Repo, reads: list[list[str]]
) -> None:
    build_service_history(repo)
    first = cli("--repo", repo.path, "changelog").stdout
    assert reads[-1] == [repo.head()]  # the first run reads everything
    assert len(_entries(repo)) == 2  # v0.9.0 and v1.0.0
    repo.commit("fix: one more thing", author=GRACE)
    reads.clear()
    second = _same_as_without_cache(cli, repo)
    v1 = repo.git("rev-parse", "v1.0.0^{}")
    assert reads[0] == [repo.head(), f"^{v1}"]  # the warm run: v1.0.0..HEAD only
    assert second.split("## v1.0.0")[1] == first.split("## v1.0.0")[1]
    assert "one more thing" in second.split("## v1.0.0")[0]


def test_json_is_cached_apart_and_byte_identical(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    for _ in range(2):
        _same_as_without_cache(cli, repo, "--format", "json")
        _same_as_without_cache(cli, repo)
    assert len(_entries(repo)) == 4 and len(_files(repo)) == 2  # two releases, two formats


def _retag(repo: Repo) -> None:
    repo.git("tag", "-f", "v1.0.0", "v1.0.0^{}~1")  # the tag moved one commit back


def _tag_below(repo: Repo) -> None:
    old = repo.git("rev-list", "-n1", "--grep", "invoices endpoint", "HEAD")
    repo.git("tag", "v0.9.5", old)  # a release inserted below v1.0.0 takes its early commits


def _retag_later(repo: Repo) -> None:
    repo.git("tag", "-d", "v1.0.0")
    repo.git(
        "tag",
        "-a",
        "v1.0.0",
        "-m",
        "again",
        "HEAD~2",
        env={"GIT_COMMITTER_DATE": "2030-01-01T00:00:00"},
    )


def _rename_tag(repo: Repo) -> None:
    repo.git("tag", "1.0.0", "v1.0.0^{}")
    repo.git("tag", "-d", "v1.0.0")


def _config(repo: Repo) -> None:
    (repo.path / "leaddocs.yml").write_text("sections:\n  - title: New things\n    types: [feat]\n")


def _mailmap(repo: Repo) -> None:
    (repo.path / ".mailmap").write_text("Countess Ada <ada@example.com>\n")


def _mailmap_setting(repo: Repo) -> None:
    (repo.path / "people.map").write_text("Grace B. Hopper <grace@example.com>\n")
    repo.git("config", "mailmap.file", "people.map")


def _remote(repo: Repo) -> None:
    repo.git("remote", "add", "origin", "https://github.com/acme/widgets.git")


def _template(repo: Repo) -> None:
    folder = repo.path / ".leaddocs" / "templates"
    folder.mkdir(parents=True)
    (folder / "item.md.j2").write_text(
        "{% macro item_line(item) %}* {{ item.subject | md }}{% endmacro %}\n"
    )


def _replace(repo: Repo) -> None:
    # git replace: an old commit shown with another message, by every git log.
    old = repo.git("rev-list", "-n1", "--grep", "invoices endpoint", "HEAD")
    tree, parent = repo.git("rev-parse", f"{old}^{{tree}}"), repo.git("rev-parse", f"{old}^")
    other = repo.git("commit-tree", tree, "-p", parent, "-m", "feat(api): add billing endpoint")
    repo.git("replace", old, other)


def _tag_above_on_an_old_commit(repo: Repo) -> None:
    # A higher version tagged on a commit v1.0.0 descends from: v1.0.0 stops there too.
    old = repo.git("rev-list", "-n1", "--grep", "invoices endpoint", "HEAD")
    repo.git("tag", "v5.0.0", old)


def _prerelease_inside(repo: Repo) -> None:
    # A release candidate inside v1.0.0's range is folded into it (and named there).
    inside = repo.git("rev-list", "-n1", "--grep", "dark mode", "HEAD")
    repo.git("tag", "v1.0.0-rc.1", inside)


def _rewrite_history(repo: Repo) -> None:
    # HEAD no longer descends from the head the cache learnt: the whole history is read again.
    repo.git("reset", "-q", "--hard", "v1.0.0")
    repo.commit("feat: another road", author=ADA)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_retag, "v1.0.0"),
        (_tag_below, "## v0.9.5"),
        (_retag_later, "## v1.0.0 — 2030-01-01"),
        (_rename_tag, "## 1.0.0"),
        (_config, "### New things"),
        (_mailmap, "Countess Ada"),
        (_mailmap_setting, "Grace B. Hopper"),
        (_remote, "https://github.com/acme/widgets/commit/"),
        (_template, "* add invoices endpoint"),
        (_replace, "add billing endpoint"),
        (_tag_above_on_an_old_commit, "## v5.0.0"),
        (_prerelease_inside, "v1.0.0-rc.1"),
        (_rewrite_history, "another road"),
    ],
)
def test_each_part_of_the_key_changes_the_output(
    cli: Any, repo: Repo, change: Callable[[Repo], None], expected: str
) -> None:
    build_service_history(repo)
    before = _same_as_without_cache(cli, repo)
    change(repo)
    after = _same_as_without_cache(cli, repo)
    assert after != before
    assert expected in after


def test_a_change_to_leaddocs_own_code_is_a_new_key(
    cli: Any, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_service_history(repo)
    before = cli("--repo", repo.path, "changelog").stdout
    # Code that renders differently (here: the date format) ...
    monkeypatch.setattr(
        "leaddocs.documents.model._date", lambda stamp: "someday" if stamp else None
    )
    stale = cli("--repo", repo.path, "changelog").stdout
    # ... is served from the cache while the code looks the same (this test can fail) ...
    assert stale == before and "## v1.0.0 — 2023-11-15" in stale
    # ... and not once the code's fingerprint says it changed.
    monkeypatch.setattr(cache_folder, "code_digest", lambda *_: "another version of leaddocs")
    after = _same_as_without_cache(cli, repo)
    assert "## v1.0.0 — someday" in after


def test_a_version_bump_is_a_new_key(
    cli: Any, repo: Repo, reads: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    build_service_history(repo)
    cli("--repo", repo.path, "changelog")
    monkeypatch.setattr("leaddocs.__version__", "99.0.0")
    reads.clear()
    cli("--repo", repo.path, "changelog")
    assert reads[0] == [repo.head()]  # nothing of the old version's cache was used


def test_the_paths_filter_is_part_of_the_key(cli: Any, repo: Repo) -> None:
    repo.commit("feat(api): add a route", files={"api/routes.py": "x\n"})
    repo.commit("feat(web): add a page", files={"web/page.html": "y\n"})
    repo.tag("v1.0.0")
    repo.commit("fix: tidy", files={"web/page.html": "z\n"})
    whole = _same_as_without_cache(cli, repo)
    api = _same_as_without_cache(cli, repo, "--path", "api")
    assert "add a page" in whole and "add a page" not in api
    assert _same_as_without_cache(cli, repo) == whole


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-40],  # cut short
        lambda data: b"\x00\xff not a cache file",
        lambda data: data.replace(b'"releases":[[', b'"releases":[["not a key",', 1),
        lambda data: data + b"more",
        lambda data: b"[" * 100_000 + b"\n",  # nested deeper than json's decoder recurses
    ],
)
def test_a_damaged_file_is_computed_again(
    cli: Any, repo: Repo, damage: Callable[[bytes], bytes]
) -> None:
    build_service_history(repo)
    before = cli("--repo", repo.path, "changelog").stdout
    [releases] = _files(repo)
    releases.write_bytes(damage(releases.read_bytes()))
    [state] = (repo.path / CACHE).glob("*.state")
    state.write_bytes(damage(state.read_bytes()))
    assert _same_as_without_cache(cli, repo) == before
    assert cli("--repo", repo.path, "changelog").stdout == before
    assert len(_entries(repo)) == 2  # written again, whole


def _forge(repo: Repo, text: str) -> None:
    """Rewrite the cached sections as someone who knows the cache's format could."""
    for found in _files(repo):
        meta_line, _, bodies = found.read_bytes().partition(b"\n")
        meta = json.loads(meta_line)
        forged, at = [], 0
        for entry in meta["releases"]:
            body = bodies[at : at + entry[5]].replace(b"add invoices endpoint", text.encode())
            at += entry[5]
            entry[5] = len(body)
            forged.append(body)
        found.write_bytes(json.dumps(meta).encode() + b"\n" + b"".join(forged))


def test_an_entry_committed_to_git_is_never_trusted(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    honest = cli("--repo", repo.path, "changelog").stdout
    _forge(repo, "[click me](https://evil.example)")
    # Untracked, the forged entry is taken as it is: the check below is what stops it ...
    assert "evil.example" in cli("--repo", repo.path, "changelog").stdout
    # ... once it arrives in a commit, as a pull request would bring it.
    repo.git("add", "-f", str(CACHE))
    repo.commit("chore: a helpful cache")
    result = cli("--repo", repo.path, "changelog")
    assert result.code == 0 and "evil.example" not in result.stdout
    assert "committed to git" in result.stderr
    assert result.stdout.split("## v1.0.0")[1] == honest.split("## v1.0.0")[1]


def test_links_and_odd_files_in_the_folder_are_not_read(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    build_service_history(repo)
    honest = cli("--repo", repo.path, "changelog").stdout
    _forge(repo, "leaked text")
    elsewhere = tmp_path / "elsewhere.releases"
    for found in _files(repo):
        elsewhere.write_bytes(found.read_bytes())
        found.unlink()
        found.symlink_to(elsewhere)
    fifo = repo.path / CACHE / "planted.releases"
    os.mkfifo(fifo)
    assert cli("--repo", repo.path, "changelog").stdout == honest
    assert not any(path.is_symlink() for path in _files(repo))  # written again, as a file


def test_a_cache_folder_leading_outside_the_repository_is_not_used(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    build_service_history(repo)
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo.path / ".leaddocs").mkdir()
    (repo.path / ".leaddocs" / "cache").symlink_to(outside)
    result = cli("--repo", repo.path, "changelog")
    assert result.code == 0 and "leads outside the repository" in result.stderr
    assert not list(outside.rglob("*"))


def test_the_cache_folder_ignores_itself(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    cli("--repo", repo.path, "changelog")
    assert _entries(repo)
    assert repo.git("status", "--porcelain") == ""


def test_turned_off_by_configuration(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    (repo.path / "leaddocs.yml").write_text("changelog:\n  cache_max_mb: 0\n")
    _same_as_without_cache(cli, repo)
    assert not (repo.path / CACHE).exists()


def test_a_shallow_clone_reads_its_history_without_the_cache(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    build_service_history(repo)
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", f"file://{repo.path}", str(clone)], check=True
    )
    result = cli("--repo", clone, "changelog")
    assert result.code != 0 and "shallow" in result.stderr
    assert not (clone / CACHE).exists()


def test_the_folder_is_kept_under_its_size(tmp_path: Path) -> None:
    names = [f"{n:064x}.releases" for n in range(6)]
    for age, name in enumerate(names):
        cache_folder.CacheFolder(tmp_path, 3000).write(name, b"x" * 900)
        os.utime(tmp_path / name, (1000 + age, 1000 + age))
    later = cache_folder.CacheFolder(tmp_path, 3000)
    assert later.read(names[0]) is not None  # the oldest, but used by this run
    later.write(names[5], b"y" * 900)
    later.prune()
    left = {path.name for path in tmp_path.glob("*.releases")}
    assert names[0] in left and names[5] in left
    assert sum(path.stat().st_size for path in tmp_path.glob("*.releases")) <= 3000
    assert names[1] not in left  # the oldest unused went first


def test_concurrent_runs_agree(repo: Repo) -> None:
    build_service_history(repo)
    command = [sys.executable, "-m", "leaddocs", "--repo", str(repo.path), "changelog"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)
    ]
    outputs = {run.communicate()[0] for run in runs}
    assert all(run.returncode == 0 for run in runs)
    assert len(outputs) == 1
    again = subprocess.run(command, capture_output=True, check=True).stdout
    assert {again} == outputs
    assert not list((repo.path / CACHE).glob(".tmp-*"))


def test_a_tag_merged_in_later_joins_the_changelog(cli: Any, repo: Repo) -> None:
    repo.commit("feat: base", author=ADA)
    repo.tag("v1.0.0")
    repo.branch("maintenance")
    repo.commit("fix: a hotfix on the old line", author=GRACE)
    repo.tag("v1.0.1")
    repo.checkout("main")
    repo.commit("feat: new work", author=ADA)
    before = _same_as_without_cache(cli, repo)
    assert "## v1.0.1" not in before  # not reachable from HEAD yet
    repo.merge("maintenance", "Merge branch 'maintenance'")
    after = _same_as_without_cache(cli, repo)
    assert "## v1.0.1" in after and "a hotfix on the old line" in after


def test_with_a_forge_the_newest_changes_are_looked_up_each_run(
    cli: Any, repo: Repo, fake_github: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    (repo.path / "leaddocs.yml").write_text("forge:\n  enrich_max_changes: 3\n")
    for version in ("v1.0.0", "v1.1.0", "v1.2.0"):
        for n in range(2):
            sha = repo.commit(f"feat: {version} part {n}", author=ADA)
            fake_github.add_pull(
                "acme/widgets",
                title=f"Docs for {version} part {n}",
                merged=True,
                labels=("documentation",),
                commits=(sha,),
            )
        repo.tag(version)
    repo.commit("feat: unreleased work", author=ADA)
    first = _same_as_without_cache(cli, repo)
    # Unreleased and v1.2.0 hold the newest three changes: their pull requests place them.
    assert "Docs for v1.2.0 part 0" in first and "Docs for v1.1.0" not in first
    # Only what the forge does not describe is kept: v1.0.0 and v1.1.0.
    assert len(_entries(repo)) == 2
    assert _same_as_without_cache(cli, repo) == first
    repo.commit("feat: more unreleased work", author=ADA)
    assert _same_as_without_cache(cli, repo) != first


@pytest.fixture
def author_walks(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The revisions of every walk for authors (first-time contributors) leaddocs runs."""
    seen: list[list[str]] = []
    real = GitRepository.authors_in

    def spy(self: GitRepository, revisions: list[str]) -> set[tuple[str, str]]:
        seen.append(list(revisions))
        return real(self, revisions)

    monkeypatch.setattr(GitRepository, "authors_in", spy)
    return seen


def _first_timers(cli: Any, repo: Repo) -> list[str]:
    result = cli("--repo", repo.path, "release-notes", "--format", "json")
    assert result.code == 0, result
    return list(json.loads(result.stdout)["first_time_contributors"])


def test_release_notes_remember_who_came_before(
    cli: Any, repo: Repo, author_walks: list[list[str]]
) -> None:
    shas = build_service_history(repo)
    repo.commit("fix: a first fix", author="Alan Turing <alan@example.com>")
    assert _first_timers(cli, repo) == ["Alan Turing"]
    assert author_walks == [[shas["v1.0.0"]]]  # all history before v1.0.0, once
    assert _first_timers(cli, repo) == ["Alan Turing"]
    assert len(author_walks) == 1  # the rerun walks nothing
    repo.tag("v1.1.0")
    repo.commit("fix: another first fix", author="Barbara Liskov <barbara@example.com>")
    assert _first_timers(cli, repo) == ["Barbara Liskov"]
    # Only the commits of v1.1.0 are walked: what came before them is remembered.
    assert author_walks[-1] == [repo.git("rev-parse", "v1.1.0"), f"^{shas['v1.0.0']}"]


def test_remembered_authors_follow_the_mailmap(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    repo.commit("fix: a first fix", author="Alan Turing <alan@example.com>")
    assert _first_timers(cli, repo) == ["Alan Turing"]
    # Grace's earlier commits turn out to be Alan's: he is no newcomer after all.
    (repo.path / ".mailmap").write_text("Alan Turing <alan@example.com> <grace@example.com>\n")
    assert _first_timers(cli, repo) == []


def test_cached_releases_added_to_a_hand_kept_changelog_take_its_headings(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    build_service_history(repo)
    by_hand = "# Changelog\n\n## [0.9.0] - 2023-11-15\n\n- first, by hand\n"
    cli("--repo", repo.path, "changelog")  # v1.0.0 is now cached, rendered in the default style
    outputs = []
    for flags in ((), ("--no-cache",)):
        target = tmp_path / f"CHANGELOG{len(outputs)}.md"
        target.write_text(by_hand)
        result = cli("--repo", repo.path, "changelog", *flags, "--output", target)
        assert result.code == 0, result
        outputs.append(target.read_text())
    assert outputs[0] == outputs[1]
    assert "## [v1.0.0] - 2023-11-15" in outputs[0] or "## [1.0.0] - 2023-11-15" in outputs[0]


def test_a_lower_release_off_a_later_release_line_changes_who_came_first(
    cli: Any, repo: Repo
) -> None:
    zed = "Zed Shaw <zed@example.com>"
    repo.commit("feat: base", author=ADA)
    repo.tag("v0.9.0")
    repo.branch("side")
    repo.commit("fix: on the side", author=zed)
    repo.checkout("main")
    repo.commit("feat: on main", author=zed)
    repo.tag("v1.0.0")
    repo.merge("side", "Merge branch 'side'")
    before = _same_as_without_cache(cli, repo)
    assert "First contribution: Zed Shaw" in before.split("## v1.0.0")[1]
    # v0.9.1 is no ancestor of v1.0.0 (which still stops at v0.9.0), but comes first: Zed's
    # first contribution is there now.
    repo.git("tag", "v0.9.1", "side")
    after = _same_as_without_cache(cli, repo)
    assert "First contribution: Zed Shaw" not in after.split("## v1.0.0")[1].split("## v0.9")[0]


def test_an_entry_committed_behind_a_symlink_is_never_trusted(cli: Any, repo: Repo) -> None:
    """A pull request can commit the cache's folder under another name and a link to it
    (`.leaddocs` → `vendored`): git then tracks `vendored/…`, not `.leaddocs/cache/…`."""
    build_service_history(repo)
    honest = cli("--repo", repo.path, "changelog").stdout
    _forge(repo, "[click me](https://evil.example)")
    (repo.path / ".leaddocs").rename(repo.path / "vendored")
    (repo.path / ".leaddocs").symlink_to("vendored")
    repo.git("add", "-f", ".leaddocs", "vendored")
    repo.commit("chore: a helpful cache")
    result = cli("--repo", repo.path, "changelog")
    assert result.code == 0 and "evil.example" not in result.stdout
    assert "committed to git" in result.stderr
    assert result.stdout.split("## v1.0.0")[1] == honest.split("## v1.0.0")[1]


def test_cached_json_goes_out_as_the_bytes_the_file_holds(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    """A warm JSON run writes the cached releases' bytes as they are (no decoding): non-ASCII
    names and subjects come out exactly as a run without the cache writes them, on stdout and
    in a file."""
    build_service_history(repo)
    repo.commit(
        "feat: prise en charge des reçus 日本語 \u2028 (#6)", author="Zoë Ångström <z@ex.org>"
    )
    repo.tag("v1.1.0", annotated=True)
    repo.commit("fix: encore une chose", author="Zoë Ångström <z@ex.org>")
    first = _same_as_without_cache(cli, repo, "--format", "json")  # fills the cache
    warm = _same_as_without_cache(cli, repo, "--format", "json")
    assert warm == first and "Zoë Ångström" in warm and "reçus 日本語" in warm
    for name in ("cached.json", "fresh.json"):
        no_cache = ("--no-cache",) if name == "fresh.json" else ()
        written = cli("--repo", repo.path, "changelog", "--format", "json", *no_cache,
                      "-o", tmp_path / name)  # fmt: skip
        assert written.code == 0, written
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()


def test_cached_json_that_is_not_utf8_is_computed_again(cli: Any, repo: Repo) -> None:
    build_service_history(repo)
    honest = _same_as_without_cache(cli, repo, "--format", "json")
    for found in _files(repo):  # same length: only the bytes are wrong
        found.write_bytes(found.read_bytes().replace(b"invoices", b"invoice\xff"))
    assert _same_as_without_cache(cli, repo, "--format", "json") == honest
    assert all(b"\xff" not in found.read_bytes() for found in _files(repo))  # written again


def test_cached_json_holding_an_escape_goes_out_as_any_text(cli: Any, repo: Repo) -> None:
    """Bytes with an ESC are not written out as they are: they take the path of text, whose
    escape sequences Click takes out of what goes to a pipe, as before the bytes were kept."""
    build_service_history(repo)
    cli("--repo", repo.path, "changelog", "--format", "json")
    _forge(repo, "\x1b[31mred invoices")
    result = cli("--repo", repo.path, "changelog", "--format", "json")
    assert result.code == 0 and "red invoices" in result.stdout
    assert "\x1b" not in result.stdout


def test_the_releases_file_is_read_once_beside_git(
    cli: Any, repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file of releases is read on a thread of its own while git is asked about the tags
    and HEAD, once per run, and what it gives is what a run without the cache gives."""
    build_service_history(repo)
    cli("--repo", repo.path, "changelog", "--format", "json")
    repo.commit("fix: one more thing", author=GRACE)
    reads: list[str] = []
    real = cache_folder.CacheFolder.read

    def spy(self: cache_folder.CacheFolder, name: str) -> bytes | None:
        if name.endswith(".releases"):
            reads.append(threading.current_thread().name)
        return real(self, name)

    monkeypatch.setattr(cache_folder.CacheFolder, "read", spy)
    for _ in range(2):  # a warm run, then one whose HEAD the state already knows
        _same_as_without_cache(cli, repo, "--format", "json")
    assert reads == ["leaddocs-cache", "leaddocs-cache"]
    assert threading.active_count() == 1  # joined: nothing left running
