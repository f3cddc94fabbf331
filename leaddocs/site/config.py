"""The plugin's options in mkdocs.yml (``plugins: [leaddocs: {...}]``), checked by MkDocs."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class LeaddocsConfig(base.Config):
    # The repository the records come from; default: the folder of mkdocs.yml. Relative paths
    # are taken from that folder too.
    repository = c.Optional(c.Dir(exists=True))
    config_file = c.Optional(c.File(exists=True))  # default: leaddocs.yml, found as the CLI does
    adr_dir = c.Optional(c.Dir(exists=True))  # default: the project's ADR folder (adr.dir, ...)
    decisions_dir = c.Type(str, default="decisions")  # where the Decisions pages go on the site
    releases_page = c.Type(str, default="releases.md")
    releases = c.Type(bool, default=True)  # false: no Releases page (nor the history it needs)
    status_dir = c.Type(str, default="status")  # docs/status/*.md: its index is generated
    stats_page = c.Type(str, default="drafting-stats.md")  # what the drafts were worth
    stats = c.Type(bool, default=True)  # false: no Drafting stats page (nor the history it reads)
