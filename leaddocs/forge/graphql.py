"""The GraphQL query that finds the pull requests of up to 100 commits at once, and its answer.

One aliased ``object(oid:)`` per commit: 1,500 commits cost 15 requests, where paging through
every pull request (or one request per commit) is what exhausts rate limits elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from leaddocs.forge.base import PullRequestInfo

BATCH = 100  # GitHub's ceiling on `first:` and a query GitHub answers well within its timeout
_SHA = re.compile(r"^[0-9a-f]{40}$")
# Up to 5: a commit can sit in several pull requests (a backport, a stacked PR); the one that
# merged it is wanted, which need not be the first listed.
_FIELDS = """
      associatedPullRequests(first: 5) {
        nodes {
          number title url merged author { login __typename }
          labels(first: 20) { nodes { name } }
        }
      }"""


def batches(shas: Sequence[str]) -> list[list[str]]:
    wanted = [sha for sha in dict.fromkeys(shas) if _SHA.match(sha)]
    return [wanted[start : start + BATCH] for start in range(0, len(wanted), BATCH)]


def query(shas: Sequence[str]) -> str:
    """The query for ``shas`` (full hex shas only: each is spliced into the text)."""
    aliases = "\n".join(
        f'    c{index}: object(oid: "{sha}") {{ ... on Commit {{{_FIELDS}\n    }} }}'
        for index, sha in enumerate(shas)
        if _SHA.match(sha)
    )
    return (
        "query($owner: String!, $name: String!) {\n"
        "  repository(owner: $owner, name: $name) {\n"
        f"{aliases}\n"
        "  }\n"
        "}\n"
    )


def answers(data: Mapping[str, Any], shas: Sequence[str]) -> dict[str, PullRequestInfo | None]:
    """``sha → pull request`` (None: the commit has none) for every commit GitHub knows.

    A commit GitHub does not know (not pushed yet) is left out, so it is asked about again
    once it is; a malformed node is treated as no pull request rather than failing a run.
    """
    repository = (data.get("data") or {}).get("repository") or {}
    found: dict[str, PullRequestInfo | None] = {}
    for index, sha in enumerate(shas):
        commit = repository.get(f"c{index}")
        if not isinstance(commit, dict):
            continue
        nodes = (commit.get("associatedPullRequests") or {}).get("nodes") or []
        pulls = [node for node in nodes if isinstance(node, dict)]
        chosen = next((node for node in pulls if node.get("merged")), pulls[0] if pulls else None)
        found[sha] = _info(chosen) if chosen is not None else None
    return found


def _info(node: Mapping[str, Any]) -> PullRequestInfo | None:
    number = node.get("number")
    if not isinstance(number, int):
        return None
    author = node.get("author") or {}
    login = author.get("login") if isinstance(author, dict) else None
    labels = ((node.get("labels") or {}).get("nodes")) or []
    return PullRequestInfo(
        number=number,
        title=str(node.get("title") or ""),
        labels=tuple(
            str(label["name"]) for label in labels if isinstance(label, dict) and label.get("name")
        ),
        author=str(login) if login else None,
        author_is_bot=is_bot(login, author.get("__typename") if isinstance(author, dict) else None),
        merged=bool(node.get("merged")),
        url=str(node["url"]) if node.get("url") else None,
    )


def is_bot(login: object, typename: object) -> bool:
    """GitHub types an app's account ``Bot``; its login then ends in ``[bot]`` in REST."""
    return typename == "Bot" or (isinstance(login, str) and login.endswith("[bot]"))


def rate_limited(data: Mapping[str, Any]) -> bool:
    """GraphQL reports a spent limit as an error in a 200 answer (type ``RATE_LIMITED``)."""
    return any(
        isinstance(error, dict) and error.get("type") == "RATE_LIMITED"
        for error in data.get("errors") or []
    )


def repository_missing(data: Mapping[str, Any]) -> bool:
    repository = (data.get("data") or {}).get("repository")
    errors = data.get("errors") or []
    return repository is None and any(
        isinstance(error, dict) and error.get("type") == "NOT_FOUND" for error in errors
    )
