"""Secrets taken out of untrusted text before it leaves the machine.

The list is deliberately concrete (each pattern has a test in tests/drafting/test_redact.py):
a secret pasted into a commit body must never reach a model endpoint, cached or not.
"""

from __future__ import annotations

import re

# After a key: its closing quote when it is quoted (JSON, YAML), then `:` or `=`.
_KEY_END = r"[\"']?\s*[:=]\s*"

# (kind, pattern); a pattern's group "secret", when present, is the only part replaced, so
# `password=hunter2` keeps its key and the reader still sees what was there.
SECRET_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "private-key",
        re.compile(
            r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?"
            r"(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\Z)",
            re.S,
        ),
    ),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})")),
    ("aws-access-key", re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b")),
    (
        "aws-secret-key",
        re.compile(
            rf"(?i)\baws_?secret_?(?:access_?)?key\b{_KEY_END}[\"']?(?P<secret>[A-Za-z0-9/+=]{{40}})"
        ),
    ),
    ("openai-key", re.compile(r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("bearer-token", re.compile(r"(?i)\bbearer\s+(?P<secret>[A-Za-z0-9._~+/-]{20,}=*)")),
    (
        "basic-auth",
        re.compile(rf"(?i)\bauthorization\b{_KEY_END}[\"']?basic\s+(?P<secret>[A-Za-z0-9+/]+=*)"),
    ),
    # Without the header name, a digit, `+`, `/` or `=` in the base64 of user:password tells
    # it from prose such as "Basic functionality".
    (
        "basic-auth",
        re.compile(r"(?i)\bbasic\s+(?P<secret>(?=[A-Za-z]*[0-9+/=])[A-Za-z0-9+/]{8,}=*)(?!\w)"),
    ),
    (
        "password",
        re.compile(
            # `\w*` lets DB_PASSWORD and OPENAI_API_KEY count, not just a bare `password`.
            r"(?i)\b\w*?(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)"
            # A quoted value always counts; a bare one needs four characters or more, so
            # `token: 5 per second` stays prose.
            rf"\b{_KEY_END}(?P<secret>\"[^\"\n]+\"|'[^'\n]+'|[^\s,;\"'}}]{{4,}})"
        ),
    ),
    ("url-credentials", re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<secret>[^@\s/]+)@")),
)


def redact(text: str) -> tuple[str, list[str]]:
    """``text`` with every secret replaced by ``[REDACTED:kind]``, and the kinds found."""
    found: list[str] = []
    for kind, pattern in SECRET_PATTERNS:

        def replace(match: re.Match[str], kind: str = kind) -> str:
            if "[REDACTED:" in match.group(0):
                return match.group(0)  # an earlier, more specific pattern already took it
            found.append(kind)
            marker = f"[REDACTED:{kind}]"
            if "secret" in match.re.groupindex and match.group("secret") is not None:
                start, end = match.span("secret")
                whole = match.group(0)
                offset = match.start()
                return whole[: start - offset] + marker + whole[end - offset :]
            return marker

        text = pattern.sub(replace, text)
    return text, found
