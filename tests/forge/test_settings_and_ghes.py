"""Where the forge is (Actions variables, configuration, origin), the kind of token, and GitHub
Enterprise Server: its API and links, never github.com's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leaddocs.config import ForgeConfig
from leaddocs.forge.settings import forge_settings
from tests.forge.fake_github import FakeGitHub
from tests.gitrepo import Repo

ROOT = Path("/repo")


def test_actions_variables_win() -> None:
    env = {
        "GITHUB_API_URL": "https://ghes.example.com/api/v3",
        "GITHUB_GRAPHQL_URL": "https://ghes.example.com/api/graphql",
        "GITHUB_SERVER_URL": "https://ghes.example.com",
        "GITHUB_REPOSITORY": "acme/widgets",
        "GITHUB_TOKEN": "ghs_workflow",
        "GITHUB_ACTIONS": "true",
    }
    config = ForgeConfig(api_url="https://elsewhere.example/api/v3")

    settings = forge_settings(env, config, "https://github.com/other/repo", ROOT)

    assert settings is not None
    assert (settings.api_url, settings.graphql_url) == (
        "https://ghes.example.com/api/v3",
        "https://ghes.example.com/api/graphql",
    )
    assert (settings.repository, settings.host) == ("acme/widgets", "ghes.example.com")
    assert settings.repository_web_url == "https://ghes.example.com/acme/widgets"
    assert settings.token_kind == "workflow"
    assert settings.cache_dir == ROOT / ".leaddocs/cache/forge"
    assert "ghs_workflow" not in repr(settings)


@pytest.mark.parametrize(
    ("origin", "api", "graphql"),
    [
        (
            "https://github.com/acme/widgets",
            "https://api.github.com",
            "https://api.github.com/graphql",
        ),
        (
            "https://github.corp.example/acme/widgets",
            "https://github.corp.example/api/v3",
            "https://github.corp.example/api/graphql",
        ),
    ],
)
def test_derived_from_origin(origin: str, api: str, graphql: str) -> None:
    settings = forge_settings({"GH_TOKEN": "ghp_x"}, ForgeConfig(), origin, ROOT)

    assert settings is not None
    assert (settings.api_url, settings.graphql_url, settings.repository) == (
        api,
        graphql,
        "acme/widgets",
    )
    assert settings.token_kind == "app-or-pat"


def test_a_host_not_known_as_github_gets_no_token() -> None:
    env = {"GITHUB_TOKEN": "ghp_x"}

    assert forge_settings(env, ForgeConfig(), "https://gitlab.com/acme/widgets", ROOT) is None
    assert forge_settings(env, ForgeConfig(), "https://git.corp.example/acme/widgets", ROOT) is None
    declared = forge_settings(
        env, ForgeConfig(), "https://git.corp.example/acme/widgets", ROOT, github_remote=True
    )
    assert declared is not None and declared.api_url == "https://git.corp.example/api/v3"
    assert forge_settings(env, ForgeConfig(), None, ROOT) is None  # no repository to ask about


@pytest.mark.parametrize(
    ("env", "kind"),
    [
        # The Action passes any token as GITHUB_TOKEN: only its prefix tells.
        ({"GITHUB_TOKEN": "github_pat_abc", "GITHUB_ACTIONS": "true"}, "app-or-pat"),
        ({"GH_TOKEN": "abc", "GITHUB_ACTIONS": "true"}, "app-or-pat"),
        ({"GITHUB_TOKEN": "ghs_abc"}, "workflow"),
        ({"GITHUB_TOKEN": "github_pat_abc"}, "app-or-pat"),
        (
            {"LEADDOCS_TOKEN": "ghp_abc", "GITHUB_TOKEN": "abc", "GITHUB_ACTIONS": "true"},
            "app-or-pat",
        ),
        # The Action says whether its token is the job's: a GitHub App's ghs_ token is not.
        ({"GITHUB_TOKEN": "ghs_app", "LEADDOCS_TOKEN_IS_WORKFLOWS": "false"}, "app-or-pat"),
        ({"GITHUB_TOKEN": "ghs_job", "LEADDOCS_TOKEN_IS_WORKFLOWS": "true"}, "workflow"),
        ({"GITHUB_TOKEN": "ghs_job", "LEADDOCS_TOKEN_IS_WORKFLOWS": ""}, "workflow"),
        ({}, "none"),
    ],
)
def test_token_kind(env: dict[str, str], kind: str) -> None:
    config = ForgeConfig(token_env="LEADDOCS_TOKEN")

    settings = forge_settings(env, config, "https://github.com/acme/widgets", ROOT)

    assert settings is not None and settings.token_kind == kind


def test_a_token_pasted_into_the_config_is_refused(repo: Repo, cli: Any) -> None:
    repo.commit("feat: x", files={"leaddocs.yml": "forge:\n  token_env: ghp_abcdef123456\n"})

    result = cli("--repo", repo.path, "release-notes")

    assert result.code == 3
    assert "leaddocs.yml:2: forge.token_env: name an environment variable" in result.stderr


def test_on_ghes_links_go_to_the_server_never_github_com(
    repo: Repo, fake_github: FakeGitHub, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.git("remote", "add", "origin", "git@github.com:acme/widgets.git")  # a mirror's remote
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    sha = repo.commit("fix: second")
    fake_github.add_pull("acme/widgets", title="fix: second", merged=True, commits=(sha,))
    for name, value in fake_github.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://ghes.example.com")

    result = cli("--repo", repo.path, "release-notes", "--format", "json")

    assert result.code == 0, result
    assert "github.com" not in result.stdout
    notes = json.loads(result.stdout)
    assert notes["compare_url"] == "https://ghes.example.com/acme/widgets/compare/v1.0.0...HEAD"
    [item] = notes["sections"][0]["items"]
    assert item["pr_url"] == "https://ghes.example.com/acme/widgets/pull/1"
    assert fake_github.graphql_requests()  # the API asked is the one GITHUB_API_URL names
