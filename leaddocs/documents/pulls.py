"""What a change's pull request adds to it, and GitHub's ``.github/release.yml`` categories.

Plain data in: the forge layer's ``PullRequestInfo`` fits ``PullRequestFacts`` without this
package importing the forge. ``.github/release.yml`` is GitHub's configuration of its
automatically generated release notes (``changelog.categories[].title/labels``,
``changelog.exclude.labels/authors``, each with ``*`` matching anything); leaddocs honours it
for every change whose pull request it knows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from leaddocs.errors import ConfigError
from leaddocs.history.changes import Change
from leaddocs.history.commits import parse_header

RELEASE_YML = (".github/release.yml", ".github/release.yaml")


class PullRequestFacts(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def labels(self) -> tuple[str, ...]: ...
    @property
    def author(self) -> str | None: ...
    @property
    def author_is_bot(self) -> bool: ...
    @property
    def url(self) -> str | None: ...


def with_pull_request(change: Change, pull: PullRequestFacts) -> Change:
    """``change`` as its pull request describes it: the PR's title, parsed as a Conventional
    Commit when it is one (its type then wins); a plain title keeps the commits' type."""
    title = " ".join(pull.title.split())
    if not title:
        return dataclasses.replace(change, pr=change.pr or pull.number)
    header = parse_header(title)
    typed = header.type is not None
    return dataclasses.replace(
        change,
        type=header.type if typed else change.type,
        scope=header.scope if typed else change.scope,
        breaking=change.breaking or header.breaking,
        description=header.description,
        pr=change.pr or pull.number,
    )


def _matches(patterns: tuple[str, ...], values: Iterable[str]) -> bool:
    wanted = {pattern.lower() for pattern in patterns}
    return "*" in wanted or not wanted.isdisjoint(value.lower() for value in values)


def _logins(pull: PullRequestFacts) -> tuple[str, ...]:
    # GraphQL names an app "dependabot", REST and people "dependabot[bot]": either matches.
    if pull.author is None:
        return ()
    bare = pull.author.removesuffix("[bot]")
    return (bare, f"{bare}[bot]") if pull.author_is_bot else (pull.author,)


@dataclass(frozen=True, slots=True)
class Category:
    title: str
    labels: tuple[str, ...]
    exclude_labels: tuple[str, ...] = ()
    exclude_authors: tuple[str, ...] = ()

    def takes(self, pull: PullRequestFacts) -> bool:
        # A wildcard category takes a pull request with no labels too, as GitHub's does.
        if not (_matches(self.labels, pull.labels) if pull.labels else "*" in self.labels):
            return False
        return not (
            (self.exclude_labels and _matches(self.exclude_labels, pull.labels))
            or (self.exclude_authors and _matches(self.exclude_authors, _logins(pull)))
        )


@dataclass(frozen=True, slots=True)
class ReleaseCategories:
    categories: tuple[Category, ...] = ()
    exclude_labels: tuple[str, ...] = ()
    exclude_authors: tuple[str, ...] = ()

    def excludes(self, pull: PullRequestFacts) -> bool:
        return bool(
            (self.exclude_labels and _matches(self.exclude_labels, pull.labels))
            or (self.exclude_authors and _matches(self.exclude_authors, _logins(pull)))
        )

    def category(self, pull: PullRequestFacts) -> str | None:
        """The title of the first category that takes ``pull``, as GitHub picks it."""
        return next((c.title for c in self.categories if c.takes(pull)), None)

    @property
    def titles(self) -> list[str]:
        return [category.title for category in self.categories]


def parse_release_yml(text: str, name: str) -> ReleaseCategories:
    """``.github/release.yml`` read; ``name`` is how errors name the file."""
    from leaddocs import yamlio  # ruamel.yaml loads only when there is such a file

    try:
        tree = yamlio.load(text)
    except yamlio.YamlSyntaxError as exc:
        raise ConfigError(f"{name}:{exc.line}: invalid YAML: {exc}") from exc
    data = yamlio.plain(tree) if tree is not None else {}
    changelog = _mapping(data, "changelog", name) if isinstance(data, dict) else None
    if changelog is None:
        raise ConfigError(f"{name}:1: expected a `changelog:` mapping (GitHub's release.yml)")
    exclude = _mapping(changelog, "exclude", name) or {}
    categories = []
    for index, entry in enumerate(changelog.get("categories") or []):
        where = f"changelog.categories[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise ConfigError(f"{name}: {where} needs a `title:` and `labels:`")
        excluded = _mapping(entry, "exclude", name) or {}
        categories.append(
            Category(
                entry["title"],
                _strings(entry.get("labels"), f"{where}.labels", name),
                _strings(excluded.get("labels"), f"{where}.exclude.labels", name),
                _strings(excluded.get("authors"), f"{where}.exclude.authors", name),
            )
        )
    return ReleaseCategories(
        tuple(categories),
        _strings(exclude.get("labels"), "changelog.exclude.labels", name),
        _strings(exclude.get("authors"), "changelog.exclude.authors", name),
    )


def _mapping(data: dict[str, Any], key: str, name: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is not None and not isinstance(value, dict):
        raise ConfigError(f"{name}: `{key}` must be a mapping")
    return value


def _strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{name}: {where} must be a list of strings")
    return tuple(value)
