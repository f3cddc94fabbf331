"""The wider secret detector: keyword assignments in many syntaxes, provider tokens, entropy.

Each true positive names the text that must not survive; each true negative must come back
unchanged, with nothing reported. Patterns follow detect-secrets' plugins (see redact.py).
"""

from __future__ import annotations

import pytest

from leaddocs.drafting.redact import redact
from tests.cpu import cpu_budget

H = "Zq3vX9kLm2Pw7RtY4nB8cD1e"  # 24 random-looking base64 characters

POSITIVES = [
    # keyword assignments, one syntax per case
    ("password", "'password' => 'hunter88'", "hunter88"),  # PHP array
    ("password", "$config['db']['password'] = 'hunter88';", "hunter88"),  # PHP nested
    ("password", '$db_password = "hunter88";', "hunter88"),  # PHP variable
    ("password", ':password => "hunter88"', "hunter88"),  # Ruby hash rocket
    ("password", "{ secret: 'hunter88' }", "hunter88"),  # Ruby 1.9 hash
    ("password", 'password := "hunter88"', "hunter88"),  # Go
    ("password", "{'api_key': 'hunter88abc'}", "hunter88abc"),  # Python dict
    ("password", 'Password = "hunter88";', "hunter88"),  # C#, Java
    ("password", "export GITHUB_TOKEN=abcd1234efgh", "abcd1234efgh"),  # shell
    ("password", "passwd : hunter88", "hunter88"),  # ini
    ("password", "private_key: hunter88xyz", "hunter88xyz"),  # YAML, bare
    ("password", "db_password: correcthorse\nhost: db", "correcthorse"),  # YAML, letters only
    ("password", "<password>hunter88</password>", "hunter88"),  # XML element
    ("password", '<add key="x" password="hunter88"/>', "hunter88"),  # XML attribute
    ("password", "mysql --password hunter88 -h db", "hunter88"),  # CLI flag
    ("password", "curl --token=abcd1234efgh", "abcd1234efgh"),
    ("password", 'contraseña = "hunter88"', "hunter88"),
    ("password", "pwd=hunter88", "hunter88"),
    ("password", "auth_key => 'k3y-value'", "k3y-value"),
    ("password", "db_pass = hunter88", "hunter88"),
    ("password", "X-Api-Key: 12ab34cd56ef", "12ab34cd56ef"),
    ("password", 'if password == "hunter88":', "hunter88"),
    ("password", "//registry.npmjs.org/:_authToken=0a1b2c3d-4e5f", "0a1b2c3d-4e5f"),
    ("password", "https://api.example.com/?access_token=abcd1234efgh&x=1", "abcd1234efgh"),
    # keyword assignments with a full-width colon or equals sign (CJK input methods)
    ("password", "PASSWORD\uff1a'Sup3rS3cret'", "Sup3rS3cret"),
    ("password", "PASSWORD\uff1a'x'", "'x'"),
    ("password", "\u5bc6\u7801 password\uff1aSup3rS3cret", "Sup3rS3cret"),
    ("password", "db_password\uff1d Sup3rS3cret", "Sup3rS3cret"),
    # secrets in command-line short flags
    ("password", "curl -u admin:Sup3rS3cret https://api.example.com", "Sup3rS3cret"),
    ("password", "curl -uadmin:Sup3rS3cret https://x", "Sup3rS3cret"),
    ("password", "curl -u admin:123456 https://x", "123456"),
    ("password", "mysql -uroot -pPa$$w0rd app", "Pa$$w0rd"),
    ("password", "curl --user 'admin:Sup3r S3cret' https://x", "Sup3r S3cret"),
    ("password", "curl --user=admin:Sup3rS3cret https://x", "Sup3rS3cret"),
    ("password", "mysql -u root -pMyP4ssw0rd -h db", "MyP4ssw0rd"),
    ("password", "mysqldump -uroot -p'MyP4ssw0rd' app > app.sql", "MyP4ssw0rd"),
    ("password", 'mariadb -h db -p"MyP4ssw0rd"', "MyP4ssw0rd"),
    ("password", "sshpass -p 'SshP4ss99' ssh deploy@host", "SshP4ss99"),
    ("password", "sshpass -pSshP4ss99 ssh deploy@host", "SshP4ss99"),
    ("password", "docker login -p DockP4ss77 registry.example.com", "DockP4ss77"),
    ("password", "docker login -u ci -p DockP4ss77 ghcr.io", "DockP4ss77"),
    ("password", "podman login --username ci -p DockP4ss77 quay.io", "DockP4ss77"),
    # provider tokens
    ("github-token", "ghs_" + "a1B2" * 9, "ghs_"),
    ("github-token", "ghu_" + "a1B2" * 9, "ghu_"),
    ("github-token", "ghr_" + "a1B2" * 9, "ghr_"),
    ("gitlab-token", "glpat-" + "xY9_" * 5, "glpat-"),
    ("aws-access-key", "ABIAIOSFODNN7EXAMPLE", "ABIAIOSFODNN7EXAMPLE"),
    ("aws-access-key", "A3TXIOSFODNN7EXAMPLE", "A3TXIOSFODNN7EXAMPLE"),
    ("slack-token", "xoxp-1234567890-1234567890-abcdef123456", "xoxp-"),
    ("slack-webhook", "https://hooks.slack.com/services/T0001/B0002/XXXXyyyyZZZZ", "XXXXyyyy"),
    ("stripe-key", "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWD"),
    ("stripe-key", "rk_test_" + "4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWD"),
    ("stripe-key", "whsec_" + "4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWD"),
    (
        "jwt",
        "token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "eyJzdWIiOiIxMjM0NTY3ODkwIn0",
    ),
    ("npm-token", "npm_" + "a1B2c3D4e5" * 3 + "f6G7h8", "npm_"),
    ("pypi-token", "pypi-AgEIcHlwaS5vcmc" + "x" * 70, "pypi-AgEI"),
    ("sendgrid-key", "SG." + "a" * 22 + "." + "b" * 43, "SG.aaaa"),
    ("google-api-key", "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "AIzaSy"),
    ("telegram-token", "bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", "AAHdqTcv"),
    ("mailchimp-key", "key 0123456789abcdef0123456789abcdef-us12", "0123456789abcdef0123"),
    ("azure-storage-key", "AccountKey=" + "a1B2/+" * 14 + "abc=", "a1B2/+a1B2"),
    ("square-token", "sq0csp-" + "a1B2" * 10 + "abc", "sq0csp-"),
    (
        "private-key",
        "-----BEGIN SSH2 ENCRYPTED PRIVATE KEY-----\nAAAAB3Nz\n-----END SSH2 ENCRYPTED PRIVATE KEY-----",
        "AAAAB3Nz",
    ),
    (
        "private-key",
        "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPrivate-Lines: 1\nAAAAgQC7\nPrivate-MAC: 0a1b2c",
        "AAAAgQC7",
    ),
    ("url-credentials", "postgres://app:s3cret@db.internal:5432/app", "s3cret"),
    # a high-entropy value in any assignment
    ("high-entropy", f"SIGNING = '{H}'", H),
    ("high-entropy", f"session_seed: {H}", H),
    ("high-entropy", f'"webhook": "{H}"', H),
    ("high-entropy", f"SIGNING\uff1a'{H}'", H),
]

NEGATIVES = [
    "commit 1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d fixed it",
    "commit: 1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
    "sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "image: ghcr.io/org/app@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "request 123e4567-e89b-12d3-a456-426614174000 failed twice",
    "trace_id = 123e4567-e89b-12d3-a456-426614174000",
    "password reset flow",
    "Password: must be at least 8 characters",
    "The secret to good tests is isolation.",
    "token_budget: 12000",
    "max_tokens: 4096",
    "token_type: bearer",
    "password = os.environ['DB_PASSWORD']",
    'token = os.getenv("TOKEN")',
    "password: ${DB_PASSWORD}",
    'api_key: "{{ secrets.API_KEY }}"',
    "secret: null",
    "api_key = None",
    "password = settings.DB_PASSWORD",
    "--password-stdin < file",
    "version = '1.2.3'",
    "name: SomeVeryLongCamelCaseIdentifierName",
    "path = /usr/local/lib/python3.11/site-packages",
    "see https://example.com:8080/docs and git@github.com:org/repo.git",
    "postgres://localhost:5432/app",
    "the key id AKIAEXAMPLE is too short",
    "Refs: JIRA-1234, closes #12",
    "eyJust a word",
    # short flags that hold no secret
    "ls -p",
    "mkdir -p dir/sub",
    "git log -p -- src/",
    "python -u script.py",
    "pip install -U requests",
    "patch -p1 < fix.diff",
    "gcc -pthread -pedantic -o app main.c",
    "ssh -p 2222 host",
    "find . -path ./build -prune -o -print",
    "docker run -p 8080:80 -u 1000:1000 app",
    "docker run --user app:app app",
    'docker run --user "$(id -u):$(id -g)" app',
    'curl -u "$USER:$TOKEN" https://x',
    "curl -u admin: https://x",
    "mysql -u root -p app",
    "mysql -u root -p -h db",
    "mysql -u root -p$MYSQL_PASSWORD",
    'sshpass -p "$SSHPASS" ssh host',
    "sshpass -f ~/.pass ssh host",
    "docker login -u ci --password-stdin ghcr.io",
    "docker run -p 5432:5432 postgres",
    "Time\uff1a10:30",
]


@pytest.mark.parametrize(
    ("kind", "text", "secret"), POSITIVES, ids=[f"{c[0]}:{c[1][:30]}" for c in POSITIVES]
)
def test_a_secret_is_redacted(kind: str, text: str, secret: str) -> None:
    redacted, found = redact(text)
    assert secret not in redacted
    assert found == [kind], found
    assert f"[REDACTED:{kind}]" in redacted


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert redact(text) == (text, [])


def test_quotes_and_keys_stay_so_the_reader_sees_what_was_there() -> None:
    assert redact("'password' => 'hunter88',")[0] == "'password' => '[REDACTED:password]',"
    assert redact("<password>hunter88</password>")[0] == "<password>[REDACTED:password]</password>"


def test_a_large_text_is_redacted_in_linear_time() -> None:
    # Long words, dotted runs and keys without values: no pattern may backtrack quadratically.
    text = (
        "a" * 50_000 + " " + "x." * 25_000 + " password password= : " + "Zq3" * 10_000 + "\n"
    ) * 4
    with cpu_budget(1.0):
        redact(text)


def test_command_flags_are_redacted_in_linear_time() -> None:
    # The `-p` rules look up to 300 characters past a command word, no further.
    text = (
        ("mysql " * 20_000 + "sshpass -p " * 10_000 + "docker login " * 10_000 + "-u " * 50_000)
        + "mysql"
        + " -" * 50_000
    )
    with cpu_budget(1.0):
        redact(text)


def test_a_secret_over_several_lines_leaves_its_line_breaks() -> None:
    text = "before\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\nafter"
    redacted, found = redact(text)
    assert redacted == "before\n[REDACTED:private-key]\n\n\nafter"
    assert found == ["private-key"]


def test_every_kind_of_line_break_in_a_secret_is_kept() -> None:
    text = "a\r\n-----BEGIN PRIVATE KEY-----\rMII\u2028x\x0cy\r\n-----END PRIVATE KEY-----\nb"
    redacted, _ = redact(text)
    assert len(redacted.splitlines()) == len(text.splitlines())
