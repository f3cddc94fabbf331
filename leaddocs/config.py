"""Load and validate leaddocs configuration.

Sources, first found wins: ``--config FILE``, ``leaddocs.yml`` (or ``.leaddocs.yml``) at the
repository root, ``[tool.leaddocs]`` in ``pyproject.toml``. Every key has a working default, so
no file is needed. Errors name the file, the line and the key, with the nearest valid key for a
typo.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from types import UnionType
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    Protocol,
    TypeVar,
    Union,
    dataclass_transform,
    get_args,
    get_origin,
    get_type_hints,
)

from leaddocs.errors import ConfigError

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, TypeAdapter
    from pydantic_core import CoreSchema

# x.y to x.y.z.w, with or without v, and a pre-release or post-release suffix (history/versions.py).
DEFAULT_TAG_PATTERN = (
    r"^[vV]?(?P<version>\d+(?:\.\d+){1,3}"
    r"(?:(?:-|[._]?(?=[A-Za-z]))[0-9A-Za-z]+(?:[.\-_][0-9A-Za-z]+)*)?(?:\+[0-9A-Za-z.\-]+)?)$"
)
CONFIG_FILE_NAMES = ("leaddocs.yml", "leaddocs.yaml", ".leaddocs.yml")


# The settings are plain frozen dataclasses (ADR 0017): with no configuration file they are
# built from their defaults without importing pydantic (~0.1 s of every run). A file is
# untrusted input: pydantic checks it against these same classes, reading the constraints from
# the metadata below, and is imported only then.
_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def _settings(cls: type[_T]) -> type[_T]:
    """A section of the configuration: frozen, keyword-only, and (for pydantic) no unknown key.

    Equality, repr and immutability are shared functions, not generated for each of the 24
    classes as ``dataclass(frozen=True)`` would: generating them cost ~6 ms of every run."""
    namespace: dict[str, Any] = {
        "__pydantic_config__": {"extra": "forbid"},
        "__eq__": _equal,
        "__repr__": _repr,
        "__setattr__": _set_once,
        "__delattr__": _no_delete,
        "__hash__": None,
    }
    for name, value in namespace.items():
        setattr(cls, name, value)
    return dataclass(kw_only=True, eq=False, repr=False)(cls)


def _equal(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return bool(self.__dict__ == other.__dict__)


def _repr(self: Any) -> str:
    fields = ", ".join(f"{item.name}={getattr(self, item.name)!r}" for item in key_fields(self))
    return f"{type(self).__name__}({fields})"


def _set_once(self: Any, name: str, value: Any) -> None:
    """Frozen: each field is set once, by ``__init__`` (or by pydantic, building one)."""
    if name in self.__dict__:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _no_delete(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


class Check:
    """Field metadata: a function run on the value once pydantic has checked its type; a
    ``ValueError`` it raises is the key's message."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))


class Bound:
    """Field metadata: the bounds of a number, checked by pydantic with its own messages
    ("Input should be greater than or equal to 20")."""

    __slots__ = ("ge", "gt", "le")

    def __init__(
        self, *, ge: float | None = None, gt: float | None = None, le: float | None = None
    ) -> None:
        self.ge, self.gt, self.le = ge, gt, le

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic import Field

        return handler(Annotated[source, Field(ge=self.ge, gt=self.gt, le=self.le)])

    def check(self, value: float) -> float:
        if (
            (self.ge is not None and not value >= self.ge)
            or (self.gt is not None and not value > self.gt)
            or (self.le is not None and not value <= self.le)
        ):
            raise ValueError(f"{value!r} is out of bounds")
        return value


# Fields that are not keys of the file: where the configuration was read from, and which
# top-level keys the file set (a set ``templates_dir`` must name a folder that exists).
NOT_A_KEY = {"key": False}


def key_fields(settings: Any) -> list[dataclasses.Field[Any]]:
    """The fields of a settings class (or instance) that are keys of the file, in order."""
    return [item for item in dataclasses.fields(settings) if item.metadata.get("key", True)]


# What re raises for a pattern it cannot compile: a syntax error, nesting deeper than its parser
# recurses (RecursionError), a repeat count its code cannot hold (OverflowError). Not a
# ValueError, so pydantic would let the last two through as a crash.
_REGEX_ERRORS = (re.error, RecursionError, OverflowError)


