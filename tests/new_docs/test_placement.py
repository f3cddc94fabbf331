"""Offline drafting from notes, for any notes: every line with text lands under exactly one
section (none lost, none twice), in order, and what lands renders as text in both renderers."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leaddocs.application.new_record import RFC_SHAPE, RUNBOOK_SHAPE
from leaddocs.drafting.source_draft import Shape, Source, placed_by_heading
from tests.gitrepo import Repo
from tests.security.rendered import assert_safe
from tests.security.strategies import untrusted
from tests.security.test_bounds import run_bounded

HEADINGS = [
    "## Risks",
    "# Motivation",
    "Rollback:",
    "**Steps:**",
    "Steps: drain the consumers",
    "## Timeline",
    "### Open questions ###",
    "```",
    "~~~",
    "",
    "",
]
line = st.one_of(st.sampled_from(HEADINGS), untrusted(4).map(lambda text: text.replace("\n", " ")))
notes = st.lists(line, max_size=30).map("\n".join)
FROM = re.compile(r"^From notes\.md, lines? (\d+)(?:-(\d+))?:$", re.M)


def spans(placed: dict[str, str]) -> list[tuple[int, int]]:
    return [
        (int(match[1]), int(match[2] or match[1]))
        for text in placed.values()
        for match in FROM.finditer(text)
    ]


def dropped(source: Source, shape: Shape) -> set[int]:
    """The lines that are only a heading naming a section: its title says them."""
    placed = placed_by_heading(source, shape)
    covered = {n for first, last in spans(placed) for n in range(first, last + 1)}
    return {
        number
        for number, text in enumerate(source.lines, start=1)
        if text.strip() and number not in covered
    }


@settings(max_examples=150, deadline=None)
@given(notes, st.sampled_from([RFC_SHAPE, RUNBOOK_SHAPE]))
def test_every_line_lands_once_and_renders_as_text(text: str, shape: Shape) -> None:
    source = Source.of("notes.md", text)
    placed = placed_by_heading(source, shape)
    found = sorted(spans(placed))
    for (_, last), (first, _) in itertools.pairwise(found):
        assert last < first  # no line under two sections
    assert set(placed) <= set(shape.sections)
    for number in dropped(source, shape):
        # Only a heading that names a section is left out, alone on its line.
        heading = source.lines[number - 1].strip().strip("#*_ ").rstrip(":*_ #")
        assert shape.section_for(heading) is not None, (number, source.lines[number - 1])
    for section in placed.values():
        assert_safe(section)


def test_a_heading_inside_a_fence_is_text() -> None:
    source = Source.of("notes.md", "Intro.\n\n```\n## Risks\n```\n\n## Risks\nCost.\n")
    placed = placed_by_heading(source, RFC_SHAPE)
    assert "> \\## Risks" in placed["Motivation"]
    assert placed["Risks"] == "From notes.md, line 8:\n\n> Cost."


def test_long_hostile_lines_are_drafted_and_listed_in_linear_time(repo: Repo) -> None:
    """A run of blanks before no line break made every escape of outside text rescan it once
    per blank (md_text: 40,000 spaces took 11 s); a lazy heading pattern did the same."""
    repo.commit("chore: start")
    size = 200_000  # four lines within the 1 MiB --from takes
    notes = repo.path / "notes.md"
    notes.write_text(
        "\n".join(
            [
                "# " + " " * size + "#",  # a heading of blanks, closed by a hash
                "a" + " " * size + "x",
                "## " + " #" * (size // 2) + " x",
                "Steps" + ":" * size,
                "",
            ]
        )
    )
    made = run_bounded(repo.path, "new", "rfc", "Hostile notes", "--from", "notes.md", "--no-edit")
    assert made.code == 0, made
    rfc = repo.path / made.stdout.strip()
    rfc.write_text(rfc.read_text().replace("# Hostile notes", "# " + " #" * (size // 2) + " x"))
    listed = run_bounded(repo.path, "build", "--out", "out", "--kind", "rfc-index")
    assert listed.code == 0, listed


def test_steps_quoted_from_notes_stay_one_to_a_line_in_both_renderers() -> None:
    # A quotation's lines run together into one paragraph; a runbook's steps must not.
    from tests.security.rendered import commonmark, python_markdown, text_of

    notes = "## Steps\n1. drain the queue\n2. restart the workers\n- check the lag\nwrapped\n"
    placed = placed_by_heading(Source("notes.md", notes.splitlines()), RUNBOOK_SHAPE)
    for render in (commonmark, python_markdown):
        html = render(placed["Steps"])
        paragraphs = [text_of(p) for p in re.findall(r"<p>(.*?)</p>", html, flags=re.S)]
        assert paragraphs[1:] == [
            "1. drain the queue",
            "2. restart the workers",
            "- check the lag wrapped",  # a wrapped line stays in its item
        ], (render.__name__, html)
