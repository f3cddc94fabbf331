"""A document as a value: what leaddocs made, where it goes, and how it may land there.

Every command, ``build``, the PR delivery and the MkDocs plugin deal in these values. Nothing
here writes a file: ``leaddocs.delivery`` is the one place that does.
"""

from __future__ import annotations

import enum
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from leaddocs import markers
from leaddocs.errors import DraftingError

Format = Literal["md", "json", "yaml", "text"]  # text: to paste elsewhere, never marked


class WriteMode(enum.Enum):
    """How a document may meet a file that is already at its path."""

    # Wholly generated: replaced only while it is leaddocs' untouched output (its marker says).
    REPLACE = "replace"
    # Made of marked sections (a CHANGELOG): merged into the file, keeping every human edit.
    MERGE = "merge"
    # A new record (an ADR): created, never replacing anything, not even a file made meanwhile.
    CREATE = "create"
    # A person's file changed in place (an ADR's status): only if unchanged since it was read.
    EDIT = "edit"


class DraftingSummary(Protocol):
    """What a drafter reports (``leaddocs.drafting.report.DraftReport`` is the one there is)."""

    @property
    def fatal(self) -> str | None: ...

    def lines(self) -> list[str]: ...

    def as_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Merged:
    text: str
    notes: tuple[str, ...] = ()
    added: tuple[str, ...] = ()  # what the merge added (release ids for a CHANGELOG)


class Merger(Protocol):
    """Folds a fresh document into the text of the file already there."""

    def create(self) -> Merged: ...  # the text for a file that does not exist yet

    def merge(self, existing: str, *, force: bool = False) -> Merged:
        """``existing`` with the fresh document folded in; a ``ValueError`` when ``existing``
        is not a file of this kind (``force`` merges anyway)."""
        ...


class Encoded:
    """Text already in UTF-8, as a file holds it, written out as it is: a big history's
    cached JSON (50 MB) is neither decoded nor encoded again on its way from the release
    cache to stdout or a file. Made by ``Encoded.spans``, which vouches for what stdout
    gets unfiltered: whole UTF-8 characters, no ESC (a terminal would act on it)."""

    __slots__ = ("data",)  # a plain class: a dataclass costs ~0.35 ms of every start-up

    def __init__(self, data: memoryview) -> None:
        self.data = data

    @staticmethod
    def spans(data: bytes, spans: Sequence[tuple[int, int]]) -> list[Encoded] | None:
        """Views of ``data`` from each start to each end, or None when one is not UTF-8 text
        or any of ``data`` holds an ESC (then it is decoded as any text is)."""
        if b"\x1b" in data:
            return None
        whole = memoryview(data)  # a view: a slice would copy (and fault in) every byte
        views = [Encoded(whole[start:end]) for start, end in spans]
        if not data.isascii():  # one pass over the bytes; most histories are ASCII
            try:
                for view in views:
                    view.decoded()  # each one at a time: its text is let go at once
            except UnicodeDecodeError:
                return None
        return views

    def decoded(self) -> str:
        return str(self.data, "utf-8")


Part = str | Encoded  # a piece of a document in parts: text, or text already encoded


def texts(parts: Iterable[Part]) -> Iterator[str]:
    """``parts`` as text, an encoded one decoded only when its turn comes."""
    for part in parts:
        yield part if isinstance(part, str) else part.decoded()


@dataclass(frozen=True, slots=True)
class Document:
    """One document: kind, target path, the text leaddocs generated, and how it may be written.

    ``body`` is exactly what was generated (what stdout shows); ``file_text`` is what a file
    gets: for ``REPLACE`` the body behind a marker holding its hash, so a later run can tell
    its own output from a human's edit of it.

    A document too big to hold twice (the JSON CHANGELOG of a long history) comes as ``parts``
    instead, with an empty ``body``: ``chunks()`` gives it in order without joining it, and
    ``text`` joins it for a consumer that needs one string.
    """

    kind: str
    path: Path
    body: str
    format: Format = "md"
    mode: WriteMode = WriteMode.REPLACE
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    merger: Merger | None = None  # with MERGE
    expected_sha256: str | None = None  # with EDIT: the file's bytes when the edit was made
    report: DraftingSummary | None = None  # when a drafter ran
    notes: tuple[str, ...] = ()  # remarks for the person who asked (not errors)
    parts: tuple[Part, ...] = ()  # the body in pieces, when it is big (``body`` is then "")

    def __post_init__(self) -> None:
        if self.parts and self.body:
            raise ValueError(f"{self.kind}: a document has a body or parts, not both")

    def chunks(self) -> tuple[Part, ...]:
        """The body in order, in as many pieces as it was made of (stdout gets them one by one)."""
        return self.parts or (self.body,)

    @property
    def text(self) -> str:
        """The whole body as one string."""
        return "".join(texts(self.parts)) if self.parts else self.body

    @property
    def generated_hash(self) -> str:
        return markers.digest_parts(texts(self.chunks()))

    @property
    def file_text(self) -> str:
        body = self.text
        if self.mode is not WriteMode.REPLACE or self.format == "text":
            return body  # text to paste (an e-mail) carries no marker
        if self.format == "json":
            return markers.mark_json(body)
        if self.format == "yaml":
            return markers.mark_yaml(body)
        return markers.mark_document(body)

    def file_data(self) -> bytes:
        """``file_text`` encoded; a document in parts is marked and encoded part by part, so
        its text never stands in memory whole (only the bytes a file gets do)."""
        if self.parts and self.mode is WriteMode.REPLACE and self.format == "json":
            # BytesIO hands over its buffer: a join would hold every encoded part and the whole.
            data = io.BytesIO()
            first, *rest = self.parts
            digest = markers.digest_parts(texts(self.parts))
            data.write(markers.marked_json_start(next(texts([first])), digest).encode("utf-8"))
            for part in rest:
                data.write(part.encode("utf-8") if isinstance(part, str) else part.data)
            return data.getvalue()
        return self.file_text.encode("utf-8")

    def at(self, path: Path) -> Document:
        """The same document aimed at another path (``--output``, a ``build`` folder)."""
        return replace(self, path=path)


def drafting_failure(reports: Iterable[DraftingSummary | None]) -> DraftingError | None:
    """Why a model could not be used, when it could not. The documents are complete (the
    template drafted them); a caller should still fail, so a misconfigured job is noticed."""
    for report in reports:
        if report is not None and report.fatal is not None:
            return DraftingError(report.fatal)
    return None
