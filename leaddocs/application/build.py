"""Every document of the project, built into one folder and delivered all-or-nothing."""

from __future__ import annotations

from leaddocs.application import kinds
from leaddocs.application.context import BuildContext
from leaddocs.application.project import Project
from leaddocs.application.requests import BuildRequest
from leaddocs.delivery import files
from leaddocs.document import Document


def build_documents(project: Project, request: BuildRequest) -> list[Document]:
    """The documents of every selected kind, each aimed into ``request.out_dir``."""
    context = BuildContext(project, request)
    return [
        document.at(request.out_dir / document.path)
        for kind in kinds.select(request.kinds)
        for document in kind.build(context)
    ]


def build(project: Project, request: BuildRequest) -> list[files.Written]:
    """Write the whole bundle, or nothing: a file a human edited stops it (unless forced)."""
    return files.deliver(build_documents(project, request), force=request.force, make_folders=True)
