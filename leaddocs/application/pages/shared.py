"""Pieces every decision page shows the same way: a record's link, its status badge, its date."""

from __future__ import annotations

from collections.abc import Collection

from leaddocs.adr.model import STATUSES
from leaddocs.application.pages.records import DecisionRecord
from leaddocs.markup import md_cell, md_link_path, md_text


def status_badge(status: str, known: Collection[str] = STATUSES) -> str:
    """A coloured badge; only the ``known`` words reach the HTML (anything else shows
    unknown). ``known``: an ADR's statuses unless another kind's are given."""
    word = status if status in known or status == "unreadable" else "unknown"
    classes = f"leaddocs-status leaddocs-status--{word}"
    return f'<span class="{classes}" data-status="{word}">{word}</span>'


def label(record: DecisionRecord, *, cell: bool = False, numbered: bool = True) -> str:
    """``0005. Title`` (or only the title) as escaped Markdown text."""
    escape = md_cell if cell else md_text
    prefix = f"{record.id}. " if numbered and record.number is not None else ""
    return escape(f"{prefix}{record.title}")


def page_name(record: DecisionRecord) -> str:
    """The record's page, beside the index: its file name, so links between ADRs still work."""
    return f"{record.stem}.md"


def link(record: DecisionRecord, *, cell: bool = False, numbered: bool = True) -> str:
    text = label(record, cell=cell, numbered=numbered)
    return f"[{text}]({md_link_path(page_name(record))})"


FROM_GIT = " (first commit)"  # after a date the record does not state: its file's first commit


def date_of(record: DecisionRecord) -> str:
    if not record.date:
        return "—"
    return md_text(record.date) + (FROM_GIT if record.date_from_git else "")
