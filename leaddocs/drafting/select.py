"""Which drafter a command uses: the template unless the LLM is asked for and can be set up."""

from __future__ import annotations

from pathlib import Path

from leaddocs.config import LlmConfig
from leaddocs.drafting.base import Drafter, Progress
from leaddocs.drafting.template import TemplateDrafter
from leaddocs.errors import DraftingError
from leaddocs.paths import escape_from


def select_drafter(
    settings: LlmConfig,
    *,
    use_llm: bool,
    root: Path,
    model: str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Drafter:
    """The drafter to use; an LLM that cannot be set up leaves a template drafter that says why.

    The document is still written in full by the template; the command then exits non-zero
    with the reason, so a misconfigured CI job does not pass silently.
    """
    if not use_llm:
        return TemplateDrafter()
    # Imported here: the openai client takes longer to import than most commands take to run.
    from leaddocs.drafting.engine import LlmDrafter

    try:
        return LlmDrafter(
            settings,
            model=model,
            cache_dir=_cache_folder(root, settings) if use_cache else None,
            progress=progress,
        )
    except DraftingError as exc:
        return TemplateDrafter(fatal=str(exc))


def _cache_folder(root: Path, settings: LlmConfig) -> Path | None:
    """The answer cache, unless a symlink planted in the repository leads it elsewhere (then
    answers are simply not cached)."""
    folder = root / settings.cache_dir
    return None if escape_from(folder, root) is not None else folder
