"""Fuzz: random and adversarial outside text through the real rendering paths, rendered with
both Markdown renderers: no raw HTML, no link leaddocs did not build, no mention, no crash.

- release notes and a changelog release (the packaged templates, through ``Renderer``) from
  views whose every outside field is drawn: subjects, scopes, breaking notes, later commits'
  subjects, authors, contributors;
- release notes drafted by a model: the bullet words and section titles it returns, sanitised
  as the engine does, and also raw (escaping alone must hold);
- the ADR index: records written as files, read back by the ADR reader, then ``as_markdown``;
- a real repository: commit subjects and bodies, PR titles and author names in git, through
  ``leaddocs release-notes`` and ``leaddocs changelog``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaddocs.adr import report
from leaddocs.adr.log import load_log
from leaddocs.documents.model import CommitView, ItemView, ReleaseView, SectionView
from leaddocs.documents.render import Renderer
from leaddocs.drafting.release import DraftedBullet, DraftedRelease, DraftedSection, render_markdown
from leaddocs.drafting.report import DraftReport
from leaddocs.drafting.sanitize import clean
from leaddocs.markup import md_link_path
from tests.gitrepo import init_repo
from tests.security.rendered import assert_safe
from tests.security.strategies import untrusted

FORGE = "https://github.com/acme/shop/"
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
renderer = Renderer()


@st.composite
def items(draw: st.DrawFn) -> ItemView:
    shas = [
        f"{n:07x}{'0' * 33}" for n in draw(st.lists(st.integers(1, 2**28), min_size=1, max_size=3))
    ]
    linked = draw(st.booleans())
    pr = draw(st.none() | st.integers(1, 9999))
    return ItemView(
        subject=draw(untrusted()),
        type=draw(st.sampled_from(["feat", "fix", None])),
        scope=draw(st.none() | untrusted(3)),
        breaking=draw(st.booleans()),
        breaking_notes=draw(st.lists(untrusted(), max_size=2)),
        pr=pr,
        pr_label=f"#{pr}" if pr else None,
        pr_url=f"{FORGE}pull/{pr}" if pr and linked else None,
        commits=[
            CommitView(sha, draw(untrusted()), f"{FORGE}commit/{sha}" if linked else None)
            for sha in shas
        ],
        authors=draw(st.lists(untrusted(3), max_size=2)),
    )


@st.composite
def releases(draw: st.DrawFn) -> ReleaseView:
    features = draw(st.lists(items(), min_size=1, max_size=3))
    maintenance = draw(st.lists(items(), max_size=2))
    sections = [SectionView("Features", features)]
    if maintenance:
        sections.append(SectionView("Maintenance", maintenance, collapsed=True))
    tagged = draw(st.booleans())
    return ReleaseView(
        title="1.2.0",
        version="1.2.0",
        tag="v1.2.0" if tagged else None,
        date="2024-01-02",
        from_ref="v1.1.0",
        to_ref="HEAD",
        compare_url=f"{FORGE}compare/v1.1.0...v1.2.0",
        next_version=None if tagged else "1.2.0",
        sections=sections,
        contributors=draw(st.lists(untrusted(3), max_size=3)),
        first_time_contributors=draw(st.lists(untrusted(3), max_size=2)),
    )


def collapsed(view: ReleaseView) -> dict[str, int]:
    """The raw HTML leaddocs itself writes: one <details><summary> per maintenance section."""
    count = sum(section.collapsed for section in view.sections)
    return {"details": count, "summary": count}


@FUZZ
@given(releases())
def test_release_notes_and_changelog_render_outside_text_as_text(view: ReleaseView) -> None:
    for document in (
        renderer.render("release-notes.md.j2", release=view),
        renderer.render("release.md.j2", release=view, level=2),
    ):
        assert_safe(document, links=[FORGE], raw=collapsed(view))


@FUZZ
@given(
    releases(),
    st.lists(
        st.tuples(untrusted(4), st.lists(untrusted(), min_size=1, max_size=3)),
        min_size=1,
        max_size=3,
    ),
    st.booleans(),
)
def test_a_drafted_release_renders_model_words_as_text(
    view: ReleaseView, answer: list[tuple[str, list[str]]], sanitised: bool
) -> None:
    shown = (lambda text: clean(text).text) if sanitised else (lambda text: text)
    item = view.sections[0].items[0]
    sections = [
        DraftedSection(
            title=shown(title) or "Other",
            bullets=[
                DraftedBullet(shown(text), ["pr-1"], [item], filled=n == 0)
                for n, text in enumerate(bullets)
            ],
        )
        for title, bullets in answer
    ]
    drafted = DraftedRelease(
        view, "engineering", sections, DraftReport(drafter="llm", model="m", drafted=1)
    )
    assert_safe(render_markdown(renderer, drafted), links=[FORGE], raw={"!--": 1})


def adr_file_name(stem: str, number: int) -> str:
    cleaned = stem.replace("/", "").replace("\0", "").lstrip("._")
    while len(cleaned.encode()) > 180:
        cleaned = cleaned[:-1]
    return f"{number:04d}-{cleaned}.md"


@FUZZ
@given(
    st.lists(st.tuples(untrusted(), untrusted(3), untrusted(3)), min_size=1, max_size=4),
    st.booleans(),
)
def test_the_adr_index_renders_titles_and_file_names_as_text(
    records: list[tuple[str, str, str]], relative: bool
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        folder = root / "adr"
        folder.mkdir()
        for number, (title, status, stem) in enumerate(records, start=1):
            body = (
                f"---\nstatus: {json.dumps(status)}\ndate: 2024-01-02\n---\n\n# {title}\n\nText.\n"
            )
            (folder / adr_file_name(stem, number)).write_text(body, encoding="utf-8")
        log = load_log(root, folder)
        table = report.as_markdown(log.adrs, links_from=folder if relative else None)
        links = [md_link_path(adr.path.name if relative else adr.rel) for adr in log.adrs]
        assert_safe(table, links=links)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.tuples(untrusted(), untrusted()), min_size=1, max_size=4),
    untrusted(),
    st.text(
        st.characters(blacklist_characters="<>\n\0", blacklist_categories=("Cs",)),
        min_size=1,
        max_size=12,
    ),
)
def test_a_real_history_renders_commit_and_pr_text_as_text(
    cli: Any, commits: list[tuple[str, str]], pr_title: str, author: str
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        repo = init_repo(Path(temp) / "repo")
        repo.git("remote", "add", "origin", "https://github.com/acme/shop.git")
        repo.commit("feat: first")
        repo.tag("v1.0.0")
        who = f"A {author} <someone@example.com>"  # git refuses a name of only punctuation
        for subject, body in commits:
            repo.commit(f"{subject.strip() or 'x'}\n\n{body}".replace("\0", ""), author=who)
        repo.merge_pr(7, pr_title.replace("\0", ""), ["feat: topic work"], author=who)
        for command in ("release-notes", "changelog"):
            result = cli("--repo", repo.path, command)
            assert result.code == 0, result
            raw = leaddocs_html(cli("--repo", repo.path, command, "--format", "json").stdout)
            assert_safe(result.stdout, links=[FORGE, HEADER_LINK], raw=raw)


HEADER_LINK = "https://pypi.org/project/leaddocs/"  # in the CHANGELOG's header


def leaddocs_html(output: str) -> dict[str, int]:
    """The raw HTML leaddocs writes, counted from the JSON form of the same document: a
    <details> with its <summary> per collapsed section, and a marker comment per changelog
    section."""
    document = json.loads(output)
    if "sections" in document:  # release notes: one release, no markers
        releases, markers = [document], 0
    else:  # a changelog: every release, and Unreleased when there is any
        releases = [*document["releases"], *filter(None, [document.get("unreleased")])]
        markers = len(releases)
    collapsed = sum(
        section["maintenance"] for release in releases for section in release["sections"]
    )
    return {"details": collapsed, "summary": collapsed, "!--": markers}
