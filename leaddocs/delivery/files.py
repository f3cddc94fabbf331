"""Documents delivered as files: the only code that writes what leaddocs makes.

Every write is checked before any is made, so a bundle lands whole or not at all:

- a symlink is followed and its target written (the link stays a link);
- only a regular file is replaced: a folder, device, FIFO or socket is refused unread;
- a generated document replaces only leaddocs' own untouched output (its marker says so),
  unless forced; a sectioned one is merged into the file; a new record is created
  exclusively; an edit lands only on the bytes it was made from;
- each file is written to a temporary file beside it, synced, then renamed into place; if a
  later rename fails, the files already placed get their old bytes back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from leaddocs import markers
from leaddocs.document import Document, Merger, WriteMode
from leaddocs.errors import OutputError
from leaddocs.paths import escape_from
from leaddocs.textfile import decode_source

Shown = Callable[[Path], str]
Action = Literal["created", "updated", "unchanged"]
_CREATE_ATTEMPTS = 20


class AlreadyExists(OutputError):
    """A new record's file appeared before leaddocs could create it."""


@dataclass(frozen=True, slots=True)
class Written:
    """What delivery did with one document."""

    document: Document
    path: Path  # the file written: a symlink's target, not the link
    action: Action
    notes: tuple[str, ...] = ()
    added: tuple[str, ...] = ()  # what a merge added (release ids for a CHANGELOG)


@dataclass(slots=True)
class _Plan:
    document: Document
    shown: str  # the path as messages name it
    target: Path
    data: bytes | None  # the bytes to write; None: the file already holds them
    before: bytes | None  # the file's bytes before, None for a new file
    mode_bits: int
    notes: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    temporary: str | None = None
    placed: bool = False
    folders_made: list[Path] = field(default_factory=list)

    @property
    def action(self) -> Action:
        if self.data is None:
            return "unchanged"
        return "created" if self.before is None else "updated"


def deliver(
    documents: Sequence[Document],
    *,
    force: bool = False,
    make_folders: bool = False,
    shown: Shown = str,
    boundary: Path | None = None,
) -> list[Written]:
    """Write every document or none. ``force`` replaces generated files a human edited;
    ``make_folders`` creates missing parent folders (removed again if the bundle fails). A path
    inside ``boundary`` (the repository) must not lead outside it through a symlink: anybody
    who opens a pull request can commit one pointing at ``~/.bashrc``."""
    plans = [_plan(document, force, make_folders, shown, boundary) for document in documents]
    seen: dict[Path, str] = {}
    for plan in plans:
        if plan.target in seen:
            raise OutputError(
                f"{plan.document.kind} and {seen[plan.target]} would both write {plan.shown}"
            )
        seen[plan.target] = plan.document.kind
    _commit(plans)
    return [
        Written(plan.document, plan.target, plan.action, plan.notes, plan.added) for plan in plans
    ]


def check(
    documents: Sequence[Document],
    *,
    force: bool = False,
    shown: Shown = str,
    boundary: Path | None = None,
) -> None:
    """Every check ``deliver`` makes, and no write: for a caller that must act in between."""
    for document in documents:
        _plan(document, force, False, shown, boundary)


def create_records(
    folder: Path,
    build: Callable[[], Sequence[Document]],
    *,
    shown: Shown = str,
    boundary: Path | None = None,
) -> list[Written]:
    """Deliver ``build()``'s documents (new records and their neighbours' edits) under a lock
    on ``folder``, so two runs at once never pick the same number or lose a record; when a
    record's name was taken anyway (by another tool), build again with what is there now."""
    made = _missing_folders(folder)
    try:
        # The folder exists before anyone locks it: every run then locks the same one.
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {shown(folder)}: {exc.strerror}") from exc
    try:
        return _create_locked(folder, build, shown, boundary)
    except BaseException:
        for created in made:  # innermost first; only while still empty
            with contextlib.suppress(OSError):
                created.rmdir()
        raise


def _create_locked(
    folder: Path, build: Callable[[], Sequence[Document]], shown: Shown, boundary: Path | None
) -> list[Written]:
    last_paths: list[Path] | None = None
    for _ in range(_CREATE_ATTEMPTS):
        with _locked(folder):
            documents = build()
            paths = [document.path for document in documents]
            try:
                return deliver(documents, shown=shown, boundary=boundary)
            except AlreadyExists:
                if paths == last_paths:  # the same name again: it is really taken
                    raise
                last_paths = paths
    raise OutputError(f"cannot create a new record in {shown(folder)}: it keeps changing")


def _plan(
    document: Document, force: bool, make_folders: bool, shown: Shown, boundary: Path | None
) -> _Plan:
    name = shown(document.path)
    target = Path(os.path.realpath(document.path))  # a symlink's target is what gets written
    if boundary is not None:
        _within(document.path, boundary, name)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise OutputError(f"cannot write {name}: {exc.strerror}") from exc
    if status is None:
        if document.mode is WriteMode.EDIT:
            raise OutputError(f"cannot write {name}: the file is gone")
        missing = _missing_folders(target.parent)
        if missing and not make_folders:
            folder = shown(missing[-1])
            raise OutputError(f"cannot write {name}: the folder {folder} does not exist")
        if not missing and not os.access(target.parent, os.W_OK | os.X_OK):
            raise OutputError(f"cannot write {name}: Permission denied")
        decided = decide(document, None, force=force, name=name)
        plan = _Plan(document, name, target, decided.data, None, 0o666 & ~_umask())
        plan.folders_made = missing
    else:
        if not stat.S_ISREG(status.st_mode):
            kind = _file_kind(status.st_mode)
            raise OutputError(f"cannot write {name}: it is {kind}, not a regular file")
        _require_writable(target, name)
        before = target.read_bytes()
        decided = decide(document, before, force=force, name=name)
        plan = _Plan(document, name, target, decided.data, before, status.st_mode & 0o777)
    plan.notes, plan.added = decided.notes, decided.added
    return plan


