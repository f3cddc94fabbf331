"""A repository's templates are untrusted: they render in Jinja's sandbox, and every way a
template can fail is one line naming ``path:line`` with the bad-template exit code (10).

Each case runs the real CLI (`leaddocs release-notes`) on a temporary git repository whose
`.leaddocs/templates/` overrides a packaged template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cpu import cpu_budget
from tests.gitrepo import Repo

BAD_TEMPLATE = 10  # the exit code for a template that cannot be rendered (docs/errors.md)


def _templates(repo: Repo) -> Path:
    folder = repo.path / ".leaddocs" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def release_notes_with(cli: Any, repo: Repo, files: dict[str, str | bytes]) -> Any:
    """Run `leaddocs release-notes` with ``files`` (name → text) in the templates folder."""
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    repo.commit("fix: second")
    for name, content in files.items():
        target = _templates(repo) / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return cli("--repo", repo.path, "release-notes")


def assert_bad_template(result: Any, repo: Repo, name: str, line: int, *words: str) -> str:
    """Exit code 10, one line on stderr naming ``path:line``, no traceback; return the line."""
    assert result.code == BAD_TEMPLATE, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result
    path = (_templates(repo) / name).resolve()
    assert lines[0].startswith(f"leaddocs: error: {path}:{line}: "), result
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], result
    return str(lines[0])


def test_a_template_cannot_run_a_shell_command(
    cli: Any, repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pwned = tmp_path / "pwned.txt"
    payload = f"Notes\n{{{{ cycler.__init__.__globals__.os.system('id > {pwned}') }}}}\n"
    result = release_notes_with(cli, repo, {"release-notes.md.j2": payload})
    assert not pwned.exists()
    assert_bad_template(result, repo, "release-notes.md.j2", 2, "unsafe")


@pytest.mark.parametrize(
    "payload",
    [
        "{{ release.__class__.__mro__ }}",
        "{{ ''.__class__.__subclasses__() }}",
        "{{ release.sections.append(1) }}",  # the immutable sandbox: no mutating the context
        "{{ '{0.__class__}'.format(release) }}",
        "{{ release | attr('__class__') }}",
    ],
)
def test_a_template_cannot_reach_python_internals(cli: Any, repo: Repo, payload: str) -> None:
    result = release_notes_with(cli, repo, {"release-notes.md.j2": f"x\n{payload}\n"})
    assert_bad_template(result, repo, "release-notes.md.j2", 2)


def test_a_syntax_error_names_its_line(cli: Any, repo: Repo) -> None:
    result = release_notes_with(cli, repo, {"release-notes.md.j2": "# Notes\n\n{% if %}\n"})
    assert_bad_template(result, repo, "release-notes.md.j2", 3, "syntax")


@pytest.mark.parametrize(
    ("source", "line", "word"),
    [
        ("a\n{{ nope }}\n", 2, "'nope' is undefined"),
        ("a\nb\n{{ release.nope }}\n", 3, "nope"),
        ("a\n{% for s in release.sections %}{{ s.nope }}{% endfor %}\n", 2, "nope"),
    ],
)
def test_an_undefined_variable_or_attribute_names_its_line(
    cli: Any, repo: Repo, source: str, line: int, word: str
) -> None:
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", line, word)


def test_a_division_by_zero_names_its_line(cli: Any, repo: Repo) -> None:
    source = "a\nb\n{{ release.sections | length / 0 }}\n"
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", 3, "ZeroDivisionError")


def test_a_missing_include_names_the_including_line(cli: Any, repo: Repo) -> None:
    source = "a\n{% include 'nope.md.j2' %}\n"
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", 2, "'nope.md.j2' not found")


def test_a_recursive_include_is_stopped_and_reported(cli: Any, repo: Repo) -> None:
    source = "a\n{% include 'release-notes.md.j2' %}\n"
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", 2, "deep")


def test_a_recursive_macro_is_reported(cli: Any, repo: Repo) -> None:
    source = "{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}\n"
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", 1, "recursion")


def test_a_template_that_is_not_utf8_names_its_line(cli: Any, repo: Repo) -> None:
    source = b"# Notes\n\n{{ release.title }} caf\xe9\n"
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", 3, "UTF-8")


def test_an_included_template_that_is_not_utf8_is_named(cli: Any, repo: Repo) -> None:
    # The packaged release-notes.md.j2 includes release.md.j2: the override is the bad file.
    result = release_notes_with(cli, repo, {"release.md.j2": b"ok\n\xff\xfe\n"})
    assert_bad_template(result, repo, "release.md.j2", 2, "UTF-8")


def test_an_error_in_the_item_macro_names_the_macro_file(cli: Any, repo: Repo) -> None:
    # The macro is called from Python for each entry: the line is still the macro's own.
    macro = "{% macro item_line(item) %}\n- {{ item.subject }} {{ item.nope }}\n{% endmacro %}\n"
    result = release_notes_with(cli, repo, {"item.md.j2": macro})
    assert_bad_template(result, repo, "item.md.j2", 2, "nope")


def test_an_item_template_without_the_macro_is_reported(cli: Any, repo: Repo) -> None:
    result = release_notes_with(cli, repo, {"item.md.j2": "just text\n"})
    assert_bad_template(result, repo, "item.md.j2", 1, "item_line")


def test_output_beyond_the_limit_is_stopped(cli: Any, repo: Repo) -> None:
    source = "a\n{% for i in range(100000) %}{{ '%0200d' | format(i) }}{% endfor %}\n"
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", 2, "MiB")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("source", "word"),
    [
        ("a\n{% for i in range(10**9) %}{% endfor %}\n", "range"),
        (
            "a\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
            "range",
        ),
        ("a\n{{ 7 ** 100000000 }}\n", "too large"),
        ("a\n{{ 'x' * 10**8 }}\n", "too large"),
        ("a\n{{ [1, 2] * 10**8 }}\n", "too large"),
    ],
)
def test_rendering_work_is_bounded(cli: Any, repo: Repo, source: str, word: str) -> None:
    with cpu_budget(10):
        result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert_bad_template(result, repo, "release-notes.md.j2", 2, word)


def test_a_sandboxed_override_still_renders(cli: Any, repo: Repo) -> None:
    source = (
        "Release {{ release.title }}\n"
        "{% for s in release.sections %}{{ s.title | upper }}: "
        "{{ s.items | map(attribute='subject') | map('md') | join(', ') }}\n{% endfor %}"
        "{{ '#' * 3 }} {{ range(3) | list | length }} {{ 2 ** 10 }}\n"
    )
    result = release_notes_with(cli, repo, {"release-notes.md.j2": source})
    assert result.code == 0, result
    assert result.stdout == "Release Unreleased\nFIXES: second\n### 3 1024\n"


# The API the ADR writer renders its template through: one template's text, named by its path.


def test_render_source_refuses_the_payload_naming_the_origin(tmp_path: Path) -> None:
    from leaddocs.errors import TemplateError
    from leaddocs.templating import render_source

    pwned = tmp_path / "pwned.txt"
    origin = tmp_path / "adr.md.j2"
    source = f"---\n{{{{ front_matter }}}}---\n{{{{ cycler.__init__.__globals__.os.system('id > {pwned}') }}}}\n"
    with pytest.raises(TemplateError, match=rf"^{origin}:3: not allowed in a template: ") as caught:
        render_source(source, origin, {"front_matter": "status: proposed\n"})
    assert caught.value.exit_code == BAD_TEMPLATE
    assert not pwned.exists()


@pytest.mark.parametrize(
    ("source", "line"),
    [("# {{ title }}\n\n{% endif %}\n", 3), ("# {{ title }}\n{{ titel }}\n", 2)],
)
def test_render_source_names_the_origin_and_line(tmp_path: Path, source: str, line: int) -> None:
    from leaddocs.errors import TemplateError
    from leaddocs.templating import render_source

    origin = tmp_path / "adr.md.j2"
    with pytest.raises(TemplateError, match=rf"^{origin}:{line}: "):
        render_source(source, origin, {"title": "Use Postgres"})


def test_render_source_uses_the_callers_filters_and_includes(tmp_path: Path) -> None:
    from leaddocs.templating import folder_loader, render_source, sandboxed_environment

    (tmp_path / "footer.md.j2").write_text("-- {{ title | shout }}\n")
    environment = sandboxed_environment(folder_loader(tmp_path))
    environment.filters["shout"] = str.upper
    source = "# {{ title }}\n{% include 'footer.md.j2' %}"
    text = render_source(source, tmp_path / "adr.md.j2", {"title": "x"}, environment=environment)
    assert text == "# x\n-- X\n"


def test_read_template_names_the_first_line_that_is_not_utf8(tmp_path: Path) -> None:
    from leaddocs.errors import TemplateError
    from leaddocs.templating import read_template

    path = tmp_path / "adr.md.j2"
    path.write_bytes("# Décision\n\nok\n".encode() + b"caf\xe9\n")
    with pytest.raises(TemplateError, match=rf"^{path}:4: the template is not UTF-8"):
        read_template(path)
