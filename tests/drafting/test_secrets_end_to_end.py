"""No secret, however it is quoted, reaches the endpoint: first requests, retries, split chunks."""

from __future__ import annotations

from typing import Any

from tests.drafting.fake_openai import FakeOpenAI, completion, draft, faithful, manifest_of
from tests.drafting.test_adr_draft import NOTES
from tests.gitrepo import Repo

AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
QUOTED = [
    '{"password": "hunter2json", "api_key": "apikeyjsonvalue123"}',
    f'"aws_secret_access_key": "{AWS_SECRET}"',
    "Authorization: Basic dXNlcjpwYXNz",
]
SECRETS = ["hunter2json", "apikeyjsonvalue123", AWS_SECRET, "dXNlcjpwYXNz"]
PROSE = "The new endpoint pages through invoices. " * 60  # one item per request


def test_quoted_secrets_reach_no_request_of_a_split_and_retried_run(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    config = "llm:\n  model: fake-model\n  token_budget: 1500\n  max_tokens: 64\n"
    config += "  body_max_chars: 20000\n  timeout: 1\n  max_retries: 0\n"
    (repo.path / "leaddocs.yml").write_text(config)
    repo.commit("feat: first", files={"leaddocs.yml": config})
    repo.tag("v1.0.0")
    pasted = "\n".join(QUOTED)
    repo.commit(f"feat(api): list invoices (#1)\n\n{pasted}\n{PROSE}")
    repo.commit(f"fix: round totals (#2)\n\n{PROSE}\n{pasted}")
    fake_llm.queue(completion("not json"))  # the first chunk is asked twice
    fake_llm.default = faithful
    result = cli("--repo", repo.path, "release-notes", "--llm")
    assert result.code == 0, result
    chunks = {tuple(i["id"] for i in r) for r in map(manifest_of, fake_llm.requests)}
    assert len(chunks) == 2 and len(fake_llm.requests) == 3
    sent = b"".join(fake_llm.raw).decode()
    for secret in SECRETS:
        assert secret not in sent
    assert "secrets redacted before sending: 8" in result.stderr


def test_quoted_secrets_in_adr_notes_reach_neither_server_nor_record(
    repo: Repo, cli: Any, fake_llm: FakeOpenAI
) -> None:
    repo.commit("chore: start")
    notes = repo.path / "notes.md"
    notes.write_text(NOTES + "\nConfig we used:\n" + "\n".join(QUOTED) + "\n")
    fake_llm.queue(
        completion("not json"),
        draft(("Context and Problem Statement", "Polling misses events.", ["L3"])),
    )
    result = cli("--repo", repo.path, "adr", "new", "Use Kafka", "--from", notes, "--llm")
    assert result.code == 0, result
    record = (repo.path / result.stdout.strip()).read_text()
    sent = b"".join(fake_llm.raw).decode()
    assert len(fake_llm.requests) == 2
    for secret in SECRETS:
        assert secret not in sent
        assert secret not in record
