"""An ADR drafted from source notes says where it took secrets out, with or without a model."""

from __future__ import annotations

from pathlib import Path

from leaddocs.config import LlmConfig
from leaddocs.drafting.adr_draft import Source, draft_adr
from leaddocs.drafting.engine import LlmDrafter
from leaddocs.drafting.template import TemplateDrafter
from tests.drafting.fake_openai import FakeOpenAI, draft

KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecret\nMIIEkeymaterial\n-----END RSA PRIVATE KEY-----"
NOTES = f"""\
We call the billing API from the worker.

The old config had 'password' => 'hunter88' in it.
The deploy key, for the record:
{KEY}

We chose to move the credentials to the vault.
"""
SECRETS = ["hunter88", "MIIEowIBAAKCAQEAsecret", "MIIEkeymaterial"]
WHERE = "secrets redacted from the source: notes.md:3 (password), notes.md:5 (private-key)"


def test_the_source_keeps_its_line_numbers_and_no_secret() -> None:
    source = Source.of("notes.md", NOTES)
    assert len(source.lines) == len(NOTES.splitlines())
    assert source.lines[9] == "We chose to move the credentials to the vault."
    assert source.redacted == ("notes.md:3 (password)", "notes.md:5 (private-key)")
    for secret in SECRETS:
        assert secret not in source.quoted() and secret not in source.listing()


def test_the_template_draft_reports_where_secrets_were_taken_out() -> None:
    outcome = draft_adr(Source.of("notes.md", NOTES), TemplateDrafter())
    assert outcome.report.lines() == [WHERE]
    assert outcome.report.redactions == 2
    assert outcome.report.as_json()["redacted"] == [
        "notes.md:3 (password)",
        "notes.md:5 (private-key)",
    ]
    for secret in SECRETS:
        assert secret not in repr(outcome)


def test_a_source_without_secrets_reports_nothing() -> None:
    outcome = draft_adr(Source.of("notes.md", "We chose Kafka.\n"), TemplateDrafter())
    assert outcome.report.lines() == []


def test_the_model_draft_reports_them_once_and_sends_none(
    fake_llm: FakeOpenAI, tmp_path: Path
) -> None:
    fake_llm.queue(draft(("Context and Problem Statement", "The worker calls billing.", ["L1"])))
    drafter = LlmDrafter(LlmConfig(model="fake-model", max_retries=0), cache_dir=None)
    outcome = draft_adr(Source.of("notes.md", NOTES), drafter)
    sent = b"".join(fake_llm.raw).decode()
    for secret in SECRETS:
        assert secret not in sent and secret not in repr(outcome)
    assert WHERE in outcome.report.lines()
    assert outcome.report.redactions == 2
    assert not any(line.startswith("secrets redacted before") for line in outcome.report.lines())
