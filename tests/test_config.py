"""Configuration: defaults, leaddocs.yml, [tool.leaddocs], and errors that name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddocs.config import Config, load_config
from leaddocs.errors import ConfigError


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_yaml_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "leaddocs.yml").write_text(
        "# ours\nother_title: Misc\ntags:\n  pattern: '^rel-(?P<version>.*)$'\n"
    )
    config = load_config(tmp_path)
    assert config.other_title == "Misc"
    assert config.tags.pattern.startswith("^rel-")


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.leaddocs]\nother_title = "Misc"\n'
    )
    assert load_config(tmp_path).other_title == "Misc"


def test_pyproject_without_table_means_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_config(tmp_path) == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "tags:\n  patern: x\n",
            "leaddocs.yml:2: unknown key 'tags.patern' (did you mean 'tags.pattern'?)",
        ),
        (
            "other_title: A\nsectons: []\n",
            "leaddocs.yml:2: unknown key 'sectons' (did you mean 'sections'?)",
        ),
        (
            "skip:\n  message_patterns: ['[']\n",
            "leaddocs.yml:2: skip.message_patterns: not a valid regular",
        ),
        ("skip:\n  message_patterns: ['(?i)wip']\n", "use a scoped flag like (?i:...)"),
        (
            "other_title: A\ntags:\n  pattern: '^release-(?P<v>.*)$'\n",
            "leaddocs.yml:3: tags.pattern: '^release-(?P<v>.*)$': the only named group",
        ),
        ("subject_max_length: 3\n", "leaddocs.yml:1: subject_max_length: Input should be greater"),
        ("a: 1\na: 2\n", "leaddocs.yml:2: invalid YAML: found duplicate key"),
        ("- just\n- a list\n", "leaddocs.yml:1: the top level must be a mapping"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "leaddocs.yml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert message in str(error.value)


def test_pyproject_typo_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.leaddocs]\nother_title = "Misc"\n\n[tool.leaddocs.tags]\npatern = "x"\n'
    )
    with pytest.raises(
        ConfigError,
        match=r"pyproject.toml:8: unknown key 'tags.patern' \(did you mean 'tags.pattern'\?\)",
    ):
        load_config(tmp_path)


def test_explicit_config_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path, tmp_path / "nope.yml")


def test_a_tag_pattern_may_set_a_global_flag(tmp_path: Path) -> None:
    (tmp_path / "leaddocs.yml").write_text("tags:\n  pattern: '(?i)v?(?P<version>.*)'\n")
    assert load_config(tmp_path).tags.pattern.startswith("(?i)")


@pytest.mark.parametrize(
    ("key", "pattern"),
    [
        ("skip:\n  message_patterns", "(" * 3000 + "x" + ")" * 3000),  # Python's parser recurses
        ("tags:\n  pattern", "v(?P<version>x{4294967296})"),  # a count re's code cannot hold
        ("merges:\n  sync_branches", "(" * 3000 + "x" + ")" * 3000),
    ],
)
def test_a_regex_re_cannot_compile_is_a_config_error(
    tmp_path: Path, key: str, pattern: str
) -> None:
    value = f"['{pattern}']" if key.startswith("skip") else f"'{pattern}'"
    (tmp_path / "leaddocs.yml").write_text(f"{key}: {value}\n")
    with pytest.raises(ConfigError, match=r"leaddocs.yml:2: .*not a valid regular expression"):
        load_config(tmp_path)
