"""Long linear histories for the forge tests, made in one ``git fast-import`` run."""

from __future__ import annotations

from tests.gitrepo import BASE_TIME, Repo


def linear_history(
    repo: Repo, messages: list[str], author: str = "Ada <ada@example.com>"
) -> list[str]:
    """One commit per message on ``main``, oldest first; returns their shas, oldest first."""
    existing = repo.git("rev-list", "--count", "--all") != "0"
    parent = [f"from {repo.head()}"] if existing else []
    stream: list[str] = []
    for index, message in enumerate(messages, start=1):
        data = message.encode()
        stream += [
            "commit refs/heads/main",
            f"mark :{index}",
            f"author {author} {BASE_TIME + 10**6 + index * 60} +0000",
            f"committer {author} {BASE_TIME + 10**6 + index * 60} +0000",
            f"data {len(data)}",
            message,
            *(parent if index == 1 else []),
            f"M 644 inline file{index % 50}.txt",
            f"data {len(str(index)) + 1}",
            str(index),
            "",
        ]
    repo.git("fast-import", "--quiet", input=("\n".join(stream) + "\n").encode())
    repo.git("checkout", "-q", "-f", "main")
    return repo.git("rev-list", "--reverse", "main").split()[-len(messages) :]
