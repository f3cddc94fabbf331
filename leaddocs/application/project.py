"""A repository opened with its configuration: the one object the application works from.

Every configured path (the ADR folder, the templates folder, the CHANGELOG) is read here, once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from leaddocs.adr.discover import adr_folder
from leaddocs.application.config_memo import ConfigMemo
from leaddocs.config import Config, load_config
from leaddocs.documents.classify import Classifier, Placement
from leaddocs.documents.model import ViewBuilder
from leaddocs.documents.pulls import PullRequestFacts, ReleaseCategories
from leaddocs.errors import ConfigError
from leaddocs.forge.settings import ForgeSettings, forge_settings
from leaddocs.history.changes import Change
from leaddocs.history.git import GitRepository
from leaddocs.history.releases import AuthorsMemo, History, Progress
from leaddocs.history.remote import Forge, forge_for, unlinked_reason

if TYPE_CHECKING:
    from leaddocs.documents.render import Renderer
    from leaddocs.forge.base import ForgeClient


@dataclass(slots=True)
class Project:
    repo: GitRepository
    config: Config
    # The forge client, made once: each command, enrichment and the PR delivery share it (and
    # what it learnt, the default branch, the repository), not one client and request each.
    _forge_client: list[ForgeClient | None] = field(default_factory=list, repr=False)
    _forge: list[Forge | None] = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, path: Path, config_file: Path | None = None) -> Project:
        repo = GitRepository(path)
        project = cls(repo, load_config(repo.root, config_file, ConfigMemo(repo)))
        project._check_folders()
        return project

    def _check_folders(self) -> None:
        """A folder the configuration names must exist: a typo would otherwise go unnoticed
        (every template silently the packaged one)."""
        if "templates_dir" in self.config.given and not self.templates_dir.is_dir():
            raise ConfigError(
                f"{self.config.source}: templates_dir '{self.config.templates_dir}' is not a "
                "folder in the repository"
            )

    @property
    def root(self) -> Path:
        return self.repo.root

    @property
    def templates_dir(self) -> Path:
        return self.root / self.config.templates_dir

    @property
    def adr_folder(self) -> Path:
        return adr_folder(self.root, self.config.adr.dir)

    @property
    def meetings_folder(self) -> Path:
        return self.root / self.config.meetings.folder

    def pages_linking_records(self) -> list[Path]:
        """Pages beside the records that link to them (meeting pages, `meeting --adr`): a
        numbered draft's links there follow it. Links only: no page behind a link is read."""
        folder = self.meetings_folder
        if not folder.is_dir() or folder.is_symlink():
            return []
        return sorted(p for p in folder.glob("*.md") if p.is_file() and not p.is_symlink())

    @property
    def rfc_folder(self) -> Path:
        return self.root / self.config.rfcs.dir

    @property
    def runbook_folder(self) -> Path:
        return self.root / self.config.runbooks.dir

    @property
    def changelog_path(self) -> Path:
        """Where the repository keeps its CHANGELOG, relative to its root (``changelog.path``)."""
        return Path(self.config.changelog.path)

    def rel(self, path: Path) -> str:
        """``path`` as messages name it: from the repository root when it lies inside."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def unshallow(self) -> None:
        """Fetch the full history of a shallow clone (``--unshallow``)."""
        self.repo.unshallow()

    def history(
        self, progress: Progress | None = None, authors: AuthorsMemo | None = None
    ) -> History:
        """The project's releases; ``authors``: who wrote what, remembered (a cache)."""
        classifier = Classifier(self.config)

        def counts(change: Change) -> bool:  # a skipped change does not move the version
            return classifier.place(change)[0] is not Placement.SKIPPED

        tags = self.config.tags
        return History(
            self.repo,
            tags.pattern,
            progress,
            counts,
            fold_prereleases=tags.fold_prereleases,
            authors=authors,
            merges=self.config.merges,
        )

    def forge(self) -> Forge | None:
        """Where links go; asked once per project (git is asked for origin's URL)."""
        if not self._forge:
            self._forge.append(self._find_forge())
        return self._forge[0]

    def _find_forge(self) -> Forge | None:
        remote = self.config.remote
        if remote.url is None and remote.provider in ("auto", "github"):
            # In a GitHub Actions job GITHUB_SERVER_URL names the server (GHES included):
            # links go there, whatever origin looks like.
            settings = self.forge_settings()
            if settings is not None and settings.repository_web_url:
                return forge_for(None, "github", settings.repository_web_url)
        return forge_for(self.repo.remote_url(), remote.provider, remote.url)

    def link_notes(self) -> tuple[str, ...]:
        """Why documents carry no links to commits and pull requests, when ``origin`` is there
        but names no forge (a local path, an address leaddocs cannot read): a note for the run.
        A repository with no origin, or ``remote.provider: none``, wants no links."""
        remote = self.config.remote
        origin = self.repo.remote_url()
        if remote.provider == "none" or (origin is None and remote.url is None):
            return ()
        if self.forge() is not None:
            return ()
        if remote.url is not None:
            why = f"remote.url {remote.url} is a host whose link paths leaddocs does not know"
            return (f"no links to commits or pull requests: {why}",)
        assert origin is not None
        where = Path(self.config.source).name if self.config.source else "leaddocs.yml"
        return (
            f"no links to commits or pull requests: {unlinked_reason(origin)}; set remote.url "
            f"in {where} (such as https://github.com/OWNER/REPO) to link them",
        )

    def forge_settings(self) -> ForgeSettings | None:
        """Where the forge's API is and which token to use; None: not a GitHub repository."""
        origin = forge_for(self.repo.remote_url(), "github")
        return forge_settings(
            os.environ,
            self.config.forge,
            origin.web_url if origin is not None else None,
            self.root,
            github_remote=self.config.remote.provider == "github",
        )

    def forge_client(self) -> ForgeClient | None:
        """A client for the repository's forge, or None without a token (nothing is asked)."""
        if not self._forge_client:
            self._forge_client.append(self._new_forge_client())
        return self._forge_client[0]

    def ref_folders(self) -> list[Path]:
        """Where git writes a new commit's branch and a new tag (to watch while serving)."""
        refs = self.repo.common_dir / "refs"
        return [refs] if refs.is_dir() else []

    def trusts_cache(self, folder: str) -> bool:
        """Whether a cache ``folder`` (relative to the root) may be read: git tracks no file in
        it, by its name or where a symlink leads (a pull request could commit forged entries,
        and a CI job would take them)."""
        from leaddocs.application.cache_folder import committed

        return not committed(self.repo, self.root, folder)

    def _new_forge_client(self) -> ForgeClient | None:
        settings = self.forge_settings()
        if settings is None or settings.token is None:
            return None
        if settings.cache_dir is not None and not self.trusts_cache(self.config.forge.cache_dir):
            settings = replace(settings, cache_dir=None)  # each commit's pull request asked again
        from leaddocs.forge.github import GitHubForge  # the client library loads only when used

        return GitHubForge(settings)

    def views(
        self,
        pulls: Mapping[str, PullRequestFacts] | None = None,
        categories: ReleaseCategories | None = None,
    ) -> ViewBuilder:
        """Views of releases; ``pulls`` (head sha → pull request) and ``categories``
        (``.github/release.yml``) come from enrichment (application/enrichment.py)."""
        return ViewBuilder(
            Classifier(self.config, categories),
            self.forge(),
            self.config.subject_max_length,
            pulls,
        )

    def renderer(self) -> Renderer:
        # Jinja2 (~11 ms to import) loads only when a document is rendered from a template:
        # a JSON changelog never is.
        from leaddocs.documents.render import Renderer

        return Renderer(self.templates_dir, boundary=self.root)
