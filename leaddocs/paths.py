"""Where a path really leads: the one rule for symlinks planted in a repository.

A path inside the repository must not lead out of it through a symlink, whether leaddocs writes
there (a ``CHANGELOG.md`` linked to ``~/.bashrc``) or reads from there into a document (a
template linked to ``/proc/self/environ``): anybody who opens a pull request can commit one. A
path outside the repository is the person's own choice and is taken as it is.
"""

from __future__ import annotations

import os
from pathlib import Path


def escape_from(path: Path, boundary: Path) -> Path | None:
    """Where ``path`` leads when it lies in ``boundary`` but resolves outside it, else None."""
    if not Path(os.path.abspath(path)).is_relative_to(Path(os.path.abspath(boundary))):
        return None
    target = Path(os.path.realpath(path))
    return None if target.is_relative_to(Path(os.path.realpath(boundary))) else target


def symlink_leak(path: Path, boundary: Path) -> str | None:
    """Why publishing ``path`` (a file in ``boundary``) would show what the repository does not
    hold, or None: a symlink leading out of it (``escape_from``), or into its ``.git`` folder
    (whose config may carry a remote's token). Anybody who opens a pull request can plant one."""
    outside = escape_from(path, boundary)
    if outside is not None:
        return f"a symlink leading outside the repository (to {outside})"
    if not Path(os.path.abspath(path)).is_relative_to(Path(os.path.abspath(boundary))):
        return None
    inside = Path(os.path.realpath(path)).relative_to(Path(os.path.realpath(boundary)))
    return "a symlink into the repository's .git folder" if inside.parts[:1] == (".git",) else None
