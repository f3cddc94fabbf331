"""A game engine versioned x.y (``v5.15``, ``v6.0``) with a pre-release cycle written every
way projects write one (``v6.0-alpha.1``, ``v6.0-beta2``, ``v6.0-rc1``) and a maintenance
branch: ``v5.15.1`` is merged into main during the alphas, ``v5.15.2`` is tagged after the
release candidate (a higher-dated, lower-versioned release of the older line) and merged
before the final release. Pull requests land as GitHub merges titled ``area: Verb …``."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.realworld.measure import Scenario

ADA = "Ada Lovelace <ada@example.com>"
GRACE = "Grace Hopper <grace@example.com>"
KEN = "Ken Thompson <ken@example.com>"
MARGARET = "Margaret Hamilton <margaret@example.com>"
DEPENDABOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"


def _release(repo: Repo, version: str) -> None:
    repo.commit(f"Tessera {version}", author=ADA)
    repo.tag(f"v{version}")


def _on_maint(repo: Repo, message: str, author: str, version: str) -> None:
    """A fix committed on the maintenance branch and released from it."""
    repo.checkout("maint-5.15")
    repo.commit(message, author=author)
    _release(repo, version)
    repo.checkout("main")


def build(repo: Repo) -> None:
    repo.commit("Tessera 5.14", author=ADA)
    repo.tag("v5.14")

    repo.merge_pr(
        40, "render: Add instanced drawing", ["Add an instance buffer", "Draw instanced meshes"]
    )
    repo.merge_pr(41, "audio: Fix clicks when resampling", ["Resample with a windowed sinc"])
    _release(repo, "5.15")
    repo.git("branch", "maint-5.15")

    repo.merge_pr(42, "render: Remove the OpenGL 2 backend", ["Remove the GL2 renderer"])
    repo.merge_pr(43, "input: Add gamepad rumble", ["Rumble through SDL"], author=KEN)
    _on_maint(repo, "audio: Fix crackle at 48 kHz (#44)", MARGARET, "5.15.1")
    repo.merge_pr(45, "render: Fix flicker when the window is resized", ["Recreate the swapchain"])
    _release(repo, "6.0-alpha.1")

    repo.merge("maint-5.15", "Merge branch 'maint-5.15'", author=ADA)
    repo.merge_pr(46, "scene: Add a scene graph with transforms", ["Nodes", "Transforms"])
    repo.merge_pr(
        47,
        "Bump glam from 0.24.0 to 0.25.0",
        ["Bump glam from 0.24.0 to 0.25.0"],
        author=DEPENDABOT,
    )
    _release(repo, "6.0-alpha.2")

    repo.merge_pr(48, "audio: Add spatial audio", ["HRTF panning"], author=MARGARET)
    repo.merge_pr(49, "render: Batch sprites by texture", ["One draw call per texture"])
    _release(repo, "6.0-beta1")

    repo.merge_pr(50, "scene: Fix transforms of nested nodes", ["Multiply in parent order"])
    _release(repo, "6.0-beta2")

    repo.merge_pr(51, "input: Fix dead zones on Xbox controllers", ["Radial dead zone"], author=KEN)
    _release(repo, "6.0-rc1")

    _on_maint(repo, "render: Fix a crash on drivers without sRGB (#52)", GRACE, "5.15.2")
    repo.merge_pr(53, "audio: Fix spatial audio on mono devices", ["Downmix"], author=MARGARET)
    repo.merge("maint-5.15", "Merge branch 'maint-5.15'", author=ADA)
    _release(repo, "6.0")

    repo.merge_pr(54, "render: Add HDR output", ["scRGB swapchain"])
    _release(repo, "6.1-alpha.1")
    repo.merge_pr(55, "input: Add touch gestures", ["Pinch and swipe"], author=KEN)


# The maintainers publish final releases: 6.0 lists the whole cycle since 5.15 (its alphas,
# betas and candidate folded in), not the maintenance fixes 5.15.1 and 5.15.2 shipped first.
# The 6.1 alpha has no final release yet, so it has a section of its own.
PUBLISHED = """\
# Changelog

## [6.1-alpha.1] - 2024-11-04

### Added

- render: Add HDR output (#54)

## [6.0] - 2024-10-21

### Removed

- render: Remove the OpenGL 2 backend (#42)

### Added

- input: Add gamepad rumble (#43)
- scene: Add a scene graph with transforms (#46)
- audio: Add spatial audio (#48)
- render: Batch sprites by texture (#49)

### Fixed

- render: Fix flicker when the window is resized (#45)
- scene: Fix transforms of nested nodes (#50)
- input: Fix dead zones on Xbox controllers (#51)
- audio: Fix spatial audio on mono devices (#53)

## [5.15.2] - 2024-10-02

### Fixed

- render: Fix a crash on drivers without sRGB (#52)

## [5.15.1] - 2024-07-15

### Fixed

- audio: Fix crackle at 48 kHz (#44)

## [5.15] - 2024-06-03

### Added

- render: Add instanced drawing (#40)

### Fixed

- audio: Fix clicks when resampling (#41)
"""

SCENARIO = Scenario(
    name="xy-versions",
    summary="x.y and pre-release tags, a maintenance branch merged twice; final releases",
    build=build,
    published=PUBLISHED,
)

# The same history, for maintainers who publish notes with every pre-release too: each lists
# what it added since the release before it on its own line, the candidate too (not since
# 5.15.2, the higher-dated patch release of the older line).
PUBLISHED_EACH = """\
# Changelog

## [6.1-alpha.1]

- render: Add HDR output (#54)

## [6.0]

- audio: Fix spatial audio on mono devices (#53)

## [6.0-rc1]

- input: Fix dead zones on Xbox controllers (#51)

## [5.15.2]

- render: Fix a crash on drivers without sRGB (#52)

## [6.0-beta2]

- scene: Fix transforms of nested nodes (#50)

## [6.0-beta1]

- audio: Add spatial audio (#48)
- render: Batch sprites by texture (#49)

## [6.0-alpha.2]

- scene: Add a scene graph with transforms (#46)

## [6.0-alpha.1]

- render: Remove the OpenGL 2 backend (#42)
- input: Add gamepad rumble (#43)
- render: Fix flicker when the window is resized (#45)

## [5.15.1]

- audio: Fix crackle at 48 kHz (#44)

## [5.15]

- render: Add instanced drawing (#40)
- audio: Fix clicks when resampling (#41)
"""

EACH = Scenario(
    name="xy-versions-each",
    summary="the same history with notes for every pre-release (tags.fold_prereleases: false)",
    build=build,
    published=PUBLISHED_EACH,
    config="tags:\n  fold_prereleases: false\n",
)
