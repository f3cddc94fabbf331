"""The period a status page covers: whole days in UTC, ``since`` to ``until`` inclusive."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from leaddocs.errors import UsageError

_DURATION = re.compile(r"^(?P<count>\d{1,4})(?P<unit>[dw])$")
_DAY = dt.timedelta(days=1)
_FIRST_DAY = dt.date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Period:
    since: dt.date  # the first day covered
    until: dt.date  # the last day covered

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    @property
    def start(self) -> int:
        """The first second covered, as a unix time."""
        return _epoch(self.since)

    @property
    def end(self) -> int:
        """The first second after the period, as a unix time (the period is half-open)."""
        return _epoch(self.until + _DAY)

    def previous(self) -> Period:
        """The period of the same length just before this one: the week before a week."""
        return Period(self.since - dt.timedelta(days=self.days), self.since - _DAY)

    def label(self) -> str:
        return f"{self.since.isoformat()} to {self.until.isoformat()}"

    def contains(self, timestamp: int) -> bool:
        return self.start <= timestamp < self.end


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def parse_day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        hint = " or a length such as 7d or 2w" if option == "--since" else ""
        raise UsageError(f"{option} {value}: give a date as YYYY-MM-DD{hint}") from exc


def resolve_period(
    since: str | None, until: str | None, cadence_days: int, today: dt.date
) -> Period:
    """The period asked for: ``until`` (default today) back ``since`` (a date, or a duration
    such as ``7d`` or ``2w``; default the configured cadence). A period reaching past today is
    refused: a page about days that have not happened would report them as quiet."""
    last = parse_day(until, "--until") if until else today
    if last > today:
        raise UsageError(
            f"--until {last.isoformat()} is in the future (today is {today.isoformat()}): "
            "give today or an earlier date"
        )
    first = _first_day(since, last, cadence_days)
    if first > today:
        raise UsageError(
            f"--since {first.isoformat()} is in the future (today is {today.isoformat()})"
        )
    if first.toordinal() - ((last - first).days + 1) < _FIRST_DAY.toordinal():
        raise UsageError(
            f"--since {first.isoformat()} is too early: the period and the one before it "
            f"must start on or after {_FIRST_DAY.isoformat()} (git's clock starts in 1970)"
        )
    if first > last:
        raise UsageError(
            f"--since {first.isoformat()} is after --until {last.isoformat()}: swap them"
        )
    return Period(first, last)


def first_day(since: str, today: dt.date) -> dt.date:
    """The day ``since`` names: a date (YYYY-MM-DD), or a length back from ``today`` (``7d``,
    ``2w``: the 7 or 14 days that end today)."""
    return _first_day(since, today, 1)


def _first_day(since: str | None, last: dt.date, cadence_days: int) -> dt.date:
    if since is None:
        return last - dt.timedelta(days=cadence_days - 1)
    duration = _DURATION.match(since.strip())
    if duration is None:
        return parse_day(since, "--since")
    days = int(duration["count"]) * (7 if duration["unit"] == "w" else 1)
    if days < 1:
        raise UsageError(f"--since {since}: a period is at least one day long")
    if last.toordinal() - (days - 1) < _FIRST_DAY.toordinal():
        raise UsageError(f"--since {since}: that reaches back before {_FIRST_DAY.isoformat()}")
    return last - dt.timedelta(days=days - 1)


def main_line_span(
    line: Sequence[tuple[str, int]], period: Period
) -> tuple[str | None, str | None]:
    """``(from, to)``: where the main line stood before the period and at its end, from its
    first-parent commits (``(sha, committer time)``, newest first). None for ``from``: the line
    began in the period; None for ``to``: it had no commit yet.

    A clock can be wrong (a laptop set a year back, a rebase tool): one commit whose time
    disagrees with both its neighbours takes the middle one of the three, and a tip older than
    its parent takes its parent's time, so one bad clock cannot empty or swell the period."""
    times = [stamp for _, stamp in line]
    trusted = list(times)
    for index in range(1, len(times) - 1):
        trusted[index] = sorted((trusted[index - 1], times[index], times[index + 1]))[1]
    if len(times) > 1:
        trusted[0] = max(times[0], trusted[1])
    to_sha = next((sha for (sha, _), t in zip(line, trusted, strict=True) if t < period.end), None)
    from_sha = next(
        (sha for (sha, _), t in zip(line, trusted, strict=True) if t < period.start), None
    )
    return from_sha, to_sha
