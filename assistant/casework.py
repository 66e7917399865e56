"""The life of a case: its events, the facts they give, and the deadlines kept with it.

Every change to a case goes through `record()`: it checks the event makes sense, appends it to
the audit log, and refreshes the deadlines stored with the complaint (a cache of the timeline
function, so lists stay fast). The timeline itself is pure domain code in assistant.policy.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask import current_app

from .extensions import db
from .models import CaseEvent, Complaint
from .policy.milestones import EXTENDS, RESIDENT_WINDOWS
from .policy.process import CODE_PROFILE
from .policy.profiles import Profile
from .policy.timeline import Facts, FactsError, Milestone, State, profile_timeline


# Which fact each event kind sets (an extension sets its stage's agreed new date).
FACT_OF = {
    "acknowledged": "acknowledged",
    "stage1_response": "stage1_response",
    "escalated": "escalated",
    "stage2_acknowledged": "stage2_acknowledged",
    "stage2_response": "stage2_response",
}
# Events that are the case's own business and never shown to the resident.
INTERNAL = {"note"}


class EventRefused(ValueError):
    """An event that makes no sense for this case now; the message says why, for a person."""


def profiles() -> tuple[dict[str, Profile], Profile]:
    loaded = current_app.extensions["profiles"]
    return loaded, loaded[CODE_PROFILE]


def profile_for(complaint: Complaint) -> Profile:
    loaded, _code = profiles()
    landlord = current_app.extensions["landlords"][complaint.landlord]
    return loaded[landlord.policy_name]


def facts_for(complaint: Complaint, events: list[CaseEvent] | None = None) -> Facts:
    facts = Facts(received=complaint.received_on)
    for e in events if events is not None else complaint.events:
        if e.kind in FACT_OF:
            facts = replace(facts, **{FACT_OF[e.kind]: e.occurred_on})
        elif e.kind == "extension_agreed":
            name = "stage1_extended_to" if e.data.get("stage", 1) == 1 else "stage2_extended_to"
            facts = replace(facts, **{name: date.fromisoformat(e.data["new_date"])})
    return facts


def milestones(complaint: Complaint, today: date | None = None, facts: Facts | None = None) -> dict[str, Milestone]:
    _loaded, code = profiles()
    return profile_timeline(profile_for(complaint), code, facts or facts_for(complaint), complaint.nation, today)


def next_landlord_deadline(found: dict[str, Milestone]) -> tuple[str, date] | None:
    """The soonest landlord deadline not yet met: what a caseworker must do next, and by when."""
    open_ones = [
        (m.date, name) for name, m in found.items()
        if name not in RESIDENT_WINDOWS and m.met_on is None
        and not (name in EXTENDS and m.state is State.NOT_AGREED)
        and m.state is not State.EXTENDED
    ]
    if not open_ones:
        return None
    when, name = min(open_ones)
    return name, when


def refresh_deadlines(complaint: Complaint) -> None:
    """Store the timeline's dates with the complaint (the cache lists sort by)."""
    # Any "today" will do here: only the states that do not depend on it (met, extended, not
    # agreed) are read, and the dates themselves never depend on today.
    found = milestones(complaint, today=complaint.received_on)
    complaint.deadlines = {name: m.date.isoformat() for name, m in found.items()}
    upcoming = next_landlord_deadline(found) if complaint.status == "open" else None
    complaint.next_milestone, complaint.next_deadline = upcoming if upcoming else (None, None)


def record(complaint: Complaint, kind: str, occurred_on: date, actor: str, today: date, *,
           staff_id: int | None = None, data: dict | None = None) -> CaseEvent:
    """Append an event to the case, after checking it makes sense; refresh the deadlines."""
    if occurred_on > today:
        raise EventRefused("The date cannot be in the future.")
    if occurred_on < complaint.received_on:
        raise EventRefused("The date cannot be before the complaint was received.")
    if complaint.status != "open" and kind != "note":
        raise EventRefused("This complaint is closed: nothing more can be recorded on it but a note.")
    candidate = CaseEvent(kind=kind, occurred_on=occurred_on, actor=actor, staff_id=staff_id, data=data or {},
                          visible_to_resident=kind not in INTERNAL)
    events = [*complaint.events, candidate]
    try:
        milestones(complaint, facts=facts_for(complaint, events))
    except FactsError as exc:
        raise EventRefused(f"That does not fit what has already happened: {exc}.") from exc
    complaint.events.append(candidate)
    if kind in ("refused", "closed"):
        complaint.status = "refused" if kind == "refused" else "closed"
    elif kind == "escalated":
        complaint.stage = 2
    refresh_deadlines(complaint)
    db.session.add(candidate)
    return candidate


def recompute_open_deadlines(batch: int = 500) -> int:
    """Refresh every open complaint's cached deadlines (after a bank-holiday change)."""
    count = 0
    query = db.select(Complaint).where(Complaint.status == "open").order_by(Complaint.id)
    for complaint in db.session.execute(query.execution_options(yield_per=batch)).scalars():
        before = (dict(complaint.deadlines or {}), complaint.next_deadline)
        refresh_deadlines(complaint)
        count += (dict(complaint.deadlines), complaint.next_deadline) != before
    db.session.commit()
    return count
