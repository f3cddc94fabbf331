"""What each commit changed, file by file, as ``git log --raw -z`` shows it: the blob before
and after, so a caller reads exactly the versions it needs (``git cat-file --batch``)."""

from __future__ import annotations

from dataclasses import dataclass

# ``git log`` arguments: each commit's changes against its first parent (a merge shows what it
# brought in), one NUL-separated field per path, full object ids, a rename as delete + add.
RAW_ARGS = ("--diff-merges=first-parent", "--raw", "-z", "--no-renames", "--no-abbrev")
HEADER = "%x01%H %ct %P"  # the format that opens each commit's record
_ABSENT = "0" * 40


@dataclass(frozen=True, slots=True)
class ChangedFile:
    path: str
    old: str | None  # the blob before (None: the file did not exist)
    new: str | None  # the blob after (None: the commit deleted it)


@dataclass(frozen=True, slots=True)
class CommitFiles:
    sha: str
    timestamp: int  # committer time
    parents: tuple[str, ...]
    files: tuple[ChangedFile, ...]

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


def parse_raw(output: str) -> list[CommitFiles]:
    """The commits of ``git log --format=HEADER RAW_ARGS`` output, in the order shown.

    Fields are read in sequence, never by their first character alone: a path may start with
    ``:`` or hold a control character."""
    found: list[CommitFiles] = []
    header: list[str] | None = None
    files: list[ChangedFile] = []
    fields = iter(output.split("\0"))
    for field in fields:
        token = field.lstrip("\n")
        if token.startswith("\x01"):
            if header is not None:
                found.append(_commit(header, files))
            header, files = token[1:].split(), []
        elif token.startswith(":") and header is not None:
            meta = token[1:].split()
            path = next(fields, "")
            old, new = meta[2], meta[3]
            files.append(ChangedFile(path, None if old == _ABSENT else old, _blob(new)))
    if header is not None:
        found.append(_commit(header, files))
    return found


def _blob(object_id: str) -> str | None:
    return None if object_id == _ABSENT else object_id


def _commit(header: list[str], files: list[ChangedFile]) -> CommitFiles:
    sha, stamp, *parents = header
    return CommitFiles(sha, int(stamp), tuple(parents), tuple(files))
