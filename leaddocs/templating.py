"""Jinja templates rendered as untrusted input: sandboxed, bounded, and failing as one clear line.

A template in a repository is as untrusted as a commit message: anyone opening a pull request
can change it, and the CI job that renders it holds tokens. So every template, packaged or the
repository's own, renders here:

- in Jinja's ``ImmutableSandboxedEnvironment``: no attribute starting with ``_``, no Python
  internals, no mutating the objects it is given, ``str.format`` checked like attributes;
- with ``StrictUndefined``: a misspelt name fails instead of printing nothing;
- autoescape off: the output is Markdown, and text is escaped by a filter where it matters;
- with bounds: at most ``MAX_OUTPUT_CHARS`` of output per render, ``range()`` at most
  ``MAX_RANGE_ITEMS`` items per render in all, ``*`` and ``**`` refused past a size, includes
  at most ``MAX_INCLUDE_DEPTH`` deep, and no ``lipsum()``.

Every failure becomes a ``TemplateError`` (exit code 10) naming ``path:line``: a syntax error,
an undefined name or attribute, a sandbox violation, any exception the template raised (the
line comes from the traceback, whose template frames Jinja rewrites to carry the template's
file and line), a missing or too deeply nested include, a file that is not UTF-8, an output
past the limit.

This module is a base: it imports only the standard library, jinja2 and ``leaddocs.errors``.

Two ways in:

- a folder of templates: ``environment = sandboxed_environment(folder_loader(path))`` (or any
  loader, e.g. a ``ChoiceLoader`` of the repository's folder and a ``PackageLoader``), register
  filters and globals on it, then ``render(environment, "name.md.j2", context)``;
- one template's text: ``render_source(source, origin, context)``, where ``origin`` is the path
  named in errors (``read_template(path)`` reads a file's text, failing on non-UTF-8 bytes).
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Callable, Generator, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, cast

import jinja2
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment, SecurityError

from leaddocs.errors import TemplateError
from leaddocs.paths import escape_from
from leaddocs.textfile import not_utf8

MAX_OUTPUT_CHARS = 16 * 1024 * 1024
"""Characters one render may produce. A release's notes are far smaller (GitHub caps a release
body at 125,000 characters; a 100,000-change release renders to ~6 MB); the bound is there so a
runaway loop stops long before it can fill memory or the disk."""

MAX_RANGE_ITEMS = 10 * MAX_RANGE
"""Items all ``range()`` calls of one render may produce together. The sandbox bounds each call
to ``MAX_RANGE`` (100,000); without a total, two nested loops would run 10**10 times."""

MAX_INCLUDE_DEPTH = 32
"""Templates including (importing, extending) one another this deep are taken as a recursion."""

MAX_NUMBER_BITS = 64 * 1024
"""``*`` and ``**`` on integers refuse a result larger than this many bits."""

_MAX_VERDICTS = 4096  # (type, attribute) verdicts kept; `attr(name)` could invent any number

_range_budget: ContextVar[list[int] | None] = ContextVar("leaddocs_range_budget", default=None)


def check_template_file(path: Path, boundary: Path | None) -> None:
    """A template is a regular file, and one inside ``boundary`` (the repository) stays there:
    a committed symlink to ``/proc/self/environ`` or ``~/.ssh/id_rsa`` would otherwise be
    "rendered" into a document the CI job pushes."""
    outside = escape_from(path, boundary) if boundary is not None else None
    if outside is not None:
        raise TemplateError(f"{path}: a symlink to {outside}, outside the repository: refused")
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        raise TemplateError(f"{path}: not a regular file")


def read_template(path: Path, boundary: Path | None = None) -> str:
    """The text of the template file at ``path``; a ``TemplateError`` naming the line of the
    first byte that is not UTF-8, or the reason the file cannot be read or is refused."""
    check_template_file(path, boundary)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template: {exc.strerror}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = not_utf8(data, exc)
        raise TemplateError(f"{path}:{bad.line}: the template is not UTF-8 text ({bad})") from exc


class _FolderLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader whose non-UTF-8 file is a TemplateError naming its path and line,
    and which refuses a template that is not a regular file or leads out of ``boundary``."""

    def __init__(self, folder: Path, boundary: Path | None) -> None:
        super().__init__(str(folder))
        self._boundary = boundary

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(posixpath.join(folder, *pieces))
            if candidate.exists() or candidate.is_symlink():
                check_template_file(candidate, self._boundary)
                break
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError:
            # The same lookup FileSystemLoader made, to name the file it could not decode.
            pieces = jinja2.loaders.split_template_path(template)
            for folder in self.searchpath:
                path = Path(posixpath.join(folder, *pieces))
                if path.is_file():
                    read_template(path)  # raises the TemplateError naming the line
            raise


