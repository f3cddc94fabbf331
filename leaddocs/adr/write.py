"""Writing ADRs: a new MADR 4 file from a template, status changes, links on both sides."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from leaddocs import yamlio
from leaddocs.adr.edit import Link, edited
from leaddocs.adr.log import DecisionLog, load_log
from leaddocs.adr.model import REVERSE, STATUSES, Adr, LinkKind
from leaddocs.adr.textfile import read_source, write_all
from leaddocs.errors import DocumentError, OutputError, UsageError

PLACEHOLDER = "XXXX"
TEMPLATE_NAME = "adr.md.j2"
WRITABLE_STATUSES = tuple(status for status in STATUSES if status != "unknown")
# Which status may follow which; `adr status --force` skips the check.
TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"proposed", "accepted", "rejected"}),
    "proposed": frozenset({"draft", "accepted", "rejected"}),
    "accepted": frozenset({"deprecated", "superseded"}),
    "rejected": frozenset({"proposed"}),
    "deprecated": frozenset({"accepted"}),
    "superseded": frozenset(),
    "unknown": frozenset(WRITABLE_STATUSES),
}


def slugify(title: str) -> str:
    """``Use Postgres (v2) for events!`` -> ``use-postgres-v2-for-events``; ``Café`` ->
    ``cafe``; letters of other scripts are kept (``日本語``), never dropped into an empty name."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", title):
        # Accents come off Latin letters only: a kana's voicing mark is part of the letter.
        if not (unicodedata.combining(char) and kept and kept[-1].isascii()):
            kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept)).lower()
    return re.sub(r"[\W_]+", "-", text).strip("-")[:80].rstrip("-")


def create_adr(
    adr_dir: Path,
    title: str,
    *,
    status: str = "proposed",
    supersedes: Sequence[str] = (),
    amends: Sequence[str] = (),
    tags: Sequence[str] = (),
    decision_makers: Sequence[str] = (),
    draft: bool = False,
    body: str | None = None,
    today: datetime.date | None = None,
    root: Path | None = None,
    templates_dir: Path | None = None,
) -> Path:
    """Write a new MADR 4 ADR ``NNNN-slug.md`` (``XXXX-slug.md`` with ``draft``) and return
    its path. Superseded ADRs are marked superseded and linked back; amended ones linked back.

    ``body`` (Markdown after the front matter) replaces the template's body; a ``# Title``
    heading is added when it does not start with one. Nothing is written unless everything
    named exists and the new file can be created.
    """
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise UsageError(f"the title '{title}' has no letters or digits to name a file with")
    if status not in WRITABLE_STATUSES:
        raise UsageError(f"unknown status '{status}' (use one of {', '.join(WRITABLE_STATUSES)})")
    root = root or adr_dir.parent
    if adr_dir.exists() and not adr_dir.is_dir():
        raise OutputError(f"cannot write into {adr_dir}: it is not a folder")
    log = load_log(root, adr_dir) if adr_dir.is_dir() else DecisionLog(root, adr_dir, [])
    superseded = _unique(log.get(ref) for ref in supersedes)
    amended = _unique(log.get(ref) for ref in amends)
    name = f"{PLACEHOLDER if draft else f'{log.next_number():04d}'}-{slug}.md"
    path = adr_dir / name
    if path.exists():
        raise OutputError(f"{log.rel(path)} already exists")
    date = today or datetime.date.today()
    front = _front_matter(status, date, superseded, amended, tags, decision_makers)
    text = _render(
        adr_dir, templates_dir, title=title, front_matter=front, body=body, number=name[:4]
    )
    try:
        adr_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the ADR folder {adr_dir}: {exc.strerror}") from exc
    stub = _stub(path, log)
    # One edit per old record: an ADR both superseded and amended gets both links at once.
    back_links: dict[str, tuple[Adr, list[Link]]] = {}
    by_kind: tuple[tuple[LinkKind, list[Adr]], ...] = (
        ("superseded-by", superseded),
        ("amended-by", amended),
    )
    for kind, olds in by_kind:
        for old in olds:
            back_links.setdefault(old.id, (old, []))[1].append((kind, stub))
    writes = [(path, text)]
    for old, old_links in back_links.values():
        new_status = "superseded" if old in superseded else None
        writes.append((old.path, _edited_file(old, status=new_status, links=old_links)))
    write_all(writes, log.rel)
    return path


def _unique(adrs: Iterable[Adr]) -> list[Adr]:
    """Each ADR once, in the order named: ``--supersedes 1 --supersedes 0001`` is one link."""
    return list({adr.id: adr for adr in adrs}.values())


