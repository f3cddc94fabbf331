"""Options several commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from leaddocs.errors import UsageError

F = TypeVar("F", bound=Callable[..., Any])


def paths_option(function: F) -> F:
    return click.option(
        "--path",
        "paths",
        multiple=True,
        metavar="PATH",
        help="Only changes touching PATH (repeatable), for one service of a monorepo.",
    )(function)


def format_option(function: F) -> F:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["md", "json"]),
        default="md",
        show_default=True,
        help="Markdown for people, JSON (docs/json.md) for scripts.",
    )(function)


def output_option(function: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),  # what may be written there is delivery's to say
        help="Write to FILE instead of stdout.",
    )(function)


def unshallow_option(function: F) -> F:
    return click.option(
        "--unshallow",
        is_flag=True,
        help="Fetch the full history first when this is a shallow clone.",
    )(function)


def repo_paths(root: Path, paths: tuple[str, ...], note: Callable[[str], None]) -> list[str]:
    """--path values made relative to the repo root.

    Like git, a path is taken from the current folder when that is inside the repository (a
    lead in services/api types `--path .`), and from the repository root otherwise (`--repo`).
    """
    found = []
    top = root.resolve()
    here = Path.cwd().resolve()
    base = here if here == top or top in here.parents else top
    for given in paths:
        absolute = (base / given).resolve()
        try:
            relative = absolute.relative_to(top)
        except ValueError as exc:
            raise UsageError(f"--path {given}: outside the repository {root}") from exc
        if not absolute.exists():
            note(f"--path {given}: not in the work tree")
        found.append(relative.as_posix() if relative.parts else ".")
    return found


def force_option(function: F) -> F:
    return click.option(
        "--force", is_flag=True, help="Replace an output file even if a human edited it."
    )(function)


def pr_option(function: F) -> F:
    return click.option(
        "--pr",
        is_flag=True,
        help="Deliver as a pull request from leaddocs/<kind> (docs/github-actions.md).",
    )(function)


def model_option(function: F) -> F:
    return click.option(
        "--model",
        metavar="NAME",
        envvar="LEADDOCS_MODEL",
        help="Model to draft with (default: $LEADDOCS_MODEL, else llm.model).",
    )(function)