def folder_loader(folder: Path, boundary: Path | None = None) -> jinja2.BaseLoader:
    """A loader for the templates in ``folder`` that reports a non-UTF-8 file by path:line;
    a template inside ``boundary`` (the repository) may not lead out of it by a symlink."""
    return _FolderLoader(folder, boundary)


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SecurityError(f"range() of {len(numbers):,} items: at most {MAX_RANGE:,} per call")
    budget = _range_budget.get()
    if budget is not None:
        budget[0] -= len(numbers)
        if budget[0] < 0:
            raise SecurityError(
                f"range() calls produce more than {MAX_RANGE_ITEMS:,} items in one render"
            )
    return numbers


def _sized(value: Any) -> int | None:
    if isinstance(value, str | bytes | list | tuple):
        return len(value)
    return None


def _bounded_multiply(left: Any, right: Any) -> Any:
    for sequence, count in ((left, right), (right, left)):
        size = _sized(sequence)
        if size is not None and isinstance(count, int) and size * count > MAX_OUTPUT_CHARS:
            raise SecurityError(f"{size:,} items repeated {count:,} times: too large")
    both_int = isinstance(left, int) and isinstance(right, int)
    if both_int and left.bit_length() + right.bit_length() > MAX_NUMBER_BITS:
        raise SecurityError(f"a product too large (over {MAX_NUMBER_BITS:,} bits)")
    return left * right


def _bounded_power(base: Any, exponent: Any) -> Any:
    both_int = isinstance(base, int) and isinstance(exponent, int)
    if both_int and exponent > 0 and max(base.bit_length() - 1, 1) * exponent > MAX_NUMBER_BITS:
        raise SecurityError(f"a power too large (over {MAX_NUMBER_BITS:,} bits)")
    return base**exponent


def _template_nesting() -> int:
    """How many templates are rendering on the current stack (each runs as a ``root`` frame)."""
    count = 0
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "root" and "__jinja_template__" in frame.f_globals:
            count += 1
        frame = frame.f_back
    return count


