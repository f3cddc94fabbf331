#!/usr/bin/env python3
"""Refresh the pinned mermaid.js the site ships (leaddocs/site/assets/mermaid.min.js).

    python3 tools/vendor_mermaid.py 11.17.2

Material renders Mermaid diagrams but fetches mermaid.js from unpkg.com unless the page
already has it; the plugin ships this copy instead, so a site makes no third-party request.
It is committed, not fetched when a site is built: builds stay offline and reproducible.
The npm package's dist file and licence are taken with ``npm pack`` (npm's own client), and
the version and SHA-256 are written to mermaid.VERSION, which tests/site/test_assets.py checks.
Standard library only.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "leaddocs" / "site" / "assets"
WANTED = {"package/dist/mermaid.min.js": "mermaid.min.js", "package/LICENSE": "mermaid.LICENSE"}


def main(version: str) -> int:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", "--silent", f"mermaid@{version}"], cwd=folder, check=True)
        (tarball,) = Path(folder).glob("mermaid-*.tgz")
        with tarfile.open(tarball) as archive:
            for member, name in WANTED.items():
                source = archive.extractfile(member)
                if source is None:
                    print(f"{tarball.name} has no {member}", file=sys.stderr)
                    return 1
                (ASSETS / name).write_bytes(source.read())
        exact = tarball.stem.removeprefix("mermaid-")
    digest = hashlib.sha256((ASSETS / "mermaid.min.js").read_bytes()).hexdigest()
    (ASSETS / "mermaid.VERSION").write_text(f"{exact} sha256={digest}\n")
    print(f"mermaid {exact} -> {ASSETS / 'mermaid.min.js'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
