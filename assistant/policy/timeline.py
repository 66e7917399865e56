"""A complaint's timeline: every milestone's date, worked out from a policy, the Code and the facts.

Pure: no Flask, no clock, no files. The caller passes the processes, the nation's calendar, the
facts known so far and (for the states) today, so the same call serves a resident's page, a
caseworker's list (which may store the dates as a cache of this function) and the command line.

The rules (shared/DOMAIN.md):
- The policy and the Code are each worked out on their own: "ack" is the actual acknowledgement
  when it is known, else that reading's own acknowledge-by date. Where a policy gives two times
  for a step, both are kept and its date is the earlier.
- A step the policy is silent on takes the Code's time (its date is then None and the Code's shows).
- A landlord deadline shows the earlier of the policy's and the Code's dates; a resident's own
  window the more generous. The Code sets no window to escalate, so `escalate_by` shows the
  policy's window where it sets one (a landlord may hold the resident to it) and does not appear
  where neither sets one: the resident may then escalate whenever they like.
- An agreed extension (a fact: the new date the landlord gave) is shown where it is earlier than
  the policy's and the Code's limits; a later agreed date shows the limit. Without one, the
  extended milestone still appears, as the latest an extension could go, in state NOT_AGREED.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from .calendar import WorkingDays, add_months, calendar_for
from .milestones import ANCHORS, EXTENDS, MET_BY, MILESTONES, RESIDENT_WINDOWS
from .process import CODE_PROFILE, Process, Step

if TYPE_CHECKING:
    from .profiles import Profile


@dataclass(frozen=True, slots=True)
class Facts:
    """What has happened so far, each on the date it happened (None: not yet, or not known)."""

    received: date
    acknowledged: date | None = None
    stage1_extended_to: date | None = None  # an extension was agreed: the new date the landlord gave
    stage1_response: date | None = None
    escalated: date | None = None
    stage2_acknowledged: date | None = None
    stage2_extended_to: date | None = None
    stage2_response: date | None = None
    stage3_requested: date | None = None
    stage3_acknowledged: date | None = None
    stage3_response: date | None = None

# The events in the order they happen: none may be dated before one earlier in this list.
EVENT_ORDER = ("received", "acknowledged", "stage1_response", "escalated", "stage2_acknowledged",
               "stage2_response", "stage3_requested", "stage3_acknowledged", "stage3_response")
# A fact that makes no sense without another: a stage 2 date needs the escalation it follows.
NEEDS = {"stage2_acknowledged": "escalated", "stage2_extended_to": "escalated", "stage2_response": "escalated",
         "stage3_requested": "stage2_response", "stage3_acknowledged": "stage3_requested",
         "stage3_response": "stage3_requested"}
# An agreed new date cannot be before the stage it extends began.
EXTENSION_AFTER = {"stage1_extended_to": "received", "stage2_extended_to": "escalated"}
_EXTENDED_BY = {base: extended for extended, base in EXTENDS.items()}  # the milestone an extension replaces


class FactsError(ValueError):
    """Facts in an impossible order; names the fact at fault and the one it conflicts with."""

    def __init__(self, fact: str, other: str, problem: str):
        super().__init__(f"{fact} {problem} {other}")
        self.fact, self.other, self.problem = fact, other, problem


def check_facts(facts: Facts) -> None:
    """Raise FactsError if the facts cannot all be true (escalated before received, ...)."""
    latest = None
    for name in EVENT_ORDER:
        when = getattr(facts, name)
        if when is None:
            continue
        if latest is not None and when < getattr(facts, latest):
            raise FactsError(name, latest, "is before")
        latest = name
    for name, needed in NEEDS.items():
        if getattr(facts, name) is not None and getattr(facts, needed) is None:
            raise FactsError(name, needed, "is given without")
    for name, start in EXTENSION_AFTER.items():
        when = getattr(facts, name)
        if when is not None and getattr(facts, start) is not None and when < getattr(facts, start):
            raise FactsError(name, start, "is before")


# Reckonings and milestones are read-only by convention, not frozen: a frozen dataclass costs three
# times as much to build, and a timeline builds about twenty (bench/timeline.py).
@dataclass(slots=True)
class Reckoning:
    """One date and how it was worked out: `step.amount` `step.unit` from `start_date`."""

    date: date
    step: Step  # amount, unit, anchor and the clause it comes from
    start_date: date
    # The anchor had not happened yet, so this counts from the date it is due (or, for an
    # extension, from the deadline it extends).
    start_is_due_date: bool
    calendar: WorkingDays = field(repr=False, compare=False)

    def skipped_holidays(self) -> list[tuple[date, str]]:
        """The weekday bank holidays counted over: why the date is later than it looks."""
        if self.step.unit != "working_days":
            return []
        return self.calendar.skipped_holidays(self.start_date, self.date)


class State(StrEnum):
    MET = "met"  # the fact that meets it happened, on `met_on` (perhaps late: compare with the date)
    DUE = "due"  # not yet met, and the date has not passed
    OVERDUE = "overdue"  # not met, and the date has passed
    EXTENDED = "extended"  # an agreed extension replaced this deadline: see the `_extended` milestone
    NOT_AGREED = "not_agreed"  # the latest an extension could go; none has been agreed


@dataclass(slots=True)
class Milestone:
    name: str
    date: date  # shown to the resident
    policy: Reckoning | None  # the policy's date (the earlier of its times); None: the policy is silent
    code: Reckoning | None  # the Code's date; None: the Code sets none (or there is no policy)
    shown: str  # where `date` comes from: "policy", "code", "both" (they agree) or "agreed"
    policy_times: tuple[Reckoning, ...] = ()  # every time the policy gives, where it gives two
    met_on: date | None = None
    state: State | None = None  # on the `today` given to timeline(); None if none was

    @property
    def resident_window(self) -> bool:
        return self.name in RESIDENT_WINDOWS


def timeline(policy: Process | None, code: Process, facts: Facts, calendar: WorkingDays,
             today: date | None = None) -> dict[str, Milestone]:
    """Every milestone the facts allow, by name, in the order of milestones.MILESTONES.

    `policy` is None (or `code` itself) for the Code's own timeline. Raises FactsError if the
    facts are in an impossible order.
    """
    check_facts(facts)
    if policy is code:
        policy = None
    shown: dict[str, date] = {}
    policy_dates: dict[str, date] = {}
    code_dates: dict[str, date] = {}
    result: dict[str, Milestone] = {}
    policy_plan = policy.plan if policy else _SILENT
    for name, policy_steps, code_steps in zip(MILESTONES, policy_plan, code.plan, strict=True):
        mine = theirs = None
        times: list[Reckoning] = []
        for step in policy_steps:
            r = _reckon(step, policy_dates, shown, facts, calendar)
            if r is not None:
                times.append(r)
                if mine is None or r.date < mine.date:
                    mine = r
        for step in code_steps:
            theirs = _reckon(step, code_dates, shown, facts, calendar)
        if mine is None and theirs is None:
            continue
        if mine is not None:
            policy_dates[name] = mine.date
        if theirs is not None:
            code_dates[name] = theirs.date
        when, source = _choose(name, mine, theirs, facts)
        shown[name] = when
        met_by = MET_BY[name]
        met_on = getattr(facts, met_by) if met_by else None
        state = _state(name, when, met_on, facts, today) if today is not None else None
        result[name] = Milestone(name, when, mine, theirs, source, tuple(times) if len(times) > 1 else (),
                                 met_on, state)
    return result


_SILENT = ((),) * len(MILESTONES)  # the plan of no policy: silent on every milestone


def _reckon(step: Step, own: dict[str, date], shown: dict[str, date], facts: Facts,
            calendar: WorkingDays) -> Reckoning | None:
    """The date one step gives, counted from its anchor; None if the anchor is not known yet."""
    fact, stand_in = ANCHORS[step.start]
    start = getattr(facts, fact) if fact else None
    if start is None:
        if stand_in is None:
            return None
        # This reading's own date for the stand-in; if it is silent there, the date shown.
        start = own.get(stand_in) or shown.get(stand_in)
        if start is None:
            return None
        from_due_date = True
    else:
        from_due_date = False
    if step.unit == "working_days":
        when = calendar.add(start, step.amount)
    elif step.unit == "days":
        when = start + timedelta(days=step.amount)
    else:
        when = add_months(start, step.amount)
    return Reckoning(when, step, start, from_due_date, calendar)


def _choose(name: str, mine: Reckoning | None, theirs: Reckoning | None, facts: Facts) -> tuple[date, str]:
    """The date shown and where it comes from: the earlier deadline, the more generous window."""
    if mine is None:
        when, source = theirs.date, "code"
    elif theirs is None:
        when, source = mine.date, "policy"
    elif mine.date == theirs.date:
        when, source = mine.date, "both"
    elif (mine.date < theirs.date) != (name in RESIDENT_WINDOWS):
        when, source = mine.date, "policy"
    else:
        when, source = theirs.date, "code"
    if name in EXTENDS:
        agreed = _agreed(name, facts)
        if agreed is not None and agreed <= when:
            return agreed, "agreed"
    return when, source


def _agreed(name: str, facts: Facts) -> date | None:
    return facts.stage1_extended_to if name == "stage1_respond_by_extended" else facts.stage2_extended_to


def _state(name: str, when: date, met_on: date | None, facts: Facts, today: date) -> State:
    if name in EXTENDS and _agreed(name, facts) is None:
        return State.NOT_AGREED
    # An agreed extension replaces the deadline it extends, even once the answer is sent: an answer
    # within the extension was on time (DOMAIN.md), and is judged against the extended date.
    if name in _EXTENDED_BY and _agreed(_EXTENDED_BY[name], facts) is not None:
        return State.EXTENDED
    if met_on is not None:
        return State.MET
    return State.DUE if today <= when else State.OVERDUE


def profile_timeline(profile: Profile, code_profile: Profile, facts: Facts, nation: str | None = None,
                     today: date | None = None) -> dict[str, Milestone]:
    """timeline() for a loaded profile: its nation's calendar unless another is asked for."""
    policy = None if profile.name == CODE_PROFILE else profile.process
    return timeline(policy, code_profile.process, facts, calendar_for(nation or default_nation(profile)), today)


def default_nation(profile: Profile) -> str:
    """The landlord's nation; the Code itself is England's."""
    return profile.landlord.nation if profile.landlord else "england"