def _compile(value: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except _REGEX_ERRORS as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from exc


def _check_regex(value: str) -> str:
    """A pattern that is joined with others into one alternation."""
    _compile(value)
    if value.startswith("(?"):
        try:
            # In an alternation a global flag like (?i) is illegal; it can only open a pattern.
            re.compile(f"(?:{value})")
        except _REGEX_ERRORS as exc:
            raise ValueError(f"{value!r}: use a scoped flag like (?i:...) instead of (?i)") from exc
    return value


def _check_regexes(value: list[str]) -> list[str]:
    return [_check_regex(item) for item in value]


def _is_regex(value: str) -> str:
    _compile(value)
    return value


def _inside_repository(value: str) -> str:
    """A path leaddocs writes or reads for the repository stays in it: a config file is as
    untrusted as a commit, and a CI job must not be sent to write ``../../somewhere``."""
    path = PurePosixPath(value.replace("\\", "/"))
    if not path.parts or path.is_absolute() or ".." in path.parts or ":" in value:
        raise ValueError(f"{value!r}: give a path inside the repository, relative to its root")
    return value


def _optional_inside_repository(value: str | None) -> str | None:
    return None if value is None else _inside_repository(value)


def _tag_pattern(value: str) -> str:
    others = sorted(set(_compile(value).groupindex) - {"version"})
    if others:
        raise ValueError(
            f"{value!r}: the only named group a tag pattern may have is (?P<version>...), "
            f"not {', '.join(others)}; without one the whole tag (after a leading v) is the "
            "version"
        )
    return value


def _lower_case(value: list[str]) -> list[str]:
    return [item.strip().lower() for item in value if item.strip()]


def _web_address(value: str | None) -> str | None:
    # Links are built from it and published: a web address of a repository, no secrets.
    if value is None:
        return None
    if not re.match(r"^https?://[^/\s@]+/[^\s]*[^/\s]", value):
        raise ValueError(
            f"{value!r}: give the repository's web address, such as https://github.com/OWNER/REPO"
        )
    return value


def _http_url(value: str | None) -> str | None:
    if value is not None and not re.match(r"^https?://[^/\s]+", value):
        raise ValueError(f"{value!r}: give an http(s) URL, such as https://HOST/api/v3")
    return value


def _variable_name(value: str | None) -> str | None:
    # A token pasted here by mistake must not be kept, or echoed back in full.
    if value is not None and not re.fullmatch(r"[A-Z_][A-Z0-9_]{0,63}", value):
        raise ValueError("name an environment variable (such as GHES_TOKEN), not a token")
    return value


Regexes = Annotated[list[str], Check(_check_regexes)]
Inside = Annotated[str, Check(_inside_repository)]


@_settings
class TagsConfig:
    pattern: Annotated[str, Check(_tag_pattern)] = DEFAULT_TAG_PATTERN
    # A final release lists everything since the previous final one (ADR 0014).
    fold_prereleases: bool = True


@_settings
class SectionConfig:
    title: str
    types: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # pull request labels (with a token)
    # The first words of a plain subject that place it here ("Fix …", "Clean up …"); a word
    # also matches its -s, -es, -d, -ed, -ied forms ("Fixes", "Fixed", "Simplified"), and
    # "the", "a", "an" between the words do not count ("Remove the unused …").
    verbs: list[str] = field(default_factory=list)
    # Regular expressions searched, in any case, anywhere in a plain subject no verb placed:
    # what merge-based projects' prose says ("… learned to …", "… has been fixed").
    phrases: Regexes = field(default_factory=list)
    # Shown folded away, as Maintenance is: there for the reviewer, out of the reader's way.
    collapsed: bool = False


def _default_sections() -> list[SectionConfig]:
    return [
        SectionConfig(
            title="Features",
            types=["feat", "feature"],
            labels=["enhancement", "feature"],
            verbs=["add", "implement", "support", "introduce", "allow", "enable", "teach"],
            phrases=[
                r"\b(?:learned|learnt|(?:has|have|was|were) been taught|gained|can now|now (?:"
                r"supports?|accepts?|allows?|works|shows?|offers?|honou?rs?|takes?|knows?))\b",
                r"\bnew (?:option|command|subcommand|configuration(?: variable)?|setting|flag)s?\b",
            ],
        ),
        SectionConfig(
            title="Fixes",
            types=["fix", "bugfix", "hotfix"],
            labels=["bug"],
            verbs=["fix", "correct", "resolve", "prevent", "repair"],
            phrases=[
                r"\b(?:(?:has|have) been (?:fixed|corrected|plugged|squelched|resolved)|no longer "
                r"(?:crash|segfault|fail|hang|die|leak)s?|leaks?|segfaults?|crash(?:es|ed)?|bugs?"
                r"|regressions?|fix(?:es|ed)?)\b",
            ],
        ),
        SectionConfig(
            title="Performance",
            types=["perf"],
            labels=["performance"],
            verbs=["speed up", "optimize", "optimise"],
            phrases=[
                r"\b(?:faster|sped up|speed(?:s|ed)? up|optimi[sz](?:ed|ation)|performance)\b"
            ],
        ),
        SectionConfig(title="Security", types=["security"], labels=["security"]),
        SectionConfig(
            title="Removed and deprecated",
            labels=["removal", "deprecation"],
            verbs=["remove", "drop", "delete", "deprecate"],
        ),
        SectionConfig(title="Reverts", types=["revert"], labels=["revert"], verbs=["revert"]),
        SectionConfig(
            title="Refactoring",
            collapsed=True,  # few maintainers publish refactors; the reviewer may unfold them
            types=["refactor"],
            labels=["refactoring", "refactor"],
            verbs=[
                "refactor",
                "clean up",
                "cleanup",
                "simplify",
                "restructure",
                "reorganize",
                "reorganise",
                "rework",
                # Removing what nobody used is tidying, not a removal users notice.
                "remove unused",
                "remove dead",
                "remove obsolete",
                "delete unused",
                "delete dead",
            ],
            phrases=[r"\b(?:code )?clean-?ups?\b", r"\brefactor(?:ed|ing|ings)?\b"],
        ),
        SectionConfig(
            title="Documentation",
            types=["docs"],
            labels=["documentation"],
            verbs=["document", "docs"],
            phrases=[r"^(?:doc|docs|documentation)\b"],
        ),
    ]


# Conventional Commits 1.0 names only feat and fix; these are the types of the widespread
# conventions (Angular, commitlint's config-conventional, Renovate's deps, a few spellings).
DEFAULT_COMMIT_TYPES = [
    *("feat", "feature", "fix", "bugfix", "hotfix", "perf", "refactor", "docs", "test", "tests"),
    *("build", "ci", "chore", "style", "revert", "deps", "security"),
]


@_settings
class CommitsConfig:
    """How a subject is read (docs/drafts.md): which ``word:`` prefixes are types."""

    # Only these are Conventional Commit types; any other prefix ("meson: …", "t1234: …")
    # is an area of the code and stays in the entry's text.
    types: Annotated[list[str], Check(_lower_case)] = field(
        default_factory=lambda: list(DEFAULT_COMMIT_TYPES)
    )
    # True: an area prefix is shown as the entry's scope, and entries of one area stand together.
    group_by_area: bool = False


# Branch names whose merge brings the main line in, not a topic (``git pull``, back-merges).
DEFAULT_SYNC_BRANCHES = (
    r"^(?:[\w.-]+/)?(?:main|master|develop|development|dev|trunk|next|seen|pu|stable|HEAD"
    r"|maint(?:[-/].*)?|release[-/].*|releases/.*|v?\d+(?:\.\d+)*(?:\.x)?)$"
)


@_settings
class MergesConfig:
    """Merge-based projects (docs/drafts.md): a merged topic branch as one entry."""

    # auto: when at least half of a release's first-parent commits merge topic branches
    # (git.git's "Merge branch 'jc/topic'"); on: always; off: never (each commit its own entry).
    topics: Literal["auto", "on", "off"] = "auto"
    sync_branches: Annotated[str, Check(_is_regex)] = DEFAULT_SYNC_BRANCHES


# Subject patterns are matched at the start of the subject and at the start of its words
# after a ``type(scope): `` prefix, so no pattern needs to allow for one.
_VERSION = r"v?\d+(?:\.\d+)+[\w.+-]*"
DEFAULT_RELEASE_PATTERNS = [
    # "Bump version to 1.3.0", "Bump version: 1.2.0 → 1.3.0" (bump2version), "Version bump"
    r"^(?i:bump(?:ed)? (?:the )?version|version bump)\b",
    # "bump: version 1.2.0 → 1.3.0" (commitizen), "version 1.2.0 → 1.3.0"
    rf"^(?i:version):? {_VERSION} *(?:→|->|=>) *{_VERSION}",
    # "Release v1.3.0", "release: prepare for v1.3.0", "chore(main): release 1.3.0", "Prepare 2.1"
    r"^(?i:release|releasing|prepare|preparing)(?i: (?:for|of|the|new|version|release))*"
    rf" {_VERSION}(?i: release)?(?: \[skip ci\])?$",
    # "chore(release): 1.3.0 [skip ci]" (standard-version, semantic-release)
    r"^(?i:chore|build|release)\(release\)!?: ",
    # "v1.3.0", "🔖 1.3.0"; "Git 2.45", "Linux 6.9-rc1" (a project's own release commit)
    rf"^(?:🔖 |:bookmark: )?{_VERSION}$",
    rf"^[A-Z][\w-]* {_VERSION}$",
    # The CHANGELOG is what is being written: updating it is no entry in it.
    r"^(?i:update|refresh|regenerate|generate|rebuild|add)(?i:d|ed)? (?:the )?"
    r"(?i:changelog|release notes)\b",
    # A maintainer's release-notes batches in merge-based projects (git.git).
    r"^(?i:the \w+ batch|start (?:the )?(?:post[- ])?\S+ cycle|sync with )",
]


@_settings
class SkipConfig:
    """Changes left out of every document (they are still counted in JSON ``skipped``)."""

    authors: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    message_patterns: Regexes = field(default_factory=lambda: [r"\[skip changelog\]"])
    labels: list[str] = field(default_factory=lambda: ["skip-changelog"])  # pull request labels
    # Release commits: version bumps and release preparation (matched on the subject).
    release_patterns: Regexes = field(default_factory=lambda: list(DEFAULT_RELEASE_PATTERNS))


@_settings
class HousekeepingConfig:
    """One kind of housekeeping (dependency updates, translation syncs): recognised by any of
    its subjects, authors, scopes or pull request labels; collapsed into Maintenance, or left
    out of documents entirely with ``drop: true``."""

    subject_patterns: Regexes = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    drop: bool = False


def _defaults(*items: str) -> Any:
    """A list default: a setting given in part (``drop: true``) keeps the rest as it was."""
    return field(default_factory=lambda: list(items))


@_settings
class DependencyUpdatesConfig(HousekeepingConfig):
    """Dependabot, Renovate and Snyk updates."""

    subject_patterns: Regexes = _defaults(
        # Dependabot: "Bump lodash from 4.17.20 to 4.17.21", "Update x requirement from …"
        r"^(?i:bump|update|upgrade) \S+ (?:from|requirement from) \S+ to \S+",
        r"^(?i:bump) the \S+ group\b",
        # Renovate: "Update dependency eslint to v9", "Update react monorepo to v19",
        # "Update actions/checkout action to v4", "Update Node.js to v20"
        r"^(?i:update|pin) (?i:dependency|module|rust crate|gradle plugin) \S+",
        r"^(?i:update) \S+ (?i:monorepo|action|docker tag|digest)\b",
        r"^(?i:update) \S+ to v?\d[\w.+-]*$",
        r"^(?i:update all (?:non-major |minor |patch )?dependencies|pin dependencies"
        r"|lock file maintenance)\b",
        # By hand: "Update dependencies", "Bump deps", "Upgrade the lock file"
        r"^(?i:update|upgrade|bump|refresh)(?i: all)?(?i: the)? (?i:dependencies|deps"
        r"|requirements|packages|lock ?file|go\.sum|cargo\.lock|package-lock\.json)\.?$",
        r"^\[Snyk\] (?i:upgrade|security upgrade|fix for)\b",
    )
    authors: list[str] = _defaults(
        "dependabot[bot]", "dependabot-preview[bot]", "renovate[bot]", "renovate-bot"
    )
    scopes: list[str] = _defaults("deps", "deps-dev", "dependencies")
    labels: list[str] = _defaults("dependencies")


@_settings
class TranslationSyncsConfig(HousekeepingConfig):
    """Weblate, Crowdin and Transifex syncs."""

    subject_patterns: Regexes = _defaults(
        # Weblate: "Translated using Weblate (German)", its pull request "Translations
        # update from Hosted Weblate"; Crowdin: "New translations en.json (French)"
        r"^(?i:translated using weblate|(?:added|deleted) translation using weblate)\b",
        r"^(?i:translations update from)\b",
        r"^(?i:new translations?|new crowdin (?:updates|translations))\b",
        r"^(?i:update|updated|sync|synchronize|pull|import)\w* (?:\w+ )?"
        r"(?i:translations?|translation files|locales?|po files)\b",
    )
    authors: list[str] = _defaults(
        "Weblate",
        "Hosted Weblate",
        "Weblate (bot)",
        "Weblate Translation Memory",
        "Crowdin Bot",
        "transifex-integration[bot]",
    )
    # Not i18n or l10n: "fix(i18n): use the plural forms" is work on translating, not a sync.
    scopes: list[str] = _defaults("translations", "translation")
    labels: list[str] = _defaults("translations")


DEFAULT_MAINTENANCE_PATTERNS = [
    r"^Merge (?:remote-tracking )?branch '(?:main|master|develop|trunk)'",
    # Work on the work: typos, lint, formatting, the tests themselves
    r"^(?i:(?:fix(?:e[sd])?|correct(?:ed)?) )?(?i:a |some |the |minor |small |more )?"
    r"(?i:typos?|spelling mistakes?|misspellings?)\b",
    r"^(?i:fix(?:e[sd])?) (?i:the |some |failing |flaky )?(?i:whitespace|indentation"
    r"|formatting|lint(?:ing)?|linter|tests?|mypy|flake8|ruff|eslint|clippy|pre-commit)"
    r"(?:$|[ ,]+(?i:in|on|for|after|of|with)\b)",
    # Tests: "Add tests for the parser", "Add missing unit tests", "Make tests pass again"
    r"^(?i:add|adds|added|update|updated|improve|improved|more)"
    r"(?i: (?:some|more|missing|new|unit|integration|regression|the|a))* (?i:tests?)"
    r"(?:$|[ ,:]+(?i:for|to|of|in|on|covering|that|around|with)\b)",
    r"^(?i:(?:make|get) (?:the )?(?:tests?|ci|build) (?:pass|green|work)(?:ing)?)\b",
    # Review rounds pushed as commits (GitHub's "Apply suggestions from code review")
    r"^(?i:apply suggestions? from code review|address(?:ed|ing)? (?:the )?(?:review )?"
    r"(?:comments|feedback|remarks)|review (?:comments|feedback)|minor (?:fixes|changes|tweaks)"
    r"|small fixes|fix ci|wip)\b",
    r"^(?i:(?:re)?format(?:ted|ting)?|lint(?:ing)?|run (?:black|prettier|ruff|gofmt|cargo fmt"
    r"|clang-format))(?i: (?:the )?(?:code|code ?base|files|sources?|source code|everything"
    r"|all files))?(?i: with \S+)?\.?$",
    # The GitHub web editor's subjects: "Update README.md", "Create .gitignore"
    r"^(?i:update|create|delete|add) (?:[\w./-]+\.(?i:md|txt|rst|yml|yaml|json|toml|cfg|ini"
    r"|lock)|\.[\w.-]+)$",
    # pre-commit.ci's autoupdate
    r"^\[pre-commit\.ci\]",
]


@_settings
class MaintenanceConfig:
    """Housekeeping that goes into the collapsed Maintenance section."""

    title: str = "Maintenance"
    types: list[str] = field(default_factory=lambda: ["build", "ci", "test", "style", "chore"])
    scopes: list[str] = field(default_factory=lambda: ["release"])
    labels: list[str] = field(default_factory=lambda: ["chore", "ci"])
    authors: list[str] = field(default_factory=lambda: ["pre-commit-ci[bot]"])
    subject_patterns: Regexes = field(default_factory=lambda: list(DEFAULT_MAINTENANCE_PATTERNS))
    dependencies: DependencyUpdatesConfig = field(default_factory=DependencyUpdatesConfig)
    translations: TranslationSyncsConfig = field(default_factory=TranslationSyncsConfig)
    # Two or more changes by bots with the same subject in one release are one entry ("12 times").
    collapse_bot_repeats: bool = True


DEFAULT_NOT_CREDITED = [
    # GitHub apps and the usual service accounts
    r".*\[bot\](?:@.*)?",
    r"(?:dependabot(?:-preview)?|renovate(?:-bot)?|github-actions|weblate|hosted weblate"
    r"|weblate \(bot\)|weblate translation memory|pre-commit-ci|snyk-bot|crowdin bot"
    r"|transifex bot|semantic-release-bot|release-please|mergify|allcontributors|imgbot"
    r"|greenkeeper|codecov|web-flow)",
    # AI assistants named as authors or co-authors
    r"(?:claude(?: code)?|(?:github )?copilot|chatgpt|(?:openai )?codex|cursor agent|cursoragent"
    r"|devin|gemini(?: code assist)?|amazon q(?: developer)?|aider|openhands|sweep|jules|junie)",
    # ... and under a model's name: "Claude Sonnet 4.5", "claude-3-5-sonnet", "gpt-5-codex",
    # "Gemini 2.5 Pro" (a person called Claude Monet or Gemini Ortiz is still credited)
    r"(?:claude|gemini)(?:[ -](?:opus|sonnet|haiku|instant|pro|flash|ultra|\d[\d.]*))+",
    r"(?:chat)?gpt(?:[ -][\w.]+)*|(?:openai )?codex(?:[ -][\w.]+)+",
    r"noreply@anthropic\.com|cursoragent@cursor\.com|openhands@all-hands\.dev"
    r"|junie@jetbrains\.com",
]


@_settings
class ContributorsConfig:
    """Who is credited (docs/drafts.md)."""

    # Never credited: a name or e-mail matching one of these in full, in any case.
    not_credited: Regexes = field(default_factory=lambda: list(DEFAULT_NOT_CREDITED))
    # "by NAME" after each entry: auto leaves it out when the release has one author.
    by_line: Literal["auto", "always", "never"] = "auto"


@_settings
class RemoteConfig:
    provider: Literal["auto", "github", "gitlab", "gitea", "bitbucket", "generic", "none"] = "auto"
    url: Annotated[str | None, Check(_web_address)] = None


@_settings
class ChangelogConfig:
    path: Inside = "CHANGELOG.md"  # in the repository, and in a `build` folder
    title: str = "Changelog"
    # Tagged releases, once computed, kept here (ADR 0016); a folder that ignores itself in git.
    cache_dir: Inside = ".leaddocs/cache/releases"
    cache_max_mb: Annotated[int, Bound(ge=0)] = 256  # 0: no cache


@_settings
class LlmConfig:
    """The LLM drafter (docs/llm.md); the endpoint and key come from OPENAI_* variables."""

    enabled: bool = False
    model: str = "gpt-4o-mini"
    audience: Literal["engineering", "leadership", "customers"] = "engineering"
    temperature: Annotated[float, Bound(ge=0, le=2)] = 0.2
    timeout: Annotated[float, Bound(gt=0)] = 60.0
    max_tokens: Annotated[int, Bound(ge=64)] = 4096
    max_retries: Annotated[int, Bound(ge=0, le=10)] = 2
    token_budget: Annotated[int, Bound(ge=500)] = 12_000
    max_requests: Annotated[int, Bound(ge=1)] = 20
    body_max_chars: Annotated[int, Bound(ge=0)] = 600
    # A bullet citing more ids than this covers none of them: a catch-all sentence ("All the
    # changes.") would otherwise account for every item. 8 leaves room for a group of related
    # pull requests, which the model is told to split past it.
    max_ids_per_bullet: Annotated[int, Bound(ge=1)] = 8
    price_in_per_million: Annotated[float, Bound(ge=0)] | None = None
    price_out_per_million: Annotated[float, Bound(ge=0)] | None = None
    cache_dir: Inside = ".leaddocs/cache"
    # Azure-style gateways that still want ?api-version=… on every request.
    api_version: str | None = None


@_settings
class AdrLintConfig:
    """``adr lint``: codes (ADR001 to ADR010, docs/adr.md) it does not report."""

    ignore: list[str] = field(default_factory=list)


@_settings
class AdrConfig:
    """Where the decision log lives. Unset ``dir``: discovered (docs/adr.md lists the places)."""

    dir: Annotated[str | None, Check(_optional_inside_repository)] = None
    lint: AdrLintConfig = field(default_factory=AdrLintConfig)
    # `leaddocs ci` numbers drafts that landed on the default branch; this also accepts them.
    accept_when_numbered: bool = False


@_settings
class PullRequestConfig:
    """How draft pull requests are opened (``--pr``)."""

    draft: bool = False
    labels: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)


