"""The ``leaddocs.yml`` that ``leaddocs init`` writes: every key at its default, each explained.

The values come from ``Config()`` itself, so the file cannot drift from the defaults; only the
one-line comments live here, and a key without one is a bug (a test renders the file).
"""

from __future__ import annotations

import json
import re
from typing import Any

from leaddocs.config import Config, key_fields, settings_type

HEADER = """\
# leaddocs configuration (docs/configuration.md). Every key is shown at its default: change
# what you need, and delete what you leave alone so it follows leaddocs' defaults as they evolve.
"""

COMMENTS: dict[str, str] = {
    "tags": "Which tags are releases",
    "tags.pattern": "matched against the whole tag; the optional group `version` is the version",
    "tags.fold_prereleases": "a final release lists its pre-releases' changes too",
    "breaking_title": "The first section of release notes: changes marked `!` or BREAKING CHANGE",
    "sections": "Sections of release notes, in this order, after the breaking changes",
    "sections.title": "the section's heading",
    "sections.types": "Conventional Commit types placed here",
    "sections.labels": "pull request labels placed here (with a forge token)",
    "other_title": "Any other type, and subjects that are not Conventional Commits",
    "skip": "Changes left out of every document (JSON still lists them as skipped)",
    "skip.authors": "names or e-mail addresses",
    "skip.types": "Conventional Commit types",
    "skip.message_patterns": "regular expressions searched in the whole message",
    "skip.labels": "pull request labels",
    "maintenance": "Housekeeping, collapsed at the end of release notes",
    "maintenance.title": "the section's heading",
    "maintenance.types": "Conventional Commit types",
    "maintenance.scopes": "Conventional Commit scopes, whatever the type",
    "maintenance.labels": "pull request labels",
    "maintenance.authors": "bots whose changes are housekeeping",
    "maintenance.subject_patterns": "regular expressions matched at the start of the subject",
    "remote": "Where links in documents point",
    "remote.provider": "auto | github | gitlab | gitea | bitbucket | generic | none",
    "remote.url": "e.g. https://github.example.com/team/svc; null: from origin",
    "changelog": "The CHANGELOG",
    "changelog.path": "relative to the repository root (and to a `leaddocs build` folder)",
    "changelog.title": "its first heading",
    "changelog.cache_dir": "tagged releases kept once computed: a rerun reads only new commits",
    "changelog.cache_max_mb": "the folder's size bound; 0: no cache",
    "templates_dir": (
        "Overrides of the packaged Jinja templates; set it only once the folder exists"
    ),
    "subject_max_length": "Longer commit subjects are cut to this many characters",
    "llm": "Drafting with a model (docs/llm.md); the key comes from OPENAI_API_KEY, never here",
    "llm.enabled": "draft with a model without --llm",
    "llm.model": "the model's name, as the endpoint (OPENAI_BASE_URL) knows it",
    "llm.audience": "engineering | leadership | customers",
    "llm.temperature": "0 to 2: lower is more literal",
    "llm.timeout": "seconds per request",
    "llm.max_tokens": "the longest answer asked for",
    "llm.max_retries": "retries of a failed request",
    "llm.token_budget": "the most input tokens one request may carry",
    "llm.max_requests": "the most requests one run may make",
    "llm.body_max_chars": "each commit body is cut to this many characters before it is sent",
    "llm.max_ids_per_bullet": "a bullet citing more ids than this covers none of them",
    "llm.price_in_per_million": "price per million input tokens, for the run's cost line",
    "llm.price_out_per_million": "price per million output tokens",
    "llm.cache_dir": "answers cached by content hash: an unchanged rerun asks nothing",
    "llm.api_version": "for gateways that want ?api-version= on every request (Azure)",
    "adr": "Architecture decision records (docs/adr.md)",
    "adr.dir": "null: adr/, doc/adr/, docs/adr/, docs/decisions/… whichever exists",
    "adr.accept_when_numbered": "`leaddocs ci` marks a draft accepted when it numbers it",
    "adr.lint": "`leaddocs adr lint`",
    "adr.lint.ignore": "codes it does not report, such as [ADR008] (docs/adr.md lists them)",
    "forge": "GitHub's API: pull requests for --pr, and titles and labels for the notes",
    "forge.api_url": "null: GITHUB_API_URL, else from origin",
    "forge.graphql_url": "null: GITHUB_GRAPHQL_URL, else beside api_url",
    "forge.token_env": "the variable holding the token, tried before GITHUB_TOKEN and GH_TOKEN",
    "forge.strict": "true: a rate limit, 5xx or network error fails the run (exit 9)",
    "forge.timeout": "seconds per request",
    "forge.enrich_max_changes": "pull requests are looked up for at most this many changes",
    "forge.exclude_bots": "leave out changes whose pull request a bot opened",
    "forge.cache_dir": "the pull request of each commit, by sha",
    "forge.pr": "Draft pull requests (--pr, leaddocs ci)",
    "forge.pr.draft": "open them as GitHub draft pull requests",
    "forge.pr.labels": "labels put on them",
    "forge.pr.reviewers": "reviewers asked",
    "status": "The status page (docs/status-pages.md): its period, where pages go, the risk rules",
    "status.cadence_days": "the period, in days, when --since is not given",
    "status.branch": "the main line (default: the forge's default branch, origin/HEAD, main)",
    "status.dir": "where status pages go, relative to the repository root",
    "status.notes": "the lead's notes file, read when --notes is not given",
    "status.highlights": "how many changes the page highlights",
    "status.pr_open_days": "a pull request open longer than this is a risk",
    "status.review_wait_days": "a review requested longer ago than this is a risk",
    "status.adr_proposed_days": "a decision proposed longer ago than this is a risk",
    "status.risk_labels": "labels that make an issue or pull request a risk",
    "status.blocker_labels": "labels that make one a blocker",
    "status.branch_days": "offline: branches with a commit this recent are in flight",
    "status.portfolio": "other repositories (paths) or status JSON files for --portfolio",
    "stats": "What the drafts were worth (docs/stats.md)",
    "stats.words_per_minute": "the writing speed time saved is counted at: composing runs near 19",
    "meetings": "Meeting pages (docs/meetings.md)",
    "meetings.folder": "where `leaddocs meeting` creates them, relative to the repository root",
    "rfcs": "RFCs written by `leaddocs new rfc` (docs/rfcs-and-runbooks.md)",
    "rfcs.dir": "NNNN-slug.md files; under docs/, each is a page of the site",
    "runbooks": "Runbooks written by `leaddocs new runbook` (docs/rfcs-and-runbooks.md)",
    "runbooks.dir": "SERVICE/slug.md files; under docs/, each is a page of the site",
    "runbooks.stale_after_days": "a runbook last verified longer ago (or never) is stale",
    "sections.verbs": "first words of a plain subject placed here (Fix, Fixes, Fixed …)",
    "sections.collapsed": "folded away like Maintenance",
    "sections.phrases": "regular expressions found in a plain subject no verb placed",
    "skip.release_patterns": "release commits (version bumps, release preparation)",
    "maintenance.dependencies": "Dependency updates (Dependabot, Renovate): collapsed or dropped",
    "maintenance.dependencies.subject_patterns": "regular expressions searched in the subject",
    "maintenance.dependencies.authors": "names or e-mail addresses",
    "maintenance.dependencies.scopes": "Conventional Commit scopes",
    "maintenance.dependencies.labels": "pull request labels",
    "maintenance.dependencies.drop": "true: leave them out of documents entirely",
    "maintenance.translations": "Translation syncs (Weblate, Crowdin): collapsed or dropped",
    "maintenance.translations.subject_patterns": "regular expressions searched in the subject",
    "maintenance.translations.authors": "names or e-mail addresses",
    "maintenance.translations.scopes": "Conventional Commit scopes",
    "maintenance.translations.labels": "pull request labels",
    "maintenance.translations.drop": "true: leave them out of documents entirely",
    "maintenance.collapse_bot_repeats": "a bot's commits with one subject are one entry",
    "commits": "How subjects are read (docs/drafts.md)",
    "commits.types": "the Conventional Commit types; any other `word:` is an area, kept",
    "commits.group_by_area": "true: show an area (meson: …) as the scope, entries grouped",
    "merges": "Merge-based projects: a merged topic branch as one entry (docs/drafts.md)",
    "merges.topics": "auto | on | off; auto: when most first-parent commits merge topics",
    "merges.sync_branches": "branches whose merge brings the main line in, not a topic",
    "contributors": "Who is credited",
    "contributors.not_credited": "bots and AI assistants: a name or e-mail matching in full",
    "contributors.by_line": "auto | always | never; auto: no 'by' when one person wrote it all",
}

