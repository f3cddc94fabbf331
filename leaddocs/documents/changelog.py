"""The CHANGELOG: every release a marked section, newest first, plus Unreleased.

Updating an existing file inserts the releases it lacks and refreshes an untouched Unreleased
section; a section a human edited, and any text outside the marked sections, is kept as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from leaddocs import markers
from leaddocs.document import Encoded, Merged
from leaddocs.documents import jsontext
from leaddocs.documents.headings import (
    HeadingStyle,
    heading_style,
    misplaced_heading,
    release_heading,
)
from leaddocs.documents.model import ReleaseView, release_json

if TYPE_CHECKING:  # Jinja2 loads only when a CHANGELOG is rendered (not for JSON)
    from leaddocs.documents.render import Renderer

UNRELEASED_ID = "unreleased"


@dataclass(frozen=True, slots=True)
class RenderedRelease:
    """A tagged release as the CHANGELOG holds it: its section id and its rendered section (a
    tagged release never changes, so this is what the release cache keeps)."""

    anchor: str
    body: str | Encoded  # Encoded: a release's JSON as the cache file holds it
    digest: str | None = None  # markers.digest(body), when known (the cache keeps it)
    view: ReleaseView | None = None  # what it was rendered from, when this run made it
    items: int = 0  # the entries it lists (skipped changes aside)

    @property
    def text(self) -> str:
        body = self.body
        return body if isinstance(body, str) else body.decoded()

    def marked(self) -> str:
        return markers.mark_section(self.anchor, self.text, self.digest)


# The views of releases given by their anchors, made again: a cached release has none, and an
# update of a CHANGELOG headed its own way renders the releases it adds again, in that style.
ViewsOf = Callable[[Sequence[str]], Mapping[str, ReleaseView]]


@dataclass(slots=True)
class ChangelogUpdate:
    text: str
    added: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ChangelogWriter:
    def __init__(self, renderer: Renderer, title: str) -> None:
        self._renderer = renderer
        self._title = title

    def release(self, view: ReleaseView) -> RenderedRelease:
        return RenderedRelease(view.anchor, self.section(view), view=view, items=listed(view))

    def section(self, view: ReleaseView, style: HeadingStyle | None = None) -> str:
        """One release's section as the CHANGELOG holds it (the marker aside); headed in
        ``style`` (an existing file's own) when given."""
        heading = style.heading(view) if style else None
        return self._renderer.render("release.md.j2", release=view, level=2, heading=heading) + "\n"

    def sections(
        self, releases: Sequence[RenderedRelease], unreleased: ReleaseView
    ) -> list[RenderedRelease]:
        """Unreleased and every release, newest first."""
        return [
            RenderedRelease(UNRELEASED_ID, self.section(unreleased), view=unreleased),
            *releases,
        ]

    def render(self, releases: Sequence[RenderedRelease], unreleased: ReleaseView) -> str:
        header = self._renderer.render("changelog-header.md.j2", title=self._title) + "\n"
        return header + "".join(part.marked() for part in self.sections(releases, unreleased))

    def update(
        self,
        existing: str,
        releases: Sequence[RenderedRelease],
        unreleased: ReleaseView,
        views_of: ViewsOf | None = None,
    ) -> ChangelogUpdate:
        split = markers.split_sections(existing)
        hand_written = [part.text for part in split.parts if isinstance(part, markers.Loose)]
        fresh = self.sections(releases, unreleased)
        order = {_normal(part.anchor): index for index, part in enumerate(fresh)}
        update = ChangelogUpdate(text="")
        update.warnings.extend(filter(None, [misplaced_heading(existing)]))
        update.warnings.extend(
            f"line {line}: a leaddocs marker that cannot be read; the text after it is kept "
            "as hand-written"
            for line in split.unreadable_markers
        )
        ranks = [_rank(part, order) for part in split.parts]
        present = {rank for rank in ranks if rank is not None}
        pending = [index for index in range(len(fresh)) if index not in present]
        style = heading_style(hand_written)
        if style is not None:
            # What goes in anew (the releases the file lacks, Unreleased) is headed its way.
            self._restyle(fresh, sorted({0, *pending}), style, views_of)
        last_ranked = max((i for i, rank in enumerate(ranks) if rank is not None), default=-1)
        out: list[str] = []

        def flush(below: int) -> None:
            while pending and pending[0] < below:
                section = fresh[pending.pop(0)]
                out.append(section.marked())
                if section.anchor != UNRELEASED_ID:
                    update.added.append(section.anchor)

        for index, (part, rank) in enumerate(zip(split.parts, ranks, strict=True)):
            if rank is not None:
                flush(rank)
            out.append(self._kept(part, fresh, unreleased, update))
            if index == last_ranked:
                flush(len(fresh))
        flush(len(fresh))
        pieces = [part for part in out if part]
        # Parts are kept apart by a blank line; the file's own ending is left as it was.
        update.text = "".join(_ensure_break(part) for part in pieces[:-1]) + "".join(pieces[-1:])
        return update

    def _restyle(
        self,
        fresh: list[RenderedRelease],
        indices: list[int],
        style: HeadingStyle,
        views_of: ViewsOf | None,
    ) -> None:
        missing = [fresh[i].anchor for i in indices if fresh[i].view is None]
        found = views_of(missing) if missing and views_of is not None else {}
        for index in indices:
            view = fresh[index].view or found.get(fresh[index].anchor)
            if view is not None:
                fresh[index] = replace(fresh[index], body=self.section(view, style), digest=None)

    def _kept(
        self,
        part: markers.Section | markers.Loose,
        fresh: list[RenderedRelease],
        unreleased: ReleaseView,
        update: ChangelogUpdate,
    ) -> str:
        """A part of the existing file as it goes out: only an untouched Unreleased is redone."""
        if isinstance(part, markers.Loose):
            return part.text
        if part.id != UNRELEASED_ID:
            return part.text()
        if not part.edited:
            return fresh[0].marked()
        missing = [
            item.subject
            for section in unreleased.sections
            for item in section.items
            if item.subject not in part.body
        ]
        lacking = f", without {len(missing)} newer entries leaddocs would list" if missing else ""
        update.warnings.append(
            f"the Unreleased section was edited by hand: kept as it is{lacking} "
            "(delete the section to have leaddocs regenerate it)"
        )
        return part.text()


def _normal(section_id: str) -> str:
    """A release id compared loosely: case and one leading v do not matter."""
    lowered = section_id.lower()
    return lowered[1:] if lowered.startswith("v") and lowered[1:2].isdigit() else lowered


def _rank(part: markers.Section | markers.Loose, order: dict[str, int]) -> int | None:
    """Where the part stands among the releases leaddocs knows (0 = Unreleased), if anywhere."""
    if isinstance(part, markers.Section):
        return order.get(_normal(part.id))
    name = _release_heading(part.text.split("\n", 1)[0])
    return None if name is None else order.get(_normal(name))


def _release_heading(line: str) -> str | None:
    """The release a hand-written level-2 heading names, when that is all it says."""
    heading = release_heading(line)
    return heading.name if heading is not None else None


def _ensure_break(part: str) -> str:
    if not part.strip():
        return part
    return part if part.endswith("\n\n") else part.rstrip("\n") + "\n\n"


def listed(view: ReleaseView) -> int:
    """How many entries a release lists (in its sections: skipped changes aside)."""
    return sum(len(section.items) for section in view.sections)


def release_json_text(view: ReleaseView) -> str:
    """One release's JSON as it stands in ``changelog.json``'s list of releases."""
    return jsontext.dumps(release_json(view, depth=2), depth=2)


def changelog_json(releases: Sequence[str], unreleased: ReleaseView) -> str:
    """``changelog.json`` from its releases' JSON (``release_json_text``, newest first): the
    text ``json.dumps({"releases": [...], "unreleased": {...}}, indent=2)`` gives, built a
    release at a time, so the whole document never stands in memory as objects."""
    return "".join(changelog_json_parts(releases, unreleased))


_Part = TypeVar("_Part", str, str | Encoded)


def changelog_json_parts(releases: Sequence[_Part], unreleased: ReleaseView) -> tuple[_Part, ...]:
    """``changelog_json`` in the pieces it is made of, in order: the releases' own texts (not
    copied) between the punctuation, to be streamed rather than joined (a big history's 50 MB
    would stand in memory twice)."""
    tip = jsontext.dumps(release_json(unreleased, depth=1), depth=1)
    if not releases:
        return (f'{{\n  "releases": [],\n  "unreleased": {tip}\n}}\n',)
    pieces: list[_Part] = ['{\n  "releases": [\n    ']
    for release in releases:
        pieces += (release, ",\n    ")
    pieces[-1] = f'\n  ],\n  "unreleased": {tip}\n}}\n'
    return tuple(pieces)


@dataclass(frozen=True, slots=True)
class ChangelogMerge:
    """How a fresh CHANGELOG lands on the file already there (the delivery step calls it)."""

    writer: ChangelogWriter
    releases: Sequence[RenderedRelease]
    unreleased: ReleaseView
    views_of: ViewsOf | None = None  # for releases this run did not render (cached ones)

    def create(self) -> Merged:
        text = self.writer.render(self.releases, self.unreleased)
        return Merged(text, added=tuple(release.anchor for release in self.releases))

    def merge(self, existing: str, *, force: bool = False) -> Merged:
        if not force and markers.document_state(existing) != "foreign":
            # Another document leaddocs generated whole (release notes, JSON): not merged into.
            raise NotAChangelog("it is another document leaddocs generated")
        if not force and not looks_like_a_changelog(existing):
            raise NotAChangelog(
                "it has sections, and none is a release ('## [1.2.0]', '## v1.2.0') or a "
                "leaddocs section: not a CHANGELOG"
            )
        update = self.writer.update(existing, self.releases, self.unreleased, self.views_of)
        return Merged(update.text, tuple(update.warnings), tuple(update.added))


class NotAChangelog(ValueError):
    """The file a CHANGELOG would merge into is something else (a README, another document)."""


def looks_like_a_changelog(text: str) -> bool:
    """A CHANGELOG to merge into: leaddocs' sections, a release heading, or no sections yet
    (a title and an intro someone started with)."""
    if markers.split_sections(text).parts and "<!-- leaddocs:section " in text:
        return True
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    return not headings or any(_release_heading(line) for line in headings)
