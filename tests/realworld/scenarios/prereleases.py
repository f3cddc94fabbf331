"""A library on its way to 3.0: release candidates tagged on the main line, each published
with its own notes, a change of the first candidate reverted in the second."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.realworld.measure import Scenario

ADA = "Ada Lovelace <ada@example.com>"
GRACE = "Grace Hopper <grace@example.com>"
KEN = "Ken Thompson <ken@example.com>"
DEPENDABOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"


def build(repo: Repo) -> None:
    repo.commit("feat: orbit 2.3", author=ADA)
    repo.tag("v2.3.0")

    repo.commit(
        "feat(core)!: require Python 3.10 (#201)\n\nBREAKING CHANGE: Python 3.8 and 3.9 are no "
        "longer supported.",
        author=ADA,
    )
    repo.commit("feat(client): async client (#202)", author=GRACE)
    repo.commit("feat(client): connection pooling (#203)", author=GRACE)
    repo.commit("fix(retry): honour Retry-After in seconds (#204)", author=KEN)
    repo.commit("build(deps): bump httpx from 0.26.0 to 0.27.0 (#205)", author=DEPENDABOT)
    repo.commit("docs: the async client guide (#206)", author=GRACE)
    repo.commit("test: run the suite on Python 3.13 (#207)", author=KEN)
    shas = {"timeouts": repo.commit("feat(client): per-request timeouts (#208)", author=KEN)}
    repo.commit("chore(release): 3.0.0-rc.1", author=ADA)
    repo.tag("v3.0.0-rc.1")

    repo.commit("fix(client): close pooled connections on exit (#209)", author=GRACE)
    repo.commit(
        f'Revert "feat(client): per-request timeouts (#208)" (#210)\n\n'
        f"This reverts commit {shas['timeouts']}.",
        author=KEN,
    )
    repo.commit("perf(parser): parse headers without copying (#211)", author=ADA)
    repo.commit("refactor(client): share the transport code (#212)", author=GRACE)
    repo.commit("chore(release): 3.0.0-rc.2", author=ADA)
    repo.tag("v3.0.0-rc.2")

    repo.commit("fix(client): keep cookies across redirects (#213)", author=KEN)
    repo.commit("docs: the 3.0 migration guide (#214)", author=ADA)
    repo.commit("fix: a clear error when the event loop is closed (#215)", author=GRACE)
    repo.commit("ci: publish wheels for arm64 (#216)", author=KEN)
    repo.commit("chore(release): 3.0.0", author=ADA)
    repo.tag("v3.0.0")


# The notes the maintainers published with each tag on their releases page, and collected in
# the CHANGELOG: every candidate lists what changed since the one before.
PUBLISHED = """\
# Changelog

## 3.0.0 (2024-09-02)

### Bug Fixes

* **client:** keep cookies across redirects ([#213](https://github.com/orbit/orbit/pull/213))
* a clear error when the event loop is closed ([#215](https://github.com/orbit/orbit/pull/215))

### Documentation

* the 3.0 migration guide ([#214](https://github.com/orbit/orbit/pull/214))

## 3.0.0-rc.2 (2024-08-20)

### Bug Fixes

* **client:** close pooled connections on exit ([#209](https://github.com/orbit/orbit/pull/209))

### Performance Improvements

* **parser:** parse headers without copying ([#211](https://github.com/orbit/orbit/pull/211))

### Reverts

* Revert "feat(client): per-request timeouts (#208)" ([#210](https://github.com/orbit/orbit/pull/210))

## 3.0.0-rc.1 (2024-08-01)

### ⚠ BREAKING CHANGES

* **core:** require Python 3.10 ([#201](https://github.com/orbit/orbit/pull/201))

### Features

* **client:** async client ([#202](https://github.com/orbit/orbit/pull/202))
* **client:** connection pooling ([#203](https://github.com/orbit/orbit/pull/203))
* **client:** per-request timeouts ([#208](https://github.com/orbit/orbit/pull/208))

### Bug Fixes

* **retry:** honour Retry-After in seconds ([#204](https://github.com/orbit/orbit/pull/204))

### Documentation

* the async client guide ([#206](https://github.com/orbit/orbit/pull/206))
"""

SCENARIO = Scenario(
    name="prereleases",
    summary="release candidates on the main line, each with its notes; a revert across them",
    build=build,
    published=PUBLISHED,
    config="tags:\n  fold_prereleases: false\n",  # the candidates are releases of their own
)

# The same history, for maintainers who publish the final release only: it lists everything
# since 2.3.0, and the timeouts that came and went between the candidates are not in it.
PUBLISHED_FOLDED = """\
# Changelog

## 3.0.0 (2024-09-02)

### ⚠ BREAKING CHANGES

* **core:** require Python 3.10 (#201)

### Features

* **client:** async client (#202)
* **client:** connection pooling (#203)

### Bug Fixes

* **retry:** honour Retry-After in seconds (#204)
* **client:** close pooled connections on exit (#209)
* **client:** keep cookies across redirects (#213)
* a clear error when the event loop is closed (#215)

### Performance Improvements

* **parser:** parse headers without copying (#211)

### Documentation

* the async client guide (#206)
* the 3.0 migration guide (#214)
"""

FOLDED = Scenario(
    name="prereleases-folded",
    summary="the same candidates folded into the final release (tags.fold_prereleases)",
    build=build,
    published=PUBLISHED_FOLDED,
)
