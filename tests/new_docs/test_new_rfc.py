"""``leaddocs new rfc``: numbered files from the template, front matter a reader can trust."""

from __future__ import annotations

import datetime
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leaddocs.adr.frontmatter import load, split
from tests.gitrepo import Repo
from tests.new_docs.conftest import new, tree, written
from tests.security.rendered import RENDERERS, assert_safe, text_of


def front(path: Path) -> dict[str, Any]:
    parts = split(path.read_text())
    assert parts.yaml is not None
    return load(parts.yaml)[0]


def test_an_rfc_has_its_front_matter_and_six_sections(cli: Any, project: Repo) -> None:
    result = new(cli, project, "rfc", "Move billing events to Kafka", "--reviewer", "Grace Hopper")
    path = written(project, result)
    assert path == project.path / "docs/rfcs/0001-move-billing-events-to-kafka.md"
    assert result.stderr == ""
    meta = front(path)
    assert meta["status"] == "draft"
    assert meta["authors"] == ["Test Runner"]  # git's user.name
    assert meta["reviewers"] == ["Grace Hopper"]
    assert meta["date"] == datetime.date.today()
    text = path.read_text()
    assert "\n# Move billing events to Kafka\n" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Summary",
        "## Motivation",
        "## Proposal",
        "## Alternatives",
        "## Risks",
        "## Open questions",
    ]
    assert "{%" not in text and "Source material" not in text


def test_numbers_follow_the_highest_and_status_authors_are_kept(cli: Any, project: Repo) -> None:
    folder = project.path / "docs/rfcs"
    folder.mkdir(parents=True)
    (folder / "0007-older.md").write_text("---\nstatus: accepted\n---\n# Older\n")
    (folder / "README.md").write_text("# About our RFCs\n")
    args = ("--status", "review", "--author", "Ada Lovelace", "--author", "Alan Turing")
    path = written(project, new(cli, project, "rfc", "Shard the orders table", *args))
    assert path.name == "0008-shard-the-orders-table.md"
    meta = front(path)
    assert meta["status"] == "review"
    assert meta["authors"] == ["Ada Lovelace", "Alan Turing"]


def test_the_title_is_escaped_and_renders_as_typed(cli: Any, project: Repo) -> None:
    title = "Use <img src=x onerror=alert(1)> & *stars* @team [x](javascript:alert(2))"
    path = written(project, new(cli, project, "rfc", title))
    text = path.read_text()
    assert_safe(text.split("---\n", 2)[2])
    heading = text.split("\n# ", 1)[1].split("\n", 1)[0]
    for render in RENDERERS.values():  # both show the title as it was typed
        shown = text_of(render(f"# {heading}")).removesuffix("¶").replace("\u200b", "")
        assert shown == title


def test_a_configured_folder_is_used(cli: Any, project: Repo) -> None:
    (project.path / "leaddocs.yml").write_text("rfcs:\n  dir: design/rfcs\n")
    path = written(project, new(cli, project, "rfc", "Cache invoices"))
    assert path == project.path / "design/rfcs/0001-cache-invoices.md"


def test_the_editor_opens_the_new_file(
    cli: Any, project: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        f"#!{sys.executable}\nimport sys\nopen(sys.argv[1], 'a').write('edited\\n')\n"
    )
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(editor))
    result = cli("--repo", project.path, "new", "rfc", "Cache invoices")
    path = written(project, result)
    assert path.read_text().endswith("edited\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rfc", ""), "leaddocs: error: an empty title has no letters or digits"),
        (("rfc", "?!"), "leaddocs: error: the title '?!' has no letters or digits"),
        (
            ("rfc", "Cache", "--status", "approved"),
            "leaddocs: error: unknown RFC status 'approved' (use one of draft, review, "
            "accepted, rejected, withdrawn)",
        ),
        (("rfc", "Cache", "--llm"), "leaddocs: error: --llm drafts from source material"),
        (("rfc", "Cache", "--from", "missing.md"), "leaddocs: error: cannot read missing.md"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    cli: Any, project: Repo, args: tuple[str, ...], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.path)
    before = tree(project)
    result = new(cli, project, *args)
    assert result.code == 2, result
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == "" and tree(project) == before


def test_a_folder_that_is_a_file_is_refused(cli: Any, project: Repo) -> None:
    (project.path / "docs").write_text("not a folder\n")
    result = new(cli, project, "rfc", "Cache invoices")
    assert result.code == 6
    assert result.stderr == "leaddocs: error: cannot write into docs: it is not a folder\n"


def test_a_broken_override_template_names_its_line_and_writes_nothing(
    cli: Any, project: Repo
) -> None:
    templates = project.path / ".leaddocs/templates"
    templates.mkdir(parents=True)
    (templates / "rfc.md.j2").write_text("---\n{{ front_matter }}---\n# {{ title }}\n{{ nope }}\n")
    result = new(cli, project, "rfc", "Cache invoices")
    assert result.code == 10
    assert "rfc.md.j2:4: undefined" in result.stderr
    assert not (project.path / "docs").exists()  # the folders made for it are gone too


def test_concurrent_runs_each_get_their_own_number(project: Repo) -> None:
    leaddocs = [sys.executable, "-m", "leaddocs", "--repo", str(project.path), "new", "rfc"]
    runs = [
        subprocess.Popen(
            [*leaddocs, f"Idea {n}", "--no-edit"], stdout=subprocess.PIPE, env=os.environ.copy()
        )
        for n in range(4)
    ]
    outputs = [run.communicate()[0].decode().strip() for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    numbers = sorted(Path(out).name[:4] for out in outputs)
    assert numbers == ["0001", "0002", "0003", "0004"]
    assert len(list((project.path / "docs/rfcs").iterdir())) == 4
