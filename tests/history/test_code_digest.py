"""The code digest in the release cache's key: remembered by the files' stat, never stale."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from leaddocs.application import cache_folder
from leaddocs.application.cache_folder import CacheFolder, package_digest


def _package(root: Path) -> tuple[Path, list[Path]]:
    package = root / "pkg"
    (package / "sub").mkdir(parents=True)
    files = [package / "a.py", package / "sub" / "b.py", package / "sub" / "t.md.j2"]
    for index, path in enumerate(files):
        path.write_text(f"value = {index}\n")
    return package, files


def _full(package: Path, files: list[Path]) -> str:
    return package_digest(package, files, None)  # every byte read, nothing remembered


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CacheFolder:
    monkeypatch.setattr(cache_folder, "_RACY_NS", 0)  # the files were written just now
    return CacheFolder(tmp_path / "cache", 1 << 20)


def _rewrite_in_place(path: Path, text: str) -> None:
    """New bytes of the same size, the old modification time put back (as `cp -p` or a
    careless tool would): only the ctime, which no tool can set, tells."""
    info = path.stat()
    time.sleep(0.02)  # past the clock's tick that stamped the first write
    with path.open("r+") as stream:
        stream.write(text)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns


def test_any_change_to_any_file_changes_the_digest(tmp_path: Path, folder: CacheFolder) -> None:
    package, files = _package(tmp_path)
    first = package_digest(package, files, folder)
    assert first == _full(package, files)
    assert package_digest(package, files, folder) == first  # remembered
    for index, path in enumerate(files):
        before = package_digest(package, files, folder)
        _rewrite_in_place(path, f"value = {index + 5}\n")
        after = package_digest(package, files, folder)
        assert after != before
        assert after == _full(package, files)
    renamed = package / "c.py"
    files[0].rename(renamed)
    moved = [renamed, *files[1:]]
    assert (
        package_digest(package, moved, folder) == _full(package, moved) != _full(package, files[1:])
    )


def test_the_memo_is_used_only_for_the_same_files(tmp_path: Path, folder: CacheFolder) -> None:
    package, files = _package(tmp_path)
    real = package_digest(package, files, folder)
    memo = folder.path / "code.json"
    remembered = json.loads(memo.read_text())
    assert remembered["digest"] == real
    # A memo of other files (or a forged one) is not taken: the files are read again.
    memo.write_text(json.dumps({**remembered, "signature": "0" * 64, "digest": "f" * 64}))
    assert package_digest(package, files, folder) == real
    memo.write_text("not json")
    assert package_digest(package, files, folder) == real
    memo.write_text("[" * 100_000)  # nested deeper than json's decoder recurses
    assert package_digest(package, files, folder) == real


def test_no_memo_is_kept_of_files_changed_a_moment_ago(tmp_path: Path) -> None:
    package, files = _package(tmp_path)
    folder = CacheFolder(tmp_path / "cache", 1 << 20)
    assert package_digest(package, files, folder) == _full(package, files)
    assert not (folder.path / "code.json").exists()  # they could change again unseen


def test_leaddocs_own_digest_is_its_files(folder: CacheFolder) -> None:
    cache_folder._code_digests.clear()
    try:
        read = cache_folder.code_digest()  # every file read
        for _ in range(2):  # the memo written, then the memo used
            cache_folder._code_digests.clear()
            assert cache_folder.code_digest((), folder) == read
    finally:
        cache_folder._code_digests.clear()
