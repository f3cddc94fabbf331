"""The files the plugin ships: the pinned mermaid.js is the one recorded, of the major version
Material expects, and nothing shipped points at another host."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material

ASSETS = Path(__file__).parents[2] / "leaddocs" / "site" / "assets"


def test_the_shipped_mermaid_is_the_recorded_copy_of_the_version_material_loads() -> None:
    version, digest = (ASSETS / "mermaid.VERSION").read_text().split()
    assert (
        digest == "sha256=" + hashlib.sha256((ASSETS / "mermaid.min.js").read_bytes()).hexdigest()
    )
    bundles = (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob(
        "bundle.*.min.js"
    )
    wanted = {
        m
        for b in bundles
        for m in re.findall(r"mermaid@(\d+)/dist/mermaid\.min\.js", b.read_text())
    }
    assert wanted == {version.split(".")[0]}


def test_the_plugins_own_script_and_style_load_nothing_from_elsewhere() -> None:
    for name in ("leaddocs.js", "leaddocs.css"):
        text = (ASSETS / name).read_text()
        assert not re.search(r"https?:|//[a-z]|@import|url\(", text), name
