"""A web shop on Conventional Commits, squash-merged pull requests, and every bot a busy
repository has: Renovate, Dependabot, Weblate, a badge updater, semantic-release's release
commits; AI assistants as co-authors."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.realworld.measure import Scenario

ADA = "Ada Lovelace <ada@example.com>"
GRACE = "Grace Hopper <grace@example.com>"
LINUS = "Linus Torvalds <linus@example.com>"
MARGARET = "Margaret Hamilton <margaret@example.com>"
RENOVATE = "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>"
DEPENDABOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
WEBLATE = "Hosted Weblate <hosted@weblate.org>"
ACTIONS = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"
RELEASER = "semantic-release-bot <semantic-release-bot@martynus.net>"
CLAUDE = "\n\nCo-authored-by: Claude <noreply@anthropic.com>"
COPILOT = "\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>"


def _weblate(repo: Repo, *languages: str) -> None:
    for language in languages:
        repo.commit(f"Translated using Weblate ({language})", author=WEBLATE)


def _badge(repo: Repo, times: int) -> None:
    for _ in range(times):
        repo.commit("Update coverage badge", author=ACTIONS)


def build(repo: Repo) -> None:
    repo.commit("feat: first public release", author=ADA)
    repo.tag("v1.4.0")

    repo.commit("feat(cart): save carts for signed-in customers (#101)", author=ADA)
    repo.commit("chore(deps): update dependency eslint to v9 (#102)", author=RENOVATE)
    repo.commit("fix(checkout): keep the coupon after a failed payment (#103)", author=GRACE)
    _weblate(repo, "German", "French", "German")
    repo.commit("docs: describe the webhook payloads (#104)", author=LINUS)
    repo.commit("feat(api): filter orders by status (#105)" + CLAUDE, author=ADA)
    _badge(repo, 3)
    repo.commit("refactor(cart): split the price calculator (#106)", author=GRACE)
    repo.merge_pr(
        107,
        "Bump lodash from 4.17.20 to 4.17.21",
        ["Bump lodash from 4.17.20 to 4.17.21"],
        author=DEPENDABOT,
    )
    repo.commit("perf(search): cache category lookups (#108)", author=LINUS)
    repo.commit("test: cover the coupon flow (#109)", author=GRACE)
    repo.commit("ci: run the end-to-end suite on pull requests (#110)", author=LINUS)
    repo.commit("fix(i18n): use the plural forms of the locale (#111)", author=MARGARET)
    repo.commit("Update translation files", author=WEBLATE)
    repo.commit("fix: show prices in the shop's currency (#112)", author=ADA)
    repo.commit("feat(admin): bulk-edit product prices (#128)", author=LINUS)
    repo.commit("fix(search): match accented letters (#129)", author=MARGARET)
    repo.commit("chore(release): 1.5.0 [skip ci]", author=RELEASER)
    repo.tag("v1.5.0")

    repo.commit("fix(payments): retry webhooks that failed with 502 (#113)", author=GRACE)
    repo.commit("chore(deps): update dependency stripe to v14.2.1 (#114)", author=RENOVATE)
    _weblate(repo, "French")
    repo.commit("fix(cart): keep the quantity when a product is renamed (#130)", author=ADA)
    repo.commit("chore(release): 1.5.1 [skip ci]", author=RELEASER)
    repo.tag("v1.5.1")

    repo.commit(
        "feat(api)!: remove the v1 endpoints (#115)\n\n"
        "BREAKING CHANGE: the /v1 endpoints are gone; use /v2.",
        author=ADA,
    )
    repo.commit("feat(auth): sign in with passkeys (#116)" + COPILOT, author=LINUS)
    repo.commit("fix(auth): expire sessions after a password change (#117)", author=GRACE)
    repo.commit("security: escape HTML in product reviews (#118)", author=ADA)
    repo.commit("chore(deps): update react monorepo to v19 (#119)", author=RENOVATE)
    repo.commit("Update actions/checkout action to v4 (#120)", author=RENOVATE)
    repo.commit("build(deps-dev): bump vite from 5.0.0 to 5.1.0 (#121)", author=DEPENDABOT)
    repo.commit("refactor: move the session store to Redis (#122)", author=LINUS)
    _badge(repo, 4)
    repo.commit("docs: add the upgrade guide to 2.0 (#123)", author=MARGARET)
    repo.merge_pr(
        124,
        "Translations update from Hosted Weblate",
        ["Translated using Weblate (Italian)", "Translated using Weblate (Spanish)"],
        author=WEBLATE,
    )
    repo.commit("fix: typo in the checkout button (#125)", author=MARGARET)
    repo.commit("style: format with prettier 3 (#126)", author=LINUS)
    repo.commit("feat(orders): export orders as CSV (#127)" + CLAUDE, author=ADA)
    repo.commit("feat(checkout): pay with Apple Pay (#131)", author=GRACE)
    repo.commit("fix(orders): count refunded items once (#132)", author=LINUS)
    repo.commit("perf(api): stream large order exports (#133)", author=ADA)
    repo.commit("chore(release): 2.0.0 [skip ci]", author=RELEASER)
    repo.tag("v2.0.0")


# The maintainers keep a CHANGELOG by hand from the merged pull requests: what users notice,
# with one dependency bump worth telling (a security fix in lodash); refactors, tests, CI,
# translations and the bots' housekeeping are left out.
PUBLISHED = """\
# Changelog

## [2.0.0] - 2024-06-03

### ⚠ BREAKING CHANGES

- **api:** remove the v1 endpoints (#115)

### Features

- **auth:** sign in with passkeys (#116)
- **orders:** export orders as CSV (#127)
- **checkout:** pay with Apple Pay (#131)

### Bug Fixes

- **auth:** expire sessions after a password change (#117)
- **orders:** count refunded items once (#132)

### Performance

- **api:** stream large order exports (#133)

### Security

- escape HTML in product reviews (#118)

### Documentation

- add the upgrade guide to 2.0 (#123)

## [1.5.1] - 2024-05-10

### Bug Fixes

- **payments:** retry webhooks that failed with 502 (#113)
- **cart:** keep the quantity when a product is renamed (#130)

## [1.5.0] - 2024-05-02

### Features

- **cart:** save carts for signed-in customers (#101)
- **api:** filter orders by status (#105)
- **admin:** bulk-edit product prices (#128)

### Bug Fixes

- **checkout:** keep the coupon after a failed payment (#103)
- **i18n:** use the plural forms of the locale (#111)
- show prices in the shop's currency (#112)
- **search:** match accented letters (#129)

### Performance

- **search:** cache category lookups (#108)

### Documentation

- describe the webhook payloads (#104)

### Dependencies

- bump lodash from 4.17.20 to 4.17.21 (#107)
"""

SCENARIO = Scenario(
    name="conventional-bots",
    summary="Conventional Commits with Renovate, Dependabot, Weblate, badges, release commits",
    build=build,
    published=PUBLISHED,
)
