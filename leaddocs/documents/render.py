"""Jinja2 rendering: packaged templates, each overridable by a file of the same name in the repo."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_HTML_SPECIALS = str.maketrans({"<": "&lt;", ">": "&gt;"})


def md_text(text: str) -> str:
    """Commit text made safe for Markdown: raw HTML neutralised, code spans left alone."""
    out: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(text[last : match.start()].translate(_HTML_SPECIALS))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(_HTML_SPECIALS))
    return "".join(out)


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
        )
        self._env.filters["md"] = md_text

    def render(self, template: str, **context: Any) -> str:
        text = self._env.get_template(template).render(**context)
        # Templates stay readable with blank lines; the output never has more than one in a row.
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
