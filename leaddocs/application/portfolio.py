"""``status --portfolio``: one page for several repositories, from their histories (local
paths) or from the status JSON a CI matrix wrote for each. An entry that cannot be read is
named on the page and the others are still reported."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from leaddocs.application.project import Project
from leaddocs.application.requests import StatusRequest
from leaddocs.application.status import KIND, pages_folder, period_of, status_summary
from leaddocs.document import Document
from leaddocs.documents import status as render
from leaddocs.errors import LeaddocsError, UsageError
from leaddocs.status.summary import StatusSummary

_JSON_MAX = 16 << 20


def portfolio_document(
    project: Project, request: StatusRequest, entries: Sequence[str] = ()
) -> Document:
    """The portfolio page for ``entries`` (from the current folder), else ``status.portfolio``
    (from the repository root)."""
    given = [Path(entry) for entry in entries] or [
        project.root / entry for entry in project.config.status.portfolio
    ]
    if not given:
        raise UsageError(
            "--portfolio needs repositories: name paths or status JSON files, or list them "
            "under status.portfolio in leaddocs.yml"
        )
    period = period_of(project, request)  # a bad period is refused before any entry is read
    # The lead's --notes are about one repository: each other one reads its own status.notes.
    # One period for every entry: a path reads the run's period, never its own cadence.
    each = replace(
        request,
        since=period.since.isoformat(),
        until=period.until.isoformat(),
        notes=None,
        drafting=replace(request.drafting, llm=False),
    )
    pages: list[StatusSummary] = []
    missing: list[str] = []
    for path in given:
        shown = project.rel(path)
        try:
            page = _entry(path, each)
        except LeaddocsError as exc:
            missing.append(f"{shown}: {exc}")
            continue
        if (page.since, page.until) != (each.since, each.until):
            missing.append(
                f"{shown}: covers {page.since} to {page.until}, not this page's "
                f"{period.label()}: write it for the same period (--since {each.since} "
                f"--until {each.until})"
            )
            continue
        pages.append(page)
    if request.format == "json":
        body = json.dumps(
            {"pages": [page.model_dump(mode="json") for page in pages], "missing": missing},
            indent=2,
            ensure_ascii=False,
        )
        return Document(
            KIND, Path(f"portfolio-{period.until}.json"), body + "\n", "json", notes=tuple(missing)
        )
    body = render.portfolio(project.renderer(), pages, missing)
    return Document(KIND, Path(f"portfolio-{period.until}.md"), body, notes=tuple(missing))


def _entry(path: Path, request: StatusRequest) -> StatusSummary:
    if path.suffix == ".json" and path.is_file():
        return read_summary(path)
    if not path.exists():
        raise UsageError("no such repository or file")
    other = Project.open(path)
    if other.root.resolve() != path.resolve():
        raise UsageError(f"not the top of a git repository (that is {other.root})")
    return status_summary(other, request, pages_folder(other))[0]


def read_summary(path: Path) -> StatusSummary:
    """A page written by ``leaddocs status --format json``."""
    try:
        with path.open("rb") as stream:
            data = stream.read(_JSON_MAX + 1)
        if len(data) > _JSON_MAX:
            raise UsageError(f"larger than {_JSON_MAX >> 20} MiB: not a status JSON file")
        return StatusSummary.model_validate_json(data)
    except OSError as exc:
        raise UsageError(f"cannot be read: {exc.strerror}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise UsageError(
            f"not a status JSON file from leaddocs status --format json ({where}: {first['msg']})"
        ) from exc
