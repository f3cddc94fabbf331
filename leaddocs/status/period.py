"""The period a status page covers: whole days in UTC, ``since`` to ``until`` inclusive."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from leaddocs.errors import UsageError

_DURATION = re.compile(r"^(?P<count>\d{1,4})(?P<unit>[dw])$")
_DAY = dt.timedelta(days=1)


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
        raise UsageError(f"{option} {value}: give a date as YYYY-MM-DD") from exc


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
    if first > last:
        raise UsageError(
            f"--since {first.isoformat()} is after --until {last.isoformat()}: swap them"
        )
    return Period(first, last)


def _first_day(since: str | None, last: dt.date, cadence_days: int) -> dt.date:
    if since is None:
        return last - dt.timedelta(days=cadence_days - 1)
    duration = _DURATION.match(since.strip())
    if duration is None:
        return parse_day(since, "--since")
    days = int(duration["count"]) * (7 if duration["unit"] == "w" else 1)
    if days < 1:
        raise UsageError(f"--since {since}: a period is at least one day long")
    return last - dt.timedelta(days=days - 1)
