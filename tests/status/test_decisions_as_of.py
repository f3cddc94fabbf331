"""A status page of a past period shows each decision record as it stood at the period's end
(read from git at the main line's last commit of the period), not as it stands today; a record
not committed yet is read from its file."""

from __future__ import annotations

import json
from typing import Any

from tests.gitrepo import Repo
from tests.status.scenario import ADR, WEEK1, on_day

RECORD = "adr/0001-use-postgres-for-events.md"


def decided_later(repo: Repo) -> None:
    """ADR 0001 proposed in week 1, accepted in week 2; ADR 0002 written in week 2; ADR 0003
    only in the working tree."""
    on_day(repo, 0)
    repo.commit("feat: first")
    repo.commit("docs: propose Postgres", files={RECORD: ADR})
    on_day(repo, 3)
    repo.commit("feat: export invoices")
    on_day(repo, 9)
    repo.commit("docs: accept Postgres", files={RECORD: ADR.replace("proposed", "accepted")})
    repo.commit(
        "docs: propose a queue",
        files={"adr/0002-use-a-queue.md": ADR.replace("Use Postgres for events", "Use a queue")},
    )
    (repo.path / "adr" / "0003-draft.md").write_text(ADR.replace("Use Postgres", "Use Redis"))


def page(cli: Any, repo: Repo, *period: str) -> dict[str, Any]:
    result = cli("--repo", repo.path, "status", *period, "--format", "json", "-o", "-")
    assert result.code == 0, result
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def proposed_risks(data: dict[str, Any]) -> list[str]:
    return sorted(r["text"].split(" proposed")[0] for r in data["risks"] if "proposed" in r["text"])


def test_a_past_week_shows_the_status_a_record_had_then(cli, repo: Repo) -> None:
    decided_later(repo)
    week1 = page(cli, repo, *WEEK1)
    [decision] = week1["decisions"]
    assert (decision["id"], decision["status"], decision["change"]) == ("0001", "proposed", "new")
    # The rules read the records as they stood too: 0001 was still proposed, 0002 did not
    # exist yet, and 0003, committed nowhere, is read from its file.
    assert proposed_risks(week1) == [
        "ADR 0001 Use Postgres for events",
        "ADR 0003 Use Redis for events",
    ]


def test_the_current_week_shows_the_files_as_they_are(cli, repo: Repo) -> None:
    decided_later(repo)
    week2 = page(cli, repo, "--since", "7d", "--until", "2023-11-28")
    statuses = {d["id"]: d["status"] for d in week2["decisions"]}
    assert statuses == {"0001": "accepted", "0002": "proposed"}
    assert proposed_risks(week2) == [
        "ADR 0002 Use a queue",
        "ADR 0003 Use Redis for events",
    ]


def test_a_record_renumbered_since_is_shown_as_it_stood_under_its_old_name(cli, repo: Repo) -> None:
    # ADR 0001 proposed in week 1, then moved to 0007 (adr renumber) and accepted in week 2:
    # week 1's page still lists it, proposed, under the number it has now.
    decided_later(repo)
    moved = "adr/0007-use-postgres-for-events.md"
    repo.git("mv", RECORD, moved)
    repo.commit("docs: renumber Postgres")
    week1 = page(cli, repo, *WEEK1)
    assert [(d["id"], d["status"]) for d in week1["decisions"]] == [("0007", "proposed")]
