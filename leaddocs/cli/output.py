"""Where a command's document goes: stdout, or a file written whole."""

from __future__ import annotations

from pathlib import Path

import click

from leaddocs.cli.app import note
from leaddocs.documents.writer import write_atomic, write_generated


def emit(text: str, output: Path | None, *, force: bool = False, generated: bool = True) -> None:
    """The document to stdout, or to ``output`` (Markdown keeps a human's edit unless forced)."""
    if output is None:
        click.echo(text, nl=False)
        return
    if generated:
        write_generated(output, text, force=force)
    else:
        write_atomic(output, text)
    note(f"wrote {output}")
