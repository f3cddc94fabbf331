"""Links from the site's pages to the repository's files, made to work on the site.

A page (a status page, any docs page, a record) that links an ADR file, such as
``../../adr/0004-x.md``, reaches the record's generated page (``decisions/0004-x.md``). A
record that links a file outside docs/ (``../README.md``, ``../../src/main.py``) reaches it on
the forge when mkdocs.yml names a ``repo_url`` (``{repo_url}/blob/{branch}/{path}``); without
one the link shows its text only. Links in fenced code are left as written.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from leaddocs.application.pages.body import TEXT_ONLY, map_links

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.M)
_TARGET = re.compile(r"(\s*)(<[^>\n]*>|\S+)(.*)", re.S)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True, slots=True)
class SiteLinks:
    root: Path  # the repository
    docs_dir: Path
    adr_folder: Path
    decisions_dir: str  # where the record pages are on the site
    repo_url: str | None = None  # mkdocs.yml's: files outside docs/ are linked there
    branch: str = "main"


def rewrite_links(
    text: str,
    page_uri: str,
    origin: Path,
    site: SiteLinks,
    exists: Callable[[str], bool],
    *,
    record: bool,
) -> str:
    """``text`` (the Markdown of the page at ``page_uri``, whose relative links are taken from
    the folder ``origin``) with its links to ADR files, and, for a ``record``, to files outside
    docs/, pointed where the site has them; ``exists`` tells whether a site file exists."""

    def choose(url: str) -> str | None:
        return _target(url, page_uri, origin, site, exists, record=record)

    def one_chunk(chunk: str) -> str:
        chunk = map_links(chunk, lambda target: _in_target(target, choose))
        return _REFERENCE.sub(lambda m: m[1] + _reference(m[2], choose), chunk)

    return _outside_fences(text, one_chunk)


def _in_target(target: str, choose: Callable[[str], str | None]) -> str | None:
    """The target of an inline link (``url "title"``) with its url chosen anew, or None."""
    parts = _TARGET.fullmatch(target)
    if parts is None:
        return None
    chosen = choose(parts[2][1:-1] if parts[2].startswith("<") else parts[2])
    if chosen is None or chosen == TEXT_ONLY:
        return chosen
    return parts[1] + _wrapped(chosen) + parts[3]


def _reference(url: str, choose: Callable[[str], str | None]) -> str:
    chosen = choose(url[1:-1] if url.startswith("<") else url)
    # A reference definition cannot show text instead: it keeps its target (MkDocs warns).
    return url if chosen is None or chosen == TEXT_ONLY else _wrapped(chosen)


def _target(
    url: str,
    page_uri: str,
    origin: Path,
    site: SiteLinks,
    exists: Callable[[str], bool],
    *,
    record: bool,
) -> str | None:
    if not url or url.startswith(("/", "#")) or _SCHEME.match(url):
        return None
    path, hash_, fragment = url.partition("#")
    if not path or "?" in path:
        return None
    anchor = hash_ + fragment
    resolved = Path(os.path.normpath(origin / unquote(path)))
    adr_folder = Path(os.path.normpath(site.adr_folder))
    if resolved.parent == adr_folder and resolved.suffix.lower() == ".md":
        uri = f"{site.decisions_dir}/{resolved.stem}.md"
        return _relative(uri, page_uri) + anchor if exists(uri) else None
    if not record or resolved.is_relative_to(adr_folder):
        return None  # a record's images beside it are served beside its page
    docs = Path(os.path.normpath(site.docs_dir))
    if resolved.is_relative_to(docs):
        return _relative(resolved.relative_to(docs).as_posix(), page_uri) + anchor
    root = Path(os.path.normpath(site.root))
    if site.repo_url and resolved.is_relative_to(root) and resolved != root:
        in_repo = resolved.relative_to(root).as_posix()
        return f"{site.repo_url.rstrip('/')}/blob/{site.branch}/{in_repo}{anchor}"
    return TEXT_ONLY


def _relative(uri: str, page_uri: str) -> str:
    return posixpath.relpath(uri, posixpath.dirname(page_uri) or ".")


def _wrapped(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def _outside_fences(text: str, change: Callable[[str], str]) -> str:
    out: list[str] = []
    chunk: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence is None and opening:
            if chunk:
                out.append(change("\n".join(chunk)))
            chunk = []
            fence = opening[1]
            out.append(line)
        elif fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            out.append(line)
        else:
            chunk.append(line)
    if chunk:
        out.append(change("\n".join(chunk)))
    return "\n".join(out)