@_settings
class ForgeConfig:
    """The forge's API (docs/configuration.md). The token itself never lives here: it comes
    from ``GITHUB_TOKEN``/``GH_TOKEN``, or the variable ``token_env`` names."""

    api_url: Annotated[str | None, Check(_http_url)] = None
    graphql_url: Annotated[str | None, Check(_http_url)] = None
    token_env: Annotated[str | None, Check(_variable_name)] = None
    strict: bool = False
    timeout: Annotated[int, Bound(ge=1, le=300)] = 15
    enrich_max_changes: Annotated[int, Bound(ge=0)] = 2000
    exclude_bots: bool = True
    cache_dir: Inside = ".leaddocs/cache/forge"
    pr: PullRequestConfig = field(default_factory=PullRequestConfig)


@_settings
class StatusConfig:
    """The status page (docs/status-pages.md): its period, where pages go, and the risk rules."""

    cadence_days: Annotated[int, Bound(ge=1, le=366)] = 7  # the period when --since is not given
    # The main line ("merged" means on it): default the forge's default branch, else
    # origin/HEAD, else main or master.
    branch: str | None = None
    dir: Inside = "docs/status"
    notes: str | None = None  # the lead's notes file, read when --notes is not given
    highlights: Annotated[int, Bound(ge=0, le=50)] = 5
    pr_open_days: Annotated[int, Bound(ge=1)] = 14
    review_wait_days: Annotated[int, Bound(ge=1)] = 3
    adr_proposed_days: Annotated[int, Bound(ge=1)] = 30
    risk_labels: list[str] = field(default_factory=lambda: ["risk"])
    blocker_labels: list[str] = field(default_factory=lambda: ["blocked", "blocker"])
    branch_days: Annotated[int, Bound(ge=1)] = 14  # offline: branches with a commit this recent
    # Other repositories (local paths) or status JSON files for `status --portfolio`.
    portfolio: list[str] = field(default_factory=list)


