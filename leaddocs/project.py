"""A repository opened with its configuration: the one object commands work from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leaddocs.config import Config, load_config
from leaddocs.documents.classify import Classifier, Placement
from leaddocs.documents.model import ViewBuilder
from leaddocs.documents.render import Renderer
from leaddocs.history.changes import Change
from leaddocs.history.git import GitRepository
from leaddocs.history.releases import History, Progress
from leaddocs.history.remote import Forge, forge_for


@dataclass(slots=True)
class Project:
    repo: GitRepository
    config: Config

    @classmethod
    def open(cls, path: Path, config_file: Path | None = None) -> Project:
        repo = GitRepository(path)
        return cls(repo, load_config(repo.root, config_file))

    @property
    def root(self) -> Path:
        return self.repo.root

    def history(self, progress: Progress | None = None) -> History:
        classifier = Classifier(self.config)

        def counts(change: Change) -> bool:  # a skipped change does not move the version
            return classifier.place(change)[0] is not Placement.SKIPPED

        return History(self.repo, self.config.tags.pattern, progress, counts)

    def forge(self) -> Forge | None:
        remote = self.config.remote
        return forge_for(self.repo.remote_url(), remote.provider, remote.url)

    def views(self) -> ViewBuilder:
        return ViewBuilder(Classifier(self.config), self.forge(), self.config.subject_max_length)

    def renderer(self) -> Renderer:
        return Renderer(self.root / self.config.templates_dir)
