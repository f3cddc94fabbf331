"""A release as a brief: what shipped in plain words, what it means for the reader, and the
changes that ask something of someone (breaking changes, security fixes, new third-party
components). Housekeeping is counted, never listed: no reader of a brief wants it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from leaddocs.briefs.internal import for_reader
from leaddocs.briefs.lenses import LEGAL, topics
from leaddocs.briefs.model import Audience, Brief, Fact, Part, Source
from leaddocs.briefs.words import count, listed, sentence
from leaddocs.documents.items import cited_ids
from leaddocs.documents.model import ItemView, ReleaseView

# Changes listed per kind in a one-page brief, for each reader; the rest are counted in one
# line. Leadership and legal read the new features; product and customers what they notice.
LISTED: dict[Audience, dict[str, int]] = {
    "leadership": {"feature": 5},
    "legal": {"feature": 5},
    "product": {"feature": 8, "fix": 6, "faster": 3, "other": 4},
    "customers": {"feature": 8, "fix": 6, "faster": 3},
}
LEGAL_POINTS = 8
_SECURITY = re.compile(
    r"(?<![\w-])(?:security|vulnerab\w*|CVE-\d{4}-\d{4,}|XSS|CSRF|SQL injection|exploit\w*)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_BUMP = re.compile(r"^(?:bump|update|upgrade)s?\s+(?P<name>[\w@/.\-]+)", re.IGNORECASE)
_DEPS_SCOPES = frozenset({"deps", "deps-dev", "dependencies", "dependabot"})
# Work on the code itself: whatever section the configuration gives it, no reader of a brief
# sees a difference, so it is counted with the housekeeping.
_INTERNAL_TYPES = frozenset({"refactor", "test", "tests", "ci", "build", "chore", "docs", "style"})
_WORDS: dict[str, tuple[str, str]] = {  # kind -> what a line starts with, what it is called
    "feature": ("New", "new feature"),
    "fix": ("Fixed", "fix"),
    "faster": ("Faster", "speed improvement"),
    "other": ("Changed", "other change"),
}


def is_security(item: ItemView, body: str = "") -> bool:
    if item.type == "security" or (item.scope or "").lower() == "security":
        return True
    return any(_SECURITY.search(text) for text in (item.subject, *item.breaking_notes, body))


def dependency(item: ItemView) -> str | None:
    """The third-party component a change adds or updates (``bump lodash from 4 to 5``)."""
    found = _BUMP.match(item.subject)
    if found is None:
        return None
    if (item.scope or "").lower() in _DEPS_SCOPES or item.type in ("build", "chore", "deps"):
        return found["name"]
    return None


@dataclass(slots=True)
class _Sorted:
    breaking: list[ItemView] = field(default_factory=list)
    security: list[ItemView] = field(default_factory=list)
    by_kind: dict[str, list[ItemView]] = field(default_factory=dict)
    housekeeping: int = 0
    dependencies: list[tuple[str, ItemView]] = field(default_factory=list)


def _sort(view: ReleaseView, bodies: Mapping[str, str]) -> _Sorted:
    """``bodies``: each change's commit bodies, by its head commit's sha."""
    found = _Sorted()
    for section in view.sections:
        for item in section.items:
            name = dependency(item)
            if name is not None:
                found.dependencies.append((name, item))
            if is_security(item, bodies.get(item.commits[0].sha, "")):
                found.security.append(item)
            elif item.breaking:
                found.breaking.append(item)
            elif section.collapsed or item.type in _INTERNAL_TYPES:
                found.housekeeping += 1
            else:
                kind = {"feat": "feature", "fix": "fix", "perf": "faster"}.get(
                    item.type or "", "other"
                )
                found.by_kind.setdefault(kind, []).append(item)
    return found


@dataclass(frozen=True, slots=True)
class Shipped:
    view: ReleaseView
    bodies: Mapping[str, str] = field(default_factory=dict)  # head sha -> commit bodies


def release_brief(shipped: Shipped, audience: Audience, people: Sequence[str] = ()) -> Brief:
    """The brief of ``shipped`` for ``audience``; for customers, without a statement naming
    one of ``people`` (the names the repository knows) or an @mention, counted in left_out."""
    view = shipped.view
    found = _sort(view, shipped.bodies)
    writer = _Writer(view, audience, shipped.bodies)
    writer.summary(found)
    writer.what(found)
    writer.why(found)
    writer.risks(found)
    writer.asks(found)
    name = view.tag or view.version or "unreleased"
    facts, left_out = for_reader(writer.facts, audience, people)
    return Brief(
        kind="release",
        audience=audience,
        title=f"Release {name}" if view.tag or view.version else "Changes not yet released",
        about=f"release {name}" if view.tag or view.version else "the unreleased changes",
        slug=f"release-{name}-{audience}",
        facts=facts,
        left_out=left_out,
    )


class _Writer:
    def __init__(self, view: ReleaseView, audience: Audience, bodies: Mapping[str, str]) -> None:
        self.view = view
        self.audience = audience
        self.bodies = bodies
        # As release notes drafted by a model cite them: unique even where a number repeats.
        self.ids = cited_ids(item for section in view.sections for item in section.items)
        self.facts: list[Fact] = []
        customers = audience == "customers"
        url = view.compare_url
        where = f"{view.from_ref or 'the first commit'}..{view.to_ref}"
        self.release = Source(
            f"release {view.tag or view.version or 'unreleased'}",
            url,
            "" if customers else where,
        )

    def source(self, item: ItemView) -> Source:
        first = item.commits[0]
        label = str(item.pr_label) if item.pr else first.short
        url = item.pr_url if item.pr else first.url
        if self.audience == "customers":
            return Source(label, url)
        return Source(label, url, first.subject)

    def change_id(self, item: ItemView) -> str:
        return self.ids[item.commits[0].sha]

    def add(
        self,
        key: str,
        part: Part,
        text: str,
        items: list[ItemView],
        *,
        kind: str,
        required: bool = True,
    ) -> None:
        sources = tuple(self.source(item) for item in items) or (self.release,)
        detail = "\n".join(
            body for item in items[:1] if (body := self.bodies.get(item.commits[0].sha, ""))
        )
        self.facts.append(Fact(key, part, text, sources, kind, detail, required))

    def summary(self, found: _Sorted) -> None:
        view = self.view
        counts = [
            count(len(found.by_kind[kind]), *_WORDS[kind][1:], *_plural(kind))
            for kind in _WORDS
            if found.by_kind.get(kind)
        ]
        if found.breaking:
            counts.append(
                count(len(found.breaking), "change that needs action", "changes that need action")
            )
        if found.security:
            counts.append(count(len(found.security), "security fix", "security fixes"))
        if found.housekeeping and self.audience != "customers":
            counts.append(count(found.housekeeping, "internal housekeeping change"))
        total = sum(len(items) for items in found.by_kind.values())
        total += len(found.breaking) + len(found.security)
        if self.audience != "customers":  # customers are not told of it: not in their sum
            total += found.housekeeping
        what = f"{count(total, 'change')}: {listed(counts)}" if counts else count(total, "change")
        if view.tag or view.version:
            when = f" on {view.date}" if view.date else ""
            text = f"Release {view.tag or view.version} came out{when} with {what}."
        else:
            verb = "is" if total == 1 else "are"
            text = f"{count(total, 'change')} {verb} merged but not released yet"
            text += f": {listed(counts)}." if counts else "."
            if view.next_version:
                text += f" The next version will likely be {view.next_version}."
        self.facts.append(Fact("release", "summary", text, (self.release,), kind="release"))

    def what(self, found: _Sorted) -> None:
        limits = LISTED[self.audience]
        more: list[str] = []
        for kind, (start, word) in _WORDS.items():
            items = found.by_kind.get(kind, [])
            for item in items[: limits.get(kind, 0)]:
                self.add(
                    self.change_id(item),
                    "what",
                    sentence(f"{start}: {item.subject}"),
                    [item],
                    kind=kind,
                )
            rest = len(items) - limits.get(kind, 0)
            if rest > 0:
                named = count(rest, word, *_plural(kind))
                more.append(f"{rest} more {named.split(' ', 1)[1]}" if limits.get(kind) else named)
        if more:
            self.add(
                "more",
                "what",
                f"Also in this release: {listed(more)}, listed in the release notes.",
                [],
                kind="count",
                required=False,
            )
        if not any(fact.part == "what" for fact in self.facts):
            self.add(
                "nothing-new",
                "what",
                "Nothing new that users can see: the changes are internal.",
                [],
                kind="count",
            )

    def why(self, found: _Sorted) -> None:
        features = len(found.by_kind.get("feature", []))
        fixes = len(found.by_kind.get("fix", []))
        gains = listed(
            [
                text
                for number, text in (
                    (features, count(features, "new feature")),
                    (fixes, count(fixes, "fix", "fixes")),
                )
                if number
            ]
        )
        audience = self.audience
        if audience == "legal":
            self._legal(found)
            return
        reader = {"leadership": "Users get", "product": "Users will notice", "customers": "You get"}
        if gains:
            self.add("value", "why", f"{reader[audience]} {gains}.", [], kind="value")
        if found.breaking:
            who = "you" if audience == "customers" else "the teams and customers who use it"
            self.add(
                "upgrade-work",
                "why",
                f"Upgrading takes work: {count(len(found.breaking), 'change')} "
                f"{'breaks' if len(found.breaking) == 1 else 'break'} what worked before, so "
                f"{who} must adapt.",
                found.breaking[:8],
                kind="impact",
            )
        if found.security:
            self.add(
                "exposure",
                "why",
                f"It closes {count(len(found.security), 'security problem')}: running an older "
                "version leaves "
                + ("you" if audience == "customers" else "us and our customers")
                + " exposed.",
                found.security[:8],
                kind="impact",
            )
        if not [fact for fact in self.facts if fact.part == "why"]:
            self.add(
                "no-impact",
                "why",
                "Little changes for "
                + ("you" if audience == "customers" else "users")
                + ": the work in this release is mostly internal.",
                [],
                kind="value",
            )

    def _legal(self, found: _Sorted) -> None:
        items = [item for section in self.view.sections for item in section.items]
        hits = [
            (item, names)
            for item in items
            if (
                names := topics(f"{item.subject} {self.bodies.get(item.commits[0].sha, '')}", LEGAL)
            )
        ]
        for item, names in hits[:LEGAL_POINTS]:
            self.add(
                f"legal-{self.change_id(item)}",
                "why",
                sentence(f"Touches {listed(names)}: {item.subject}"),
                [item],
                kind="legal",
            )
        if found.dependencies:
            names = list(dict.fromkeys(name for name, _ in found.dependencies))
            shown = listed([*names[:10], *([f"{len(names) - 10} more"] if len(names) > 10 else [])])
            self.add(
                "third-party",
                "why",
                f"Third-party components added or updated: {shown}.",
                [item for _, item in found.dependencies[:8]],
                kind="legal",
            )
        if not hits and not found.dependencies:
            self.add(
                "no-legal",
                "why",
                "No change mentions personal data, privacy, licences, security, compliance or "
                "third-party components.",
                [],
                kind="scan",
            )

    def risks(self, found: _Sorted) -> None:
        for item in found.breaking:
            notes = " ".join(sentence(note) for note in item.breaking_notes)
            self.add(
                f"risk-{self.change_id(item)}",
                "risks",
                sentence(f"Breaks what worked before: {item.subject}")
                + (f" {notes}" if notes else ""),
                [item],
                kind="breaking",
            )
        for item in found.security:
            self.add(
                f"risk-{self.change_id(item)}",
                "risks",
                sentence(f"Security fix: {item.subject}"),
                [item],
                kind="security",
            )
        if not found.breaking and not found.security:
            self.add(
                "no-risk",
                "risks",
                "No change is marked as breaking or as a security fix.",
                [],
                kind="scan",
            )

    def asks(self, found: _Sorted) -> None:
        asks: dict[Audience, list[tuple[bool, str, list[ItemView]]]] = {
            "leadership": [
                (
                    bool(found.breaking),
                    "Plan time for the upgrade work the changes under Risks "
                    "need, for our teams and for customers.",
                    found.breaking,
                ),
                (
                    bool(found.security),
                    "Make sure this version is rolled out promptly: it fixes security problems.",
                    found.security,
                ),
            ],
            "product": [
                (
                    bool(found.breaking),
                    "Tell the users affected by the changes under Risks what "
                    "they must change, before they upgrade.",
                    found.breaking,
                ),
                (
                    bool(found.by_kind.get("feature")),
                    "Decide how and when to announce the new features.",
                    found.by_kind.get("feature", []),
                ),
            ],
            "legal": [
                (
                    bool(found.security),
                    "Decide whether the security fixes must be disclosed "
                    "(to customers, to regulators).",
                    found.security,
                ),
                (
                    bool(found.dependencies),
                    "Check the licences of the third-party components added or updated.",
                    [item for _, item in found.dependencies],
                ),
            ],
            "customers": [
                (
                    bool(found.security),
                    "Upgrade soon: this version fixes security problems.",
                    found.security,
                ),
                (
                    bool(found.breaking),
                    "Before you upgrade, read the changes under What to "
                    "watch out for: they need you to act.",
                    found.breaking,
                ),
            ],
        }
        made = 0
        for number, (applies, text, items) in enumerate(asks[self.audience], start=1):
            if applies:
                self.add(f"ask-{number}", "asks", text, items[:8], kind="ask")
                made += 1
        if not made:
            self.add("ask", "asks", "Nothing: this is for your information.", [], kind="ask")


def _plural(kind: str) -> tuple[str, ...]:
    return ("fixes",) if kind == "fix" else ()