@_settings
class StatsConfig:
    """``leaddocs stats`` (docs/stats.md)."""

    # Writing time saved is the words kept at this speed. People composing text on a keyboard
    # write about 19 words a minute (Karat et al., CHI '99): slower than copying it.
    words_per_minute: Annotated[float, Bound(gt=0, le=200)] = 20


@_settings
class MeetingsConfig:
    """``leaddocs meeting`` (docs/meetings.md): where meeting pages go."""

    folder: Inside = "docs/meetings"


@_settings
class RfcsConfig:
    """Where ``leaddocs new rfc`` writes RFCs (docs/rfcs-and-runbooks.md)."""

    dir: Inside = "docs/rfcs"  # NNNN-slug.md; under the MkDocs docs folder, each is a page


@_settings
class RunbooksConfig:
    """Where ``leaddocs new runbook`` writes runbooks, and when one is stale."""

    dir: Inside = "docs/runbooks"  # <service>/slug.md
    # A runbook last verified longer ago than this is flagged on the site and the status page.
    stale_after_days: Annotated[int, Bound(ge=1)] = 180


@_settings
class Config:
    tags: TagsConfig = field(default_factory=TagsConfig)
    breaking_title: str = "Breaking changes"
    sections: list[SectionConfig] = field(default_factory=_default_sections)
    other_title: str = "Other"
    skip: SkipConfig = field(default_factory=SkipConfig)
    maintenance: MaintenanceConfig = field(default_factory=MaintenanceConfig)
    remote: RemoteConfig = field(default_factory=RemoteConfig)
    changelog: ChangelogConfig = field(default_factory=ChangelogConfig)
    templates_dir: Inside = ".leaddocs/templates"
    subject_max_length: Annotated[int, Bound(ge=20)] = 300
    llm: LlmConfig = field(default_factory=LlmConfig)
    adr: AdrConfig = field(default_factory=AdrConfig)
    forge: ForgeConfig = field(default_factory=ForgeConfig)
    status: StatusConfig = field(default_factory=StatusConfig)
    stats: StatsConfig = field(default_factory=StatsConfig)
    meetings: MeetingsConfig = field(default_factory=MeetingsConfig)
    rfcs: RfcsConfig = field(default_factory=RfcsConfig)
    runbooks: RunbooksConfig = field(default_factory=RunbooksConfig)
    commits: CommitsConfig = field(default_factory=CommitsConfig)
    merges: MergesConfig = field(default_factory=MergesConfig)
    contributors: ContributorsConfig = field(default_factory=ContributorsConfig)

    source: str | None = field(default=None, metadata=NOT_A_KEY)
    given: frozenset[str] = field(default=frozenset(), metadata=NOT_A_KEY)


