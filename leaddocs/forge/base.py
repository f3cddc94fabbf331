"""What leaddocs needs from a forge, as a protocol any forge client can implement.

The PR delivery and the enrichment of history use only this; ``leaddocs.forge.github`` is the
GitHub implementation (PyGithub against REST and GraphQL), and a GitLab one can follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

PullState = Literal["open", "closed", "merged"]


@dataclass(frozen=True, slots=True)
class PullRequest:
    """A pull request as the delivery step sees it."""

    number: int
    url: str  # the web page (on GHES, the GHES host)
    state: PullState
    head: str  # the branch name, without owner
    base: str
    title: str
    body: str
    draft: bool = False
    author: str | None = None
    labels: tuple[str, ...] = ()
    # People asked for a review who have not given it yet (a review answers the request).
    reviewers: tuple[str, ...] = ()
    # From create_pull_request: it was open already (a run racing this one opened it first).
    existed: bool = False


@dataclass(frozen=True, slots=True)
class PullRequestInfo:
    """What enrichment adds to a commit: the pull request that merged it."""

    number: int
    title: str
    labels: tuple[str, ...] = ()
    author: str | None = None
    author_is_bot: bool = False
    merged: bool = True
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Enrichment:
    """Pull requests by commit sha (a commit of no PR is absent), and how they were found."""

    by_commit: dict[str, PullRequestInfo] = field(default_factory=dict)
    requests: int = 0  # requests made to the forge (0: all from the cache)
    warnings: tuple[str, ...] = ()  # e.g. the rate limit ran out: the rest came from git alone


@dataclass(frozen=True, slots=True)
class PullActivity:
    """A pull request as a status page sees it: open ones for In flight, merged ones for lead
    time. Times are unix seconds."""

    number: int
    title: str
    url: str
    created: int
    updated: int
    merged: int | None = None
    author: str | None = None
    draft: bool = False
    labels: tuple[str, ...] = ()
    reviewers_requested: int = 0  # people or teams asked and not yet answered
    # When a review was last requested (unix; the forge's review-requested event), filled
    # by ``review_requests``; None: not read, so how long the review has waited is unknown.
    review_requested: int | None = None


class ForgeClient(Protocol):
    """One repository on one forge, with the token the run holds."""

    @property
    def repository(self) -> str: ...  # owner/name

    @property
    def token_kind(self) -> Literal["workflow", "app-or-pat", "none"]: ...

    def default_branch(self) -> str: ...

    def find_pull_request(self, head: str, marker: str) -> PullRequest | None:
        """The newest pull request from branch ``head`` whose body holds ``marker`` (open
        first, else the latest closed or merged one), or None."""
        ...

    def create_pull_request(
        self, *, head: str, base: str, title: str, body: str, draft: bool
    ) -> PullRequest:
        """Open a pull request; one already open from ``head`` is returned, not duplicated."""
        ...

    def update_pull_request(self, number: int, *, title: str, body: str) -> PullRequest: ...

    def add_labels(self, number: int, labels: Sequence[str]) -> None: ...

    def request_reviewers(self, number: int, reviewers: Sequence[str]) -> None: ...

    def reviewed_by(self, number: int) -> tuple[str, ...]:
        """Everybody who has reviewed pull request ``number`` (their request is answered)."""
        ...

    def removed_by_people(self, number: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The labels, and the reviewers, somebody took off pull request ``number`` (its
        events): leaddocs never removes one, so each was a person's choice, not to be undone."""
        ...

    def comment(self, number: int, body: str) -> None: ...

    def enrich(self, shas: Sequence[str]) -> Enrichment:
        """The pull request of every commit in ``shas``, in batches, cached on disk by sha."""
        ...

    def open_pull_requests(self, limit: int) -> list[PullActivity]:
        """Open pull requests, newest first, page after page, at most ``limit``."""
        ...

    def review_requests(self, numbers: Sequence[int]) -> dict[int, int]:
        """When a review was last requested on each pull request of ``numbers`` (unix), in
        batched requests (100 pull requests a request, never one each); a pull request with
        no such event is absent."""
        ...

    def merged_pull_requests(self, since: int, limit: int) -> list[PullActivity]:
        """Pull requests merged at or after ``since`` (unix), at most ``limit``, asked by
        latest update so paging stops at the first one older than ``since``."""
        ...
