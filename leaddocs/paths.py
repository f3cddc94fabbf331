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
