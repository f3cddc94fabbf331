"""The decision log: every ADR of a folder read, linked and sorted, and what could not be read."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from leaddocs.adr import discover, links
from leaddocs.adr.model import Adr, Finding
from leaddocs.adr.parse import identity, read_adr
from leaddocs.errors import DocumentError
from leaddocs.paths import symlink_leak


@dataclass(slots=True)
class DecisionLog:
    root: Path
    folder: Path
    adrs: list[Adr]
    unreadable: list[Finding] = field(default_factory=list)  # files skipped, and why
    link_findings: list[Finding] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # every ADR file, the broken ones too

    def get(self, reference: str) -> Adr:
        """The ADR ``reference`` names (``12``, ``0012``, ``ADR-0012``, a file name or stem)."""
        found = links.Index(self.adrs).find(reference)
        if found is None:
            broken = self._broken(reference)
            if broken is not None:
                raise DocumentError(
                    f"{broken.path}:{broken.line}: ADR '{reference}' is there but cannot be "
                    f"read: {broken.message}"
                )
            raise DocumentError(f"no ADR '{reference}' in {self.rel(self.folder)}")
        return found

    def _broken(self, reference: str) -> Finding | None:
        """The finding of an unreadable file that ``reference`` names, if one does."""
        why = {finding.path: finding for finding in self.unreadable}
        # Stand-ins carry what a file name alone says (id, number, stem): enough to find them.
        stand_ins = [_stand_in(path, rel) for path in self.files if (rel := self.rel(path)) in why]
        found = links.Index(stand_ins).find(reference)
        return why[found.rel] if found is not None else None

    def next_number(self) -> int:
        # From every file name, not only the readable ADRs: a broken 0002 still holds 0002.
        numbers = (identity(path.stem)[1] for path in self.files or [a.path for a in self.adrs])
        return max((number for number in numbers if number is not None), default=0) + 1

    def rel(self, path: Path) -> str:
        # String work, not Path.relative_to: this runs once per file on every listing.
        text, root = str(path), str(self.root).rstrip("/") + "/"
        return text[len(root) :].replace("\\", "/") if text.startswith(root) else text


_GENERATED = b"<!-- leaddocs:generated "


Reader = Callable[[Path, str, Path], Adr | Finding | None]


def read_file(path: Path, rel: str, root: Path) -> Adr | Finding | None:
    """One file of the log: its ADR, the finding that makes it unreadable, or None for
    leaddocs' own output (an index built into the folder)."""
    leak = symlink_leak(path, root)
    if leak is not None:  # a planted link to /proc/self/environ must not become a page
        return Finding(rel, 1, "ADR001", f"{leak}: not read")
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        return Finding(rel, 1, "ADR001", f"cannot read: {exc.strerror}")
    if data.startswith(_GENERATED):
        return None
    result = read_adr(path, rel, data)
    if isinstance(result, Adr):
        result.sha256 = hashlib.sha256(data).hexdigest()
    return result


def load_log(root: Path, folder: Path, read: Reader = read_file) -> DecisionLog:
    """Read every ADR in ``folder``; a broken file becomes a finding, never an exception.
    ``read`` reads one file (``read_file``; the site's preview passes one that remembers)."""
    discover.require_folder(folder, root)
    log = DecisionLog(root, folder, [], files=discover.adr_files(folder))
    for path in log.files:
        result = read(path, log.rel(path), root)
        if isinstance(result, Finding):
            log.unreadable.append(result)
        elif result is not None:
            log.adrs.append(result)
    log.adrs.sort(key=sort_key)
    log.link_findings = links.resolve(log.adrs)
    return log


def _stand_in(path: Path, rel: str) -> Adr:
    adr_id, number, slug = identity(path.stem)
    return Adr(path, rel, adr_id, number, slug, "unknown", "", None, "unreadable")


def sort_key(adr: Adr) -> tuple[bool, int, str]:
    # Numbered ADRs in number order, then the unnumbered (log4brains dates, drafts) by name.
    return (adr.number is None, adr.number or 0, adr.stem)
