"""--release: what shipped, in plain words, with breaking changes and security fixes as risks
and asks; the history engine's release (a tag, a version, or the unreleased work)."""

from __future__ import annotations

from tests.brief.reading import assert_every_statement_cited, check_rendered, sections, sources
from tests.gitrepo import Repo


def test_product_reads_what_users_notice_and_what_to_tell_them(cli, released: Repo) -> None:
    result = cli("--repo", released.path, "brief", "--release", "v1.1.0", "--audience", "product")
    assert result.code == 0, result
    brief = result.stdout
    found = sections(brief)
    assert list(found) == [
        "In short",
        "What shipped",
        "Why it matters to you",
        "Risks",
        "What we ask of you",
        "Sources",
    ]
    [short] = found["In short"]
    assert short.startswith("Release v1.1.0 came out on ")
    assert short.endswith(
        "with 8 changes: 2 new features, 1 fix, 1 change that needs action, 1 security fix "
        "and 3 internal housekeeping changes. [1]"
    )
    assert found["What shipped"] == [
        "- New: customers can download receipts from the billing page. [2]",
        "- New: export invoices as CSV. [3]",
        "- Fixed: handle empty carts at checkout. [4]",
    ]
    # Housekeeping is counted, never listed; the scope (an internal name) is not shown.
    for internal in ("split the billing module", "cache the wheels", "lodash", "api:"):
        assert internal not in "\n".join(line for t in found if t != "Sources" for line in found[t])
    risks = found["Risks"]
    assert risks[0] == (
        "- Breaks what worked before: remove the v1 invoices endpoint (one address in an API "
        "that other software calls). Clients must call /v2/invoices instead. [5]"
    )
    assert risks[1] == "- Security fix: escape user names in invoice PDFs (CVE-2025-1234). [6]"
    assert found["What we ask of you"] == [
        "- Tell the users affected by the changes under Risks what they must change, before "
        "they upgrade. [5]",
        "- Decide how and when to announce the new features. [2, 3]",
    ]
    listed = sources(brief)
    assert listed[0] == "release v1.1.0: v1.0.0..v1.1.0"
    assert listed[4].endswith(": feat(api)!: remove the v1 invoices endpoint")
    assert_every_statement_cited(brief)
    check_rendered(brief)


def test_legal_reads_security_and_third_party_components(cli, released: Repo) -> None:
    result = cli("--repo", released.path, "brief", "--release", "1.1.0", "--audience", "legal")
    assert result.code == 0, result
    found = sections(result.stdout)
    why = found["Why it matters to you"]
    assert why[0].startswith("- Touches security: escape user names in invoice PDFs")
    assert why[1].startswith("- Third-party components added or updated: lodash. [")
    asks = " ".join(found["What we ask of you"])
    assert "Decide whether the security fixes must be disclosed" in asks
    assert "Check the licences of the third-party components" in asks
    assert_every_statement_cited(result.stdout)


def test_leadership_puts_the_asks_first(cli, released: Repo) -> None:
    result = cli(
        "--repo",
        released.path,
        "brief",
        "--release",
        "v1.1.0",
        "--audience",
        "leadership",
        "--model",
        "gpt-x",
    )
    assert result.code == 0, result
    assert "--model applies only with --llm; written without a model" in result.stderr
    found = sections(result.stdout)
    assert list(found)[:3] == ["In short", "What we ask of you", "Risks"]
    assert found["What we ask of you"][0].startswith("- Plan time for the upgrade work")
    assert "rolled out promptly: it fixes security problems" in found["What we ask of you"][1]
    assert "- Users get 2 new features and 1 fix. [1]" in found["Why it matters to you"]


def test_customers_get_the_unreleased_work_without_internal_sources(cli, released: Repo) -> None:
    result = cli(
        "--repo", released.path, "brief", "--release", "unreleased", "--audience", "customers"
    )
    assert result.code == 0, result
    brief = result.stdout
    found = sections(brief)
    assert found["In short"] == [
        "1 change is merged but not released yet: 1 new feature. The next version will likely "
        "be 1.2.0."
    ]
    assert found["What shipped"] == ["- New: dark mode."]
    assert found["What you need to do"] == ["- Nothing: this is for your information."]
    assert "Sources" not in found  # commit hashes are internal; nothing here has a public link
    check_rendered(brief)


