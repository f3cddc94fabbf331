"""The Action installs exactly pinned, hash-checked packages: action-requirements.txt and
action-build-requirements.txt (made by ``uv pip compile --universal --generate-hashes``,
docs/github-actions.md) must satisfy every dependency and build requirement in pyproject.toml,
for every Python and runner platform the project supports."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "action-requirements.txt"
BUILD_LOCK = ROOT / "action-build-requirements.txt"
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Python versions the lock must serve (requires-python >= 3.11), on the runners' platforms.
PYTHONS = ("3.11.0", "3.11.4", "3.11.9", "3.12.8", "3.13.1", "3.14.0")
PLATFORMS = (("linux", "Linux"), ("darwin", "Darwin"), ("win32", "Windows"))


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version
    marker: Marker | None
    hashes: tuple[str, ...]


def read_lock(text: str) -> list[Pin]:
    """Each ``name==version [; marker] \\`` entry and the ``--hash`` lines that follow it."""
    pins: list[Pin] = []
    entry = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)(?:\s*;\s*(.+?))?\s*\\?$")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith(" "):
            found = re.fullmatch(r"\s+--hash=sha256:([0-9a-f]{64})\s*\\?", line)
            assert found and pins, f"unexpected line in the lock: {line!r}"
            last = pins[-1]
            pins[-1] = Pin(last.name, last.version, last.marker, (*last.hashes, found.group(1)))
            continue
        match = entry.match(line)
        assert match, f"not an exactly pinned requirement: {line!r}"
        marker = Marker(match.group(3)) if match.group(3) else None
        pins.append(Pin(canonicalize_name(match.group(1)), Version(match.group(2)), marker, ()))
    return pins


def environment(python: str, platform: tuple[str, str]) -> dict[str, str]:
    return {
        "python_version": ".".join(python.split(".")[:2]),
        "python_full_version": python,
        "sys_platform": platform[0],
        "platform_system": platform[1],
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "os_name": "nt" if platform[0] == "win32" else "posix",
    }


def pinned_for(pins: list[Pin], env: dict[str, str]) -> dict[str, Version]:
    chosen: dict[str, Version] = {}
    for pin in pins:
        if pin.marker is None or pin.marker.evaluate(env):
            assert pin.name not in chosen, f"{pin.name} pinned twice for {env}"
            chosen[pin.name] = pin.version
    return chosen


def disagreements(pins: list[Pin], requirements: list[str]) -> list[str]:
    problems = []
    for python in PYTHONS:
        for platform in PLATFORMS:
            env = environment(python, platform)
            chosen = pinned_for(pins, env)
            for requirement in map(Requirement, requirements):
                if requirement.marker and not requirement.marker.evaluate(env):
                    continue
                name = canonicalize_name(requirement.name)
                where = f"Python {python} on {platform[1]}"
                if name not in chosen:
                    problems.append(f"{requirement.name} is not in the lock ({where})")
                elif not requirement.specifier.contains(chosen[name], prereleases=True):
                    problems.append(f"{requirement} is not met by {name}=={chosen[name]} ({where})")
    return sorted(set(problems))


def runtime_problems(text: str) -> list[str]:
    return disagreements(read_lock(text), PYPROJECT["project"]["dependencies"])


def build_problems(text: str) -> list[str]:
    return disagreements(read_lock(text), PYPROJECT["build-system"]["requires"])


def test_the_lock_meets_every_dependency_of_pyproject() -> None:
    assert runtime_problems(LOCK.read_text(encoding="utf-8")) == []


def test_the_build_lock_meets_pyprojects_build_requirements() -> None:
    assert build_problems(BUILD_LOCK.read_text(encoding="utf-8")) == []


def test_a_package_in_both_locks_is_pinned_the_same_in_both() -> None:
    runtime = {(pin.name, pin.version) for pin in read_lock(LOCK.read_text(encoding="utf-8"))}
    build = {(pin.name, pin.version) for pin in read_lock(BUILD_LOCK.read_text(encoding="utf-8"))}
    runtime_names = {name for name, _ in runtime}
    assert {pin for pin in build if pin[0] in runtime_names} <= runtime


@pytest.mark.parametrize("lock", [LOCK, BUILD_LOCK], ids=lambda path: path.name)
def test_every_locked_package_is_pinned_exactly_and_hash_checked(lock: Path) -> None:
    pins = read_lock(lock.read_text(encoding="utf-8"))
    assert len(pins) > 5  # the whole tree, not the direct requirements alone
    assert all(pin.hashes for pin in pins), [pin.name for pin in pins if not pin.hashes]


@pytest.mark.parametrize("lock", [LOCK, BUILD_LOCK], ids=lambda path: path.name)
def test_the_lock_was_made_for_every_python_and_platform_at_once(lock: Path) -> None:
    header = "".join(lock.read_text(encoding="utf-8").splitlines(keepends=True)[:3])
    for option in ("--universal", "--python-version 3.11", "--generate-hashes"):
        assert option in header, option


@pytest.mark.parametrize(
    ("lock", "change", "expected"),
    [
        (LOCK, ("click==", "clack=="), "click is not in the lock"),
        (LOCK, ("jinja2==3.1.6", "jinja2==3.1.5"), "jinja2>=3.1.6 is not met by jinja2==3.1.5"),
        (LOCK, ("mkdocs==1.6.1", "mkdocs==2.0.0"), "mkdocs<2,>=1.6 is not met by mkdocs==2.0.0"),
        (BUILD_LOCK, ("hatchling==", "hatchlin=="), "hatchling is not in the lock"),
        (BUILD_LOCK, ("hatchling==1.33.0", "hatchling==1.20"), "hatchling>=1.21 is not met"),
    ],
)
def test_a_lock_that_disagrees_with_pyproject_is_caught(
    lock: Path, change: tuple[str, str], expected: str
) -> None:
    text = lock.read_text(encoding="utf-8")
    assert change[0] in text
    check = runtime_problems if lock == LOCK else build_problems
    problems = check(text.replace(change[0], change[1], 1))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_the_action_installs_the_build_lock_then_the_lock_then_leaddocs_without_deps() -> None:
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    install = next(s for s in action["runs"]["steps"] if s.get("id") == "install")["run"]
    pip_lines = [line for line in install.splitlines() if "pip install" in line]
    assert len(pip_lines) == 3, pip_lines
    build, locked, own = pip_lines
    assert '--require-hashes -r "$GITHUB_ACTION_PATH/action-build-requirements.txt"' in build
    assert "--require-hashes --no-build-isolation" in locked
    assert '-r "$GITHUB_ACTION_PATH/action-requirements.txt"' in locked
    # leaddocs itself: no dependency resolved, no index asked, built by the locked hatchling.
    for option in ("--no-deps", "--no-index", "--no-build-isolation", '"$GITHUB_ACTION_PATH"'):
        assert option in own, option


def unlocked_dependencies(text: str) -> list[str]:
    """What a locked package itself requires (read from the copy installed here, when it is
    the locked version) and the lock lacks: with --require-hashes, pip would refuse to install
    the Action on a runner. Checked for this Python on every platform."""
    import importlib.metadata
    import sys

    python = ".".join(str(part) for part in sys.version_info[:3])
    problems = []
    for platform in PLATFORMS:
        env = environment(python, platform)
        chosen = pinned_for(read_lock(text), env)
        for name, version in chosen.items():
            try:
                installed = importlib.metadata.distribution(name)
            except importlib.metadata.PackageNotFoundError:
                continue
            if Version(installed.version) != version:
                continue  # another version here: its requirements may differ
            for requirement in map(Requirement, installed.requires or []):
                if requirement.marker and not requirement.marker.evaluate({**env, "extra": ""}):
                    continue
                if canonicalize_name(requirement.name) not in chosen:
                    problems.append(f"{name} needs {requirement.name} ({platform[1]})")
    return sorted(set(problems))


def test_what_locked_packages_need_is_locked_too() -> None:
    text = LOCK.read_text(encoding="utf-8")
    assert unlocked_dependencies(text) == []
    # A hand edit that drops a package only another needs is caught.
    entry = re.search(r"^markupsafe==.*?(?=^\S)", text, flags=re.MULTILINE | re.DOTALL)
    assert entry is not None
    assert "jinja2 needs MarkupSafe (Linux)" in unlocked_dependencies(text.replace(entry[0], ""))
