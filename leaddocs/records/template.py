"""A new record's text from its template: the repository's own (``<templates_dir>/<name>``)
when there is one, else the packaged one, rendered in the sandbox with drafted sections put in
place by ``{% filter fill("Section") %}`` (the mechanism ADRs use, ``adr/template.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from leaddocs import templating
from leaddocs.adr.template import RecordText, render_filled

PACKAGED = Path(__file__).parent / "templates"
# A model draft's provenance (the source, numbered) and the sections it named otherwise.
SOURCE_SECTION = "Source material"


@dataclass(frozen=True, slots=True)
class Filling:
    """What a new record is made with, whatever its kind."""

    today: dt.date  # its date (an RFC's date, a runbook's last-verified)
    sections: Mapping[str, str]  # drafted from source material: section title -> Markdown
    templates_dir: Path  # the repository's templates folder, for its own template
    boundary: Path  # the repository: a template may not lead out of it


def render_new(name: str, context: Mapping[str, object], filling: Filling) -> RecordText:
    """The record ``name`` (``rfc.md.j2``) renders to, with what the template did not place
    added at the end (and a note saying so). ``drafted`` tells the template whether there is
    a ``Source material`` section to place."""
    sections = filling.sections
    context = {**context, "date": filling.today.isoformat(), "drafted": SOURCE_SECTION in sections}
    override = filling.templates_dir / name
    origin = override if override.is_file() or override.is_symlink() else PACKAGED / name
    source = templating.read_template(origin, filling.boundary)
    return render_filled(source, origin, context, sections)
