"""A realistic small service history, the same on every run (fixed clock and identities)."""

from __future__ import annotations

from tests.gitrepo import Repo

ADA = "Ada Lovelace <ada@example.com>"
GRACE = "Grace Hopper <grace@example.com>"
LINUS = "Linus Torvalds <linus@example.com>"
BOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
NEWBIE = "Margaret Hamilton <margaret@example.com>"


def build_service_history(repo: Repo) -> dict[str, str]:
    """Two releases and unreleased work; returns shas worth pointing at."""
    shas: dict[str, str] = {}
    repo.commit("feat: first working version", author=ADA)
    repo.commit("docs: add README", author=ADA)
    repo.tag("v0.9.0", annotated=True)

    repo.commit("feat(api): add invoices endpoint (#1)", author=ADA)
    repo.commit(
        "fix: handle an empty cart (#2)\n\nThe cart page crashed.\n\nCloses #17", author=GRACE
    )
    repo.merge_pr(
        3, "Add CSV export", ["feat(export): add CSV writer", "test: cover the CSV writer"]
    )
    repo.commit("docs: explain local setup", author=LINUS)
    repo.commit(
        "chore(deps): bump requests from 2.31.0 to 2.32.0 (#4)",
        author=BOT,
    )
    repo.commit("ci: cache pip downloads", author=GRACE)
    repo.commit("perf(db): batch inserts of line items", author=LINUS)
    repo.commit("Update the <b>README</b> wording", author=LINUS)
    repo.commit(
        "feat(auth)!: drop legacy API tokens (#5)\n\n"
        "BREAKING CHANGE: tokens created before 2024 stop working;\n"
        "rotate them in the admin panel.",
        author=ADA,
    )
    shas["wrong_total"] = repo.commit("fix(api): round totals to cents", author=GRACE)
    repo.commit(
        f'Revert "fix(api): round totals to cents"\n\nThis reverts commit {shas["wrong_total"]}.',
        author=GRACE,
    )
    repo.commit(
        "feat(ui): dark mode for the dashboard (#6)\n\n"
        "Co-authored-by: Margaret Hamilton <margaret@example.com>",
        author=LINUS,
    )
    repo.commit("chore: tidy imports [skip changelog]", author=ADA)
    repo.commit("chore(release): 1.0.0", author=ADA)
    repo.tag("v1.0.0", annotated=True)
    shas["v1.0.0"] = repo.head()

    repo.commit("fix(export): quote fields with commas (#7)", author=NEWBIE)
    repo.commit("feat(api): filter invoices by status (#8)", author=ADA)
    shas["head"] = repo.head()
    return shas
