"""Commit messages parsed: Conventional Commits 1.0 header, trailers, pull-request references."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from leaddocs.history.git import HEADER_FIELDS, RawCommit

# type(scope)!: description — type is a noun of letters; anything else is a plain subject.
_HEADER = re.compile(
    r"^(?P<type>[A-Za-z][\w-]*)(?:\((?P<scope>[^()\r\n]*)\))?(?P<bang>!)?: (?P<desc>\S.*)$"
)
# Linear on long runs: a search starts the spaces only where a run of them begins, and a
# number has at most 18 digits (int() refuses 4,300; no forge numbers past 10**18).
_SQUASH_PR = re.compile(r"(?<!\s)\s*+\(#(?P<number>\d{1,18})\)\s*$")
_GITHUB_MERGE = re.compile(r"^Merge pull request #(?P<number>\d{1,18}) from (?P<branch>\S+)")
_GITLAB_MR = re.compile(
    r"^See merge request (?P<project>\S+)!(?P<number>\d{1,18})\s*$", re.MULTILINE
)
_REVERTS = re.compile(r"This reverts commit (?P<sha>[0-9a-f]{7,40})")
# A footer line (Conventional Commits 1.0, git trailers): ``token: value`` or ``token #value``.
_FOOTER = re.compile(
    r"^(?P<key>BREAKING[ -]CHANGE|[A-Za-z][\w-]*)(?::(?!//) ?(?P<value>.*)| (?P<ref>#.*))$"
)
_BREAKING_KEYS = ("breaking change", "breaking-change")
_ISSUE_KEYS = frozenset(("refs", "closes", "fixes", "resolves", "close", "fix", "resolve"))
# The name is empty or ends in a non-space, so the spaces before "<" are tried once per run.
_PERSON = re.compile(r"^(?P<name>(?:.*?\S)??)\s*+<(?P<email>[^>]*)>\s*$")
_ISSUE_REF = re.compile(r"#(\d{1,18})(?!\d)")
_GITHUB_NOREPLY = "@users.noreply.github.com"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str
    key: str = field(default="", compare=False)
    """Who this is, for counting people: the lower-cased e-mail, else the name. GitHub's
    two no-reply forms (``123+ada@users.noreply…`` and ``ada@users.noreply…``) are one."""

    def __post_init__(self) -> None:
        if not self.key:
            key = (self.email or self.name).lower()
            if key.endswith(_GITHUB_NOREPLY):
                key = key.split("+", 1)[-1]
            object.__setattr__(self, "key", key)


@functools.lru_cache(maxsize=8192)
def person(name: str, email: str) -> Person:
    """One shared Person per identity: a big history has 100k commits but a few hundred authors."""
    return Person(name, email)


@dataclass(slots=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: Person
    timestamp: int
    subject: str
    body: str
    type: str | None = None
    scope: str | None = None
    breaking: bool = False
    description: str = ""
    breaking_notes: tuple[str, ...] = ()
    co_authors: tuple[Person, ...] = ()
    refs: tuple[int, ...] = ()
    pr: int | None = None
    pr_title: str | None = None
    reverts: str | None = None

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def message(self) -> str:
        return f"{self.subject}\n\n{self.body}" if self.body else self.subject


@dataclass(frozen=True, slots=True)
class ConventionalHeader:
    type: str | None
    scope: str | None
    breaking: bool
    description: str


def parse_header(subject: str) -> ConventionalHeader:
    """Split a Conventional Commits header; a plain subject has no type."""
    match = _HEADER.match(subject) if ":" in subject else None
    if match is None:
        return ConventionalHeader(None, None, False, subject)
    scope = match["scope"].strip() if match["scope"] else None
    return ConventionalHeader(
        match["type"].lower(), scope or None, bool(match["bang"]), match["desc"].strip()
    )


def parse_commit(raw: RawCommit) -> Commit:
    return _commit(
        raw.sha, raw.parents, raw.author_name, raw.author_email, raw.timestamp, raw.message
    )


def parse_records(records: list[str], named: dict[str, str] | None = None) -> list[Commit]:
    """Commits from ``git log`` records (``git.LOG_FORMAT``), in bulk: no RawCommit in between,
    which costs a fifth of the parse on a 100k-commit history.

    ``named`` (kept across the blocks of one log, children first) lets a commit's sha be the
    very string its children name as their parent: one copy of each sha, not two (10 MB on a
    100k-commit history). It holds only shas named and not yet read."""
    fields = HEADER_FIELDS
    if named is None:
        named = {}
    keep, take = named.setdefault, named.pop
    commits: list[Commit] = []
    add = commits.append
    for sha, parents, name, email, stamp, message in (
        record.split("\n", fields) for record in records
    ):
        shas = parents.split()
        add(_commit(take(sha, sha), tuple(map(keep, shas, shas)), name, email, int(stamp), message))
    return commits


def _commit(
    sha: str, parents: tuple[str, ...], name: str, email: str, timestamp: int, message: str
) -> Commit:
    """One commit, its fields worked out before it is made (no attribute set after it): the
    parse runs once per commit of a history, 100k times on a big one."""
    if "\r" in message:
        message = message.replace("\r\n", "\n")
    subject, _, body = message.strip("\n").partition("\n")
    subject = subject.strip()
    body = body.strip("\n")
    pr: int | None = None
    pr_title: str | None = None
    if len(parents) > 1:  # a merge: a pull request's or a merge request's
        pr, pr_title = _merge_request(subject, body)
    if pr is None and subject.endswith(")"):
        squash = _SQUASH_PR.search(subject)
        if squash:
            pr = int(squash["number"])
            pr_title = subject[: squash.start()].rstrip()
    words = pr_title or subject
    header = _HEADER.match(words) if ":" in words else None
    if header is None:
        commit = Commit(sha, parents, person(name, email), timestamp, subject, body, None,
                        None, False, words, pr=pr, pr_title=pr_title)  # fmt: skip
    else:
        kind, scope, bang, description = header.groups()
        scope = scope.strip() if scope else None
        commit = Commit(sha, parents, person(name, email), timestamp, subject, body,
                        kind.lower(), scope or None, bang is not None, description.strip(),
                        pr=pr, pr_title=pr_title)  # fmt: skip
    if ":" in body or "#" in body:
        _apply_footers(commit)
    if "This reverts commit" in body:
        reverted = _REVERTS.search(body)
        commit.reverts = reverted["sha"] if reverted else None
    return commit


def _merge_request(subject: str, body: str) -> tuple[int | None, str | None]:
    """A merge's pull request (GitHub) or merge request (GitLab), and its title, when it has."""
    merge = _GITHUB_MERGE.match(subject)
    if merge:
        first_line = body.split("\n", 1)[0].strip()
        return int(merge["number"]), first_line or merge["branch"]
    if "merge request" in body:
        gitlab = _GITLAB_MR.search(body)
        if gitlab:
            first_line = body.split("\n", 1)[0].strip()
            title = first_line if first_line and not _GITLAB_MR.match(first_line) else None
            return int(gitlab["number"]), title
    return None, None