@dataclass(frozen=True, slots=True)
class Decided:
    """The bytes a document puts where ``before`` was (None: they are there already)."""

    data: bytes | None
    notes: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


def decide(document: Document, before: bytes | None, *, force: bool, name: str) -> Decided:
    """What ``document`` makes of the file it meets (``before``; None when there is none),
    by its write mode: the rule every delivery applies, to a file or to a branch's file."""
    mode = document.mode
    if before is None:
        if mode is WriteMode.EDIT:
            raise OutputError(f"cannot write {name}: the file is gone")
        if mode is WriteMode.MERGE:
            created = _merger(document).create()
            return Decided(created.text.encode("utf-8"), created.notes, created.added)
        return Decided(document.file_data())
    notes: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    if mode is WriteMode.CREATE:
        raise AlreadyExists(f"{name} already exists")
    if mode is WriteMode.EDIT:
        if hashlib.sha256(before).hexdigest() != document.expected_sha256:
            raise OutputError(f"{name} changed while leaddocs was editing it; nothing was written")
        text = document.text
    elif mode is WriteMode.MERGE:
        source = decode_source(before, document.path, lambda _: name)
        try:
            merged = _merger(document).merge(source.text, force=force)
        except ValueError as exc:
            raise OutputError(f"{name}: {exc}; kept it (--force merges into it)") from exc
        text = source.restore(merged.text)
        notes = tuple(f"{name}: {note}" for note in merged.notes)
        added = merged.added
    else:
        if not force:
            _require_generated(before, name)
        data = document.file_data()
        return Decided(None if data == before else data)
    data = text.encode("utf-8")
    return Decided(None if data == before else data, notes, added)


def _merger(document: Document) -> Merger:
    if document.merger is None:
        raise ValueError(f"{document.kind}: a MERGE document needs a merger")
    return document.merger


def _within(requested: Path, boundary: Path, name: str) -> None:
    """A path inside ``boundary`` must resolve inside it too (a path the person gave outside
    it is theirs to choose)."""
    outside = escape_from(requested, boundary)
    if outside is not None:
        raise OutputError(
            f"cannot write {name}: it leads to {outside}, outside {boundary}, through a symlink"
        )


def _require_generated(data: bytes, name: str) -> None:
    state = markers.document_state(data.decode("utf-8", errors="replace"))
    if state == "edited":
        raise OutputError(
            f"{name} was edited since leaddocs wrote it; kept it (--force replaces it)"
        )
    if state == "foreign":
        raise OutputError(
            f"{name} exists and was not written by leaddocs; kept it (--force replaces it)"
        )


def _require_writable(path: Path, name: str) -> None:
    """Refuse a file that says "keep me": read-only by its mode, or one even root cannot open
    for update (``chattr +i``). Replacing by rename would otherwise succeed."""
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        raise OutputError(f"cannot write {name}: the file is read-only")
    try:
        with open(path, "r+b"):
            pass
    except OSError as exc:
        raise OutputError(f"cannot write {name}: {exc.strerror}") from exc


def _commit(plans: list[_Plan]) -> None:
    pending = [plan for plan in plans if plan.data is not None]
    current: _Plan | None = None
    try:
        for current in pending:
            for folder in reversed(current.folders_made):
                folder.mkdir(exist_ok=True)
            current.temporary = _stage(current)
        for current in pending:
            _place(current)
    except BaseException as exc:
        for plan in reversed(pending):
            _undo(plan)
        if isinstance(exc, OSError) and current is not None:
            raise OutputError(f"cannot write {current.shown}: {exc.strerror}") from exc
        raise


def _stage(plan: _Plan) -> str:
    """The new bytes in a synced temporary file beside the target."""
    assert plan.data is not None
    handle, temporary = tempfile.mkstemp(
        prefix=f".{plan.target.name[:64]}.", suffix=".tmp", dir=plan.target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(plan.data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, plan.mode_bits)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _place(plan: _Plan) -> None:
    assert plan.temporary is not None
    if plan.before is None:
        try:
            # A hard link never replaces: of two runs creating one name, exactly one wins.
            os.link(plan.temporary, plan.target)
        except FileExistsError as exc:
            raise AlreadyExists(f"{plan.shown} already exists") from exc
        os.unlink(plan.temporary)
    else:
        if plan.target.read_bytes() != plan.before:
            raise OutputError(
                f"{plan.shown} changed while leaddocs was writing; nothing was written"
            )
        os.replace(plan.temporary, plan.target)
    plan.temporary = None
    plan.placed = True


def _undo(plan: _Plan) -> None:
    """Put back what ``_place`` changed, and clear away what ``_stage`` left."""
    with contextlib.suppress(OSError):
        if plan.temporary is not None:
            os.unlink(plan.temporary)
        if plan.placed:
            if plan.before is None:
                plan.target.unlink()
            else:
                plan.data, plan.placed = plan.before, False
                plan.temporary = _stage(plan)
                os.replace(plan.temporary, plan.target)
        for folder in plan.folders_made:
            folder.rmdir()  # only while empty: another document may have gone there too


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its missing parents, innermost first; [] when it exists. A path in the
    way that is not a folder is refused."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write into {folder}: it is not a folder")
    return missing


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An advisory lock on a folder, held while one run picks a number and writes. Where
    there is no flock (Windows) runs are not serialised, but the exclusive create still
    keeps every record: a clash builds again with the next number."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
