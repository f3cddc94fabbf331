"""One delivery step for every document: edits kept, only regular files replaced, symlinks
followed, new records never lost, a bundle written whole or not at all."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leaddocs.application import api
from leaddocs.application.context import BuildContext
from leaddocs.application.kinds import KINDS, DocumentKind
from leaddocs.delivery import files
from leaddocs.document import Document
from tests.gitrepo import Repo

ADR = "---\nstatus: accepted\ndate: 2024-02-01\n---\n# Use Postgres\n\nBody.\n"


@pytest.fixture
def project_repo(repo: Repo) -> Repo:
    repo.commit("feat: first", files={"a.txt": "1", "adr/0001-use-postgres.md": ADR})
    repo.tag("v1.0.0")
    repo.commit("fix: second", files={"a.txt": "2"})
    return repo


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }


def build(cli: Any, repo: Repo, out: Path, *extra: Any) -> Any:
    return cli("--repo", repo.path, "build", "--out", out, *extra)


BUILT = ["release-notes.md", "release-notes.json", "CHANGELOG.md", "changelog.json", "decisions.md"]


def test_build_writes_every_kind_and_a_second_run_changes_nothing(
    cli: Any, project_repo: Repo, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = build(cli, project_repo, out)
    assert first.code == 0, first
    assert sorted(p.name for p in out.iterdir()) == sorted([*BUILT, "status"])
    # The status page and its index are files 6 and 7 (tests/status/ covers them).
    assert [line.split()[0] for line in first.stdout.splitlines()] == ["created"] * 7
    before = snapshot(out)
    second = build(cli, project_repo, out)
    assert second.code == 0, second
    assert [line.split()[0] for line in second.stdout.splitlines()] == ["unchanged"] * 7
    assert snapshot(out) == before


@pytest.mark.parametrize(
    "name", ["release-notes.md", "release-notes.json", "changelog.json", "decisions.md"]
)
def test_build_keeps_a_hand_edited_file_and_writes_nothing(
    cli: Any, project_repo: Repo, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "out"
    assert build(cli, project_repo, out).code == 0
    target = out / name
    text = target.read_text()
    if name.endswith(".json"):  # a person corrects a value
        target.write_text(text.replace('"HEAD"', '"A human\'s note."', 1))
    else:  # a person adds a line under leaddocs' marker
        target.write_text(text.replace("\n", "\nA human's note.\n", 1))
    project_repo.commit("feat: third", files={"a.txt": "3"})  # every other file would change
    before = snapshot(out)
    result = build(cli, project_repo, out)
    assert result.code == 6, result
    assert result.stderr == (
        f"leaddocs: error: {target} was edited since leaddocs wrote it; kept it "
        "(--force replaces it)\n"
    )
    assert snapshot(out) == before
    forced = build(cli, project_repo, out, "--force")
    assert forced.code == 0, forced
    assert "A human's note." not in target.read_text()


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["release-notes"], "notes.md"),
        (["release-notes", "--format", "json"], "notes.json"),
        (["changelog", "--format", "json"], "changelog.json"),
    ],
)
def test_a_command_keeps_an_edited_or_hand_written_output(
    cli: Any, project_repo: Repo, tmp_path: Path, command: list[str], name: str
) -> None:
    target = tmp_path / name
    assert cli("--repo", project_repo.path, *command, "--output", target).code == 0
    again = cli("--repo", project_repo.path, *command, "--output", target)
    assert again.code == 0, again  # its own untouched output is replaced
    target.write_text(target.read_text() + "\n")  # trailing white space is not an edit
    assert cli("--repo", project_repo.path, *command, "--output", target).code == 0
    target.write_text(target.read_text().replace("second", "2nd"))
    edited = cli("--repo", project_repo.path, *command, "--output", target)
    assert edited.code == 6 and "was edited since leaddocs wrote it" in edited.stderr, edited
    target.write_text("written by a person\n")
    foreign = cli("--repo", project_repo.path, *command, "--output", target)
    assert foreign.code == 6 and "was not written by leaddocs" in foreign.stderr, foreign
    assert target.read_text() == "written by a person\n"
    forced = cli("--repo", project_repo.path, *command, "--output", target, "--force")
    assert forced.code == 0 and "second" in target.read_text()


def test_a_json_file_records_what_leaddocs_generated(
    cli: Any, project_repo: Repo, tmp_path: Path
) -> None:
    target = tmp_path / "notes.json"
    printed = cli("--repo", project_repo.path, "release-notes", "--format", "json")
    assert "leaddocs_generated" not in printed.stdout  # stdout is for scripts: the plain schema
    cli("--repo", project_repo.path, "release-notes", "--format", "json", "-o", target)
    written = json.loads(target.read_text())
    assert next(iter(written)) == "leaddocs_generated"
    assert written["leaddocs_generated"].startswith("sha256:")
    assert {k: v for k, v in written.items() if k != "leaddocs_generated"} == json.loads(
        printed.stdout
    )


@pytest.mark.parametrize("kind", ["folder", "fifo", "device"])
def test_an_output_that_is_not_a_regular_file_is_refused_unread(
    cli: Any, project_repo: Repo, tmp_path: Path, kind: str
) -> None:
    if kind != "folder" and os.name == "nt":
        pytest.skip("no FIFOs or /dev on Windows")
    if kind == "folder":
        target = tmp_path / "notes.md"
        target.mkdir()
        words = "it is a folder, not a regular file"
    elif kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)  # opening it for reading would block forever
        words = "it is a FIFO (named pipe), not a regular file"
    else:
        target = Path("/dev/zero")  # reading it never ends; replacing it would break the host
        words = "it is a character device, not a regular file"
    for command in (["release-notes"], ["changelog"], ["changelog", "--format", "json"]):
        result = cli("--repo", project_repo.path, *command, "--output", target)
        assert result.code == 6, result
        assert result.stderr == f"leaddocs: error: cannot write {target}: {words}\n"
    assert target.is_dir() or target.is_fifo() or target.is_char_device()


def test_a_symlinked_output_updates_its_target(
    cli: Any, project_repo: Repo, tmp_path: Path
) -> None:
    real = tmp_path / "shared" / "CHANGELOG.md"
    real.parent.mkdir()
    real.write_text("# Changelog\n\nHand-written intro.\n")
    link = tmp_path / "CHANGELOG.md"
    link.symlink_to(real)
    result = cli("--repo", project_repo.path, "changelog", "--output", link)
    assert result.code == 0, result
    assert link.is_symlink() and link.resolve() == real
    text = real.read_text()
    assert "Hand-written intro." in text and "## v1.0.0" in text
    notes = tmp_path / "notes.md"
    notes.symlink_to("shared/notes-target.md")  # a dangling relative link: its target is made
    assert cli("--repo", project_repo.path, "release-notes", "-o", notes).code == 0
    assert notes.is_symlink() and "second" in (tmp_path / "shared/notes-target.md").read_text()


def test_a_symlinked_adr_is_edited_through_its_link(cli: Any, repo: Repo) -> None:
    kept = repo.path / "records" / "0001-use-postgres.md"
    kept.parent.mkdir()
    kept.write_text(ADR.replace("accepted", "proposed"))
    (repo.path / "adr").mkdir()
    (repo.path / "adr/0001-use-postgres.md").symlink_to("../records/0001-use-postgres.md")
    result = cli("--repo", repo.path, "adr", "status", "1", "accepted")
    assert result.code == 0, result
    assert (repo.path / "adr/0001-use-postgres.md").is_symlink()
    assert "status: accepted" in kept.read_text()


def test_a_symlink_out_of_the_repository_is_never_written_through(
    cli: Any, project_repo: Repo, tmp_path: Path
) -> None:
    victim = tmp_path / "home" / ".bashrc"
    victim.parent.mkdir()
    victim.write_text("export PATH=$PATH\n")
    (project_repo.path / "CHANGELOG.md").symlink_to(victim)  # committed by anyone's PR
    (project_repo.path / "notes.md").symlink_to(tmp_path / "elsewhere.md")  # dangling
    for command in (["changelog"], ["release-notes"]):
        target = "CHANGELOG.md" if command == ["changelog"] else "notes.md"
        result = cli("--repo", project_repo.path, *command, "-o", project_repo.path / target)
        assert result.code == 6, result
        assert "outside" in result.stderr and "through a symlink" in result.stderr
    assert victim.read_text() == "export PATH=$PATH\n"
    assert not (tmp_path / "elsewhere.md").exists()
    (project_repo.path / "adr/0002-x.md").symlink_to(victim)
    status = cli("--repo", project_repo.path, "adr", "status", "2", "accepted")
    assert status.code != 0 and victim.read_text() == "export PATH=$PATH\n"


def test_twenty_concurrent_adr_new_into_a_missing_folder_get_distinct_numbers(
    repo: Repo,
) -> None:
    (repo.path / "leaddocs.yml").write_text("adr:\n  dir: docs/arch/decisions\n")
    command = [sys.executable, "-m", "leaddocs", "--repo", str(repo.path), "adr", "new"]
    runs = [
        subprocess.Popen(
            [*command, f"Decision {n}", "--no-edit"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert [code for code, _, _ in results] == [0] * 20, results
    names = sorted(p.name[:4] for p in (repo.path / "docs/arch/decisions").iterdir())
    assert names == [f"{n:04d}" for n in range(1, 21)]


def test_twenty_concurrent_adr_new_with_one_title_leave_twenty_records(repo: Repo) -> None:
    (repo.path / "adr").mkdir()
    command = [sys.executable, "-m", "leaddocs", "--repo", str(repo.path), "adr", "new"]
    runs = [
        subprocess.Popen(
            [*command, "Use Postgres", "--no-edit"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(20)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert [code for code, _, _ in results] == [0] * 20, results
    printed = sorted(out.strip() for _, out, _ in results)
    assert printed == [f"adr/{n:04d}-use-postgres.md" for n in range(1, 21)]
    assert sorted(p.name for p in (repo.path / "adr").iterdir()) == [
        f"{n:04d}-use-postgres.md" for n in range(1, 21)
    ]


def test_a_build_that_fails_on_one_file_changes_no_file(
    cli: Any, project_repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert build(cli, project_repo, out).code == 0
    project_repo.commit("feat: third", files={"a.txt": "3"})
    before = snapshot(out)
    real = files._place

    def disk_full_at_the_third_file(plan: Any) -> None:
        if plan.target.name == "changelog.json":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(plan)

    monkeypatch.setattr(files, "_place", disk_full_at_the_third_file)
    result = build(cli, project_repo, out)
    assert result.stderr == (
        f"leaddocs: error: cannot write {out / 'changelog.json'}: No space left on device\n"
    )
    assert result.code == 6
    assert snapshot(out) == before  # the files placed before it have their old bytes back
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_first_build_leaves_no_folder_behind(
    cli: Any, project_repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(plan: Any) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_stage", no_space)
    out = tmp_path / "new" / "out"
    assert build(cli, project_repo, out).code == 6
    assert not (tmp_path / "new").exists()


def test_the_api_returns_documents_and_writes_nothing(project_repo: Repo, tmp_path: Path) -> None:
    project = api.open_project(project_repo.path)
    out = tmp_path / "out"
    documents = api.build_documents(project, api.BuildRequest(out_dir=out))
    assert [d.kind for d in documents] == [
        "release-notes", "release-notes", "changelog", "changelog", "adr-index", "status", "status"
    ]  # fmt: skip
    assert [d.path for d in documents[:5]] == [out / name for name in BUILT]
    assert not out.exists() and all(d.body for d in documents)
    written = api.write(documents[:1], make_folders=True)
    assert written[0].action == "created" and (out / "release-notes.md").is_file()


def test_a_registered_kind_appears_in_build(
    cli: Any, project_repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def status_page(context: BuildContext) -> list[Document]:
        count = len(context.history.unreleased.changes)
        return [Document("weekly", Path("status.md"), f"# Status\n\n{count} changes.\n")]

    extra = DocumentKind("weekly", "a weekly status page", status_page)
    monkeypatch.setattr("leaddocs.application.kinds.KINDS", (*KINDS, extra))
    out = tmp_path / "out"
    result = build(cli, project_repo, out)
    assert result.code == 0, result
    assert (out / "status.md").read_text().endswith("# Status\n\n1 changes.\n")
    only = build(cli, project_repo, tmp_path / "only", "--kind", "weekly")
    assert [p.name for p in (tmp_path / "only").iterdir()] == ["status.md"], only
    unknown = build(cli, project_repo, tmp_path / "x", "--kind", "weelky")
    assert unknown.code == 2 and "unknown document kind weelky" in unknown.stderr


def test_build_drafts_with_the_model_when_llm_is_enabled(
    cli: Any, project_repo: Repo, tmp_path: Path
) -> None:
    (project_repo.path / "leaddocs.yml").write_text("llm:\n  enabled: true\n")
    out = tmp_path / "out"
    result = build(cli, project_repo, out)
    # No OPENAI_API_KEY here: the template wrote the notes, and the exit code says why.
    assert result.code == 8, result
    assert "OPENAI_API_KEY" in result.stderr
    assert (out / "release-notes.md").is_file()
    assert json.loads((out / "release-notes.json").read_text())["drafting"]["drafter"] == "template"


def test_quiet_silences_every_note(cli: Any, project_repo: Repo, tmp_path: Path) -> None:
    args = ["--repo", project_repo.path]
    noisy = cli(*args, "release-notes", "--model", "m", "--path", "missing", "-o", tmp_path / "n")
    assert noisy.code == 0 and noisy.stderr.count("\n") == 3, noisy
    quiet = cli(
        "-q", *args, "release-notes", "--model", "m", "--path", "missing", "-o", tmp_path / "m"
    )
    assert quiet.code == 0 and quiet.stderr == "", quiet


@pytest.mark.parametrize(
    "setting",
    [
        "changelog:\n  path: ../escaped-CHANGELOG.md\n",
        "changelog:\n  path: /tmp/CHANGELOG.md\n",
        "templates_dir: ../../templates\n",
        "adr:\n  dir: docs/../../adr\n",
    ],
)
def test_configured_paths_stay_inside_the_repository(
    cli: Any, project_repo: Repo, tmp_path: Path, setting: str
) -> None:
    (project_repo.path / "leaddocs.yml").write_text(setting)
    out = tmp_path / "out"
    result = build(cli, project_repo, out)
    assert result.code == 3, result
    line = setting.count("\n")  # the line of the path's own key
    assert result.stderr.startswith(
        f"leaddocs: error: {project_repo.path / 'leaddocs.yml'}:{line}: "
    )
    assert "give a path inside the repository" in result.stderr
    assert not out.exists() and not (tmp_path / "escaped-CHANGELOG.md").exists()


def test_a_configured_templates_dir_that_does_not_exist_is_an_error(
    cli: Any, project_repo: Repo
) -> None:
    (project_repo.path / "leaddocs.yml").write_text("templates_dir: .leaddocs/tmpl\n")
    result = cli("--repo", project_repo.path, "release-notes")
    assert result.code == 3, result
    assert result.stderr == (
        f"leaddocs: error: {project_repo.path / 'leaddocs.yml'}: templates_dir "
        "'.leaddocs/tmpl' is not a folder in the repository\n"
    )
    (project_repo.path / ".leaddocs/tmpl").mkdir(parents=True)
    assert cli("--repo", project_repo.path, "release-notes").code == 0


@pytest.mark.parametrize(
    ("head", "newline"),
    [("\ufeff# Changelog\r\n\r\nIntro.\r\n", "\r\n"), ("# Changelog\n\nIntro.\r\nMore.\n", None)],
)
def test_a_changelog_update_keeps_the_bom_and_line_endings(
    cli: Any, project_repo: Repo, tmp_path: Path, head: str, newline: str | None
) -> None:
    target = tmp_path / "CHANGELOG.md"
    target.write_bytes(head.encode())
    assert cli("--repo", project_repo.path, "changelog", "-o", target).code == 0
    data = target.read_bytes()
    assert data.startswith(head.encode())  # BOM and the hand-written lines as they were
    text = data.decode("utf-8")
    if newline == "\r\n":
        assert text.count("\r\n") == text.count("\n")  # a CRLF file stays CRLF throughout
    else:
        assert "Intro.\r\nMore.\n" in text and text.count("\r\n") == 1  # mixed stays mixed


def test_a_changelog_is_not_merged_into_a_readme_or_another_document(
    cli: Any, project_repo: Repo, tmp_path: Path
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# My project\n\n## Install\n\npip install it\n")
    result = cli("--repo", project_repo.path, "changelog", "-o", readme)
    assert result.code == 6 and "not a CHANGELOG" in result.stderr, result
    assert readme.read_text() == "# My project\n\n## Install\n\npip install it\n"
    forced = cli("--repo", project_repo.path, "changelog", "-o", readme, "--force")
    assert forced.code == 0 and "## Install" in readme.read_text()  # merged, nothing lost
    notes = tmp_path / "notes.md"
    assert cli("--repo", project_repo.path, "release-notes", "-o", notes).code == 0
    before = notes.read_text()
    other = cli("--repo", project_repo.path, "changelog", "-o", notes)
    assert other.code == 6 and "another document leaddocs generated" in other.stderr, other
    assert notes.read_text() == before


def test_a_generated_file_checked_out_with_crlf_or_a_bom_is_still_ours(
    cli: Any, project_repo: Repo, tmp_path: Path
) -> None:
    target = tmp_path / "notes.md"
    assert cli("--repo", project_repo.path, "release-notes", "-o", target).code == 0
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes().replace(b"\n", b"\r\n"))
    result = cli("--repo", project_repo.path, "release-notes", "-o", target)
    assert result.code == 0, result


def test_dash_means_stdout(cli: Any, project_repo: Repo, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("--repo", project_repo.path, "release-notes", "-o", "-")
    assert result.code == 0 and result.stdout.startswith("# "), result
    assert not (tmp_path / "-").exists()


@pytest.mark.skipif(os.name == "nt", reason="no /dev or FIFOs on Windows")
def test_adr_source_material_must_be_a_regular_file_of_bounded_size(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    for source, words in (
        (Path("/dev/zero"), "not a regular file"),
        (fifo, "not a regular file"),
        (big, "larger than 1024 KiB"),
    ):
        result = cli("--repo", repo.path, "adr", "new", "X", "--from", source, "--no-edit")
        assert result.code == 2 and words in result.stderr, result
    assert not (repo.path / "adr").exists()


def test_an_adr_changed_after_it_was_read_is_not_edited(repo: Repo) -> None:
    folder = repo.path / "adr"
    folder.mkdir()
    record = folder / "0001-use-x.md"
    record.write_text(
        "# 1. Use X\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n\n## Context\n\nX.\n"
    )
    project = api.open_project(repo.path)
    log = api.decision_log(project)
    record.write_text(record.read_text().replace("## Status", "Note.\n\n## Status"))
    changed = record.read_text()
    with pytest.raises(files.OutputError, match="changed since leaddocs read it"):
        api.set_status(log, "1", "accepted")
    assert record.read_text() == changed
