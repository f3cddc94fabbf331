"""What a caller asks for: one typed request per document or action, no Click, no globals."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from leaddocs.config import LlmConfig
from leaddocs.document import Format

if TYPE_CHECKING:  # the drafting models load only when a command drafts (start-up time)
    from leaddocs.application.project import Project
    from leaddocs.drafting.base import Audience, Drafter

HistoryProgress = Callable[[int], None]  # commits read so far
DraftProgress = Callable[[str], None]  # one line about the drafting run


@dataclass(frozen=True, slots=True)
class DraftOptions:
    """Which drafter writes the words: the template (offline) unless a model is asked for."""

    llm: bool | None = None  # None: as configured (llm.enabled)
    model: str | None = None
    audience: Audience | None = None
    use_cache: bool = True
    progress: DraftProgress | None = None

    def use_llm(self, settings: LlmConfig) -> bool:
        return self.llm if self.llm is not None else settings.enabled

    def drafter(self, project: Project, *, use_llm: bool = True) -> Drafter:
        """The model these options ask for (when it cannot be set up, the template drafter,
        saying why); with ``use_llm=False``, the template drafter. Cached answers are used
        only from a folder git tracks nothing in (``Project.trusts_cache``)."""
        from leaddocs.drafting.select import select_drafter

        settings = project.config.llm
        return select_drafter(
            settings,
            use_llm=use_llm,
            root=project.root,
            model=self.model,
            use_cache=self.use_cache and use_llm and project.trusts_cache(settings.cache_dir),
            progress=self.progress,
        )


@dataclass(frozen=True, slots=True)
class ReleaseNotesRequest:
    from_ref: str | None = None  # None: the latest release tag
    to_ref: str = "HEAD"
    title: str | None = None  # the version the notes are titled with (default: the tag at to_ref)
    paths: Sequence[str] = ()  # repository-relative paths, for one service of a monorepo
    format: Format = "md"
    drafting: DraftOptions = field(default_factory=DraftOptions)
    progress: HistoryProgress | None = None


@dataclass(frozen=True, slots=True)
class ChangelogRequest:
    paths: Sequence[str] = ()
    format: Format = "md"
    progress: HistoryProgress | None = None
    use_cache: bool = True  # False: every release computed again, the cache not read nor written
    # JSON as Document.parts (body empty), to be streamed rather than held twice (the CLI).
    in_parts: bool = False


@dataclass(frozen=True, slots=True)
class BuildRequest:
    """Every registered document kind, into one folder."""

    out_dir: Path
    force: bool = False
    kinds: Sequence[str] = ()  # () means every registered kind
    drafting: DraftOptions = field(default_factory=DraftOptions)
    progress: HistoryProgress | None = None


@dataclass(frozen=True, slots=True)
class NewAdrRequest:
    title: str
    status: str = "proposed"
    supersedes: Sequence[str] = ()
    amends: Sequence[str] = ()
    tags: Sequence[str] = ()
    decision_makers: Sequence[str] = ()
    draft: bool = False  # XXXX-slug.md, numbered when it lands
    source: Path | None = None  # draft the body from this file (notes, an issue)
    drafting: DraftOptions = field(default_factory=DraftOptions)
    today: datetime.date | None = None


StatusFormat = Literal["md", "json", "email", "slack"]


@dataclass(frozen=True, slots=True)
class StatusRequest:
    """A status page for one period (docs/status-pages.md)."""

    since: str | None = None  # a date or a duration (7d, 2w); None: status.cadence_days
    until: str | None = None  # the last day covered; None: today
    notes: Path | None = None  # the lead's notes; None: status.notes, if configured
    format: StatusFormat = "md"
    drafting: DraftOptions = field(default_factory=DraftOptions)
    today: datetime.date | None = None  # None: today, in UTC
    progress: HistoryProgress | None = None
    # The folder the page is written to (``--output FILE``'s): links to records are made
    # relative to it. None: where the page is placed (``status.dir``, a build folder).
    page_dir: Path | None = None
    # False: no notes are read, not even status.notes (a past period: the notes describe now).
    with_notes: bool = True


BriefFormat = Literal["md", "email"]


@dataclass(frozen=True, slots=True)
class BriefRequest:
    """A plain-language brief of one decision, release or status period (docs/briefs.md):
    exactly one of ``adr``, ``release`` and ``status``."""

    audience: str  # leadership, product, legal or customers (checked: it comes from a person)
    adr: str | None = None  # an ADR reference: 3, 0003, ADR-0003, a file name or stem
    release: str | None = None  # a release tag or version, or "unreleased"
    status: str | None = None  # a date (YYYY-MM-DD): the status period holding it
    format: BriefFormat = "md"
    drafting: DraftOptions = field(default_factory=DraftOptions)
    today: datetime.date | None = None  # None: today, in UTC
    progress: HistoryProgress | None = None


StatsFormat = Literal["table", "json", "md"]


@dataclass(frozen=True, slots=True)
class StatsRequest:
    """What the drafts were worth (docs/stats.md)."""

    since: str | None = None  # a date or a length (30d, 2w); None: all of the history
    format: StatsFormat = "table"
    today: datetime.date | None = None  # None: today, in UTC


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    """A meeting's page from its notes or transcript (docs/meetings.md)."""

    notes: Path  # Markdown or plain-text notes, or a .vtt / .srt transcript
    title: str | None = None  # None: the front matter's, the first heading's, the file name's
    date: datetime.date | None = None  # None: as the notes state it, else today
    output: Path | None = None  # None: meetings.folder/YYYY-MM-DD-slug.md
    adr: bool = False  # each decision also becomes a proposed ADR draft (XXXX-slug.md)
    drafting: DraftOptions = field(default_factory=DraftOptions)
    today: datetime.date | None = None  # None: today, in UTC


@dataclass(frozen=True, slots=True)
class NewRfcRequest:
    """``leaddocs new rfc`` (docs/rfcs-and-runbooks.md)."""

    title: str
    status: str = "draft"  # draft, review, accepted, rejected, withdrawn
    authors: Sequence[str] = ()  # (): git's user.name, when set
    reviewers: Sequence[str] = ()
    source: Path | None = None  # draft the sections from this file (notes, an issue)
    drafting: DraftOptions = field(default_factory=DraftOptions)
    today: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class NewRunbookRequest:
    """``leaddocs new runbook`` (docs/rfcs-and-runbooks.md)."""

    title: str
    service: str = ""  # required: the runbook goes in the service's folder
    owner: str | None = None
    source: Path | None = None
    drafting: DraftOptions = field(default_factory=DraftOptions)
    today: datetime.date | None = None  # the day it is written is its last-verified date
