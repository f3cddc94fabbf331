"""The draft a drafter returns: sections of bullets, each grounded in manifest ids.

The model writes words only. A bullet is text plus the ids of the manifest items it speaks
for; leaddocs renders the Markdown and every link from those ids. A pydantic model, because
its JSON schema is sent with every model request and the answer is checked against it; kept
apart from ``drafting/base.py`` so that commands that draft nothing do not import pydantic.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Bullet(BaseModel):
    """One statement of the draft and the manifest ids it is grounded in."""

    model_config = ConfigDict(extra="ignore")

    text: str
    ids: list[str] = Field(default_factory=list)


class DraftSection(BaseModel):
    model_config = ConfigDict(extra="ignore")

    title: str
    bullets: list[Bullet] = Field(default_factory=list)


class Draft(BaseModel):
    """What the model returns (its JSON schema is sent with every request)."""

    model_config = ConfigDict(extra="ignore")

    sections: list[DraftSection] = Field(default_factory=list)
