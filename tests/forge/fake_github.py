"""A stateful fake GitHub on 127.0.0.1: the REST endpoints leaddocs uses and GraphQL's
``associatedPullRequests`` and a pull request's ``timelineItems`` of review requests,
answering as GitHub does (shapes from the REST docs / the
``@octokit/openapi`` description), recording every request, failing on demand.

Reusable: the ``fake_github`` fixture (tests/forge/conftest.py) yields one ``FakeGitHub``.
"""

from __future__ import annotations

import json
import re
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

DOCS = "https://docs.github.com/rest"
_ALIAS = re.compile(r'(c\d+): object\(oid: "([0-9a-f]{40})"\)')
# `alias: pullRequest(number: N) { timelineItems(itemTypes: [...], last: K) { nodes {
# ... on ReviewRequestedEvent { createdAt } } } }`: GitHub's schema, the one fragment asked.
_PULL_ALIAS = re.compile(
    r"(\w+):\s*pullRequest\(number:\s*(\d+)\)\s*\{\s*timelineItems\(\s*itemTypes:\s*"
    r"\[([A-Z_,\s]+)\],\s*(first|last):\s*(\d+)\s*\)\s*\{\s*nodes\s*\{\s*"
    r"\.\.\.\s*on\s+ReviewRequestedEvent\s*\{\s*createdAt\s*\}\s*\}\s*\}\s*\}"
)

# What each failure looks like on the wire, as GitHub sends it.
FAILURES = {
    "unauthorized": (401, {}, {"message": "Bad credentials", "documentation_url": DOCS}),
    "rate_limit": (
        403,
        {"x-ratelimit-remaining": "0"},  # x-ratelimit-reset is added when sent
        {"message": "API rate limit exceeded for user ID 1.", "documentation_url": DOCS},
    ),
    "rate_limit_429": (
        429,
        {"x-ratelimit-remaining": "0"},
        {"message": "API rate limit exceeded for user ID 1.", "documentation_url": DOCS},
    ),
    "secondary_rate_limit": (
        403,
        {"retry-after": "60"},
        {
            "message": "You have exceeded a secondary rate limit. Please wait a few minutes "
            "before you try again.",
            "documentation_url": DOCS,
        },
    ),
    "not_found": (404, {}, {"message": "Not Found", "documentation_url": DOCS}),
    "server_error": (500, {}, {"message": "Server Error"}),
    "bad_gateway": (502, {}, {"message": "Server Error"}),
    "pr_exists": (
        422,
        {},
        {
            "message": "Validation Failed",
            "errors": [
                {
                    "resource": "PullRequest",
                    "code": "custom",
                    "message": "A pull request already exists for {head}.",
                }
            ],
            "documentation_url": DOCS,
        },
    ),
    "disconnect": (0, {}, {}),  # the connection closes with no answer
}


class _Page(list[Any]):
    """A page of a list, with the headers that go with it (``Link``)."""

    headers: dict[str, str] = {}  # noqa: RUF012  (replaced per page, never mutated)


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]

    @property
    def is_graphql(self) -> bool:
        return self.path.endswith("/graphql")


@dataclass
class _Failure:
    kind: str
    times: int
    only: str | None  # a substring of "METHOD /path": fail only matching requests
    after: int = 0  # matching requests to answer first


