"""The life of a case: its events, the facts they give, and the deadlines kept with it.

Every change to a case goes through `record()`: it checks the event makes sense, appends it to
the audit log, and refreshes the deadlines stored with the complaint (a cache of the timeline
function, so lists stay fast). The timeline itself is pure domain code in assistant.policy.

An event that makes no sense is refused with EventRefused, whose message says why in one
sentence for the member of staff (or resident) who tried it; nothing is changed. Two people
acting on one case at once: the second is refused with CaseChanged, both when the form they
used was drawn from an older version of the case and when the other's write lands between
their reading the case and saving it (`save()`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask import current_app, has_request_context
from flask_babel import format_date
from flask_babel import gettext as _gettext
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from .extensions import db
from .models import CaseEvent, Complaint
from .policy.milestones import EXTENDS, RESIDENT_WINDOWS
from .policy.process import CODE_PROFILE
from .policy.profiles import Profile
from .policy.timeline import EVENT_ORDER, Facts, FactsError, Milestone, State, profile_timeline


def N_(message: str) -> str:
    """Marks a sentence for translation (pybabel's default keyword); _() translates it when used."""
    return message


def _(message: str, **values) -> str:
    """Translated in a request; plain English on the command line and in scripts."""
    return _gettext(message, **values) if has_request_context() else message % values


def _day(day: date) -> str:
    return format_date(day, "EEEE d MMMM y") if has_request_context() else f"{day:%A} {day.day} {day:%B %Y}"


# Every kind of event a case can have, in the order they usually happen, and its data (all text
# is as typed; the resident sees every kind but the note, through includes/event-detail.html):
#   acknowledged         {"definition", "outcomes", "outside_remit"}
#   extension_agreed     {"stage": 1 | 2, "new_date": ISO date, "reason"}
#   refused              {"exclusion": a kind from policy/exclusions.py, "reason"}
#   stage1_response,
#   stage2_response      {"decisions": [{"point", "decision": "upheld" | "partly-upheld" | "not-upheld"}],
#                         "reasons", "remedy", "actions" (outstanding actions, with their dates)}
#   escalated            {"reason", "by": how the resident asked ("phone", "email", "letter", "in-person",
#                         "other"); none when they asked on their own complaint page}
#   stage2_acknowledged  {"definition"}
#   closed               {"reason"}
#   note                 {"text"}  (internal: never shown to the resident)
KINDS = ("acknowledged", "extension_agreed", "refused", "stage1_response", "escalated",
         "stage2_acknowledged", "stage2_response", "closed", "note")
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

# What must have happened before an event, and what to say when it has not.
NEEDS_FIRST = {
    "stage1_response": ("acknowledged", N_("Acknowledge the complaint before recording the stage 1 answer.")),
    "escalated": ("stage1_response", N_("Stage 2 can only be asked for once the stage 1 answer has been sent, "
                                        "or its deadline has passed.")),
    "stage2_acknowledged": ("escalated", N_("Stage 2 can only be acknowledged once the resident has asked for it.")),
    "stage2_response": ("stage2_acknowledged",
                        N_("Acknowledge the stage 2 request before recording the final answer.")),
}
# Events a case has once, and what to say the second time.
ONCE = {
    "acknowledged": N_("This complaint has already been acknowledged."),
    "stage1_response": N_("The stage 1 answer has already been recorded."),
    "escalated": N_("Stage 2 has already been asked for."),
    "stage2_acknowledged": N_("The stage 2 request has already been acknowledged."),
    "stage2_response": N_("The final answer has already been recorded."),
}
# How a fact is named in a sentence ("The date cannot be before the acknowledgement, ...").
FACT_WORDS = {
    "received": N_("the day the complaint was received"),
    "acknowledged": N_("the acknowledgement"),
    "stage1_response": N_("the stage 1 answer"),
    "escalated": N_("the request for stage 2"),
    "stage2_acknowledged": N_("the stage 2 acknowledgement"),
    "stage2_response": N_("the final answer"),
}
CHANGED = N_("This case changed while you were working on it: someone else recorded something on it. "
             "Check what has happened below, then try again.")


class EventRefused(ValueError):
    """An event that makes no sense for this case now; the message says why, for a person.

    `field` names what was wrong where one answer was ("occurred_on", "new_date"), so a form
    can put the message by it; None when it is the event itself.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class CaseChanged(EventRefused):
    """Someone else changed the case since this person last saw it."""

    def __init__(self):
        super().__init__(_(CHANGED))


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


# --- what makes sense now ------------------------------------------------------------------------

def out_of_order(complaint: Complaint, kind: str, stage: int | None = None, on: date | None = None) -> str | None:
    """Why this kind of event cannot be recorded on the case as it stands, or None if it can.
    Dates are not looked at here (see record()), so this also says which actions to offer; only
    escalation looks at `on`, the day it would happen: once the stage 1 answer is late, the
    resident need not wait for it to go on to stage 2."""
    if kind not in KINDS:
        return _("That is not something that can be recorded on a case.")
    if kind == "note":
        return None
    if complaint.status == "closed":
        return _("This complaint is closed: nothing more can be recorded on it but a note.")
    if complaint.status == "refused":
        return _("This complaint was not accepted: nothing more can be recorded on it but a note.")
    done = {e.kind for e in complaint.events}
    if kind in ONCE and kind in done:
        return _(ONCE[kind])
    if kind in NEEDS_FIRST and NEEDS_FIRST[kind][0] not in done:
        if not (kind == "escalated" and on is not None and stage1_answer_overdue(complaint, on)):
            return _(NEEDS_FIRST[kind][1])
    if kind == "extension_agreed":
        return _extension_out_of_order(done, stage)
    if kind == "refused" and "stage1_response" in done:
        # Refusing is deciding not to take a complaint: once it has been answered, it was taken.
        return _("The stage 1 answer has been sent, so the complaint was accepted: it can no longer be refused. "
                 "Close it instead if it has ended.")
    return None


def stage1_answer_overdue(complaint: Complaint, on: date) -> bool:
    """The stage 1 answer (extended, if an extension was agreed) was late on that day."""
    found = milestones(complaint, today=on)
    return any(found[name].state is State.OVERDUE for name in ("stage1_respond_by", "stage1_respond_by_extended")
               if name in found)


def _extension_out_of_order(done: set[str], stage: int | None) -> str | None:
    if stage not in (1, 2):
        return _("Say which stage the extension is for.")
    # The Code's answer times count from the acknowledgement (DOMAIN.md), so the limit on an
    # extension is only known once it is recorded; one agreed before would be cut back later.
    if stage == 1 and "acknowledged" not in done:
        return _("Acknowledge the complaint first: the limit on an extension counts from the acknowledgement.")
    if stage == 1 and "stage1_response" in done:
        return _("The stage 1 answer has already been sent: there is no stage 1 deadline left to extend.")
    if stage == 2 and "escalated" not in done:
        return _("Stage 2 has not been asked for: there is no stage 2 deadline to extend.")
    if stage == 2 and "stage2_response" in done:
        return _("The final answer has already been sent: there is no stage 2 deadline left to extend.")
    if stage == 2 and "stage2_acknowledged" not in done:
        return _("Acknowledge the stage 2 request first: the limit on an extension counts from that acknowledgement.")
    return None


def extension_limits(found: dict[str, Milestone], facts: Facts, stage: int) -> tuple[date, date]:
    """The deadline an extension at this stage would extend (the agreed one, after a first
    extension), and the latest it may go: the earlier of the policy's and the Code's limits, as
    for every landlord deadline (a policy that allows less binds the landlord to less)."""
    base = f"stage{stage}_respond_by"
    extended = f"{base}_extended"
    agreed = getattr(facts, f"stage{stage}_extended_to")
    current = found[extended].date if agreed else found[base].date
    limit = min(r.date for r in (found[extended].policy, found[extended].code) if r is not None)
    return current, limit


def possible_events(complaint: Complaint, today: date | None = None) -> list[str]:
    """The kinds of event that make sense for the case now, in KINDS order (what staff are offered)."""
    found = facts = None
    kinds = []
    for kind in KINDS:
        if out_of_order(complaint, kind, complaint.stage, today) is not None:
            continue
        if kind == "extension_agreed":
            found, facts = found or milestones(complaint), facts or facts_for(complaint)
            current, limit = extension_limits(found, facts, complaint.stage)
            if current >= limit:
                continue  # already at the Code's maximum
        kinds.append(kind)
    return kinds


# --- recording ---------------------------------------------------------------------------------

def _check_dates(complaint: Complaint, kind: str, occurred_on: date, today: date, facts: Facts) -> None:
    if occurred_on > today:
        raise EventRefused(_("The date cannot be in the future."), "occurred_on")
    if occurred_on < complaint.received_on:
        raise EventRefused(_("The date cannot be before the complaint was received."), "occurred_on")
    if kind in ("refused", "closed"):
        # Closing or refusing cannot come before what has already happened on the case.
        happened = [(getattr(facts, n), n) for n in EVENT_ORDER if getattr(facts, n) is not None]
        latest, name = max(happened)
        if occurred_on < latest:
            raise _before(name, latest)


def _before(fact: str, when: date) -> EventRefused:
    return EventRefused(_("The date cannot be before %(event)s, on %(date)s.", event=_(FACT_WORDS[fact]),
                          date=_day(when)), "occurred_on")


def _check_extension(complaint: Complaint, occurred_on: date, today: date, data: dict, facts: Facts) -> None:
    """An extension is agreed, and recorded, by the deadline it extends, moves it later, and goes
    no further than the Code allows (however many extensions it takes to get there)."""
    stage = data.get("stage")
    try:
        new_date = date.fromisoformat(str(data.get("new_date")))
    except ValueError:
        raise EventRefused(_("Enter the new date for the answer."), "new_date") from None
    if stage == 2 and occurred_on < facts.escalated:
        raise _before("escalated", facts.escalated)
    current, limit = extension_limits(milestones(complaint, facts=facts), facts, stage)
    if occurred_on > current:
        raise EventRefused(_("An extension must be agreed by the deadline it extends, %(date)s. "
                             "This one was agreed after that deadline.", date=_day(current)), "occurred_on")
    if today > current:
        # Backdating cannot rescue a missed deadline: the resident has already been let down.
        raise EventRefused(_("An extension must be recorded by the deadline it extends, %(date)s, which has passed. "
                             "Record the answer when it is sent.", date=_day(current)), "occurred_on")
    if new_date <= current:
        raise EventRefused(_("The new date must be after the current deadline, %(date)s.", date=_day(current)),
                           "new_date")
    if new_date > limit:
        if getattr(facts, f"stage{stage}_extended_to"):
            message = _("Together, extensions cannot take the stage %(stage)s answer past %(date)s, "
                        "the latest the policy and the Complaint Handling Code allow.", stage=stage, date=_day(limit))
        else:
            message = _("The new date cannot be after %(date)s, the latest the policy and the Complaint Handling "
                        "Code allow for the stage %(stage)s answer.", stage=stage, date=_day(limit))
        raise EventRefused(message, "new_date")


def _facts_error_words(exc: FactsError, facts: Facts) -> EventRefused:
    if exc.problem == "is before" and exc.other in FACT_WORDS:
        return _before(exc.other, getattr(facts, exc.other))
    return EventRefused(_("That does not fit what has already happened on this case."))


def record(complaint: Complaint, kind: str, occurred_on: date, actor: str, today: date, *,
           staff_id: int | None = None, data: dict | None = None,
           expected_version: int | None = None) -> CaseEvent:
    """Append an event to the case, after checking it makes sense; refresh the deadlines.

    `expected_version` is the version of the case the person was shown: if the case has
    changed since, CaseChanged is raised. Nothing is committed here (see save()).
    """
    if expected_version is not None and expected_version != complaint.version:
        raise CaseChanged()
    data = data or {}
    problem = out_of_order(complaint, kind, data.get("stage"), occurred_on)
    if problem:
        raise EventRefused(problem)
    facts = facts_for(complaint)
    _check_dates(complaint, kind, occurred_on, today, facts)
    if kind == "extension_agreed":
        _check_extension(complaint, occurred_on, today, data, facts)
    candidate = CaseEvent(kind=kind, occurred_on=occurred_on, actor=actor, staff_id=staff_id, data=data,
                          visible_to_resident=kind not in INTERNAL)
    events = [*complaint.events, candidate]
    new_facts = facts_for(complaint, events)
    try:
        milestones(complaint, facts=new_facts)
    except FactsError as exc:
        raise _facts_error_words(exc, new_facts) from exc
    complaint.events.append(candidate)
    if kind in ("refused", "closed"):
        complaint.status = "refused" if kind == "refused" else "closed"
    elif kind == "escalated":
        complaint.stage = 2
    refresh_deadlines(complaint)
    # Every event writes the complaint's row, so its version moves on and a form drawn from the
    # case before this event is refused (even a note, which changes no date).
    flag_modified(complaint, "deadlines")
    db.session.add(candidate)
    return candidate


def save() -> None:
    """Commit an event. If another write to the case landed first, undo this one and refuse."""
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise CaseChanged() from None


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
