"""``plugins: [leaddocs]``: the Decisions, Releases and Status pages, made at build time.

Every page comes from ``leaddocs.application.api.site_pages`` and is added with
``File.generated``: nothing is copied into docs/, so ``mkdocs serve`` shows an ADR edit on the
next rebuild, and ``mkdocs serve --dirty`` renders again only the pages that changed
(``leaddocs/site/dirty.py``). Within one ``mkdocs serve`` the plugin keeps a memo, so a
rebuild reads again only the records and the history that changed (``api.SiteMemo``). A
record that cannot be read is a warning (``--strict`` fails on it); anything else the
application refuses is a ``PluginError`` naming the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from mkdocs.config.config_options import PathSpec
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from leaddocs.application import api
from leaddocs.paths import symlink_leak
from leaddocs.site import assets, dirty
from leaddocs.site.config import LeaddocsConfig

log = get_plugin_logger(__name__)


class LeaddocsPlugin(BasePlugin[LeaddocsConfig]):
    def __init__(self) -> None:
        self._adr_folder: Path | None = None
        self._links: api.SiteLinks | None = None
        self._pages: list[dirty.GeneratedPage] = []  # this build's pages made in memory
        self._rendered: dict[str, dirty.Rendered] = {}  # what the last build left, by output
        self._memo: api.SiteMemo | None = None  # what the last rebuild read and made

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance across the rebuilds of one ``mkdocs
        serve``: ``--dirty`` compares each page made in memory with the last build's, and a
        rebuild reads again only the records, and the history, that changed (``memo``). A
        build reads everything."""
        self._memo = api.SiteMemo() if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra_css.append(assets.STYLE)
        config.extra_javascript.append(assets.SCRIPT)
        # The collapsed Maintenance section of a release (<details markdown>) holds a list:
        # without md_in_html Python-Markdown shows it as text, so a site's own mkdocs.yml
        # need not know to turn it on.
        if not {"md_in_html", "markdown.extensions.md_in_html"} & set(config.markdown_extensions):
            config.markdown_extensions.append("md_in_html")
        # An ADR folder inside docs/ (log4brains' docs/adr with README.md and index.md): its
        # raw files are excluded before MkDocs compares them, so no conflict warning stops
        # --strict; the ADR pages replace them.
        folder = Path(self.config.adr_dir) if self.config.adr_dir else None
        folder = folder or self._project(config).adr_folder
        docs = Path(config.docs_dir).resolve()
        if folder.resolve().is_relative_to(docs) and folder.resolve() != docs:
            inside = folder.resolve().relative_to(docs).as_posix()
            excluded = PathSpec().run_validation(f"/{inside}/")  # as mkdocs.yml would give
            config.exclude_docs = (
                config.exclude_docs + excluded if config.exclude_docs else excluded
            )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        project = self._project(config)
        options = api.SiteOptions(
            docs_dir=Path(config.docs_dir),
            decisions_dir=self.config.decisions_dir.strip("/"),
            releases_page=self.config.releases_page.strip("/"),
            releases=self.config.releases,
            status_dir=self.config.status_dir.strip("/"),
            adr_dir=Path(self.config.adr_dir) if self.config.adr_dir else None,
            stats_page=self.config.stats_page.strip("/"),
            stats=self.config.stats,
        )
        self._adr_folder = options.adr_dir or project.adr_folder
        self._links = api.SiteLinks(
            root=project.root,
            docs_dir=Path(config.docs_dir),
            adr_folder=self._adr_folder,
            decisions_dir=options.decisions_dir,
            repo_url=config.repo_url or None,
            branch=_branch(config.edit_uri),
        )
        try:
            pages = api.site_pages(project, options, self._memo)
        except api.LeaddocsError as error:
            raise PluginError(f"leaddocs ({_named(config)}): {error}") from error
        _leave_out_folder(files, self._adr_folder)  # an ADR folder inside docs/: pages replace it
        _leave_out_leaks(files, project.root, Path(config.docs_dir))
        self._pages = []
        for page in pages:
            for note in page.notes:
                log.warning(note)
            in_nav = page.front_matter.get("in_nav", True)
            added = _add(files, config, page.path.as_posix(), content=page.body, in_nav=in_nav)
            if isinstance(added, dirty.GeneratedPage):
                self._pages.append(added)
        for uri, source in assets.SHIPPED.items():
            _add(files, config, uri, source=source)
        # Images and other files beside the ADRs, so a record's relative links still resolve.
        beside, skipped = assets.beside(self._adr_folder, options.decisions_dir, project.root)
        for note in skipped:
            log.warning(note)
        for uri, source in beside.items():
            _add(files, config, uri, source=source)
        # For --dirty: a page is rendered again only when its Markdown or the site changed.
        shape = dirty.site_shape(files, config)
        for file in self._pages:
            file.digest = dirty.digest(shape, file.content_string)
            file.last = self._rendered.get(file.abs_dest_path)
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._rendered = dirty.rendered(self._pages)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Links to ADR files (from any page) reach the records' pages; a record's links to
        files outside docs/ reach the forge (``repo_url``) or show their text."""
        links = self._links
        if links is None:
            return markdown
        uri = page.file.src_uri
        record = (
            page.file.abs_src_path is None
            and uri.startswith(links.decisions_dir + "/")
            and (links.adr_folder / uri.rsplit("/", 1)[-1]).is_file()
        )
        if record:
            origin = links.adr_folder
        elif page.file.abs_src_path is not None:
            origin = Path(page.file.abs_src_path).parent
        else:
            return markdown  # a generated index: its links are its own
        exists = lambda target: files.get_file_from_path(target) is not None  # noqa: E731
        return api.rewrite_links(markdown, uri, origin, links, exists, record=record)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if 'class="mermaid"' not in output:
            return output
        return assets.with_script(output, get_relative_url(assets.MERMAID, page.url))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self._adr_folder is not None and self._adr_folder.is_dir():
            server.watch(str(self._adr_folder))  # outside docs/: MkDocs would not see edits
        # A commit or a tag changes the Releases page: git writes its ref there.
        for folder in self._project(config).ref_folders():
            server.watch(str(folder))
        return server

    def _project(self, config: MkDocsConfig) -> api.Project:
        here = Path(config.config_file_path or ".").resolve().parent
        repository = Path(self.config.repository) if self.config.repository else here
        config_file = Path(self.config.config_file) if self.config.config_file else None
        try:
            return api.open_project(repository, config_file)
        except api.LeaddocsError as error:
            raise PluginError(f"leaddocs ({_named(config)}): {error}") from error


def _add(
    files: Files,
    config: MkDocsConfig,
    uri: str,
    *,
    content: str = "",
    source: Path | None = None,
    in_nav: bool = True,
) -> File | None:
    """Add a generated file, unless the docs folder has its own: a person's page wins. A page
    is a ``GeneratedPage``, which ``--dirty`` skips while it is unchanged."""
    if files.get_file_from_path(uri) is not None:
        log.info("docs/%s is kept; leaddocs does not generate it", uri)
        return None
    if source is not None:
        file = File.generated(config, uri, abs_src_path=str(source))
    else:
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        file = dirty.GeneratedPage.generated(config, uri, content=content, inclusion=inclusion)
    files.append(file)
    return file


def _leave_out_folder(files: Files, folder: Path) -> None:
    inside = [file for file in files if file.abs_src_path and _within(file.abs_src_path, folder)]
    for file in inside:
        files.remove(file)


def _leave_out_leaks(files: Files, root: Path, docs_dir: Path) -> None:
    """MkDocs publishes what a page or file in docs/ symlinks to, wherever it leads: one leading
    out of the repository or into .git (``/proc/self/environ``, ``.git/config``) is left out,
    with a warning naming it, so ``--strict`` fails."""
    for file in list(files):
        if not file.abs_src_path:
            continue
        leak = symlink_leak(Path(file.abs_src_path), root)
        if leak is not None:
            files.remove(file)
            log.warning(f"{docs_dir.name}/{file.src_uri}: {leak}; left out of the site")


def _within(path: str, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


def _branch(edit_uri: str | None) -> str:
    """The branch in ``edit_uri`` (``edit/main/docs/``), else ``main``."""
    parts = (edit_uri or "").strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob", "tree") else "main"


def _named(config: MkDocsConfig) -> str:
    return config.config_file_path or "mkdocs.yml"
