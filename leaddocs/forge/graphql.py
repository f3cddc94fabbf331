"""The GraphQL queries that find the pull requests of up to 100 commits at once, and when a
review was last requested on up to 100 pull requests at once, and their answers.

One aliased ``object(oid:)`` per commit: 1,500 commits cost 15 requests, where paging through
every pull request (or one request per commit) is what exhausts rate limits elsewhere. The
same for review requests: one aliased ``pullRequest(number:)`` per open pull request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
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


# The newest review-requested event of a pull request: when its review was last asked for.
_REVIEW_REQUESTED = (
    "timelineItems(itemTypes: [REVIEW_REQUESTED_EVENT], last: 1) "
    "{ nodes { ... on ReviewRequestedEvent { createdAt } } }"
)


def batches(shas: Sequence[str]) -> list[list[str]]:
    wanted = [sha for sha in dict.fromkeys(shas) if _SHA.match(sha)]
    return [wanted[start : start + BATCH] for start in range(0, len(wanted), BATCH)]


def query(shas: Sequence[str]) -> str:
    """The query for ``shas`` (full hex shas only: each is spliced into the text)."""
    return _in_repository(
        f'    c{index}: object(oid: "{sha}") {{ ... on Commit {{{_FIELDS}\n    }} }}'
        for index, sha in enumerate(shas)
        if _SHA.match(sha)
    )


def _in_repository(aliases: Iterable[str]) -> str:
    return (
        "query($owner: String!, $name: String!) {\n"
        "  repository(owner: $owner, name: $name) {\n" + "\n".join(aliases) + "\n  }\n"
        "}\n"
    )


def review_batches(numbers: Sequence[int]) -> list[list[int]]:
    wanted = [number for number in dict.fromkeys(numbers) if number > 0]
    return [wanted[start : start + BATCH] for start in range(0, len(wanted), BATCH)]


def review_query(numbers: Sequence[int]) -> str:
    """When a review was last requested on each pull request of ``numbers`` (at most BATCH)."""
    return _in_repository(
        f"    p{index}: pullRequest(number: {int(number)}) {{ {_REVIEW_REQUESTED} }}"
        for index, number in enumerate(numbers)
    )


def review_answers(data: Mapping[str, Any], numbers: Sequence[int]) -> dict[int, int]:
    """``number → unix time`` of the newest review request; a pull request GitHub did not
    resolve (closed and gone) or with no such event is left out."""
    repository = (data.get("data") or {}).get("repository") or {}
    found: dict[int, int] = {}
    for index, number in enumerate(numbers):
        pull = repository.get(f"p{index}")
        events = pull.get("timelineItems") if isinstance(pull, dict) else None
        nodes = (events.get("nodes") or []) if isinstance(events, dict) else []
        stamps = [_unix(node.get("createdAt")) for node in nodes if isinstance(node, dict)]
        known = [stamp for stamp in stamps if stamp is not None]
        if known:
            found[number] = max(known)
    return found


def _unix(value: object) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


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
