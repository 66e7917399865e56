"""Which of a landlord's exclusions a resident's answers touch.

A flag never stops anyone: it tells the resident the landlord *may* not take the complaint, so
they can decide with their eyes open, and it is stored with the complaint for the caseworker,
who must judge each case on its merits (Complaint Handling Code 3.2) and explain a refusal.
"""

from __future__ import annotations

from datetime import date

from ..policy.exclusions import KINDS, Treatment
from ..policy.profiles import Landlord
from .engine import Answers

# The Code lets a landlord refuse a complaint raised more than 12 months after the issue; a
# policy may not be stricter, so the resident's window is the more generous of the two.
CODE_TIME_LIMIT_MONTHS = 12
EXCLUSION_STEP_PREFIX = "exclusion-"


def exclusion_step_id(kind: str) -> str:
    return EXCLUSION_STEP_PREFIX + kind.replace("_", "-")


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` earlier (the last day where that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def time_limit_months(landlord: Landlord) -> int:
    return max(landlord.time_limit.months or CODE_TIME_LIMIT_MONTHS, CODE_TIME_LIMIT_MONTHS)


def is_too_old(landlord: Landlord, answers: Answers, today: date) -> bool:
    """Raised more than the time limit after the problem last happened, or after the resident
    found out about it: the later of the start and (if given) the day it stopped."""
    when = answers.get("when-it-started", {})
    if not when.get("started_on") or when.get("ongoing") == "yes":
        return False  # still happening: the time limit has not begun to run
    last = max(date.fromisoformat(day) for day in (when["started_on"], when.get("stopped_on")) if day)
    return last < months_before(today, time_limit_months(landlord))


def flags(landlord: Landlord, answers: Answers, today: date) -> list[str]:
    """The exclusion kinds the answers touch, in the order the policy lists them."""
    found = []
    for exclusion in landlord.exclusions:
        treatment = KINDS[exclusion.kind]
        if treatment is Treatment.COMPUTED and exclusion.kind == "time_limit":
            if is_too_old(landlord, answers, today):
                found.append(exclusion.kind)
        elif treatment is Treatment.ASKED:
            if answers.get(exclusion_step_id(exclusion.kind), {}).get("answer") == "yes":
                found.append(exclusion.kind)
    return found
