"""Jinja2 rendering: packaged templates, each overridable by a file of the same name in the repo."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from leaddocs.documents.items import item_line
from leaddocs.documents.markdown import md_text
from leaddocs.documents.model import ItemView


class Renderer:
    def __init__(self, override_dir: Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if override_dir is not None and override_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(override_dir)))
        loaders.append(jinja2.PackageLoader("leaddocs.documents", "templates"))
        self._env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=False,  # Markdown, not HTML: text is escaped by md_text where it matters
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # templates do not change during a run; checking costs a stat each
        )
        self._env.filters["md"] = md_text
        line = self._item_formatter(override_dir)
        # One call per section, not per entry: a call from a template costs a few microseconds.
        self._env.globals["entries"] = lambda items: "\n".join(map(line, items))

    def _item_formatter(self, override_dir: Path | None) -> Callable[[ItemView], str]:
        if override_dir is None or not (override_dir / "item.md.j2").is_file():
            return item_line
        macro = self._env.get_template("item.md.j2").module.item_line  # type: ignore[attr-defined]
        return lambda item: str(macro(item)).rstrip("\n")

    def render(self, template: str, **context: Any) -> str:
        text = self._env.get_template(template).render(**context)
        # Templates stay readable with blank lines; the output never has more than one in a row.
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
