"""The packaged templates' compiled code: up to date, used only when it is what Jinja would
compile now, and failing as the template itself does (its file and line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from leaddocs.documents import compiled, packaged
from leaddocs.documents.render import Renderer
from leaddocs.errors import TemplateError

FOLDER = Path(compiled.__file__).parent
TEMPLATES = Path(packaged.__file__).parent / "templates"


def test_the_compiled_templates_are_up_to_date() -> None:
    expected = packaged.compiled_modules(Renderer(None).environment)
    found = {path.name: path.read_text("utf-8") for path in FOLDER.glob("*.py")}
    assert set(found) == set(expected), "run: .venv/bin/python tools/compile_templates.py"
    for name, text in expected.items():
        assert found[name] == text, f"{name}: run .venv/bin/python tools/compile_templates.py"
    assert set(compiled.TEMPLATES) == {path.name for path in TEMPLATES.glob("*.j2")}


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from their text from now on."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def spy(self: jinja2.Environment, source: str, name: str | None = None, *a: Any) -> Any:
        names.append(str(name))
        return original(self, source, name, *a)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return names


def test_packaged_templates_are_not_compiled_on_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    names = _compiles(monkeypatch)
    template = Renderer(None).environment.get_template("release-notes.md.j2")
    assert names == []
    assert template.filename == str(TEMPLATES / "release-notes.md.j2")
    assert template.root_render_func.__code__.co_filename == template.filename


@pytest.mark.parametrize(
    "stale",
    [
        {"TEMPLATES": {**compiled.TEMPLATES, "release.md.j2": "0" * 64}},  # edited text
        {"JINJA": "0.0.1"},  # another Jinja
        {"OPTIONS": "another environment"},  # other options: not the sandbox's
    ],
)
def test_stale_compiled_code_is_never_used(
    monkeypatch: pytest.MonkeyPatch, stale: dict[str, Any]
) -> None:
    for name, value in stale.items():
        monkeypatch.setattr(compiled, name, value)
    names = _compiles(monkeypatch)
    Renderer(None).environment.get_template("release.md.j2")
    assert names == ["release.md.j2"]


def test_each_renderer_gets_its_own_template_code() -> None:
    first, second = Renderer(None).environment, Renderer(None).environment
    one = first.get_template("release.md.j2")
    other = second.get_template("release.md.j2")
    assert one.root_render_func.__globals__["environment"] is first
    assert other.root_render_func.__globals__["environment"] is second


def _failure(renderer: Renderer) -> str:
    with pytest.raises(TemplateError) as failed:
        renderer.render("release.md.j2", level=2)  # no `release`: undefined
    return str(failed.value)


def test_a_failure_names_the_template_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from_compiled = _failure(Renderer(None))
    monkeypatch.setattr(compiled, "JINJA", "0.0.1")
    from_text = _failure(Renderer(None))
    assert from_compiled == from_text
    assert from_compiled.startswith(f"{TEMPLATES / 'release.md.j2'}:")
