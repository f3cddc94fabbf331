"""docs/github-actions.md shows the example workflows as they are, so what a reader copies is
what the test command lints; and the page is in the site's navigation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "github-actions.md"
EXAMPLES = ROOT / "docs" / "examples" / "workflows"


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```$", markdown, flags=re.DOTALL | re.MULTILINE)


def test_every_whole_workflow_on_the_page_is_an_example_file_verbatim() -> None:
    examples = {path.read_text(encoding="utf-8"): path.name for path in EXAMPLES.glob("*.yml")}
    workflows = [
        block for block in yaml_blocks(PAGE.read_text(encoding="utf-8")) if "\njobs:" in block
    ]
    assert len(workflows) == 2  # the one to copy, and the one with an App token
    shown = [examples.get(block) for block in workflows]
    assert shown == ["leaddocs-ci.yml", "app-token.yml"]


def test_every_example_is_linked_from_the_page() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for path in EXAMPLES.glob("*.yml"):
        assert f"](examples/workflows/{path.name})" in page


def test_the_page_is_in_the_sites_navigation() -> None:
    config = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert {"Use it in GitHub Actions": "github-actions.md"} in _entries(config["nav"])


def _entries(nav: list[Any]) -> list[Any]:
    """Every entry of the navigation, sections (the site's tabs) opened."""
    found: list[Any] = []
    for entry in nav:
        found.append(entry)
        for value in entry.values() if isinstance(entry, dict) else ():
            if isinstance(value, list):
                found += _entries(value)
    return found
