"""Files read from history (a past period's records, the drafts' records) are bounded: a file of
gigabytes committed once is never read into memory."""

from __future__ import annotations

from leaddocs.history.git import GitRepository
from tests.gitrepo import Repo


def test_a_blob_over_the_bound_is_not_read_and_the_others_are(repo: Repo) -> None:
    repo.commit("docs: records", files={"adr/0001-a.md": "# A\n", "adr/0002-b.md": "x" * 4096})
    head = repo.head()
    git = GitRepository(repo.path)
    specs = [f"{head}:./adr/0001-a.md", f"{head}:./adr/0002-b.md", f"{head}:./missing.md", head]
    found = git.read_blobs(specs, most=1024)
    assert found[specs[0]] == b"# A\n"
    assert found[specs[1]] is None  # 4 KiB: over this call's bound, not read
    assert found[specs[2]] is None and found[specs[3]] is None  # no file; a commit, no blob
    assert git.read_blobs(specs)[specs[1]] == b"x" * 4096  # within the default bound
