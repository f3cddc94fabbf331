"""``adr lint``: every problem of the decision log as ``path:line: CODE message``.

Codes (docs/adr.md keeps the list): ADR001 unreadable file, ADR002 invalid front matter,
ADR003 unknown or missing status, ADR004 bad date, ADR005 duplicate number, ADR006 link to a
missing ADR, ADR007 one-way link, ADR008 title and file name disagree, ADR009 superseded but
the status says otherwise, ADR010 supersedes/amends links that make a cycle.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from leaddocs.adr import cycles
from leaddocs.adr.log import DecisionLog
from leaddocs.adr.model import Adr, Finding
from leaddocs.adr.parse import identity
from leaddocs.adr.slug import slugify
from leaddocs.errors import UsageError

CODES = tuple(f"ADR{number:03d}" for number in range(1, 11))


@dataclass(frozen=True, slots=True)
class LintResult:
    findings: list[Finding]  # what is left once the ignored codes are taken out
    records: int  # the files checked (the selected ones, with PATHS)
    ignored: int  # findings of ignored codes

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "error")

    def summary(self) -> str:
        """``12 records, 3 problems (2 errors, 1 warning)``, and how many were ignored."""
        problems = len(self.findings)
        line = f"{_count(self.records, 'record')}, " + (
            f"{_count(problems, 'problem')} ({_count(self.errors, 'error')}, "
            f"{_count(problems - self.errors, 'warning')})"
            if problems
            else "no problems"
        )
        return line + (f"; {self.ignored:,} ignored" if self.ignored else "")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def unknown_codes(codes: Collection[str]) -> list[str]:
    """The ones of ``codes`` that are no lint code (compared without case)."""
    return sorted({code for code in codes if code.strip().upper() not in CODES})


def no_such_code(codes: Collection[str]) -> str:
    return (
        f"no lint code {', '.join(codes)} (the codes are {CODES[0]} to {CODES[-1]}, listed in "
        "docs/adr.md)"
    )


def lint(log: DecisionLog, paths: Sequence[Path] = (), ignore: Collection[str] = ()) -> LintResult:
    """Findings for the whole log, or only for ``paths`` (links are still checked against
    every ADR, so a hook given one file still sees the rest of the log), less the codes in
    ``ignore``."""
    findings = [*log.unreadable, *log.link_findings]
    for adr in log.adrs:
        findings.extend(adr.findings)
        findings.extend(_status(adr))
        findings.extend(_title(adr))
    findings.extend(_duplicates(log.adrs))
    findings.extend(cycles.findings(log.adrs))
    checked = [*(adr.rel for adr in log.adrs), *(finding.path for finding in log.unreadable)]
    if paths:
        wanted = _wanted(log, paths)
        findings = [finding for finding in findings if finding.path.startswith(wanted)]
        checked = [rel for rel in checked if rel.startswith(wanted)]
    unique = sorted(set(findings), key=lambda f: (f.path, f.line, f.code, f.message))
    silenced = {code.strip().upper() for code in ignore}
    kept = [finding for finding in unique if finding.code not in silenced]
    return LintResult(kept, len(checked), len(unique) - len(kept))


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
    # Compared as slugs: case, accents, '_' or '-' in the file name do not matter.
    slug = identity(adr.stem)[2]
    if slugify(slug) == slugify(adr.title):
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
