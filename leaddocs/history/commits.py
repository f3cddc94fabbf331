"""Commit messages parsed: Conventional Commits 1.0 header, trailers, pull-request references."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from leaddocs.history.git import RawCommit

# type(scope)!: description — type is a noun of letters; anything else is a plain subject.
_HEADER = re.compile(
    r"^(?P<type>[A-Za-z][\w-]*)(?:\((?P<scope>[^()\r\n]*)\))?(?P<bang>!)?: (?P<desc>\S.*)$"
)
_SQUASH_PR = re.compile(r"\s*\(#(?P<number>\d+)\)\s*$")
_GITHUB_MERGE = re.compile(r"^Merge pull request #(?P<number>\d+) from (?P<branch>\S+)")
_GITLAB_MR = re.compile(r"^See merge request (?P<project>\S+)!(?P<number>\d+)\s*$", re.MULTILINE)
_REVERTS = re.compile(r"This reverts commit (?P<sha>[0-9a-f]{7,40})")
_TRAILER = re.compile(r"^(?P<key>[A-Za-z][\w-]*|BREAKING CHANGE)\s*: ?(?P<value>.*)$")
_PERSON = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^>]*)>\s*$")
_ISSUE_REF = re.compile(r"#(\d+)")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str
    key: str = field(default="", compare=False)
    """Who this is, for counting people: the lower-cased e-mail, else the name."""

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", (self.email or self.name).lower())


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
    subject, _, body = raw.message.strip("\n").partition("\n")
    subject = subject.strip()
    body = body.strip("\n")
    commit = Commit(
        sha=raw.sha,
        parents=raw.parents,
        author=person(raw.author_name, raw.author_email),
        timestamp=raw.timestamp,
        subject=subject,
        body=body,
    )
    _apply_pull_request(commit)
    header = parse_header(commit.pr_title or commit.subject)
    commit.type, commit.scope, commit.breaking = header.type, header.scope, header.breaking
    commit.description = header.description
    if ":" in body:
        _apply_trailers(commit)
    if "This reverts commit" in body:
        reverted = _REVERTS.search(body)
        commit.reverts = reverted["sha"] if reverted else None
    return commit


def _apply_pull_request(commit: Commit) -> None:
    if commit.is_merge:
        _apply_merge_request(commit)
    if commit.pr is None and commit.subject.endswith(")"):
        squash = _SQUASH_PR.search(commit.subject)
        if squash:
            commit.pr = int(squash["number"])
            commit.pr_title = commit.subject[: squash.start()].rstrip()


def _apply_merge_request(commit: Commit) -> None:
    merge = _GITHUB_MERGE.match(commit.subject)
    if merge:
        commit.pr = int(merge["number"])
        first_line = commit.body.split("\n", 1)[0].strip()
        commit.pr_title = first_line or merge["branch"]
        return
    if "merge request" in commit.body:
        gitlab = _GITLAB_MR.search(commit.body)
        if gitlab:
            commit.pr = int(gitlab["number"])
            first_line = commit.body.split("\n", 1)[0].strip()
            if first_line and not _GITLAB_MR.match(first_line):
                commit.pr_title = first_line


def _apply_trailers(commit: Commit) -> None:
    # Trailers live in the last paragraph; BREAKING CHANGE may open any paragraph after the
    # subject (Conventional Commits 1.0, rule 12), and runs to the end of that paragraph.
    paragraphs = commit.body.split("\n\n")
    if "BREAKING" in commit.body:
        for paragraph in paragraphs:
            head, _, rest = paragraph.partition(":")
            if head in ("BREAKING CHANGE", "BREAKING-CHANGE"):
                commit.breaking = True
                if rest.strip():
                    commit.breaking_notes += (" ".join(rest.split()),)
    last = paragraphs[-1]
    for line in last.splitlines():
        match = _TRAILER.match(line.strip())
        if match is None:
            continue
        key = match["key"].lower()
        value = match["value"].strip()
        if key == "co-authored-by":
            found = _PERSON.match(value)
            if found:
                commit.co_authors += (person(found["name"], found["email"]),)
        elif key in ("refs", "closes", "fixes", "resolves", "close", "fix", "resolve"):
            commit.refs += tuple(int(number) for number in _ISSUE_REF.findall(value))