class Memo(Protocol):
    """What a file's bytes were checked to mean, remembered (``application/config_memo.py``):
    parsing and checking a full ``leaddocs.yml`` costs ~0.1 s (ruamel.yaml, pydantic)."""

    def recall(self, path: Path, data: bytes) -> Config | None: ...

    def remember(self, path: Path, data: bytes, config: Config) -> None: ...


def load_config(repo_root: Path, explicit: Path | None = None, memo: Memo | None = None) -> Config:
    """The configuration for ``repo_root``: an explicit file, a found file, or the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        if explicit.name == "pyproject.toml":
            return _from_pyproject(explicit, memo, required=True) or Config()
        return _from_yaml(explicit, memo)
    for name in CONFIG_FILE_NAMES:
        candidate = repo_root / name
        if candidate.is_file():
            return _from_yaml(candidate, memo)
    pyproject = repo_root / "pyproject.toml"
    if pyproject.is_file():
        found = _from_pyproject(pyproject, memo, required=False)
        if found is not None:
            return found
    return Config()


def _decoded(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from exc


def _from_yaml(path: Path, memo: Memo | None) -> Config:
    data = path.read_bytes()
    remembered = memo.recall(path, data) if memo is not None else None
    if remembered is not None:
        return remembered
    found = _read_yaml(path, _decoded(path, data))
    if memo is not None:
        memo.remember(path, data, found)
    return found


def _read_yaml(path: Path, text: str) -> Config:
    from leaddocs import yamlio  # ruamel.yaml loads only when there is a YAML file to read

    try:
        tree = yamlio.load(text)
    except yamlio.YamlSyntaxError as exc:
        raise ConfigError(f"{path}:{exc.line}: invalid YAML: {exc}") from exc
    if tree is None:
        return Config(source=str(path))
    if not isinstance(tree, dict):
        raise ConfigError(f"{path}:1: the top level must be a mapping of keys")

    def line_of(loc: tuple[str | int, ...]) -> int:
        found = yamlio.key_line(tree, loc)
        return found + 1 if found is not None else 1

    return _validate(yamlio.plain(tree), path, line_of)


def _from_pyproject(path: Path, memo: Memo | None, *, required: bool) -> Config | None:
    if path.stat().st_size > MAX_PYPROJECT_BYTES:
        raise ConfigError(f"{path}: larger than 1 MiB; leaddocs reads no pyproject.toml that big")
    data = path.read_bytes()
    remembered = memo.recall(path, data) if memo is not None else None
    if remembered is not None:
        return remembered
    found = _read_pyproject(path, _decoded(path, data), required=required)
    if memo is not None and found is not None:
        memo.remember(path, data, found)
    return found


def _read_pyproject(path: Path, text: str, *, required: bool) -> Config | None:
    _check_dotted_depth(text, path)
    import tomllib  # only for a pyproject.toml that is there

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except RecursionError as exc:  # tomllib recurses once per nested array or table, unbounded
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from exc
    section = document.get("tool", {}).get("leaddocs")
    if section is None:
        if required:
            raise ConfigError(f"{path}: has no [tool.leaddocs] table")
        return None
    lines = text.splitlines()

    def line_of(loc: tuple[str | int, ...]) -> int:
        # tomllib keeps no positions: find the key's line textually, after the table header.
        start = next(
            (i for i, line in enumerate(lines) if line.strip().startswith("[tool.leaddocs")), 0
        )
        names = [part for part in loc if isinstance(part, str)]
        for name in reversed(names):
            pattern = re.compile(
                rf"^\s*(?:[\w.-]+\.)?{re.escape(name)}\s*=|\[tool\.leaddocs\.{name}\]"
            )
            for index in range(start, len(lines)):
                if pattern.search(lines[index]):
                    return index + 1
        return start + 1

    return _validate(section, path, line_of)


# tomllib makes a table per dotted part of a key, and its bookkeeping grows with the square of
# the parts: "x.a.a…" of 20,000 parts took 2.4 GB. Both bounds are checked before it parses.
MAX_PYPROJECT_BYTES = 1 << 20
MAX_DOTTED_PARTS = 64
# A dot, a separator that ends a dotted name, or what opens a string or a comment (whose dots
# are text).
_TOML_TOKEN = re.compile(r'"{3}' + r"|'{3}|" + r"""["'#.=,{}\[\]\n]""")
_TOML_BASIC = re.compile(r'(?:[^"\\\n]++|\\.)*+"')
# A multi-line string closes with the last of up to five quotes (one or two belong to it).
_TOML_MULTILINE_BASIC = re.compile(r'(?:[^"\\]++|\\.|"(?!""))*+"{3,5}', re.DOTALL)
_TOML_MULTILINE_LITERAL = re.compile(r"'{3,5}")


