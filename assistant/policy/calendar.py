"""Working days for each UK nation, on the `holidays` package (version pinned in requirements.txt).

Counting convention (shared/DOMAIN.md): "N working days from D" is the Nth working day strictly
after D; D itself never counts, whether or not it is a working day. "N days" is D + N.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

# Always pass a subdivision: without one `holidays` returns only UK-wide days and silently
# drops Easter Monday and the August bank holiday (DOMAIN.md).
SUBDIVISIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}


class WorkingDays:
    """Monday to Friday, less one nation's bank holidays."""

    def __init__(self, nation: str, extra_holidays: dict[date, str] | None = None):
        if nation not in SUBDIVISIONS:
            raise ValueError(f"unknown nation {nation!r}: use one of {', '.join(SUBDIVISIONS)}")
        self.nation = nation
        self._holidays = holidays.GB(subdiv=SUBDIVISIONS[nation])
        # Announced holidays the package does not know yet (e.g. a royal occasion) can be added.
        self._extra = dict(extra_holidays or {})

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
        day = start
        while n:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

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


@lru_cache(maxsize=8)
def calendar_for(nation: str) -> WorkingDays:
    """One shared calendar per nation (building one loads the holiday tables)."""
    return WorkingDays(nation)
