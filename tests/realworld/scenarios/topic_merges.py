"""A git.git-like project: every topic branch merged with a prose description, the
maintainer's own batch and release commits, fixes merged to ``maint`` and back-merged."""

from __future__ import annotations

from tests.gitrepo import Repo
from tests.realworld.measure import Scenario

JUNIO = "Junio C Hamano <gitster@example.com>"
PATRICK = "Patrick Steinhardt <ps@example.com>"
JEFF = "Jeff King <peff@example.com>"
TAYLOR = "Taylor Blau <me@example.com>"
ELIJAH = "Elijah Newren <newren@example.com>"
PHILLIP = "Phillip Wood <phillip@example.com>"
RENE = "René Scharfe <l.s.r@example.com>"
DERRICK = "Derrick Stolee <stolee@example.com>"
AVAR = "Ævar Arnfjörð Bjarmason <avarab@example.com>"
BRIAN = "brian m. carlson <sandals@example.com>"
KARTHIK = "Karthik Nayak <karthik@example.com>"

# (branch, author, commits, prose)
V2_45 = [
    (
        "ps/reftable-empty-tables",
        PATRICK,
        [
            "reftable/merged: handle empty tables",
            "reftable/block: plug a leak in the block reader",
            "t0610: test empty tables",
        ],
        "The reftable backend learned to handle empty tables, and a leak in\n"
        "its block reader has been plugged.",
    ),
    ("jk/meson-perl", JEFF, ["meson: fix perl dependencies"], ""),
    (
        "jc/log-follow-merges",
        JUNIO,
        ["log: follow renames across merges", "t4202: cover --follow across merges"],
        '"git log --follow" learned to follow renames across merge commits.',
    ),
    (
        "tb/bitmap-lookup",
        TAYLOR,
        ["pack-bitmap: use a lookup table", "pack-bitmap: read the lookup table lazily"],
        "Reading reachability bitmaps has been made faster by consulting a\nlookup table.",
    ),
    (
        "ds/doc-sparse-checkout",
        DERRICK,
        ["doc: sparse-checkout: describe cone mode", "doc: sparse-checkout: fix the example"],
        "Documentation updates for sparse-checkout.",
    ),
    (
        "rs/strbuf-cleanup",
        RENE,
        ["strbuf: drop unused strbuf_add_real_path()", "strbuf: simplify strbuf_expand()"],
        "Code clean-up.",
    ),
    ("ab/typofixes", AVAR, ["doc: fix typos in git-log", "commit: fix a typo in a comment"], ""),
    (
        "en/ort-rename-delete",
        ELIJAH,
        [
            "merge-ort: do not segfault on a rename/delete collision",
            "t6423: add a rename/delete test",
        ],
        '"git merge" with the ort strategy could segfault when a rename\n'
        "collided with a delete; this has been corrected.",
    ),
    (
        "pw/autosquash-non-interactive",
        PHILLIP,
        ["rebase: honour --autosquash without --interactive"],
        '"git rebase --autosquash" now works without "--interactive" as well.',
    ),
    (
        "jk/ci-macos",
        JEFF,
        ["ci: bump the macOS image", "ci: cache Homebrew downloads"],
        "CI updates.",
    ),
]

V2_46 = [
    (
        "ps/reftable-compaction",
        PATRICK,
        ["reftable/stack: compact after writes", "reftable/stack: test auto-compaction"],
        "The reftable backend now compacts tables automatically after writes.",
    ),
    (
        "jc/checkout-recurse-default",
        JUNIO,
        ["checkout: add checkout.recurseSubmodules", "doc: describe checkout.recurseSubmodules"],
        '"git checkout" learned the "checkout.recurseSubmodules" configuration\nvariable.',
    ),
    (
        "bc/sha256-interop",
        BRIAN,
        [
            "hash: add a function to look up hash algorithm by length",
            "object-file: map object IDs between algorithms",
            "t1016: add interop tests",
        ],
        "Preparatory work for SHA-256 and SHA-1 interoperability continues.",
    ),
    (
        "jk/fsck-leaks",
        JEFF,
        ["fsck: free the object list", "fsck: plug a leak in the tree walker"],
        'Leaks in "git fsck" have been plugged.',
    ),
    (
        "tb/midx-perf",
        TAYLOR,
        ["midx: avoid re-reading the packs", "midx: write chunks in one pass"],
        "Writing a multi-pack index has been sped up.",
    ),
    (
        "gc/test-cleanup",
        AVAR,
        ["t7400: use test_path_is_file", "t7400: drop a stray debug echo"],
        "Test clean-up.",
    ),
    (
        "rj/doc-fetch",
        RENE,
        ["doc: fetch: describe --prune better"],
        'Doc update for "git fetch --prune".',
    ),
    (
        "kn/update-ref-symref",
        KARTHIK,
        ["update-ref: add symref-update", "update-ref: add symref-verify", "t1400: test symrefs"],
        '"git update-ref --stdin" learned to update symbolic refs.',
    ),
    ("jk/ci-ubuntu", JEFF, ["ci: move to ubuntu-24.04"], "CI updates."),
    (
        "ps/t-reftable-merged",
        PATRICK,
        ["t-reftable-merged: add a test for empty tables", "t-reftable-merged: cover seeking"],
        "Test coverage for the reftable merged iterator has been improved.",
    ),
]