def _check_dotted_depth(text: str, path: Path) -> None:
    """Refuse a key or table name of more than ``MAX_DOTTED_PARTS`` dotted parts, naming its
    line. A cheap scan, not a parser: it counts the dots outside strings and comments between
    two separators (``=``, ``,``, a brace, a bracket, a line end); a float has one."""
    dots = 0
    position = 0
    while (token := _TOML_TOKEN.search(text, position)) is not None:
        kind, position = token[0], token.end()
        end = position
        if kind == ".":
            dots += 1
            if dots >= MAX_DOTTED_PARTS:
                line = text.count("\n", 0, position) + 1
                raise ConfigError(
                    f"{path}:{line}: a key or table name of more than {MAX_DOTTED_PARTS} "
                    "dotted parts"
                )
            continue
        if kind == '"""':
            found = _TOML_MULTILINE_BASIC.match(text, position)
            end = found.end() if found else -1
        elif kind == "'''":
            found = _TOML_MULTILINE_LITERAL.search(text, position)
            end = found.end() if found else -1
        elif kind == '"':
            found = _TOML_BASIC.match(text, position)
            end = found.end() if found else text.find("\n", position)
        elif kind == "'":
            close = text.find("'", position)
            newline = text.find("\n", position)
            end = close + 1 if close != -1 and (newline == -1 or close < newline) else newline
        elif kind == "#":
            end = text.find("\n", position)
        else:
            dots = 0
            continue
        if end == -1:
            return  # an unterminated string, or a comment on the last line: no more names
        position = end


