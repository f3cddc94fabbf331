"""Work that lands as merge commits (``git merge --no-ff feat/x -m "merge: words (#10)"``): each
merged branch is one shipped item, typed by its commits' most telling type (as the changelog
places it), among the highlights newest first, in the area its commits share."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.gitrepo import Repo, init_repo
from tests.security.rendered import commonmark, python_markdown
from tests.status.scenario import on_day

_WEEK = ("--since", "7d", "--until", "2023-11-24")


def _merge_based(path: Path) -> Repo:
    """Last week two direct commits; this week two feature branches and a docs-only branch
    merged with ``merge: <words> (#N)``, and direct commits beside them."""
    repo = init_repo(path)
    on_day(repo, 0)
    repo.commit("feat(api): first endpoint", files={"app/api/a.py": "1\n"})
    repo.commit("fix(api): a typo in the greeting", files={"app/api/b.py": "1\n"})
    on_day(repo, 5)  # the branches' work started last week
    repo.branch("feat/meeting")
    repo.commit("feat(meeting): read a transcript", files={"app/meetings/read.py": "1\n"})
    repo.commit(
        "feat(meeting): tasks with owners",
        files={"app/meetings/tasks.py": "1\n", "tests/meeting/test_tasks.py": "1\n"},
    )
    repo.commit("fix(meeting): a blank line ends a task", files={"app/meetings/tasks.py": "2\n"})
    repo.commit("docs: the meeting page", files={"docs/meetings.md": "1\n"})
    repo.checkout("main")
    repo.branch("feat/brief")
    repo.commit("fix(brief): the glossary keeps compound nouns", files={"app/brief/g.py": "1\n"})
    repo.commit("test(brief): hostile input", files={"tests/brief/test_hostile.py": "1\n"})
    repo.checkout("main")
    repo.branch("docs/guide")
    repo.commit("docs: a guide", files={"docs/guide.md": "1\n"})
    repo.commit("chore: spelling", files={"docs/guide.md": "2\n"})
    repo.checkout("main")
    on_day(repo, 7)
    repo.commit("feat(site): serve --dirty", files={"app/site/serve.py": "1\n"})
    on_day(repo, 8)
    repo.merge("feat/meeting", "merge: leaddocs meeting (#10)")
    repo.merge("feat/brief", "merge: customers briefs keep compound nouns (#11)")
    repo.commit("fix(meeting): short help", files={"app/cli/help.py": "1\n"})
    on_day(repo, 9)
    repo.merge("docs/guide", "merge: the guide (#12)")
    return repo


def _page(cli, repo: Repo, *extra: str) -> str:
    result = cli("--repo", repo.path, "status", *_WEEK, *extra, "-o", "-")
    assert result.code == 0, result.stderr[-3000:]
    return str(result.stdout)


def _json(cli, repo: Repo) -> dict:
    return json.loads(_page(cli, repo, "--format", "json"))


def test_a_merged_branch_is_one_item_typed_by_its_commits(cli, tmp_path: Path) -> None:
    page = _json(cli, _merge_based(tmp_path / "repo"))
    by_title = {item["title"]: item for item in page["shipped"]}
    assert by_title["leaddocs meeting"]["type"] == "feat"  # feat beats the fix and the docs
    assert by_title["customers briefs keep compound nouns"]["type"] == "fix"
    assert by_title["the guide"]["type"] == "merge"  # docs and chores only: nothing telling
    # One item per merged branch: none of its commits listed on its own.
    titles = [item["title"] for item in page["shipped"]]
    assert not [title for title in titles if "transcript" in title or "glossary" in title]
    assert len(titles) == 5


def test_highlights_are_this_periods_features_and_fixes_newest_first(cli, tmp_path: Path) -> None:
    page = _json(cli, _merge_based(tmp_path / "repo"))
    assert [item["title"] for item in page["highlights"]] == [
        "leaddocs meeting",  # merged on day 8
        "serve --dirty",  # committed on day 7
        "short help",  # fixes after features, newest first
        "customers briefs keep compound nouns",
    ]
    assert [item["source"]["label"] for item in page["highlights"]][:1] == ["#10"]


def test_a_merged_branch_goes_in_the_area_its_commits_share(cli, tmp_path: Path) -> None:
    page = _json(cli, _merge_based(tmp_path / "repo"))
    areas: dict[str, list[str]] = {}
    for item in page["shipped"]:
        areas.setdefault(item["area"], []).append(item["title"])
    # The meeting branch's commits name "meeting" (its folders are app/meetings, tests/meeting
    # and docs): it joins the direct fix(meeting) commit, not an area of its own.
    assert areas["meeting"] == ["short help", "leaddocs meeting"]
    assert areas["brief"] == ["customers briefs keep compound nouns"]
    assert areas["docs"] == ["the guide"]  # no scope in its commits: the folder of its files
    assert not {"app/meetings", "tests/meeting", "app/brief", "tests/brief"} & set(areas)


def _section(html: str, title: str) -> str:
    """The HTML under the ``## title`` heading (Python-Markdown gives headings an id)."""
    found = re.search(rf"<h2[^>]*>{title}.*?</h2>(.*?)(?:<h2|$)", html, re.S)
    assert found is not None, html
    return found[1]


def test_the_page_reads_the_same_in_both_renderers(cli, tmp_path: Path) -> None:
    page = _page(cli, _merge_based(tmp_path / "repo"))
    body = page.split("\n---\n", 1)[1]
    for html in (commonmark(body), python_markdown(body)):
        highlights = _section(html, "Highlights")
        assert highlights.index("leaddocs meeting (#10)") < highlights.index("serve --dirty")
        shipped = _section(html, "Shipped")
        assert shipped.count("<h3") == 4  # meeting, brief, docs, site
        assert re.search(r"<h3[^>]*>meeting", shipped)
