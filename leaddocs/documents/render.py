"""Jinja2 rendering: packaged templates, each overridable by a file of the same name in the repo."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from leaddocs import templating
from leaddocs.documents.items import item_line
from leaddocs.documents.model import ItemView
from leaddocs.documents.packaged import PackagedLoader
from leaddocs.markup import html_text, md_text


class Renderer:
    """Renders the packaged templates, each overridable by the repository's file of the same
    name; all of them in the sandbox (leaddocs.templating): the repository's are untrusted, and
    one path for both keeps ours honest about what a template may do."""

    def __init__(self, override_dir: Path | None = None, boundary: Path | None = None) -> None:
        """``boundary``: the repository; a template in it may not lead out of it."""
        loaders: list[jinja2.BaseLoader] = []
        if override_dir is not None and override_dir.is_dir():
            loaders.append(templating.folder_loader(override_dir, boundary))
        loaders.append(PackagedLoader())  # compiled when leaddocs was built (packaged.py)
        self._env = templating.sandboxed_environment(jinja2.ChoiceLoader(loaders))
        self._env.filters["md"] = md_text
        self._env.filters["html"] = html_text  # inside raw HTML, where Markdown is not read
        self._env.filters["comment_safe"] = comment_safe
        line = self._item_formatter(override_dir)
        # One call per section, not per entry: a call from a template costs a few microseconds.
        self._env.globals["entries"] = lambda items: "\n".join(map(line, items))

    def _item_formatter(self, override_dir: Path | None) -> Callable[[ItemView], str]:
        if override_dir is None or not (override_dir / "item.md.j2").is_file():
            return item_line
        macro = templating.load_macro(self._env, "item.md.j2", "item_line")
        return lambda item: str(macro(item)).rstrip("\n")

    @property
    def environment(self) -> jinja2.Environment:
        return self._env

    def render(self, template: str, **context: Any) -> str:
        text = templating.render(self._env, template, context)
        # Templates stay readable with blank lines; the output never has more than one in a row.
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def comment_safe(text: object) -> str:
    """A name (a model, an audience) fit to stand inside an HTML comment: only the characters
    such names use, and never ``--`` (which would end the comment on some readers)."""
    kept = re.sub(r"[^A-Za-z0-9._:/@+-]", "", str(text))
    return re.sub(r"-{2,}", "-", kept)