@cache
def _checker() -> TypeAdapter[Config]:
    from pydantic import TypeAdapter

    return TypeAdapter(Config)


def _validate(
    data: dict[str, Any], path: Path, line_of: Callable[[tuple[str | int, ...]], int]
) -> Config:
    from pydantic import ValidationError

    try:
        return _checker().validate_python({**data, "source": str(path), "given": frozenset(data)})
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        key = ".".join(str(part) for part in loc)
        line = line_of(loc)
        # A dataclass reports an unknown key as an unexpected keyword argument.
        if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            hint = _nearest_key(loc)
            suggestion = f" (did you mean '{hint}'?)" if hint else ""
            raise ConfigError(f"{path}:{line}: unknown key '{key}'{suggestion}") from exc
        message = error["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{path}:{line}: {key}: {message}") from exc


def settings_type(annotation: Any) -> type | None:
    """The settings class a field holds (itself, or in a list), or None for a plain value."""
    inner = getattr(annotation, "__args__", (annotation,))[-1]
    return inner if isinstance(inner, type) and dataclasses.is_dataclass(inner) else None


def key_types(settings: type) -> Iterator[tuple[dataclasses.Field[Any], type | None]]:
    """Each key of a settings class with the settings class it holds (None: a plain value)."""
    hints = get_type_hints(settings)
    for item in key_fields(settings):
        yield item, settings_type(hints[item.name])


