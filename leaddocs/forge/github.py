"""GitHub (github.com and GitHub Enterprise Server) through PyGithub: pull requests over REST,
enrichment over GraphQL. The only module that imports the client library."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import cached_property
from typing import Any, Literal, TypeVar

from github import Auth, Github, GithubException
from github.PullRequest import PullRequest as GithubPull
from github.Repository import Repository
from urllib3.util.retry import Retry

from leaddocs.errors import ForgeError
from leaddocs.forge import graphql
from leaddocs.forge.base import (
    Enrichment,
    PullActivity,
    PullRequest,
    PullRequestInfo,
    PullState,
)
from leaddocs.forge.cache import EnrichmentCache
from leaddocs.forge.failures import Failure, describe
from leaddocs.forge.settings import ForgeSettings

T = TypeVar("T")

# One immediate retry of a dropped connection or a gateway error, and no sleeping: PyGithub's
# default retry waits out rate limits (up to an hour), which a CI job must not do silently.
_RETRY = Retry(
    total=1,
    connect=1,
    read=0,
    status=1,
    status_forcelist=(502, 503, 504),
    backoff_factor=0,
    respect_retry_after_header=False,
    raise_on_status=False,
)


class GitHubForge:
    """One repository on GitHub, with the token of this run (``ForgeClient``)."""

    def __init__(self, settings: ForgeSettings) -> None:
        self._settings = settings
        self._cache = EnrichmentCache(settings.cache_dir, settings.host, settings.repository)
        self._github = Github(
            base_url=settings.api_url,
            auth=Auth.Token(settings.token) if settings.token else None,
            timeout=settings.timeout,
            retry=_RETRY,
            # PyGithub spaces requests out (0.25 s, and 1 s between writes) for bulk jobs; a run
            # makes a handful of writes, and enrichment is batched already.
            seconds_between_requests=None,
            seconds_between_writes=None,
            lazy=True,  # no request until one is needed: pull(n).labels costs one POST
            per_page=100,  # GitHub's largest page: a long list in few requests
        )

    @property
    def repository(self) -> str:
        return self._settings.repository

    @property
    def token_kind(self) -> Literal["workflow", "app-or-pat", "none"]:
        return self._settings.token_kind

    @property
    def settings(self) -> ForgeSettings:
        return self._settings

    @cached_property
    def _repo(self) -> Repository:
        return self._github.get_repo(self._settings.repository)

    def default_branch(self) -> str:
        return self._call("reading the repository", lambda: self._repo.default_branch)

    def find_pull_request(self, head: str, marker: str) -> PullRequest | None:
        def find() -> PullRequest | None:
            pulls = self._repo.get_pulls(state="all", head=f"{self._settings.owner}:{head}")
            mine = [_pull(p) for p in pulls if marker in (p.body or "")]
            # Open first; then the latest closed or merged one, so a closed PR is not reopened.
            mine.sort(key=lambda pull: (pull.state == "open", pull.number), reverse=True)
            return mine[0] if mine else None

        return self._call(f"looking for the pull request from {head}", find)

    def create_pull_request(
        self, *, head: str, base: str, title: str, body: str, draft: bool
    ) -> PullRequest:
        what = f"opening a pull request from {head}"
        try:
            created = self._repo.create_pull(
                base=base, head=head, title=title, body=body, draft=draft
            )
            return _pull(created)
        except GithubException as exc:
            if exc.status == 422 and "already exists" in str(exc.data).lower():
                # A run racing this one opened it first: that one is the PR, not a second.
                existing = self._call(what, lambda: self._open_from(head))
                if existing is not None:
                    return replace(existing, existed=True)
            raise self._error(exc, what) from exc
        except Exception as exc:
            raise self._error(exc, what) from exc

    def _open_from(self, head: str) -> PullRequest | None:
        pulls = self._repo.get_pulls(state="open", head=f"{self._settings.owner}:{head}")
        return next((_pull(pull) for pull in pulls), None)

    def update_pull_request(self, number: int, *, title: str, body: str) -> PullRequest:
        def update() -> PullRequest:
            pull = self._repo.get_pull(number)
            pull.edit(title=title, body=body)
            return _pull(pull)

        return self._call(f"updating pull request #{number}", update, f"pull request #{number}")

    def add_labels(self, number: int, labels: Sequence[str]) -> None:
        if labels:
            self._call(
                f"labelling pull request #{number}",
                lambda: self._repo.get_issue(number).add_to_labels(*labels),
                f"pull request #{number}",
            )

    def request_reviewers(self, number: int, reviewers: Sequence[str]) -> None:
        if reviewers:
            self._call(
                f"requesting reviewers on pull request #{number}",
                lambda: self._repo.get_pull(number).create_review_request(list(reviewers)),
                f"pull request #{number}",
            )

    def reviewed_by(self, number: int) -> tuple[str, ...]:
        def reviewers() -> tuple[str, ...]:
            reviews = self._repo.get_pull(number).get_reviews()
            return tuple(dict.fromkeys(r.user.login for r in reviews if r.user is not None))

        return self._call(
            f"reading the reviews of pull request #{number}", reviewers, f"pull request #{number}"
        )

    def removed_by_people(self, number: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        def removed() -> tuple[tuple[str, ...], tuple[str, ...]]:
            labels: list[str] = []
            reviewers: list[str] = []
            for event in self._repo.get_issue(number).get_events():
                if event.event == "unlabeled" and event.label is not None:
                    labels.append(event.label.name)
                elif event.event == "review_request_removed" and event.requested_reviewer:
                    reviewers.append(event.requested_reviewer.login)
            return tuple(dict.fromkeys(labels)), tuple(dict.fromkeys(reviewers))

        return self._call(
            f"reading the events of pull request #{number}", removed, f"pull request #{number}"
        )

    def comment(self, number: int, body: str) -> None:
        self._call(
            f"commenting on pull request #{number}",
            lambda: self._repo.get_issue(number).create_comment(body),
            f"pull request #{number}",
        )

    def open_pull_requests(self, limit: int) -> list[PullActivity]:
        def listed() -> list[PullActivity]:
            # Page by page (the Link header's next), stopping at ``limit``: a slice of the
            # list would fail on a repository with no open pull request at all.
            found: list[PullActivity] = []
            pull: GithubPull
            for pull in self._repo.get_pulls(state="open", sort="created", direction="desc"):
                if len(found) >= limit:
                    break
                found.append(_activity(pull))
            return found

        return self._call("listing the open pull requests", listed)

    def merged_pull_requests(self, since: int, limit: int) -> list[PullActivity]:
        def listed() -> list[PullActivity]:
            found: list[PullActivity] = []
            pulls = self._repo.get_pulls(state="closed", sort="updated", direction="desc")
            pull: GithubPull
            for index, pull in enumerate(pulls):
                # Sorted by update: one updated before `since` ends the walk, however long
                # the repository's history of pull requests is.
                if index >= limit or _stamp(pull.updated_at) < since:
                    break
                if pull.merged_at is not None and _stamp(pull.merged_at) >= since:
                    found.append(_activity(pull))
            return found

        return self._call("listing the merged pull requests", listed)

    def enrich(self, shas: Sequence[str]) -> Enrichment:
        """Pull requests of ``shas`` from the cache, the rest in batches of 100 commits.

        A rate limit, a 5xx or a network error stops the asking: what was found is kept (and
        cached), the rest is left to git, and one warning says so; with ``forge.strict`` it
        is a ``ForgeError`` instead.
        """
        found: dict[str, PullRequestInfo] = {}
        unknown: list[str] = []
        for sha in dict.fromkeys(shas):
            hit, info = self._cache.get(sha)
            if not hit:
                unknown.append(sha)
            elif info is not None:
                found[sha] = info
        batches = graphql.batches(unknown)
        for index, batch in enumerate(batches):
            try:
                answered = self._ask(batch)
            except TransientForgeError as exc:
                if self._settings.strict:
                    raise ForgeError(str(exc)) from exc
                left = sum(len(rest) for rest in batches[index:])
                warning = (
                    f"{exc}; {left:,} commits are described from git alone, without their "
                    "pull request's title and labels (set forge.strict to fail instead)"
                )
                return Enrichment(found, index + 1, (warning,))
            for sha, info in answered.items():
                self._cache.put(sha, info)
                if info is not None:
                    found[sha] = info
        return Enrichment(found, len(batches))

    def review_requests(self, numbers: Sequence[int]) -> dict[int, int]:
        """One GraphQL request per 100 pull requests: each one's newest review-requested
        event. Any failure is a ``ForgeError`` (transient or not) for the caller to weigh."""
        found: dict[int, int] = {}
        for batch in graphql.review_batches(numbers):
            what = f"asking when the reviews of {len(batch)} pull requests were requested"
            data = self._graphql(graphql.review_query(batch), what)
            found.update(graphql.review_answers(data, batch))
        return found

    def _ask(self, batch: list[str]) -> dict[str, PullRequestInfo | None]:
        what = f"asking for the pull requests of {len(batch)} commits"
        return graphql.answers(self._graphql(graphql.query(batch), what), batch)

    def _graphql(self, query: str, what: str) -> dict[str, Any]:
        variables = {"owner": self._settings.owner, "name": self._settings.name}
        body = {"query": query, "variables": variables}

        def post() -> tuple[dict[str, Any], Any]:
            requester = self._github.requester
            return requester.requestJsonAndCheck("POST", self._settings.graphql_url, input=body)

        headers, data = self._call(what, post)
        if not isinstance(data, dict):
            raise _transient(Failure(f"GitHub's GraphQL answer was not JSON while {what}", True))
        if graphql.rate_limited(data):
            raise _transient(Failure(f"GitHub's GraphQL rate limit ran out while {what}", True))
        if graphql.repository_missing(data):
            raise self._error(GithubException(404, {"message": "Not Found"}, headers), what)
        return data

    def _call(self, what: str, action: Callable[[], T], scope: str = "repository") -> T:
        try:
            return action()
        except Exception as exc:
            raise self._error(exc, what, scope) from exc

    def _error(self, exc: Exception, what: str, scope: str = "repository") -> ForgeError:
        if isinstance(exc, ForgeError):
            return exc
        failure = describe(exc, self._settings, what, scope=scope)
        if failure is None:
            raise exc  # not a failure of the request: a bug, reported as one
        return _transient(failure) if failure.transient else ForgeError(failure.message)


class TransientForgeError(ForgeError):
    """A rate limit, a server error or the network: enrichment may fall back to git alone."""

    transient = True


def _transient(failure: Failure) -> ForgeError:
    return TransientForgeError(failure.message)


def _pull(pull: GithubPull) -> PullRequest:
    # `merged_at`, not `merged`: a listed pull request has no `merged` field (reading it would
    # cost one more request per pull request).
    merged = pull.merged_at is not None
    state: PullState = "merged" if merged else ("open" if pull.state == "open" else "closed")
    return PullRequest(
        number=pull.number,
        url=pull.html_url,
        state=state,
        head=pull.head.ref,
        base=pull.base.ref,
        title=pull.title,
        body=pull.body or "",
        draft=bool(pull.draft),
        author=pull.user.login if pull.user else None,
        labels=tuple(label.name for label in pull.labels),
        reviewers=tuple(user.login for user in pull.requested_reviewers),
    )


def _activity(pull: GithubPull) -> PullActivity:
    # Everything from the listing itself: no request per pull request.
    return PullActivity(
        number=pull.number,
        title=pull.title,
        url=pull.html_url,
        created=_stamp(pull.created_at),
        updated=_stamp(pull.updated_at or pull.created_at),
        merged=_stamp(pull.merged_at) if pull.merged_at else None,
        author=pull.user.login if pull.user else None,
        draft=bool(pull.draft),
        labels=tuple(label.name for label in pull.labels),
        reviewers_requested=len(pull.requested_reviewers) + len(pull.requested_teams),
    )


def _stamp(moment: datetime | None) -> int:
    return int(moment.timestamp()) if moment is not None else 0
