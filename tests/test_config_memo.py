"""A configuration file's checked meaning, remembered by its bytes: the same configuration as
a full check gives, never a stale or forged one beyond what a file could say."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leaddocs.application import config_memo
from leaddocs.application.config_file import commented_defaults
from leaddocs.application.config_memo import ConfigMemo
from leaddocs.config import Config, as_data, load_config
from leaddocs.errors import ConfigError
from leaddocs.history.git import GitRepository
from tests.gitrepo import Repo

CUSTOM = """\
other_title: Misc
tags:
  pattern: '^rel-(?P<version>.*)$'
commits:
  types: [Feat, ' fix ']
llm:
  temperature: 0.5
  price_in_per_million: 1
forge:
  api_url: https://git.example/api/v3
sections:
  - title: Things
    types: [feat]
templates_dir: .leaddocs/templates
"""


@pytest.fixture(autouse=True)
def _a_cache_is_kept(repo: Repo) -> None:
    (repo.path / ".leaddocs" / "cache" / "releases").mkdir(parents=True)  # as a run leaves it


def _loaded(repo: Repo) -> tuple[Config, list[Path]]:
    found = load_config(repo.path, None, ConfigMemo(GitRepository(repo.path)))
    return found, sorted((repo.path / config_memo.FOLDER).glob("*.json"))


def _same(one: Config, other: Config) -> bool:
    return (as_data(one), one.source, one.given) == (as_data(other), other.source, other.given)


@pytest.mark.parametrize("text", [CUSTOM, commented_defaults()])
def test_a_remembered_configuration_is_the_checked_one(repo: Repo, text: str) -> None:
    (repo.path / "leaddocs.yml").write_text(text)
    checked = load_config(repo.path)  # no memo: parsed and checked
    first, memos = _loaded(repo)
    assert _same(first, checked) and len(memos) == 1
    again, _ = _loaded(repo)  # built from the memo
    assert _same(again, checked) and again == checked


def test_a_changed_yaml_reader_reads_the_file_again(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a file means is decided by the YAML reader (yamlio.py, ruamel.yaml) as much as by
    config.py: a change to either (a patch, an edit in a checkout) is a new key."""
    from leaddocs import yamlio
    from leaddocs.application import cache_folder

    code = {"config.py": "config", "yamlio.py": "reader 1"}
    monkeypatch.setattr(
        cache_folder,
        "code_digest",
        lambda modules=(), folder=None: repr([code[m] for m in modules]),
    )
    (repo.path / "leaddocs.yml").write_text("other_title: Misc\n")
    assert _loaded(repo)[0].other_title == "Misc"
    load = yamlio.load  # a reader that now reads the same bytes otherwise
    monkeypatch.setattr(yamlio, "load", lambda text: load(text.replace("Misc", "Read anew")))
    code["yamlio.py"] = "reader 2"
    assert _loaded(repo)[0].other_title == "Read anew"


def test_a_changed_file_is_checked_again(repo: Repo) -> None:
    path = repo.path / "leaddocs.yml"
    path.write_text("other_title: Misc\n")
    assert _loaded(repo)[0].other_title == "Misc"
    path.write_text("other_title: Else\n")
    assert _loaded(repo)[0].other_title == "Else"
    path.write_text("other_titel: Else\n")
    with pytest.raises(ConfigError, match="unknown key 'other_titel'"):
        _loaded(repo)


@pytest.mark.parametrize(
    "forged",
    [
        {"changelog": {"path": "../../outside.md"}},  # a path out of the repository
        {"tags": {"pattern": "(?P<oops>x)"}},  # a check a file's value would fail
        {"llm": {"temperature": 9}},  # out of bounds
        {"llm": {"max_tokens": "4096"}},  # not of its type
        {"unknown": 1},
    ],
)
def test_a_forged_memo_is_not_taken(repo: Repo, forged: dict[str, Any]) -> None:
    (repo.path / "leaddocs.yml").write_text(CUSTOM)
    checked, memos = _loaded(repo)
    memo = json.loads(memos[0].read_text())
    for section, values in forged.items():
        if isinstance(values, dict):
            memo["config"][section].update(values)
        else:
            memo["config"][section] = values
    memos[0].write_text(json.dumps(memo))
    assert _same(_loaded(repo)[0], checked)  # the file was read and checked again


@pytest.mark.parametrize(
    "damage", [b"", b"{not json", b"[" * 100_000, b'{"v": 1, "key": [' * 10_000]
)
def test_a_damaged_memo_is_checked_again(repo: Repo, damage: bytes) -> None:
    (repo.path / "leaddocs.yml").write_text(CUSTOM)
    checked, memos = _loaded(repo)
    memos[0].write_bytes(damage)  # nested deeper than json's decoder recurses, among others
    assert _same(_loaded(repo)[0], checked)


def test_no_memo_when_the_cache_is_off_or_committed(repo: Repo) -> None:
    repo.commit("feat: one")
    (repo.path / "leaddocs.yml").write_text("changelog:\n  cache_max_mb: 0\n")
    assert _loaded(repo)[1] == []
    (repo.path / "leaddocs.yml").write_text(CUSTOM)
    checked, memos = _loaded(repo)
    repo.git("add", "-f", str(memos[0]))
    memos[0].write_text(memos[0].read_text().replace("Misc", "Forged"))
    assert _loaded(repo)[0].other_title == "Misc" == checked.other_title


def test_no_memo_committed_behind_a_symlink(repo: Repo) -> None:
    """`.leaddocs` committed as a link to a folder whose files git tracks: not trusted."""
    (repo.path / "leaddocs.yml").write_text(CUSTOM)
    checked, memos = _loaded(repo)
    memos[0].write_text(memos[0].read_text().replace("Misc", "Forged"))
    (repo.path / ".leaddocs").rename(repo.path / "vendored")
    (repo.path / ".leaddocs").symlink_to("vendored")
    repo.git("add", "-f", ".leaddocs", "vendored")
    repo.commit("chore: a helpful cache")
    assert _loaded(repo)[0].other_title == "Misc" == checked.other_title


def test_no_memo_where_no_cache_is_kept(repo: Repo) -> None:
    (repo.path / ".leaddocs" / "cache" / "releases").rmdir()
    (repo.path / "leaddocs.yml").write_text(CUSTOM)
    assert _loaded(repo)[1] == []  # `leaddocs init` twice changes no file


def test_pyproject_tables_are_remembered_too(repo: Repo) -> None:
    (repo.path / "pyproject.toml").write_text('[tool.leaddocs]\nother_title = "Misc"\n')
    assert _loaded(repo)[0].other_title == "Misc"
    first, memos = _loaded(repo)
    assert first.other_title == "Misc" and len(memos) == 1


def test_the_cli_reports_a_bad_file_each_time(cli: Any, repo: Repo) -> None:
    repo.commit("feat: one")
    (repo.path / "leaddocs.yml").write_text("tags:\n  patern: x\n")
    for _ in range(2):
        result = cli("--repo", repo.path, "changelog")
        assert result.code == 3
        assert "leaddocs.yml:2: unknown key 'tags.patern' (did you mean 'tags.pattern'?)" in (
            result.stderr
        )
