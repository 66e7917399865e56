"""Working days for each UK nation, on the `holidays` package (version pinned in requirements.txt).

Counting convention (shared/DOMAIN.md): "N working days from D" is the Nth working day strictly
after D; D itself never counts, whether or not it is a working day. "N days" is D + N.
"""

from __future__ import annotations

import calendar as _months
import tomllib
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import holidays

from .reading import ProfileError

# Always pass a subdivision: without one `holidays` returns only UK-wide days and silently
# drops Easter Monday and the August bank holiday (DOMAIN.md).
SUBDIVISIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}

# Years a lookup table is first built for, either side of the date asked about: a complaint's
# milestones rarely run more than a year ahead.
_YEARS_BEFORE, _YEARS_AFTER = 1, 2


class WorkingDays:
    """Monday to Friday, less one nation's bank holidays."""

    def __init__(self, nation: str, extra_holidays: dict[date, str] | None = None):
        if nation not in SUBDIVISIONS:
            raise ValueError(f"unknown nation {nation!r}: use one of {', '.join(SUBDIVISIONS)}")
        self.nation = nation
        self._holidays = holidays.GB(subdiv=SUBDIVISIONS[nation])
        # Announced holidays the package does not know yet (e.g. a royal occasion) can be added.
        self._extra = dict(extra_holidays or {})
        # (first ordinal covered, the working days in order, for each covered day the index of the
        # first working day strictly after it). Built lazily, and replaced in one assignment so a
        # calendar shared between threads is never seen half-built.
        self._table: tuple[int, list[date], list[int]] = (0, [], [])
        self._years = (0, -1)

    def with_holidays(self, extra: dict[date, str]) -> WorkingDays:
        """The same nation's calendar with more holidays: a newly announced one, or a test's."""
        return WorkingDays(self.nation, {**self._extra, **extra})

    def holiday_name(self, day: date) -> str | None:
        """The bank holiday that stops this weekday being a working day, if any."""
        if day in self._extra:
            return self._extra[day]
        return self._holidays.get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def add(self, start: date, n: int) -> date:
        """The nth working day strictly after `start`."""
        if n < 0:
            raise ValueError("n must not be negative")
        if n == 0:
            return start
        # Answered from the lookup table: a timeline asks this a dozen times, and walking the
        # calendar a day at a time would cost more than the rest of the timeline together.
        first, working, after = self._table
        i = start.toordinal() - first
        if not 0 <= i < len(after) or after[i] + n > len(working):
            first, working, after = self._cover(start, n)
            i = start.toordinal() - first
        return working[after[i] + n - 1]

    def skipped_holidays(self, start: date, end: date) -> list[tuple[date, str]]:
        """Weekday bank holidays strictly after start up to end: what made a deadline later."""
        found = []
        day = start + timedelta(days=1)
        while day <= end:
            name = self.holiday_name(day) if day.weekday() < 5 else None
            if name:
                found.append((day, name))
            day += timedelta(days=1)
        return found

    def _cover(self, start: date, n: int) -> tuple[int, list[date], list[int]]:
        """Rebuild the lookup table so it covers `start` and the nth working day after it."""
        low, high = self._years
        if low > high:
            low, high = start.year - _YEARS_BEFORE, start.year + _YEARS_AFTER
        low = min(low, start.year - _YEARS_BEFORE)
        # A year has at least 250 working days, so this reaches the nth with room to spare.
        high = max(high, start.year + _YEARS_AFTER, start.year + n // 250 + 1)
        first = date(low, 1, 1).toordinal()
        days = [date.fromordinal(o) for o in range(first, date(high, 12, 31).toordinal() + 1)]
        working = [day for day in days if self.is_working_day(day)]
        after, k = [], 0
        for day in days:
            while k < len(working) and working[k] <= day:
                k += 1
            after.append(k)
        self._table, self._years = (first, working, after), (low, high)
        return self._table


def add_days(start: date, n: int) -> date:
    """N calendar days from `start`: start + N, not moved off a weekend or holiday."""
    return start + timedelta(days=n)


def add_months(start: date, n: int) -> date:
    """The same day n months later; a day the month lacks becomes its last day (29 Feb -> 28 Feb)."""
    month_index = start.month - 1 + n
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, _months.monthrange(year, month)[1]))


EXTRA_HOLIDAYS_FILE = Path(__file__).parent / "bank-holidays.toml"


def extra_holidays(path: Path = EXTRA_HOLIDAYS_FILE) -> dict[str, dict[date, str]]:
    """Announced bank holidays the `holidays` package does not know yet, per nation (the file says
    how to add one). A fault names the file, the entry and what is wrong."""
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("holiday", []) if path.exists() else []
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name}: {exc}") from None
    found: dict[str, dict[date, str]] = {nation: {} for nation in SUBDIVISIONS}
    for i, entry in enumerate(entries):
        where = f"{path.name}: holiday[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"date", "name", "nations"}:
            raise ProfileError(f"{where}: give exactly date, name and nations")
        day, name, nations = entry["date"], entry["name"], entry["nations"]
        if type(day) is not date:
            raise ProfileError(f"{where}.date: must be a date such as 2027-06-07")
        if not isinstance(name, str) or not name.strip():
            raise ProfileError(f"{where}.name: must be text")
        if not isinstance(nations, list) or not nations or not set(nations) <= set(SUBDIVISIONS):
            raise ProfileError(f"{where}.nations: must list some of {', '.join(SUBDIVISIONS)}")
        for nation in nations:
            found[nation][day] = name.strip()
    return found


@lru_cache(maxsize=1)
def announced_holidays() -> dict[str, dict[date, str]]:
    """The shipped bank-holidays.toml, read once: the app checks it at start-up, and every
    nation's calendar takes its share (the file says to restart the app after editing it)."""
    return extra_holidays(EXTRA_HOLIDAYS_FILE)


@lru_cache(maxsize=8)
def calendar_for(nation: str) -> WorkingDays:
    """One shared calendar per nation (building one loads the holiday tables), with any bank
    holiday announced since the package was released (bank-holidays.toml)."""
    if nation not in SUBDIVISIONS:
        return WorkingDays(nation)  # which says what is wrong
    return WorkingDays(nation, announced_holidays()[nation])