def _nearest_key(loc: tuple[str | int, ...]) -> str | None:
    settings: type | None = Config
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        assert settings is not None
        settings = {item.name: inner for item, inner in key_types(settings)}.get(str(part))
        if settings is None:
            return None
    assert settings is not None
    names = [item.name for item in key_fields(settings)]
    import difflib  # only to name the key a typo meant

    matches = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    if not matches:
        return None
    return ".".join([*(str(part) for part in loc[:-1]), matches[0]])


def as_data(settings: Any) -> Any:
    """Every key of a configuration (or of a section, a list, a value) as plain data: what a
    cache key holds, so that a changed key changes it. Not ``source``: it is no key."""
    if dataclasses.is_dataclass(settings):
        return {item.name: as_data(getattr(settings, item.name)) for item in key_fields(settings)}
    if isinstance(settings, list):
        return [as_data(item) for item in settings]
    return settings


class _Unlike(Exception):
    """Remembered data that is not what a check of a file gives."""


def rebuild(data: Any, given: Any, source: str) -> Config | None:
    """The configuration remembered as ``as_data`` gave it, checked again without pydantic:
    each value of exactly its key's type, each key's own checks passed (the remembered file
    may be written by anyone who can run leaddocs here); None when anything differs."""
    if not isinstance(given, list) or not all(isinstance(key, str) for key in given):
        return None
    try:
        built = _settings_of(Config, data, {"source": source, "given": frozenset(given)})
    except (_Unlike, ValueError, TypeError):
        return None
    return built


_hints: dict[type, dict[str, Any]] = {}


def _settings_of(settings: type[_T], data: Any, extra: dict[str, Any] | None = None) -> _T:
    if not isinstance(data, dict):
        raise _Unlike
    names = [item.name for item in key_fields(settings)]
    if len(data) != len(names) or not all(name in data for name in names):
        raise _Unlike
    if settings not in _hints:
        _hints[settings] = get_type_hints(settings, include_extras=True)
    hints = _hints[settings]
    values = {name: _value_of(hints[name], data[name]) for name in names}
    return settings(**values, **(extra or {}))


def _value_of(annotation: Any, value: Any) -> Any:
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *checks = get_args(annotation)
        value = _value_of(inner, value)
        for check in checks:
            value = check.function(value) if isinstance(check, Check) else check.check(value)
        return value
    if origin in (Union, UnionType):
        if value is None and type(None) in get_args(annotation):
            return None
        kinds = [kind for kind in get_args(annotation) if kind is not type(None)]
        if len(kinds) != 1:
            raise _Unlike
        return _value_of(kinds[0], value)
    if origin is Literal:
        if value not in get_args(annotation) or not isinstance(value, str):
            raise _Unlike
        return value
    if origin is list:
        (item,) = get_args(annotation)
        if not isinstance(value, list):
            raise _Unlike
        return [_value_of(item, element) for element in value]
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _settings_of(annotation, value)
    if annotation is float and type(value) in (int, float):
        return value
    if annotation in (str, int, bool) and type(value) is annotation:
        return value
    raise _Unlike
