"""The tested list of secrets that never leave the machine."""

from __future__ import annotations

import pytest

from leaddocs.drafting.redact import redact

CASES = [
    ("github-token", "push with ghp_" + "A1b2" * 9, "ghp_"),
    ("github-token", "github_pat_" + "11ABCDEFG0" * 5, "github_pat_"),
    ("github-token", "gho_" + "x" * 36, "gho_"),
    ("aws-access-key", "key AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE"),
    (
        "aws-secret-key",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "wJalrXUtnFEMI",
    ),
    ("openai-key", "OPENAI key sk-proj-abcdefghijklmnopqrstuvwxyz012345", "sk-proj-abc"),
    ("openai-key", "sk-abcdefghijklmnopqrstuvwxyzABCD", "sk-abcdef"),
    ("slack-token", "xoxb-123456789012-abcdefghij", "xoxb-1234"),
    ("bearer-token", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGci"),
    (
        "private-key",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----",
        "b3BlbnNzaC1rZXk",
    ),
    ("private-key", "-----BEGIN PRIVATE KEY-----\ntruncated paste MIIEvQ", "MIIEvQ"),
    ("password", "password=hunter2", "hunter2"),
    ("password", 'db_password: "correct horse battery"', "correct horse"),
    ("password", "API_KEY=abc123def456", "abc123def456"),
    ("password", "client_secret: s3cr3t-value", "s3cr3t-value"),
    ("password", '{"password": "hunter2json", "x": 1}', "hunter2json"),
    ("password", '{"api_key": "apikeyjsonvalue123"}', "apikeyjsonvalue123"),
    ("password", "'db_token': s3cr3tyaml", "s3cr3tyaml"),
    (
        "aws-secret-key",
        '"aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
        "wJalrXUtnFEMI",
    ),
    ("basic-auth", "Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
    ("basic-auth", '"authorization": "Basic dXNlcjpwYXNz"', "dXNlcjpwYXNz"),
    ("basic-auth", "curl -H 'Basic YWRhOmh1bnRlcjI='", "YWRhOmh1bnRlcjI="),
    ("url-credentials", "clone https://deploy:tok3nvalue@git.example.com/x.git", "tok3nvalue"),
]


@pytest.mark.parametrize(("kind", "text", "secret"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_secret_is_redacted(kind: str, text: str, secret: str) -> None:
    redacted, found = redact(text)
    assert secret not in redacted
    assert kind in found
    assert f"[REDACTED:{kind}]" in redacted


def test_a_key_value_pair_keeps_its_key() -> None:
    assert redact("password=hunter2 and more")[0] == "password=[REDACTED:password] and more"


@pytest.mark.parametrize(
    "text",
    [
        "fix: handle an empty cart",
        "Rotate the password in the admin panel",
        "token bucket rate limiter",
        "token: 5 per second",
        "password reset flow",
        "Basic functionality works",
        '{"token": 5}',
        "skip the sk-8 test",
        "see https://example.com/docs",
    ],
)
def test_ordinary_prose_is_left_alone(text: str) -> None:
    assert redact(text) == (text, [])