class _Sandbox(ImmutableSandboxedEnvironment):
    # Intercepted so that `9 ** 9 ** 9` or `'x' * 10**10` is refused instead of computed; the
    # sandbox also stops folding them at compile time, which would hang before rendering.
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self.binop_table["*"] = _bounded_multiply
        self.binop_table["**"] = _bounded_power
        self.globals["range"] = _bounded_range
        del self.globals["lipsum"]  # lipsum(n=10**8) builds gigabytes; no document needs it

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Jinja's verdict is a function of the object's type and the attribute's name alone
        # (isinstance and name tests; the value is not looked at), and computing it was most of
        # the sandbox's cost: entries rendered through an item.md.j2 macro took 3.3x as long
        # as unsandboxed, 1.5x with each (type, name) judged once. An object whose __class__
        # is not its type could answer isinstance differently: its verdict is not cached.
        kind = type(obj)
        verdict = self._verdicts.get((kind, attr))
        if verdict is None:
            verdict = super().is_safe_attribute(obj, attr, value)
            if obj.__class__ is kind and len(self._verdicts) < _MAX_VERDICTS:
                self._verdicts[kind, attr] = verdict
        return verdict

    def get_template(
        self,
        name: str | jinja2.Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        _check_nesting(name)
        return super().get_template(name, parent, globals)

    def select_template(
        self,
        names: Any,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        _check_nesting(names)
        return super().select_template(names, parent, globals)


def _check_nesting(name: object) -> None:
    # An include is a nested call, not a loop: `{% include 'self.j2' %}` would recurse until
    # Python's RecursionError. Counting the templates on the stack stops it at a fixed depth.
    if _template_nesting() >= MAX_INCLUDE_DEPTH:
        raise SecurityError(
            f"templates nested more than {MAX_INCLUDE_DEPTH} deep including {name!r} "
            "(a template including itself?)"
        )


def sandboxed_environment(
    loader: jinja2.BaseLoader | None = None,
    *,
    trim_blocks: bool = True,
    lstrip_blocks: bool = True,
) -> jinja2.Environment:
    """A sandboxed Jinja environment for Markdown templates found by ``loader``.

    StrictUndefined, no autoescaping (escape text with a filter), trailing newline kept, no
    reload checks (templates do not change during a run). Register filters and globals on the
    result; every callable you add is callable by any template, so add only pure functions.
    Render with :func:`render` or :func:`render_source`, which turn failures into
    ``TemplateError``.
    """
    return _Sandbox(
        loader=loader,
        autoescape=False,  # Markdown, not HTML
        keep_trailing_newline=True,
        trim_blocks=trim_blocks,
        lstrip_blocks=lstrip_blocks,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # checking costs a stat per template per render
    )


def render(environment: jinja2.Environment, template_name: str, context: Mapping[str, Any]) -> str:
    """Render the template ``template_name`` of ``environment`` with ``context``.

    Raises ``TemplateError`` naming the template's path and line for any failure, including an
    output beyond ``MAX_OUTPUT_CHARS``.
    """
    with template_errors(template_name):
        return _bounded_render(environment.get_template(template_name), context)


def render_source(
    source: str,
    origin: Path | str,
    context: Mapping[str, Any],
    *,
    environment: jinja2.Environment | None = None,
) -> str:
    """Render the template text ``source``, named ``origin`` in errors, with ``context``.

    ``environment`` (from :func:`sandboxed_environment`) carries any filters the template may
    use and resolves its includes; by default a bare one, which resolves none.
    """
    env = environment if environment is not None else sandboxed_environment()
    with template_errors(str(origin)):
        code = env.compile(source, name=Path(origin).name, filename=str(origin))
        template = env.template_class.from_code(env, code, env.make_globals(None))
        return _bounded_render(template, context)


def load_macro(
    environment: jinja2.Environment, template_name: str, macro: str
) -> Callable[..., str]:
    """The macro ``macro`` defined by the template ``template_name``, as a function returning
    its text; a ``TemplateError`` if the template fails to load or defines no such macro. Call
    it within :func:`render` (e.g. from a global) so that its errors are reported too."""
    with template_errors(template_name):
        template = environment.get_template(template_name)
        module = template.module
    found = getattr(module, macro, None)
    if not callable(found):
        raise TemplateError(f"{template.filename}:1: the template defines no macro '{macro}'")
    return found


def _bounded_render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    token = _range_budget.set([MAX_RANGE_ITEMS])
    chunks = cast(Generator[str, None, None], template.generate(context))
    try:
        out: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                where = _suspended_at(chunks) or f"{template.filename}:1"
                raise TemplateError(
                    f"{where}: the output grows beyond {MAX_OUTPUT_CHARS // (1024 * 1024)} MiB, "
                    "the most one template may write"
                )
            out.append(chunk)
        return "".join(out)
    finally:
        chunks.close()
        _range_budget.reset(token)


def _suspended_at(chunks: Generator[str, None, None]) -> str | None:
    """``path:line`` where a suspended render stands: the innermost template generator."""
    where = None
    generator: Any = chunks
    while generator is not None:
        frame = getattr(generator, "gi_frame", None)
        template = frame.f_globals.get("__jinja_template__") if frame is not None else None
        if frame is not None and template is not None:
            line = template.get_corresponding_lineno(frame.f_lineno)
            where = f"{template.filename}:{line}"
        generator = getattr(generator, "gi_yieldfrom", None)
    return where


@contextmanager
def template_errors(fallback: str) -> Iterator[None]:
    """Turn any exception raised while loading or rendering a template into a TemplateError
    naming the template file and line; ``fallback`` names the template when nothing else does.
    KeyboardInterrupt and the like pass through."""
    try:
        yield
    except TemplateError:
        raise
    except Exception as exc:
        raise _as_template_error(exc, fallback) from exc


def _as_template_error(exc: Exception, fallback: str) -> TemplateError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.filename or fallback}:{exc.lineno}"
        return TemplateError(f"{where}: syntax error: {_one_line(exc.message or str(exc))}")
    where = _innermost_template_line(exc.__traceback__) or f"{fallback}:1"
    if isinstance(exc, jinja2.TemplateNotFound):
        what = f"template {exc.name!r} not found"
    elif isinstance(exc, jinja2.UndefinedError):
        what = f"undefined: {_one_line(str(exc))}"
    elif isinstance(exc, SecurityError):
        what = f"not allowed in a template: {_one_line(str(exc))}"
    elif isinstance(exc, RecursionError):
        what = "recursion too deep (a macro calling itself without end?)"
    else:
        what = f"{type(exc).__name__}: {_one_line(str(exc))}"
    return TemplateError(f"{where}: {what}")


def _innermost_template_line(tb: TracebackType | None) -> str | None:
    """``path:line`` of the innermost template frame of a traceback Jinja has rewritten: its
    template frames run code compiled under the template's filename with the template's line."""
    where = None
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _one_line(text: str) -> str:
    return " ".join(text.split())


__all__ = [
    "MAX_INCLUDE_DEPTH",
    "MAX_OUTPUT_CHARS",
    "MAX_RANGE_ITEMS",
    "folder_loader",
    "load_macro",
    "read_template",
    "render",
    "render_source",
    "sandboxed_environment",
    "template_errors",
]
