"""English wording of timeline data, for the command line and for logs.

The timeline keeps its explanations as plain data (a date, an amount, a unit, an anchor and the
holidays skipped); the web app words the same data through gettext. So each sentence here is
whole, with named placeholders, as a translator would need it (STYLE.md, 10).
"""

from __future__ import annotations

from datetime import date

from .timeline import Milestone, Reckoning

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

UNITS = {"working_days": ("working day", "working days"), "days": ("day", "days"), "months": ("month", "months")}

# Each anchor, once it has happened and while it has only a due date.
ANCHORS = {
    "received": ("the day the complaint was received", "the day the complaint was received"),
    "acknowledged": ("the day it was acknowledged", "the day the acknowledgement is due"),
    "stage1_respond_by": ("the stage 1 deadline", "the stage 1 deadline"),
    "stage1_response": ("the day of the stage 1 answer", "the day of the stage 1 answer"),
    "escalated": ("the day escalation was asked for", "the day escalation was asked for"),
    "stage2_acknowledged": ("the day stage 2 was acknowledged", "the day the stage 2 acknowledgement is due"),
    "stage2_respond_by": ("the stage 2 deadline", "the stage 2 deadline"),
    "stage2_response": ("the day of the stage 2 answer", "the day of the stage 2 answer"),
    "stage3_requested": ("the day stage 3 was asked for", "the day stage 3 was asked for"),
    "stage3_acknowledged": ("the day stage 3 was acknowledged", "the day the stage 3 acknowledgement is due"),
}


def date_en(day: date) -> str:
    """"Friday 18 December 2026", independent of the machine's locale."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def holiday_en(name: str) -> str:
    # The package says "(observed)"; GOV.UK, which residents know, says "(substitute day)".
    return name.replace(" (observed)", " (substitute day)")


def explanation_en(r: Reckoning) -> str:
    """How one date was worked out, e.g. "5 working days from Friday 18 December 2026 (the day the
    complaint was received), skipping Christmas Day and Boxing Day (substitute day)"."""
    one, many = UNITS[r.step.unit]
    happened, due = ANCHORS[r.step.start]
    values = {"amount": r.step.amount, "unit": one if r.step.amount == 1 else many,
              "start": date_en(r.start_date), "anchor": due if r.start_is_due_date else happened}
    skipped = r.skipped_holidays()
    if not skipped:
        return "%(amount)s %(unit)s from %(start)s (%(anchor)s)" % values  # noqa: UP031 (gettext's placeholders)
    names = [holiday_en(name) for _, name in skipped]
    values["holidays"] = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return "%(amount)s %(unit)s from %(start)s (%(anchor)s), skipping %(holidays)s" % values  # noqa: UP031


def source_en(m: Milestone, has_policy: bool = True) -> str:
    """Where the date shown comes from, with the clause: the "source" of the command line's JSON.
    `has_policy` is False for the Code's own timeline, where there is no policy to be silent.
    Each clause names its own document ("Section 8: ...", "Code 6.3: ...")."""
    policy_clause = m.policy.step.clause if m.policy else ""
    code_clause = m.code.step.clause if m.code else ""
    policy_time = "The earlier of the policy's two times" if m.policy_times else "The policy's time"
    better = "more generous" if m.resident_window else "earlier"
    if m.shown == "agreed":
        return "The extension agreed with the resident, within the limits of the policy and the Code"
    if m.shown == "both":
        return f"{policy_time} and the Code's agree: {policy_clause} / {code_clause}"
    if m.shown == "policy" and m.code:
        return f"{policy_time}, {better} than the Code's: {policy_clause}"
    if m.shown == "code" and m.policy:
        return f"The Code's time, {better} than the policy's: {code_clause}"
    if m.shown == "policy":
        why = "the Code allows no third stage" if m.name.startswith("stage3") else "the Code sets none"
        return f"{policy_time} ({why}): {policy_clause}"
    return f"The Code's time (the policy sets none): {code_clause}" if has_policy else code_clause
