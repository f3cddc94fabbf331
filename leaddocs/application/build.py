"""Every document of the project, built into one folder and delivered all-or-nothing."""

from __future__ import annotations

from pathlib import Path

from leaddocs.application import kinds
from leaddocs.application.context import BuildContext
from leaddocs.application.project import Project
from leaddocs.application.requests import BuildRequest
from leaddocs.delivery import files
from leaddocs.document import Document
from leaddocs.errors import OutputError


def build_documents(project: Project, request: BuildRequest) -> list[Document]:
    """The documents of every selected kind, each aimed into ``request.out_dir``."""
    context = BuildContext(project, request)
    return [
        _inside(request.out_dir, document)
        for kind in kinds.select(request.kinds)
        for document in kind.build(context)
    ]


def _inside(folder: Path, document: Document) -> Document:
    """``document`` aimed into ``folder``; a path that would leave it is a bug or an attack."""
    if document.path.is_absolute() or ".." in document.path.parts:
        raise OutputError(f"{document.kind}: {document.path} would be written outside {folder}")
    return document.at(folder / document.path)


def build(project: Project, request: BuildRequest) -> list[files.Written]:
    """Write the whole bundle, or nothing: a file a human edited stops it (unless forced)."""
    documents = build_documents(project, request)
    return files.deliver(documents, force=request.force, make_folders=True, boundary=project.root)
