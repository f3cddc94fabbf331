"""Options several commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

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
        type=click.Path(path_type=Path, dir_okay=False),
        help="Write to FILE instead of stdout.",
    )(function)


def unshallow_option(function: F) -> F:
    return click.option(
        "--unshallow",
        is_flag=True,
        help="Fetch the full history first when this is a shallow clone.",
    )(function)