def _topics(repo: Repo, topics: list[tuple[str, str, list[str], str]]) -> None:
    for branch, author, commits, prose in topics:
        repo.merge_topic(branch, commits, prose, author=author)


def build(repo: Repo) -> None:
    repo.commit("Initial import", author=JUNIO)
    repo.tag("v2.44.0")
    repo.git("branch", "maint")
    # A fix made on maint, merged to the main line first and to maint after.
    repo.merge_topic(
        "jc/config-empty-crash",
        ["config: do not crash on an empty value"],
        'A crash in "git config" when reading an empty value has been fixed.',
        author=JUNIO,
        start="maint",
    )
    _topics(repo, V2_45[:5])
    repo.commit("The first batch", author=JUNIO)
    repo.checkout("maint")
    repo.merge_topic("jc/config-empty-crash", [], "", into="maint")
    repo.merge_topic(
        "rs/grep-leak",
        ["grep: free the pattern list"],
        'A memory leak in "git grep" has been plugged.',
        author=RENE,
        into="maint",
    )
    repo.checkout("main")
    repo.merge("maint", "Merge branch 'maint'", author=JUNIO)
    _topics(repo, V2_45[5:])
    repo.commit("The second batch", author=JUNIO)
    repo.commit("Git 2.45-rc0", author=JUNIO)
    repo.commit("Git 2.45", author=JUNIO)
    repo.tag("v2.45.0")

    repo.commit("Start the 2.46 cycle", author=JUNIO)
    _topics(repo, V2_46[:6])
    repo.commit("The first batch", author=JUNIO)
    repo.checkout("maint")
    repo.merge_topic(
        "ds/maintenance-outside-repo",
        ["maintenance: die() cleanly outside a repository"],
        '"git maintenance run" no longer crashes when run outside a repository.',
        author=DERRICK,
        into="maint",
    )
    repo.checkout("main")
    repo.merge("maint", "Sync with 'maint'", author=JUNIO)
    _topics(repo, V2_46[6:])
    repo.commit("Git 2.46", author=JUNIO)
    repo.tag("v2.46.0")


# Written as git.git's RelNotes are: the topic descriptions, sorted by kind, and the
# maintainer's own words for the topic that came without one.
PUBLISHED = """\
# Git release notes

## v2.46.0

UI, Workflows & Features

- "git checkout" learned the "checkout.recurseSubmodules" configuration variable.
- "git update-ref --stdin" learned to update symbolic refs.
- The reftable backend now compacts tables automatically after writes.

Performance, Internal Implementation, Development Support etc.

- Writing a multi-pack index has been sped up.
- Preparatory work for SHA-256 and SHA-1 interoperability continues.
- Test coverage for the reftable merged iterator has been improved.
- Test clean-up.
- CI updates.

Fixes since v2.45

- Leaks in "git fsck" have been plugged.
- "git maintenance run" no longer crashes when run outside a repository.
- Doc update for "git fetch --prune".

## v2.45.0

UI, Workflows & Features

- "git log --follow" learned to follow renames across merge commits.
- "git rebase --autosquash" now works without "--interactive" as well.

Performance, Internal Implementation, Development Support etc.

- Reading reachability bitmaps has been made faster by consulting a lookup table.
- Code clean-up.
- CI updates.
- The build with meson has been fixed for recent versions of perl.

Fixes since v2.44

- The reftable backend learned to handle empty tables, and a leak in its block reader has
  been plugged.
- "git merge" with the ort strategy could segfault when a rename collided with a delete;
  this has been corrected.
- A crash in "git config" when reading an empty value has been fixed.
- A memory leak in "git grep" has been plugged.
- Documentation updates for sparse-checkout.
- Typofixes.
"""

SCENARIO = Scenario(
    name="topic-merges",
    summary="git.git-like: topics merged with prose, maint back-merges, batch commits",
    build=build,
    published=PUBLISHED,
)