def _edited_file(adr: Adr, *, status: str | None, links: Sequence[Link] = ()) -> str:
    """The whole new text of ``adr``'s file, in its own line endings and byte-order mark."""
    source = read_source(adr.path)
    return source.restore(edited(adr, source.text, status=status, links=links))


def _stub(path: Path, log: DecisionLog) -> Adr:
    """An Adr standing for a file about to be written, so links to it can be made first."""
    from leaddocs.adr.parse import identity

    adr_id, number, slug = identity(path.stem)
    return Adr(path, log.rel(path), adr_id, number, slug, "proposed", "", None, "madr4")


def _front_matter(
    status: str,
    date: datetime.date,
    superseded: list[Adr],
    amended: list[Adr],
    tags: Sequence[str],
    decision_makers: Sequence[str],
) -> str:
    data: dict[str, Any] = {
        "status": status,
        "date": date,
        "decision-makers": yamlio.flow_list(list(decision_makers)),
        "consulted": yamlio.flow_list([]),
        "informed": yamlio.flow_list([]),
    }
    if superseded:
        data["supersedes"] = yamlio.flow_list([adr.id for adr in superseded])
    if amended:
        data["amends"] = yamlio.flow_list([adr.id for adr in amended])
    data["tags"] = yamlio.flow_list(list(tags))
    return yamlio.dump(data)


def _render(
    adr_dir: Path,
    templates_dir: Path | None,
    *,
    title: str,
    front_matter: str,
    body: str | None,
    number: str,
) -> str:
    if body is not None:
        text = body.lstrip("\n")
        if not text.startswith("# "):
            text = f"# {title}\n\n{text}"
        return f"---\n{front_matter}---\n\n{text.rstrip()}\n"
    plain_template = adr_dir / "template.md"
    override = templates_dir / TEMPLATE_NAME if templates_dir is not None else None
    if override is not None and override.is_file():
        source = override.read_text(encoding="utf-8")
    elif plain_template.is_file():
        # A MADR/adr-tools template.md in the folder: its sections, our front matter and title.
        return _from_plain_template(read_source(plain_template).text, title, front_matter)
    else:
        source = (Path(__file__).parent / "templates" / TEMPLATE_NAME).read_text(encoding="utf-8")
    try:
        template = jinja2.Environment(
            keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False
        ).from_string(source)
        if "front_matter" not in source:
            # Without it the record has no status or date, and nothing else would notice.
            raise DocumentError(f"{override}: the template never uses {{{{ front_matter }}}}")
        return template.render(title=title, front_matter=front_matter, number=number)
    except jinja2.TemplateError as exc:
        raise DocumentError(f"{override}: template error: {exc}") from exc


def _from_plain_template(template: str, title: str, front_matter: str) -> str:
    from leaddocs.adr.frontmatter import split

    body = split(template).body
    body = re.sub(r"^# .*$", lambda _: f"# {title}", body, count=1, flags=re.M)
    if not re.search(r"^# ", body, re.M):
        body = f"# {title}\n\n{body}"
    return f"---\n{front_matter}---\n\n{body.lstrip()}"


def set_status(log: DecisionLog, reference: str, status: str, *, force: bool = False) -> Adr:
    """Change an ADR's status in its file, checking the transition unless ``force``."""
    adr = log.get(reference)
    if status not in WRITABLE_STATUSES:
        raise UsageError(f"unknown status '{status}' (use one of {', '.join(WRITABLE_STATUSES)})")
    if not force:
        if status == adr.status:
            raise UsageError(f"{adr.rel} is already {status}")
        if status not in TRANSITIONS[adr.status]:
            allowed = ", ".join(sorted(TRANSITIONS[adr.status])) or "none"
            raise UsageError(
                f"{adr.rel}: cannot go from {adr.status} to {status} (allowed: {allowed}; "
                "--force overrides)"
            )
        if status == "superseded" and not adr.links["superseded-by"]:
            raise UsageError(
                f"{adr.rel}: say what supersedes it: leaddocs adr link NEW --supersedes {adr.id}"
            )
    write_all([(adr.path, _edited_file(adr, status=status))], log.rel)
    return adr


def link(log: DecisionLog, source_ref: str, kind: LinkKind, target_ref: str) -> tuple[Adr, Adr]:
    """Record ``source kind target`` in both files; superseding also marks the target."""
    source, target = log.get(source_ref), log.get(target_ref)
    if source is target:
        raise UsageError(f"{source.rel} cannot {kind.removesuffix('s')} itself")
    new_status = "superseded" if kind == "supersedes" else None
    write_all(
        [
            (source.path, _edited_file(source, status=None, links=[(kind, target)])),
            (target.path, _edited_file(target, status=new_status, links=[(REVERSE[kind], source)])),
        ],
        log.rel,
    )
    return source, target
