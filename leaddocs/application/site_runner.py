"""``leaddocs site build`` and ``site serve``: MkDocs' own build and development server, run on
the repository's mkdocs.yml, with their failures said in leaddocs' one line and exit code.

MkDocs is imported only here and only when called: no other command pays for it. The site's
pages come from the MkDocs plugin (leaddocs/site/); nothing here renders a page.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from leaddocs.application.project import Project
from leaddocs.errors import SiteError

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
INSTALL_HINT = "pip install 'mkdocs>=1.6,<2' 'mkdocs-material>=9.7,<10'"


def site_config(project: Project) -> Path:
    """The repository's MkDocs configuration, at its root."""
    for name in CONFIG_NAMES:
        path = project.root / name
        if path.is_file():
            return path
    raise SiteError(f"no mkdocs.yml in {project.root}: run `leaddocs init` to make one")


def build_site(project: Project, *, strict: bool = False, out: Path | None = None) -> Path:
    """Build the site as ``mkdocs build`` does; return the folder it went to. ``out`` (taken
    from the current folder) replaces mkdocs.yml's ``site_dir``."""
    config_file = site_config(project)
    options: dict[str, Any] = {"strict": strict}
    if out is not None:
        options["site_dir"] = str(out.resolve())
    with _failures(project.rel(config_file)):
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(config_file=str(config_file), **options)
        # As `mkdocs build` starts: a plugin kept from an earlier serve in this process (the
        # leaddocs plugin's memo) starts again, reading everything.
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    return Path(config.site_dir)


def serve_site(project: Project, *, dev_addr: str | None = None, dirty: bool = False) -> None:
    """Serve the site as ``mkdocs serve`` does, rebuilding on every edit, until interrupted.
    ``dirty``: as ``mkdocs serve --dirty``, a rebuild renders only the pages that changed."""
    config_file = site_config(project)
    options: dict[str, Any] = {} if dev_addr is None else {"dev_addr": dev_addr}
    if dirty:
        options["build_type"] = "dirty"
    with _failures(project.rel(config_file)):
        from mkdocs.commands.serve import serve

        serve(config_file=str(config_file), livereload=True, **options)


@contextmanager
def _failures(shown: str) -> Iterator[None]:
    """MkDocs' failures as a SiteError naming the configuration and the first problem MkDocs
    logged (its exception only says how many there were)."""
    problems = _Problems()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(problems)
    try:
        try:
            from mkdocs.exceptions import MkDocsException
        except ImportError as exc:
            raise SiteError(f"MkDocs is not installed: {INSTALL_HINT}") from exc
        try:
            yield
        except MkDocsException as exc:
            raise SiteError(f"{shown}: {_said(exc.format_message(), problems)}") from exc
        except OSError as exc:  # the port is taken, site_dir cannot be written
            where = f" {exc.filename}" if exc.filename else ""
            raise SiteError(f"{shown}:{where} {exc.strerror or exc}") from exc
    finally:
        logger.removeHandler(problems)


def _said(message: str, problems: _Problems) -> str:
    first = problems.first()
    message = " ".join(message.split()) or "the build failed"
    if first is None or first in message:
        return message
    return f"{message.rstrip('.!')}: {first}"


class _Problems(logging.Handler):
    """The warnings and errors MkDocs and its plugins log during one run."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def first(self) -> str | None:
        """The first error, else the first warning, on one line."""
        for level in (logging.ERROR, logging.WARNING):
            for record in self.records:
                if record.levelno >= level:
                    return " ".join(record.getMessage().split())
        return None
