"""Every failure leaddocs expects, each with the exit code the CLI maps it to.

Logic raises; only ``leaddocs.cli`` turns an error into a message and an exit code.
The codes are documented in docs/errors.md.
"""

from __future__ import annotations


class LeaddocsError(Exception):
    """A failure the user can act on: one line of text, one exit code."""

    exit_code = 1


class UsageError(LeaddocsError):
    """An option or argument that cannot be honoured."""

    exit_code = 2


class ConfigError(LeaddocsError):
    """leaddocs.yml or [tool.leaddocs] is malformed or names an unknown key."""

    exit_code = 3


class RepositoryError(LeaddocsError):
    """The path is not a git repository, or the repository cannot answer."""

    exit_code = 4


class NotARepositoryError(RepositoryError):
    """The path is not inside a git repository's work tree."""


class RefError(RepositoryError):
    """A ref (tag, branch, commit) that does not exist or cannot be used."""


class EmptyRepositoryError(RepositoryError):
    """The repository has no commits yet."""


class ShallowHistoryError(RepositoryError):
    """The asked-for range reaches past a shallow clone's boundary."""

    exit_code = 5


class OutputError(LeaddocsError):
    """A document could not be written where it was asked to go."""

    exit_code = 6


class DocumentError(LeaddocsError):
    """A document on disk (ADR, CHANGELOG) could not be read or is inconsistent."""

    exit_code = 7


class LintFailure(LeaddocsError):
    """A check found problems; the findings were already printed."""

    exit_code = 1


class DraftingError(LeaddocsError):
    """The drafting engine (LLM) could not be used as configured."""

    exit_code = 8


class ForgeError(LeaddocsError):
    """The forge (GitHub) refused or could not be reached."""

    exit_code = 9


class TemplateError(LeaddocsError):
    """A Jinja template (the repository's or ours) cannot be loaded or rendered, or tried
    something the sandbox refuses; the message names the template's path and line."""

    exit_code = 10


class SiteError(LeaddocsError):
    """The MkDocs site cannot be built or served: no mkdocs.yml, an invalid one, a plugin's
    error, or a warning under ``--strict``."""

    exit_code = 11


INTERRUPTED_EXIT_CODE = 130
UNEXPECTED_EXIT_CODE = 70
