#!/usr/bin/env python3
"""Compile the packaged templates to Python (leaddocs/documents/compiled/, documents/packaged.py).

    .venv/bin/python tools/compile_templates.py

Run it after changing a template in leaddocs/documents/templates/ or upgrading Jinja; a test
fails until it is run. Until then the changed template is compiled on every run, as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from leaddocs.documents.packaged import compiled_modules  # noqa: E402
from leaddocs.documents.render import Renderer  # noqa: E402

FOLDER = ROOT / "leaddocs" / "documents" / "compiled"


def main() -> int:
    files = compiled_modules(Renderer(None).environment)
    FOLDER.mkdir(exist_ok=True)
    for stale in FOLDER.glob("*.py"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    print(f"{len(files) - 1} templates compiled into {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
