"""``adr lint``: every problem of the decision log as ``path:line: CODE message``.

Codes (docs/adr.md keeps the list): ADR001 unreadable file, ADR002 invalid front matter,
ADR003 unknown or missing status, ADR004 bad date, ADR005 duplicate number, ADR006 link to a
missing ADR, ADR007 one-way link, ADR008 title and file name disagree, ADR009 superseded but
the status says otherwise, ADR010 supersedes/amends links that make a cycle.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from leaddocs.adr import cycles
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import Adr, Finding
from leaddocs.adr.parse import identity
from leaddocs.adr.slug import slugify
from leaddocs.errors import UsageError


def lint(log: DecisionLog, paths: Sequence[Path] = ()) -> list[Finding]:
    """Findings for the whole log, or only for ``paths`` (links are still checked against
    every ADR, so a hook given one file still sees the rest of the log)."""
    findings = [*log.unreadable, *log.link_findings]
    for adr in log.adrs:
        findings.extend(adr.findings)
        findings.extend(_status(adr))
        findings.extend(_title(adr))
    findings.extend(_duplicates(log.adrs))
    findings.extend(cycles.findings(log.adrs))
    if paths:
        wanted = _wanted(log, paths)
        findings = [finding for finding in findings if finding.path.startswith(wanted)]
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.code, f.message))


def record_findings(adr: Adr) -> list[Finding]:
    """What is wrong in one record by itself: its front matter, status and date (what the site
    warns about; links and numbers are the log's)."""
    return [*adr.findings, *_status(adr)]


def _wanted(log: DecisionLog, paths: Sequence[Path]) -> tuple[str, ...]:
    """What ``paths`` select, as prefixes of repository-relative paths: a file itself, a folder
    everything under it. A path that is not there is an error, never a silent pass."""
    root = log.root.resolve()
    wanted = []
    for path in paths:
        # Relative to the working folder first (pre-commit runs at the root), else the root.
        found = path if path.exists() or path.is_absolute() else log.root / path
        if not found.exists():
            raise UsageError(f"{path}: no such file or folder")
        resolved = found.resolve()
        if resolved == root:
            return ("",)
        rel = (
            str(resolved.relative_to(root)).replace("\\", "/")
            if resolved.is_relative_to(root)
            else str(resolved)
        )
        wanted.append(rel + "/" if found.is_dir() else rel)
    return tuple(wanted)


def _status(adr: Adr) -> list[Finding]:
    line = adr.line_of("status")
    found = []
    if adr.status == "unknown" and adr.status_raw:
        found.append(Finding(adr.rel, line, "ADR003", f"unknown status '{adr.status_raw}'"))
    elif adr.status == "unknown":
        found.append(Finding(adr.rel, line, "ADR003", "no status", "warning"))
    if adr.links["superseded-by"] and adr.status not in ("superseded", "deprecated"):
        by = ", ".join(adr.links["superseded-by"])
        found.append(
            Finding(
                adr.rel,
                line,
                "ADR009",
                f"superseded by {by} but the status is {adr.status}",
                "warning",
            )
        )
    return found


def _title(adr: Adr) -> list[Finding]:
    slug = identity(adr.stem)[2]
    if slug == slugify(adr.title):
        return []
    return [
        Finding(
            adr.rel,
            adr.line_of("title"),
            "ADR008",
            f"title '{adr.title}' does not match the file name (expected slug "
            f"'{slugify(adr.title)}')",
            "warning",
        )
    ]


def _duplicates(adrs: list[Adr]) -> list[Finding]:
    by_number: dict[int, list[Adr]] = defaultdict(list)
    for adr in adrs:
        if adr.number is not None:
            by_number[adr.number].append(adr)
    found = []
    for number, group in by_number.items():
        if len(group) < 2:
            continue
        for adr in group:
            others = ", ".join(other.rel for other in group if other is not adr)
            found.append(
                Finding(
                    adr.rel,
                    1,
                    "ADR005",
                    f"number {number:04d} is also used by {others} (leaddocs adr renumber)",
                )
            )
    return found


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(finding.severity == "error" for finding in findings)
