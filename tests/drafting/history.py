"""A small release for drafting tests: three PRs, a plain commit and a dependency bump."""

from __future__ import annotations

from dataclasses import dataclass

from tests.gitrepo import Repo

ADA = "Ada Lovelace <ada@example.com>"
GRACE = "Grace Hopper <grace@example.com>"
BOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"

# Short timeouts and retries keep failure tests fast; prices make the cost visible.
FAST_LLM = """\
llm:
  model: fake-model
  timeout: 1
  max_retries: 1
  price_in_per_million: 2.5
  price_out_per_million: 10
"""


@dataclass(slots=True)
class Sample:
    repo: Repo
    docs_sha: str


def build_release(
    repo: Repo,
    *,
    title_3: str = "feat(ui): dark mode (#3)",
    body_2: str = "",
    config: str = FAST_LLM,
) -> Sample:
    (repo.path / "leaddocs.yml").write_text(config)
    repo.commit("feat: first working version", author=ADA, files={"leaddocs.yml": config})
    repo.tag("v1.0.0")
    repo.commit("feat(api): add invoices endpoint (#1)", author=ADA)
    repo.commit(f"fix: handle an empty cart (#2)\n\n{body_2}".rstrip(), author=GRACE)
    repo.commit(title_3, author=ADA)
    docs = repo.commit("docs: explain local setup", author=GRACE)
    repo.commit("chore(deps): bump requests from 2.31.0 to 2.32.0 (#4)", author=BOT)
    return Sample(repo, docs)


def ids(sample: Sample) -> list[str]:
    return ["pr-3", "pr-1", "pr-2", f"c-{sample.docs_sha[:10]}", "pr-4"]  # newest first, by section
