"""One release entry as a Markdown line (plus sub-lines for breaking notes and commits).

The built-in format is plain Python: a changelog of a 100k-commit history has 100k entries, and
a Jinja macro call costs several times more than this. A repository that overrides the macro
(``item.md.j2`` in its templates folder) gets its own format; the packaged ``item.md.j2`` is the
reference copy to start from, and a test keeps it identical to this function.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from leaddocs.documents.model import ItemView
from leaddocs.markup import md_text


def item_line(item: ItemView) -> str:
    text = md_text(item.subject)
    if item.scope:
        text = f"**{md_text(item.scope)}:** {text}"
    link = item_link(item)
    if link:
        text = f"{text} ({link})"
    if item.repeats > 1:
        text = f"{text} — {item.repeats} times"
    if item.authors and item.show_authors:
        text = f"{text} by {', '.join(map(md_text, item.authors))}"
    if not item.breaking_notes and len(item.commits) < 2:
        return "- " + text  # most entries: nothing listed under them
    lines = ["- " + text]
    # Sub-items indented 4 spaces: Python-Markdown (MkDocs) needs 4 to nest a list (with 2 it
    # makes them siblings of the entry); CommonMark nests them either way.
    lines.extend(f"    - {md_text(note)}" for note in item.breaking_notes)
    for commit in item.commits[1:] if _lists_commits(item) else ():
        link = f"[{commit.short}]({commit.url})" if commit.url else f"`{commit.short}`"
        lines.append(f"    - {link} {md_text(commit.subject)}")
    return "\n".join(lines)


def _lists_commits(item: ItemView) -> bool:
    """Whether the commits go under the entry: not a bot's repeats, and not the one commit of
    a merge that says what the entry says (a topic or pull request of one commit)."""
    if item.repeats > 1:
        return False
    return not (len(item.commits) == 2 and item.commits[1].subject.endswith(item.subject))


def item_link(item: ItemView) -> str:
    """The entry's reference: its pull request, else its first commit (linked when possible)."""
    if item.pr:
        return f"[{item.pr_label}]({item.pr_url})" if item.pr_url else str(item.pr_label)
    if item.commits:
        first = item.commits[0]
        return f"[{first.short}]({first.url})" if first.url else first.short
    return ""


def cited_id(item: ItemView) -> str:
    """The id an item is cited by when its number is its own: ``pr-12``, else ``c-<sha>`` of
    its head commit. Use ``cited_ids`` for a set of items: a number can repeat."""
    return f"pr-{item.pr}" if item.pr else f"c-{item.commits[0].sha[:10]}"


def cited_ids(items: Iterable[ItemView]) -> dict[str, str]:
    """Each item's id, by its head commit's sha: unique among ``items`` and the same on every
    run. Merges that each say ``(#10)`` (an issue's number read as a pull request's) would all
    be ``pr-10``; each of them gets its head commit's abbreviated sha, ``pr-10-1a2b3c4d5e``, so
    a model's bullet cites one item, never two, and a bare ``pr-10`` is no id at all."""
    items = list(items)
    shared = Counter(cited_id(item) for item in items)
    ids: dict[str, str] = {}
    for item in items:
        head = item.commits[0].sha
        base = cited_id(item)
        if shared[base] == 1:
            ids[head] = base
        else:  # a commit id shared by a prefix (never seen) takes the whole sha
            ids[head] = f"c-{head}" if base.startswith("c-") else f"{base}-{head[:10]}"
    return ids
