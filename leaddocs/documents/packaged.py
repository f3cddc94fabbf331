"""The packaged templates, compiled to Python when leaddocs is built, not on every run.

Jinja turns a template into Python source before it renders it: ~4.5 ms for release.md.j2, ~6 ms
of every run. ``documents/compiled/`` holds that Python for each packaged template, written by
``python3 tools/compile_templates.py`` (a test fails when it is out of date), so Python's own
bytecode cache, written when the package is installed, loads it. Nothing is read from a cache
folder: the compiled code ships with the package, as trusted as the rest of it.

A compiled module is used only when it was made from the same template text (its SHA-256), by
the same Jinja version, for an environment with the same options (the sandbox's among them);
anything else compiles the template as before, so a template edited in a checkout is never
rendered from stale code. Each render gets its own module namespace, bound to its own
environment, as Jinja's own ``from_code`` gives it. A repository's own templates
(``templates_dir``) are always compiled from their text, in the sandbox.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import MutableMapping
from types import CodeType
from typing import Any

import jinja2

COMPILED = "leaddocs.documents.compiled"


class PackagedLoader(jinja2.PackageLoader):
    """``PackageLoader("leaddocs.documents", "templates")``, taking the compiled code when it
    is the code Jinja would compile now."""

    def __init__(self) -> None:
        super().__init__("leaddocs.documents", "templates")

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = _compiled_code(environment, name, source, filename or name)
        if code is None:
            code = environment.compile(source, name, filename)
        return environment.template_class.from_code(
            environment, code, {} if globals is None else globals, uptodate
        )


def module_name(template: str) -> str:
    """``release-notes.md.j2`` → ``release_notes_md``."""
    return template.removesuffix(".j2").replace("-", "_").replace(".", "_")


def options(environment: jinja2.Environment) -> str:
    """Everything about an environment that changes the code Jinja compiles a template to."""
    env: Any = environment
    return repr(
        (
            type(env).__qualname__,
            sorted(getattr(env, "intercepted_binops", ())),
            sorted(getattr(env, "intercepted_unops", ())),
            env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
            env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
            env.autoescape, env.is_async, sorted(env.extensions),
        )
    )  # fmt: skip


def digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def _compiled_code(
    environment: jinja2.Environment, name: str, source: str, filename: str
) -> CodeType | None:
    try:
        from leaddocs.documents import compiled
    except ImportError:
        return None
    made = compiled.TEMPLATES.get(name)
    if (
        made is None
        or made != digest(source)
        or jinja2.__version__ != compiled.JINJA
        or options(environment) != compiled.OPTIONS
    ):
        return None
    spec = importlib.util.find_spec(f"{COMPILED}.{module_name(name)}")
    if spec is None or spec.loader is None or not hasattr(spec.loader, "get_code"):
        return None
    code = spec.loader.get_code(spec.name)
    return None if code is None else _renamed(code, filename)


def _renamed(code: CodeType, filename: str) -> CodeType:
    """The code as if compiled from ``filename``: errors name the template's file and line
    (``templating`` reads them from the traceback's code)."""
    consts = tuple(
        _renamed(const, filename) if isinstance(const, CodeType) else const
        for const in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=consts)


def compiled_modules(environment: jinja2.Environment) -> dict[str, str]:
    """The text of each file of ``documents/compiled/`` for ``environment`` (the renderer's),
    by file name: what ``tools/compile_templates.py`` writes and a test compares."""
    loader = PackagedLoader()
    files: dict[str, str] = {}
    manifest: dict[str, str] = {}
    for name in sorted(loader.list_templates()):
        source, _, _ = loader.get_source(environment, name)
        code = environment.compile(source, name, raw=True)
        # At the end: a line above the code would shift the lines Jinja maps to the template's.
        files[f"{module_name(name)}.py"] = f"{code}\n# Compiled by Jinja from {_FROM}{name}.\n"
        manifest[name] = digest(source)
    entries = "".join(f"    {name!r}: {sha!r},\n" for name, sha in manifest.items())
    files["__init__.py"] = _MANIFEST.format(
        jinja=jinja2.__version__, options=options(environment), entries=entries
    )
    return files


_FROM = "leaddocs/documents/templates/"
_MANIFEST = '''"""The packaged templates as Jinja compiles them (documents/packaged.py).

Written by `python3 tools/compile_templates.py`; do not edit. A module is used only while its
template's SHA-256, the Jinja version and the environment's options are the ones below.
"""

JINJA = {jinja!r}
OPTIONS = {options!r}
TEMPLATES = {{
{entries}}}
'''
