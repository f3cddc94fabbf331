"""What the draft tests ask of a release: its JSON, its sections, its Markdown."""

from __future__ import annotations

import json
from typing import Any

from tests.gitrepo import Repo


def notes(cli: Any, repo: Repo, *args: str) -> dict[str, Any]:
    """The release notes of ``repo`` as JSON (``args``: --from, --to, …)."""
    result = cli("--repo", repo.path, "release-notes", "--format", "json", *args)
    assert result.code == 0, result
    return json.loads(result.stdout)


def markdown(cli: Any, repo: Repo, *args: str) -> str:
    result = cli("--repo", repo.path, "release-notes", *args)
    assert result.code == 0, result
    return str(result.stdout)


def section(document: dict[str, Any], title: str) -> list[str]:
    """The entries of one section, as ``scope: subject`` when scoped; [] when it is absent."""
    for found in document["sections"]:
        if found["title"] == title:
            return [entry(item) for item in found["items"]]
    return []


def sections(document: dict[str, Any]) -> dict[str, list[str]]:
    return {found["title"]: section(document, found["title"]) for found in document["sections"]}


def entry(item: dict[str, Any]) -> str:
    return f"{item['scope']}: {item['subject']}" if item["scope"] else item["subject"]


def skipped(document: dict[str, Any]) -> list[str]:
    return [entry(item) for item in document["skipped"]]


def configure(repo: Repo, text: str) -> None:
    """Write ``leaddocs.yml`` (untracked: it is no commit of the history under test)."""
    (repo.path / "leaddocs.yml").write_text(text, encoding="utf-8")