# Keys written commented out: setting them changes behaviour even at the default value
# (a set ``templates_dir`` must name a folder that exists).
COMMENTED_OUT = frozenset({"templates_dir"})


def commented_defaults() -> str:
    """The text of a ``leaddocs.yml`` that loads to exactly ``Config()``."""
    lines = HEADER.splitlines()
    _mapping(Config(), "", 0, lines)
    return "\n".join(lines) + "\n"


def _mapping(settings: Any, prefix: str, depth: int, lines: list[str]) -> None:
    indent = "  " * depth
    for field in key_fields(settings):  # not `source`: where it was read from, not a key
        name = field.name
        key = f"{prefix}{name}"
        value = getattr(settings, name)
        if depth == 0:
            lines.append("")
        if settings_type(type(value)) is not None:
            lines.extend([f"{indent}# {_comment(key)}", f"{indent}{name}:"])
            _mapping(value, f"{key}.", depth + 1, lines)
        elif value and isinstance(value, list) and settings_type(type(value[0])) is not None:
            lines.extend([f"{indent}# {_comment(key)}", f"{indent}{name}:"])
            for index, item in enumerate(value):
                _item(item, f"{key}.", depth + 1, lines, explained=index == 0)
        else:
            hidden = "# " if key in COMMENTED_OUT else ""
            _key(f"{indent}{hidden}{name}:", value, _comment(key), depth, lines)


