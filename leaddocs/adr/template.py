"""The one MADR template, for records written by hand and records drafted from source alike.

Where the text comes from, first found wins: the repository's ``adr.md.j2`` in its templates
folder, the ADR folder's own ``template.md`` (MADR and adr-tools ship one), the packaged
``templates/adr.md.j2``. A drafted record passes its sections by MADR title; a Jinja template
places each with ``{% filter fill("Title") %}placeholder{% endfilter %}``, a plain template
gets them under its matching headings, and a section no template placed is added at the end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from leaddocs import templating
from leaddocs.adr.frontmatter import split
from leaddocs.errors import TemplateError

TEMPLATE_NAME = "adr.md.j2"
PACKAGED = Path(__file__).parent / "templates" / TEMPLATE_NAME
PLAIN_TEMPLATE = "template.md"
_HEADING = re.compile(r"^(#{2,3}) +(.+?) *$", re.M)


@dataclass(frozen=True, slots=True)
class RecordText:
    text: str
    notes: tuple[str, ...] = ()


def render_record(
    *,
    title: str,
    front_matter: str,
    number: str,
    sections: Mapping[str, str],
    adr_dir: Path,
    templates_dir: Path,
    boundary: Path | None = None,
) -> RecordText:
    """The whole new record: front matter, ``# title``, and the template's sections."""
    override = templates_dir / TEMPLATE_NAME
    plain = adr_dir / PLAIN_TEMPLATE
    if override.is_file():
        origin = override
    elif plain.is_file():
        body = split(templating.read_template(plain, boundary)).body
        return _from_plain_template(body, title, front_matter, sections)
    else:
        origin = PACKAGED
    source = templating.read_template(origin, boundary)
    context = {"title": title, "front_matter": front_matter, "number": number}
    return render_filled(source, origin, context, sections)


def render_filled(
    source: str, origin: Path, context: Mapping[str, object], sections: Mapping[str, str]
) -> RecordText:
    """A record template's text rendered in the sandbox, each drafted section in place of the
    placeholder ``{% filter fill("Title") %}`` wraps (or added at the end when none does). Any
    record written from a template goes through here: an ADR, an RFC, a runbook."""
    if "front_matter" not in source:
        # Without it the record has no status or date, and nothing else would notice.
        raise TemplateError(f"{origin}: the template never uses {{{{ front_matter }}}}")
    placed: set[str] = set()

    def fill(placeholder: str, section: str) -> str:
        """The drafted section in place of the template's placeholder, spacing kept."""
        placed.add(section)
        if section not in sections:
            return placeholder
        text = placeholder.strip()
        start = placeholder.index(text) if text else len(placeholder)
        lead, trail = placeholder[:start], placeholder[start + len(text) :]
        return f"{lead}{sections[section].strip()}{trail}"

    environment = templating.sandboxed_environment()
    environment.filters["fill"] = fill
    text = templating.render_source(source, origin, context, environment=environment)
    return _with_leftovers(text, sections, placed, origin.name)


def _from_plain_template(
    body: str, title: str, front_matter: str, sections: Mapping[str, str]
) -> RecordText:
    """A MADR/adr-tools ``template.md``: its sections, our front matter and title, and the
    drafted text under the headings it names."""
    body = re.sub(r"^# .*$", lambda _: f"# {title}", body, count=1, flags=re.M)
    if not re.search(r"^# ", body, re.M):
        body = f"# {title}\n\n{body.lstrip()}"
    placed: set[str] = set()
    pieces = _HEADING.split(body)
    # split() gives [before, hashes, title, content, hashes, title, content, ...]
    out = [pieces[0]]
    for index in range(1, len(pieces), 3):
        hashes, heading, content = pieces[index : index + 3]
        if heading in sections:
            placed.add(heading)
            content = f"\n\n{sections[heading].strip()}\n\n"
        out.append(f"{hashes} {heading}{content}")
    text = f"---\n{front_matter}---\n\n{''.join(out).lstrip()}"
    return _with_leftovers(text, sections, placed, PLAIN_TEMPLATE)


def _with_leftovers(
    text: str, sections: Mapping[str, str], placed: set[str], template: str
) -> RecordText:
    missing = [title for title in sections if title not in placed]
    if not missing:
        return RecordText(text)
    extra = "".join(f"\n## {title}\n\n{sections[title].strip()}\n" for title in missing)
    note = f"{template} has no place for {', '.join(missing)}: added at the end of the record"
    return RecordText(text.rstrip("\n") + "\n" + extra, (note,))
