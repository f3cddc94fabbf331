"""What counts as a secret: provider token formats, keyword assignments, high-entropy values.

The token formats and the keyword list are ported from the plugins of Yelp's detect-secrets
(1.5.0, Apache-2.0: ``detect_secrets/plugins/*.py``; its keyword list comes from bandit), with
gitleaks' Google API key added. The package itself is not a dependency: importing it costs
~150 ms and pulls in ``requests`` and PyYAML, and it reports values, not where they are.

Each rule is tested in tests/drafting/test_secret_patterns.py with true and false positives;
the rules run in order, so a provider's token is named before a keyword rule sees it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

# The named group replaced by the marker; without one, the whole match is.
SECRET_GROUP = "secret"


def _always(match: re.Match[str]) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    # Whether a match is a secret after all (a reference such as `$TOKEN` is not).
    accept: Callable[[re.Match[str]], bool] = _always


def _token(kind: str, pattern: str, flags: int = 0) -> Rule:
    # Provider tokens stand alone: not in the middle of a longer word.
    return Rule(kind, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags))


# detect-secrets' keyword plugin DENYLIST, `_?` widened to `[_-]?`, plus `token`, `access key`,
# `secret key` and `passphrase`, which its other plugins or leaddocs' earlier list covered.
_KEYWORDS = (
    r"(?:api|auth|service|account|db|database|priv|private|client|access|secret)[_-]?key"
    r"|(?:db|database|key)[_-]?pass|pass(?:word|wd|phrase|code)|pwd|secret|token"
    r"|contrase(?:ñ|n)a"
)
# A key may carry a prefix (DB_PASSWORD, x-api-key, _authToken) and a few suffixes that still
# name the secret itself; `token_type` or `max_tokens` name something else.
_KEY = rf"[\w-]*?(?:{_KEYWORDS})(?:[_-]?(?:key|value|hash|b64|base64|str|string|data|enc))?\d*"
# A value: quoted (a quoted value is always meant as a value), or bare up to a delimiter.
_VALUE = (
    r"(?:(?P<q>['\"`])(?P<secret>(?:(?!(?P=q))[^\n])+)(?P=q)"
    r"|(?P<bare>[^\s,;'\"`()\[\]{}<>]+))"
)
_KEYWORD_ASSIGNMENT = re.compile(
    # `$password`, `:password`, `@password`, `'password'`, `['password']`, `"DB_PASSWORD"`
    rf"(?i)(?<![\w-])[$@:]?(?P<key>{_KEY})(?![\w-])[\]'\"`]{{0,3}}"
    # PHP and Ruby `=>`, Go `:=`, `=`, `==`, `!=`, JSON and YAML `:`, and the full-width
    # colon and equals sign (U+FF1A, U+FF1D) a CJK input method types
    rf"\s*(?P<op>=>|:=|={{1,3}}|!==?|[:\uff1a\uff1d])\s*{_VALUE}"
)
_KEYWORD_FLAG = re.compile(rf"(?i)(?<![\w-])--(?P<key>{_KEY})(?![\w-])[ \t]+{_VALUE}")
# Short flags that carry a password: `curl -u user:password` (also `--user`), mysql's attached
# `-pPASSWORD`, and `-p PASSWORD` of sshpass and of a registry login. A `-p` counts only after
# such a command on the same line, at most 300 characters on (a bound: one try per command
# word, not one per character): `mkdir -p`, `patch -p1` and `gcc -pthread` are no passwords,
# and mysql's `-p` with a space after it prompts for one.
_FLAG_VALUE = r"(?:(?P<q>['\"])(?P<secret>[^'\"\n]+)(?P=q)|(?P<bare>[^\s'\"`;&|()<>]+))"
_USER_FLAG = re.compile(
    r"(?<![\w-])(?:-u[ \t]*|--user(?:[ \t]+|=))"
    r"(?:(?P<q>['\"])(?P<user>[^\s:'\"]*):(?P<secret>[^'\"\n]+)(?P=q)"
    r"|(?P<buser>[^\s:'\"`;&|]+):(?P<bare>[^\s'\"`;&|]+))"
)
_ATTACHED_P = re.compile(
    r"(?<![\w./-])(?:mysql[a-z]*|mariadb(?:-[a-z]+)?)(?![\w-])[^\n;&|]{0,300}?"
    rf"(?<![\w-])-p{_FLAG_VALUE}"
)
_SEPARATE_P = re.compile(
    r"(?<![\w./-])(?:sshpass|(?:docker|podman|buildah|skopeo|nerdctl|oras|crane)[ \t]+login"
    r"|helm[ \t]+registry[ \t]+login)(?![\w-])[^\n;&|]{0,300}?"
    rf"(?<![\w-])-p[ \t]*{_FLAG_VALUE}"
)


def _flag_value(match: re.Match[str]) -> bool:
    """A value, not a reference to one (`$MYSQL_PASSWORD`, `"${X}"`, `$(cat file)`), nor a
    `uid:gid` or `user:group` pair (`docker run -u 1000:1000`, `--user app:app`)."""
    value = match["secret"] if match["secret"] is not None else match["bare"]
    if value[:1] in "$%-" or _TEMPLATED.fullmatch(value):
        return False
    user = match.groupdict().get("user") or match.groupdict().get("buser")
    return user is None or not (value == user or (value.isdigit() and user.isdigit()))


_KEYWORD_ELEMENT = re.compile(rf"(?i)<(?P<tag>{_KEY})>(?P<secret>[^<\n]+)</(?P=tag)>")

# A bare value that is a reference to a secret, not one: `$DB_PASSWORD`, `${X}`, `%(x)s`,
# `settings.SECRET`, `os.getenv(...)`, `ENV[...]`, or a literal such as `None` or `4096`.
_LITERALS = frozenset(
    ("true", "false", "null", "none", "nil", "undefined", "yes", "no", "on", "off", "required")
)
_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
_TEMPLATED = re.compile(r"\$\{?\w+\}?|\{\{.*\}\}|%\(\w+\)s")


def _assigned_value(match: re.Match[str]) -> bool:
    quoted = match["secret"]
    if quoted is not None:
        return _TEMPLATED.fullmatch(quoted.strip()) is None
    value = match["bare"]
    rest = match.string[match.end("bare") :]
    if (
        len(value) < 4  # `token: 5 per second`
        or value.isdigit()
        or value.lower() in _LITERALS
        or value[0] in "$%"
        or rest[:1] in ("(", "[")  # a call or a subscript
        or _DOTTED_NAME.fullmatch(value)
    ):
        return False
    # After a colon, a word followed by more words is a sentence: "Password: must be long".
    is_prose = value.isalpha() and re.match(r"[ \t]+\w", rest) is not None
    return not (match.groupdict().get("op") in (":", "\uff1a") and is_prose)


# A value in any assignment that looks random: base64-like, long, mixed, high in entropy
# (detect-secrets' high-entropy plugins limit only quoted strings; leaddocs limits assignments).
_ASSIGNED_BLOB = re.compile(
    r"(?<![\w.-])[A-Za-z_][\w.-]*[\]'\"`]{0,3}\s*(?:=>|:=|[=:\uff1a\uff1d])\s*"
    r"(?P<q>['\"`]?)(?P<secret>[A-Za-z0-9+/_=-]{20,})(?P=q)(?![\w+/=.-])"
)
_HEX_OR_UUID = re.compile(r"[0-9a-fA-F-]+")
ENTROPY_BITS = 4.0  # per character; random base64 of 20+ characters scores ~4.2 and up


def shannon_entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def _random_looking(match: re.Match[str]) -> bool:
    value = match["secret"]
    classes = sum(
        any(test(char) for char in value) for test in (str.islower, str.isupper, str.isdigit)
    )
    return (
        # Commit hashes, digests and UUIDs are hexadecimal: never secrets by their looks.
        _HEX_OR_UUID.fullmatch(value) is None
        and classes == 3
        and shannon_entropy(value) >= ENTROPY_BITS
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "private-key",
        re.compile(
            r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?"
            r"(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\Z)",
            re.S,
        ),
    ),
    # A PuTTY key file runs to its closing MAC line (or the end of a cut-off paste).
    Rule("private-key", re.compile(r"PuTTY-User-Key-File-\d:.*?(?:Private-MAC:[^\n]*|\Z)", re.S)),
    _token("github-token", r"gh[pousr]_[A-Za-z0-9_]{30,}|github_pat_[A-Za-z0-9_]{40,}"),
    _token("gitlab-token", r"gl(?:pat|dt|ft|soat|rt|cbt|imt|ptt|agent|oas)-[A-Za-z0-9_-]{20,}"),
    _token(
        "aws-access-key", r"(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}"
    ),
    Rule(
        "aws-secret-key",
        re.compile(
            r"(?i)\baws_?secret_?(?:access_?)?key\b[\"']?\s*[:=]\s*[\"']?"
            r"(?P<secret>[A-Za-z0-9/+=]{40})"
        ),
    ),
    _token("openai-key", r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"),
    _token("slack-token", r"xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}"),
    Rule(
        "slack-webhook",
        re.compile(r"https://hooks\.slack\.com/services/T\w+/B\w+/(?P<secret>\w+)", re.I),
    ),
    _token("stripe-key", r"(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,}|whsec_[0-9A-Za-z]{24,}"),
    # Header and claims are JSON objects, so both segments start `eyJ` (base64url of `{"`).
    _token("jwt", r"eyJ[A-Za-z0-9_-]{8,}={0,2}\.eyJ[A-Za-z0-9_-]{8,}={0,2}\.[A-Za-z0-9_-]*"),
    _token("npm-token", r"npm_[A-Za-z0-9]{36}"),
    _token("pypi-token", r"pypi-AgE[A-Za-z0-9_-]{50,}"),
    _token("sendgrid-key", r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}"),
    _token("google-api-key", r"AIza[0-9A-Za-z_-]{35}"),
    _token("telegram-token", r"\d{8,10}:[0-9A-Za-z_-]{35}"),
    _token("discord-token", r"[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27}"),
    _token("mailchimp-key", r"[0-9a-f]{32}-us\d{1,2}"),
    Rule("azure-storage-key", re.compile(r"AccountKey=(?P<secret>[A-Za-z0-9+/=]{88})")),
    _token("square-token", r"sq0(?:csp|atp)-[0-9A-Za-z_-]{22,43}"),
    Rule("bearer-token", re.compile(r"(?i)\bbearer\s+(?P<secret>[A-Za-z0-9._~+/-]{20,}=*)")),
    Rule(
        "basic-auth",
        re.compile(
            r"(?i)\bauthorization\b[\"']?\s*[:=]\s*[\"']?basic\s+(?P<secret>[A-Za-z0-9+/]+=*)"
        ),
    ),
    # Without the header name, a digit, `+`, `/` or `=` in the base64 of user:password tells
    # it from prose such as "Basic functionality".
    Rule(
        "basic-auth",
        re.compile(r"(?i)\bbasic\s+(?P<secret>(?=[A-Za-z]*[0-9+/=])[A-Za-z0-9+/]{8,}=*)(?!\w)"),
    ),
    Rule("password", _KEYWORD_ASSIGNMENT, _assigned_value),
    Rule("password", _KEYWORD_FLAG, _assigned_value),
    Rule("password", _KEYWORD_ELEMENT),
    Rule("password", _USER_FLAG, _flag_value),
    Rule("password", _ATTACHED_P, _flag_value),
    Rule("password", _SEPARATE_P, _flag_value),
    Rule(
        "url-credentials",
        # A scheme starts where no scheme character precedes it: one try per run of them,
        # not one per dot (quadratic on a long dotted string).
        re.compile(r"(?i)(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<secret>[^@\s/]+)@"),
    ),
    Rule("high-entropy", _ASSIGNED_BLOB, _random_looking),
)