def _apply_footers(commit: Commit) -> None:
    # Footers live in the last paragraph; a BREAKING CHANGE footer may also open an earlier
    # paragraph (as it did before footers were required to come last). A footer's value runs
    # until the next footer line (Conventional Commits 1.0, rule 9).
    paragraphs = commit.body.split("\n\n")
    last = len(paragraphs) - 1
    for index, paragraph in enumerate(paragraphs):
        if index != last and not paragraph.startswith(("BREAKING CHANGE", "BREAKING-CHANGE")):
            continue
        for key, value in _footers(paragraph):
            if key in _BREAKING_KEYS:
                commit.breaking = True
                if value:
                    commit.breaking_notes += (value,)
            elif key == "co-authored-by":
                found = _PERSON.match(value)
                if found:
                    commit.co_authors += (person(found["name"], found["email"]),)
            elif key in _ISSUE_KEYS:
                commit.refs += tuple(int(number) for number in _ISSUE_REF.findall(value))


def _footers(paragraph: str) -> list[tuple[str, str]]:
    """``(lower-cased token, value)`` of each footer in ``paragraph``; lines before the first
    footer are body text, and a line that is no footer continues the value before it."""
    found: list[tuple[str, list[str]]] = []
    for line in paragraph.split("\n"):
        match = _FOOTER.match(line) if line[:1].isalpha() else None
        if match is not None:
            value = match["value"] if match["value"] is not None else match["ref"]
            found.append((match["key"].lower(), [value]))
        elif found:
            found[-1][1].append(line)
    return [(key, " ".join(" ".join(lines).split())) for key, lines in found]
