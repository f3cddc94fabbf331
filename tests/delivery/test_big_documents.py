"""A big document is hashed and marked a block at a time, and printed in parts: the same bytes.

The JSON CHANGELOG of a long history is ~50 MB. Its hash is taken a block of whole lines at a
time and stdout gets it in the parts it was made of, so it never stands in memory twice; what
comes out must be exactly what the whole-string path gave.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaddocs import markers
from leaddocs.document import Document, Encoded
from tests.gitrepo import Repo

_JSON_PATH = Path("changelog.json")


def _whole_text_digest(text: str) -> str:
    normal = "\n".join(map(str.rstrip, text.strip("\n").splitlines()))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


# Every character str.splitlines or str.rstrip treats specially, and plain ones.
_TEXTS = st.text(alphabet=["\n", "\r", " ", "\t", "\x0b", "\x85", "\u2028", "a", "é", "{"])


@given(text=_TEXTS, block=st.integers(min_value=1, max_value=8))
def test_a_block_at_a_time_hashes_as_the_whole_text(text: str, block: int) -> None:
    before = markers._DIGESTED_AT_ONCE
    markers._DIGESTED_AT_ONCE = block
    try:
        assert markers.digest(text) == _whole_text_digest(text)
    finally:
        markers._DIGESTED_AT_ONCE = before


@given(parts=st.lists(_TEXTS, max_size=6), block=st.integers(min_value=1, max_value=8))
def test_parts_hash_as_their_join(parts: list[str], block: int) -> None:
    before = markers._DIGESTED_AT_ONCE
    markers._DIGESTED_AT_ONCE = block
    try:
        assert markers.digest_parts(parts) == _whole_text_digest("".join(parts))
    finally:
        markers._DIGESTED_AT_ONCE = before


def test_a_big_json_body_is_marked_as_before() -> None:
    body = json.dumps({"releases": [{"n": n, "s": "x \u2028 y"} for n in range(60_000)]}, indent=2)
    assert len(body) > markers._DIGESTED_AT_ONCE
    marked = markers.mark_json(body + "\n")
    head = f'{{\n  "leaddocs_generated": "sha256:{_whole_text_digest(body)}",\n'
    assert marked == head + body[2:] + "\n"
    assert markers.document_state(marked) == "generated"


def test_a_document_has_a_body_or_parts() -> None:
    parted = Document("changelog", _JSON_PATH, "", "json", parts=('{\n  "a": ', "1\n}\n"))
    assert parted.chunks() == ('{\n  "a": ', "1\n}\n")
    assert parted.text == '{\n  "a": 1\n}\n'
    whole = Document("changelog", _JSON_PATH, parted.text, "json")
    assert parted.file_text == whole.file_text
    assert parted.generated_hash == whole.generated_hash
    assert parted.file_data() == whole.file_data() == whole.file_text.encode("utf-8")
    with pytest.raises(ValueError, match="body or parts"):
        Document("changelog", _JSON_PATH, "x", "json", parts=("y",))


@given(parts=st.lists(_TEXTS, min_size=1, max_size=6), encoded=st.lists(st.booleans()))
def test_parts_kept_as_utf8_bytes_make_the_same_document(
    parts: list[str], encoded: list[bool]
) -> None:
    """A part read from the release cache stays the file's UTF-8 bytes (``Encoded``): the
    document's text, hash and file bytes are those of the same text given as strings."""
    data = "".join(parts).encode("utf-8")
    spans, at = [], 0
    for part in parts:
        spans.append((at, at + len(part.encode("utf-8"))))
        at = spans[-1][1]
    views = Encoded.spans(data, spans)
    assert views is not None
    mixed = [
        view if index < len(encoded) and encoded[index] else text
        for index, (view, text) in enumerate(zip(views, parts, strict=True))
    ]
    start = '{\n  "a": '
    as_text = Document("changelog", _JSON_PATH, "", "json", parts=(start, *parts))
    as_bytes = Document("changelog", _JSON_PATH, "", "json", parts=(start, *mixed))
    assert as_bytes.text == as_text.text
    assert as_bytes.generated_hash == as_text.generated_hash
    assert as_bytes.file_data() == as_text.file_data() == as_text.file_text.encode("utf-8")


def test_only_utf8_text_without_escapes_is_kept_as_bytes() -> None:
    text = "Zoë 日本 \u2028 ".encode()
    [view] = Encoded.spans(text, [(0, len(text))]) or []
    assert view.decoded() == "Zoë 日本 \u2028 "
    assert Encoded.spans(text, [(0, 3)]) is None  # "Zo" and half of "ë"
    assert Encoded.spans(b"ok \xff", [(0, 4)]) is None
    # A terminal acts on ESC: such text goes out as any text does (Click's filter).
    assert Encoded.spans(b"red \x1b[31m", [(0, 4)]) is None


def test_the_json_changelog_on_stdout_is_the_file_s_body(
    cli: Any, repo: Repo, tmp_path: Path
) -> None:
    for number in range(3):
        repo.commit(f"feat: thing {number}", files={f"f{number}.txt": "x"})
        repo.tag(f"v1.{number}.0")
    repo.commit("fix: after the tag", files={"late.txt": "y"})
    printed = cli("--repo", repo.path, "changelog", "--format", "json").stdout
    assert [r["tag"] for r in json.loads(printed)["releases"]] == ["v1.2.0", "v1.1.0", "v1.0.0"]
    written = tmp_path / "changelog.json"
    cli("--repo", repo.path, "changelog", "--format", "json", "-o", written)
    in_file = json.loads(written.read_text(encoding="utf-8"))
    assert in_file.pop("leaddocs_generated").startswith("sha256:")
    assert in_file == json.loads(printed)


def test_the_json_changelog_file_is_kept_when_unchanged_or_edited(cli: Any, repo: Repo) -> None:
    repo.commit("feat: thing", files={"a.txt": "x"})
    repo.tag("v1.0.0")
    written = repo.path / "changelog.json"
    args = ("--repo", repo.path, "changelog", "--format", "json", "-o", written)
    assert cli(*args).code == 0
    first = written.read_bytes()
    again = cli(*args)
    assert again.code == 0
    assert "unchanged" in again.stderr
    edited = first.replace(b'"thing"', b'"a thing edited by hand"')
    assert edited != first
    written.write_bytes(edited)
    refused = cli(*args)
    assert refused.code != 0
    assert "edited" in refused.stderr
    assert written.read_bytes() == edited