def test_with_a_forge_customers_are_given_the_public_links(cli, released: Repo) -> None:
    released.git("remote", "add", "origin", "https://github.com/acme/widgets.git")
    result = cli("--repo", released.path, "brief", "--release", "v1.1.0", "--audience", "customers")
    assert result.code == 0, result
    brief = result.stdout
    listed = sources(brief)
    assert listed[0] == (
        "[release v1.1.0](https://github.com/acme/widgets/compare/v1.0.0...v1.1.0)"
    )
    assert all("https://github.com/acme/widgets/" in entry for entry in listed)
    assert not any(": feat" in entry for entry in listed)  # no commit subject for customers
    check_rendered(brief, links=("https://github.com/acme/widgets/",))


def test_a_hostile_commit_subject_is_text_in_markdown_and_plain_in_email(cli, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    subject = (
        "feat: <img src=x onerror=alert(1)> [win](javascript:alert(1)) @everyone "
        "![t](http://evil.example/t.png) \x1b]0;pwned\x07 **x** # heading"
    )
    repo.commit(subject)
    repo.commit("fix!: `rm -rf` </script><script>alert(2)</script>\n\nBREAKING CHANGE: <b>now</b>")
    repo.tag("v1.1.0")
    for audience in ("product", "legal", "customers"):
        result = cli("--repo", repo.path, "brief", "--release", "v1.1.0", "--audience", audience)
        assert result.code == 0, result
        text = check_rendered(result.stdout)
        if audience == "customers":  # its @everyone is a mention: a customer is not told it
            assert "onerror" not in text and "1 statement that names people" in result.stderr
        else:
            assert "<img src=x onerror=alert(1)>" in text  # shown as written
        assert "pwned" not in result.stdout and "\x1b" not in result.stdout
    email = cli(
        "--repo",
        repo.path,
        "brief",
        "--release",
        "v1.1.0",
        "--audience",
        "product",
        "--format",
        "email",
    )
    assert email.code == 0, email
    assert "\x1b" not in email.stdout and "\x07" not in email.stdout and "pwned" not in email.stdout
    assert "New: <img src=x onerror=alert(1)> [win](javascript:alert(1)) @everyone" in " ".join(
        email.stdout.split()
    )


def test_a_big_release_stays_one_page_and_counts_the_rest(cli, repo: Repo) -> None:
    repo.commit("feat: first")
    repo.tag("v1.0.0")
    for number in range(1, 41):
        repo.commit(f"feat: feature {number}")
        repo.commit(f"fix: fix {number}")
        repo.commit(f"chore: tidy {number}")
    repo.tag("v2.0.0")
    leadership = cli(
        "--repo", repo.path, "brief", "--release", "v2.0.0", "--audience", "leadership"
    )
    assert leadership.code == 0, leadership
    shipped = sections(leadership.stdout)["What shipped"]
    assert len(shipped) == 6
    assert shipped[-1] == (
        "- Also in this release: 35 more new features and 40 fixes, listed in the release notes. [1]"
    )
    product = cli("--repo", repo.path, "brief", "--release", "v2.0.0", "--audience", "product")
    shipped = sections(product.stdout)["What shipped"]
    assert len(shipped) == 8 + 6 + 1
    assert "32 more new features and 34 more fixes" in shipped[-1]
    assert len(product.stdout.splitlines()) < 80


def test_a_customer_brief_adds_up_to_what_it_tells(cli, released: Repo) -> None:
    # Housekeeping is not told to customers, so it is not in their total either: "8 changes"
    # followed by parts that add up to 5 had the reader looking for the other three.
    args = ("--repo", released.path, "brief", "--release", "v1.1.0", "--audience", "customers")
    [summary] = sections(cli(*args).stdout)["In short"]
    assert summary.endswith(
        " with 5 changes: 2 new features, 1 fix, 1 change that needs action and 1 security fix."
    )