@dataclass
class FakeGitHub:
    url: str = ""
    graphql_path: str = "/graphql"
    token: str | None = "test-token"  # the token it accepts (None: any, or none)
    repos: dict[str, dict[str, Any]] = field(default_factory=dict)
    pulls: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)  # repo → n → pull
    comments: list[dict[str, Any]] = field(default_factory=list)
    reviews: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    commits: dict[str, list[int]] = field(default_factory=dict)  # sha → pull numbers
    # (repository, number) → when each review was requested (the ReviewRequestedEvents)
    review_events: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    # The issue events people caused (GET /issues/N/events): what they took off a pull request.
    issue_events: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    rate_remaining: int = 5000
    _failures: list[_Failure] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- set up -----------------------------------------------------------------------------

    @property
    def graphql_url(self) -> str:
        return self.url + self.graphql_path

    def env(self, repository: str = "acme/widgets") -> dict[str, str]:
        """The variables GitHub Actions would set for a job against this server."""
        return {
            "GITHUB_TOKEN": self.token or "any-token",
            "GITHUB_API_URL": self.url,
            "GITHUB_GRAPHQL_URL": self.graphql_url,
            "GITHUB_REPOSITORY": repository,
        }

    def add_repo(self, full_name: str, default_branch: str = "main") -> None:
        owner, name = full_name.split("/")
        self.repos[full_name] = {
            "id": len(self.repos) + 1,
            "node_id": f"R_{len(self.repos) + 1}",
            "name": name,
            "full_name": full_name,
            "owner": _user(owner, "Organization"),
            "private": False,
            "html_url": f"{self.url}/{full_name}",
            "url": f"{self.url}/repos/{full_name}",
            "default_branch": default_branch,
        }
        self.pulls.setdefault(full_name, {})

    def add_pull(
        self,
        repository: str,
        *,
        title: str,
        head: str = "topic",
        base: str = "main",
        body: str = "",
        state: str = "open",
        merged: bool = False,
        labels: tuple[str, ...] = (),
        author: str = "octocat",
        author_type: str = "User",
        commits: tuple[str, ...] = (),
        created_at: str = "2024-01-01T00:00:00Z",
        merged_at: str = "2024-01-02T00:00:00Z",
        draft: bool = False,
        reviewers: tuple[str, ...] = (),
        review_requested_at: str | None = None,
    ) -> dict[str, Any]:
        """A pull request the server already has (made by a person, or merged long ago).

        ``reviewers`` were asked at ``review_requested_at`` (default: when it was opened), the
        time its timeline's review-requested event holds."""
        with self._lock:
            pull = self._new_pull(repository, title, head, base, body, draft, author, author_type)
        pull["state"] = "closed" if merged else state
        pull["created_at"] = pull["updated_at"] = created_at
        if merged or state == "closed":
            pull["closed_at"] = pull["updated_at"] = merged_at
        pull["merged_at"] = merged_at if merged else None
        pull["requested_reviewers"] = [_user(login, "User") for login in reviewers]
        if reviewers:
            events = self.review_events.setdefault((repository, pull["number"]), [])
            events += [review_requested_at or created_at] * len(reviewers)
        pull["labels"] = [_label(name) for name in labels]
        for sha in commits:
            self.commits.setdefault(sha, []).append(pull["number"])
        return pull

    def review(self, repository: str, number: int, login: str, state: str = "APPROVED") -> None:
        """``login`` reviews pull request ``number``: as on GitHub, that answers their review
        request, so they leave ``requested_reviewers``."""
        with self._lock:
            pull = self.pulls[repository][number]
            pull["requested_reviewers"] = [
                user for user in pull["requested_reviewers"] if user["login"] != login
            ]
            reviews = self.reviews.setdefault((repository, number), [])
            reviews.append(
                {
                    "id": len(reviews) + 1,
                    "user": _user(login, "User"),
                    "body": "",
                    "state": state,
                    "submitted_at": "2024-01-02T00:00:00Z",
                }
            )

    def person_removes(
        self, repository: str, number: int, *, label: str = "", reviewer: str = ""
    ) -> None:
        """A person takes a label or a requested reviewer off a pull request on the web."""
        pull = self.pulls[repository][number]
        events = self.issue_events.setdefault((repository, number), [])
        actor = _user("maintainer", "User")
        if label:
            pull["labels"] = [known for known in pull["labels"] if known["name"] != label]
            events.append({"id": len(events) + 1, "event": "unlabeled", "actor": actor,
                           "label": {"name": label, "color": "ededed"}})  # fmt: skip
        if reviewer:
            pull["requested_reviewers"] = [
                user for user in pull["requested_reviewers"] if user["login"] != reviewer
            ]
            events.append({"id": len(events) + 1, "event": "review_request_removed",
                           "actor": actor, "requested_reviewer": _user(reviewer, "User")})  # fmt: skip

    def fail_next(self, kind: str, times: int = 1, only: str | None = None, after: int = 0) -> None:
        """The next ``times`` requests (matching ``only``, e.g. "POST /graphql"; after
        ``after`` of them were answered) fail as ``kind`` (a key of FAILURES)."""
        if kind not in FAILURES:
            raise ValueError(f"unknown failure {kind!r}: one of {sorted(FAILURES)}")
        self._failures.append(_Failure(kind, times, only, after))

    def graphql_requests(self) -> list[Recorded]:
        return [request for request in self.requests if request.is_graphql]

    def rest_requests(self) -> list[Recorded]:
        return [request for request in self.requests if not request.is_graphql]

    # -- answering --------------------------------------------------------------------------

    def _new_pull(
        self,
        repository: str,
        title: str,
        head: str,
        base: str,
        body: str | None,
        draft: bool,
        author: str,
        author_type: str = "User",
    ) -> dict[str, Any]:
        numbers = [n for pulls in self.pulls.values() for n in pulls]
        number = max(numbers, default=0) + 1
        owner = repository.split("/")[0]
        pull = {
            "url": f"{self.url}/repos/{repository}/pulls/{number}",
            "id": 1000 + number,
            "node_id": f"PR_{number}",
            "html_url": f"{self.url}/{repository}/pull/{number}",
            "issue_url": f"{self.url}/repos/{repository}/issues/{number}",
            "number": number,
            "state": "open",
            "locked": False,
            "title": title,
            "user": _user(author, author_type),
            "body": body,
            "labels": [],
            "requested_reviewers": [],
            "requested_teams": [],
            "created_at": "2024-01-01T00:00:00Z",
            "updated_at": "2024-01-01T00:00:00Z",
            "closed_at": None,
            "merged_at": None,
            "draft": draft,
            "head": {"label": f"{owner}:{head}", "ref": head, "sha": "0" * 40},
            "base": {"label": f"{owner}:{base}", "ref": base, "sha": "0" * 40},
        }
        self.pulls.setdefault(repository, {})[number] = pull
        return pull

    def handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        path = unquote(parts.path)
        with self._lock:
            self.requests.append(
                Recorded(
                    method,
                    path,
                    parse_qs(parts.query),
                    body,
                    {k.lower(): v for k, v in handler.headers.items()},
                )
            )
            failure = self._take_failure(f"{method} {path}")
            if failure is None and self.token is not None:
                sent = handler.headers.get("Authorization", "")
                if sent not in (f"token {self.token}", f"Bearer {self.token}"):
                    failure = "unauthorized"
            if failure == "disconnect":
                handler.close_connection = True
                handler.connection.shutdown(2)  # closed with no answer: a network error
                return
            if failure is not None:
                status, headers, payload = FAILURES[failure]
                headers = dict(headers)
                if failure.startswith("rate_limit"):
                    headers["x-ratelimit-reset"] = str(int(time.time()) + 600)
                payload = json.loads(json.dumps(payload).replace("{head}", _head_of(body)))
                self._send(handler, status, payload, headers)
                return
            status, payload = self._route(method, path, parse_qs(parts.query), body)
            self.rate_remaining -= 1
        self._send(handler, status, payload, getattr(payload, "headers", {}))

    def _take_failure(self, request: str) -> str | None:
        for failure in self._failures:
            if failure.times > 0 and (failure.only is None or failure.only in request):
                if failure.after > 0:
                    failure.after -= 1
                    continue
                failure.times -= 1
                return failure.kind
        return None

    def _send(
        self,
        handler: BaseHTTPRequestHandler,
        status: int,
        payload: Any,
        headers: dict[str, str],
    ) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        rate = {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": str(max(self.rate_remaining, 0)),
            "x-ratelimit-reset": str(int(time.time()) + 3600),
            "x-ratelimit-resource": "core",
        }
        for name, value in {**rate, **headers}.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _route(
        self, method: str, path: str, query: dict[str, list[str]], body: Any
    ) -> tuple[int, Any]:
        if path == self.graphql_path and method == "POST":
            return self._graphql(body)
        match = re.fullmatch(r"/repos/([^/]+/[^/]+)(/.*)?", path)
        if match is None or match[1] not in self.repos:
            return 404, {"message": "Not Found", "documentation_url": DOCS}
        repository, rest = match[1], match[2] or ""
        pulls = self.pulls[repository]
        if rest == "" and method == "GET":
            return 200, self.repos[repository]
        if rest == "/pulls" and method == "GET":
            return 200, self._list(pulls, query, path)
        if rest == "/pulls" and method == "POST":
            return self._create(repository, body)
        number_match = re.fullmatch(r"/(pulls|issues)/(\d+)(/[a-z_]+)?", rest)
        if number_match is None or int(number_match[2]) not in pulls:
            return 404, {"message": "Not Found", "documentation_url": DOCS}
        kind, pull, tail = number_match[1], pulls[int(number_match[2])], number_match[3]
        if kind == "pulls" and tail is None and method == "GET":
            return 200, _single(pull)
        if kind == "pulls" and tail is None and method == "PATCH":
            for key in ("title", "body", "state", "base"):
                if key in body:
                    pull[key] = body[key] if key != "base" else {**pull["base"], "ref": body[key]}
            pull["updated_at"] = "2024-01-03T00:00:00Z"
            return 200, _single(pull)
        if kind == "issues" and tail == "/labels" and method == "POST":
            names = body if isinstance(body, list) else body.get("labels", [])
            known = {label["name"] for label in pull["labels"]}
            pull["labels"] += [_label(name) for name in names if name not in known]
            return 200, pull["labels"]
        if kind == "issues" and tail == "/events" and method == "GET":
            return 200, self.issue_events.get((repository, pull["number"]), [])
        if kind == "pulls" and tail == "/reviews" and method == "GET":
            return 200, self.reviews.get((repository, pull["number"]), [])
        if kind == "issues" and tail == "/comments" and method == "POST":
            comment = {
                "id": len(self.comments) + 1,
                "body": body["body"],
                "user": _user("leaddocs[bot]", "Bot"),
                "issue_url": pull["issue_url"],
                "html_url": f"{pull['html_url']}#issuecomment-{len(self.comments) + 1}",
                "created_at": "2024-01-03T00:00:00Z",
            }
            self.comments.append({**comment, "number": pull["number"]})
            return 201, comment
        if kind == "pulls" and tail == "/requested_reviewers" and method == "POST":
            logins = body.get("reviewers", [])
            if pull["user"]["login"] in logins:
                return 422, {
                    "message": "Reviews may only be requested from collaborators. One or more "
                    "of the users or teams you specified is not a collaborator of the "
                    f"{repository} repository.",
                    "documentation_url": DOCS,
                }
            pull["requested_reviewers"] += [_user(login, "User") for login in logins]
            events = self.review_events.setdefault((repository, pull["number"]), [])
            events += ["2024-01-03T00:00:00Z"] * len(logins)
            return 201, _single(pull)
        return 404, {"message": "Not Found", "documentation_url": DOCS}

    def _list(
        self, pulls: dict[int, dict[str, Any]], query: dict[str, list[str]], path: str
    ) -> Any:
        state = query.get("state", ["open"])[0]
        head = query.get("head", [None])[0]
        # GitHub's `sort` (created, updated) and `direction`; by default newest created first.
        sort = {"updated": "updated_at"}.get(query.get("sort", ["created"])[0], "created_at")
        ascending = query.get("direction", ["desc"])[0] == "asc"
        ordered = sorted(
            pulls.values(), key=lambda p: (p[sort], p["number"]), reverse=not ascending
        )
        found = [
            pull
            for pull in ordered
            if (state == "all" or pull["state"] == state)
            and (head is None or pull["head"]["label"] == head)
        ]
        page = int(query.get("page", ["1"])[0])
        per_page = int(query.get("per_page", ["30"])[0])
        listed = _Page(found[(page - 1) * per_page : page * per_page])
        # GitHub's Link header: the next and last pages, the same query otherwise.
        last = max(1, -(-len(found) // per_page))
        links = []
        for rel, number in (("next", page + 1), ("last", last)):
            if page < last:
                paged = urlencode({**{k: v[0] for k, v in query.items()}, "page": number})
                links.append(f'<{self.url}{path}?{paged}>; rel="{rel}"')
        if links:
            listed.headers = {"Link": ", ".join(links)}
        return listed

    def _create(self, repository: str, body: dict[str, Any]) -> tuple[int, Any]:
        missing = [key for key in ("head", "base") if not body.get(key)]
        if missing or not body.get("title"):
            return 422, {"message": "Validation Failed", "documentation_url": DOCS}
        owner = repository.split("/")[0]
        head = body["head"] if ":" in body["head"] else f"{owner}:{body['head']}"
        if any(
            p["head"]["label"] == head and p["state"] == "open"
            for p in self.pulls[repository].values()
        ):
            status, _, payload = FAILURES["pr_exists"]
            return status, json.loads(json.dumps(payload).replace("{head}", head))
        pull = self._new_pull(
            repository,
            body["title"],
            head.split(":", 1)[1],
            body["base"],
            body.get("body"),
            bool(body.get("draft")),
            "leaddocs[bot]",
            "Bot",
        )
        return 201, _single(pull)

    def _graphql(self, body: dict[str, Any]) -> tuple[int, Any]:
        variables = body.get("variables") or {}
        repository = f"{variables.get('owner')}/{variables.get('name')}"
        if repository not in self.repos:
            return 200, {
                "data": {"repository": None},
                "errors": [
                    {
                        "type": "NOT_FOUND",
                        "path": ["repository"],
                        "locations": [{"line": 2, "column": 3}],
                        "message": f"Could not resolve to a Repository with the name '{repository}'.",
                    }
                ],
            }
        answer: dict[str, Any] = {}
        errors: list[dict[str, Any]] = []
        asked = body["query"].count("pullRequest(")
        pull_aliases = _PULL_ALIAS.findall(body["query"])
        if len(pull_aliases) != asked:
            return 200, {"errors": [{"message": "the fake reads only the documented shape"}]}
        for alias, number, types, end, count in pull_aliases:
            pull = self.pulls[repository].get(int(number))
            if pull is None:
                answer[alias] = None
                errors.append(
                    {
                        "type": "NOT_FOUND",
                        "path": ["repository", alias],
                        "locations": [{"line": 3, "column": 5}],
                        "message": f"Could not resolve to a PullRequest with the number of "
                        f"{number}.",
                    }
                )
                continue
            wanted = {name.strip() for name in types.split(",")}
            events = (
                self.review_events.get((repository, int(number)), [])
                if "REVIEW_REQUESTED_EVENT" in wanted
                else []
            )
            events = sorted(events)  # a timeline is oldest first; `last: K` takes its end
            chosen = events[-int(count) :] if end == "last" else events[: int(count)]
            nodes = [{"createdAt": moment} for moment in chosen] if int(count) else []
            answer[alias] = {"timelineItems": {"nodes": nodes}}
        for alias, sha in _ALIAS.findall(body["query"]):
            numbers = self.commits.get(sha)
            if numbers is None:
                answer[alias] = None  # a commit GitHub does not have
                continue
            pulls = [self.pulls[repository][n] for n in numbers if n in self.pulls[repository]]
            answer[alias] = {"associatedPullRequests": {"nodes": [_node(p) for p in pulls[:5]]}}
        reply: dict[str, Any] = {"data": {"repository": answer}}
        if errors:
            reply["errors"] = errors
        return 200, reply

    def know_commits(self, shas: list[str]) -> None:
        """Commits GitHub has that belong to no pull request (pushed straight to a branch)."""
        for sha in shas:
            self.commits.setdefault(sha, [])


def _user(login: str, kind: str) -> dict[str, Any]:
    return {"login": login, "id": zlib.crc32(login.encode()), "type": kind}


def _label(name: str) -> dict[str, Any]:
    return {"id": zlib.crc32(name.encode()), "name": name, "color": "ededed", "default": False}


def _single(pull: dict[str, Any]) -> dict[str, Any]:
    """GET /pulls/{n} has fields a list item lacks: merged, mergeable, commits, …"""
    return {**pull, "merged": pull["merged_at"] is not None, "mergeable": True, "commits": 1}


def _node(pull: dict[str, Any]) -> dict[str, Any]:
    user = pull["user"]
    bot = user["type"] == "Bot"
    # GraphQL names an app's account without REST's "[bot]" suffix, and types it Bot.
    login = user["login"].removesuffix("[bot]") if bot else user["login"]
    return {
        "number": pull["number"],
        "title": pull["title"],
        "url": pull["html_url"],
        "merged": pull["merged_at"] is not None,
        "author": {"login": login, "__typename": "Bot" if bot else "User"},
        "labels": {"nodes": [{"name": label["name"]} for label in pull["labels"]]},
    }


def _head_of(body: Any) -> str:
    return str(body.get("head", "")) if isinstance(body, dict) else ""


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGitHub

    def do_GET(self) -> None:
        self.fake.handle(self, "GET")

    def do_POST(self) -> None:
        self.fake.handle(self, "POST")

    def do_PATCH(self) -> None:
        self.fake.handle(self, "PATCH")

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass


class FakeGitHubServer:
    """Runs a FakeGitHub on 127.0.0.1 in a thread: ``with FakeGitHubServer() as fake: …``."""

    def __init__(self, graphql_path: str = "/graphql") -> None:
        self.fake = FakeGitHub(graphql_path=graphql_path)
        handler = type("Handler", (_Handler,), {"fake": self.fake})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.fake.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> FakeGitHub:
        self._thread.start()
        return self.fake

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