def _item(settings: Any, prefix: str, depth: int, lines: list[str], *, explained: bool) -> None:
    """One mapping in a list; the first one's keys carry their comments at the line's end."""
    indent = "  " * depth
    for index, field in enumerate(key_fields(settings)):
        name = field.name
        lead = "- " if index == 0 else "  "
        line = f"{indent}{lead}{name}: {_flow(getattr(settings, name))}"
        lines.append(f"{line:<40}  # {_comment(prefix + name)}" if explained else line)


def _key(head: str, value: Any, comment: str, depth: int, lines: list[str]) -> None:
    """``key: value  # comment`` when that fits a line, else the comment above and a long
    list as a block."""
    line = f"{head} {_flow(value)}"
    if len(line) + len(comment) + 4 <= WIDTH:
        column = 40 if max(len(line), 40) + len(comment) + 4 <= WIDTH else len(line)
        lines.append(f"{line:<{column}}  # {comment}")
        return
    lines.append(f"{'  ' * depth}# {comment}")
    if len(line) <= WIDTH or not isinstance(value, list):
        lines.append(line)
        return
    lines.append(head)
    lines.extend(f"{'  ' * (depth + 1)}- {_flow(item)}" for item in value)


WIDTH = 100
# A string YAML reads back as that same string without quotes: no indicator, number or keyword.
_PLAIN = re.compile(r"[A-Za-z_.][A-Za-z0-9_ ./-]*(?<! )")
_KEYWORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


def _comment(key: str) -> str:
    try:
        return COMMENTS[key]
    except KeyError:
        raise KeyError(f"leaddocs.yml scaffold: no comment for the key '{key}'") from None


def _flow(value: Any) -> str:
    """A value in YAML flow style; the test of the scaffold reads every one back."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value.lower() not in _KEYWORDS:
            return value
        if value.isprintable():  # single quotes keep a regular expression's backslashes
            return "'" + value.replace("'", "''") + "'"
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    raise TypeError(f"leaddocs.yml scaffold: no YAML form for {type(value).__name__}")
