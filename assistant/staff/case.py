"""One case: /<slug>/staff/complaints/<reference>.

The page shows everything the resident gave (their reasonable adjustments and contact
preferences first), the same timeline the resident sees, every event with who recorded it and
when, and the actions that make sense for the case now. Each action is its own URL,
/<slug>/staff/complaints/<reference>/<action>: GET opens its form on the case page, POST records
the event through assistant.casework (which refuses what makes no sense) and redirects back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import casework, clock
from ..dialogue import build_journey
from ..extensions import db
from ..forms import FormContext
from ..models import CaseEvent, Complaint
from ..resident.summary import Row, sections
from ..resident.timeline_words import entries, long_date
from .access import current_staff, login_required
from .auth import bp
from .caseload import CHANNEL_WORDS
from .event_forms import ASKED_BY_WORDS, BY_ACTION, BY_KIND, EXCLUSION_NAMES, EventForm, today_and_version
from .models import StaffMember, as_utc

# Events as staff see them in the case's history.
EVENT_TITLES = {
    "acknowledged": _l("Acknowledged"),
    "extension_agreed": _l("Extension agreed"),
    "refused": _l("Refused: not accepted as a complaint"),
    "stage1_response": _l("Stage 1 answer sent"),
    "escalated": _l("Stage 2 asked for"),
    "stage2_acknowledged": _l("Stage 2 acknowledged"),
    "stage2_response": _l("Final answer sent (stage 2)"),
    "closed": _l("Closed"),
    "note": _l("Internal note"),
}
# Which answers go where on the page (the rest are shown as the resident's sections).
SUPPORT_STEPS = ("adjustments", "contact-preference")
WHO_STEPS = ("who-is-complaining", "advocate-details", "resident-details", "permission", "contact-details")


def case_or_404(reference: str) -> Complaint:
    """This landlord's complaint with that reference; another landlord's is simply not found."""
    complaint = db.session.execute(db.select(Complaint).where(
        Complaint.reference == reference.strip().upper(), Complaint.landlord == g.landlord.slug)).scalar_one_or_none()
    if complaint is None:
        abort(404)
    return complaint


@bp.route("/complaints/<reference>")
@login_required
def case(reference):
    return show(case_or_404(reference))


@bp.route("/complaints/<reference>/<action>", methods=["GET", "POST"])
@login_required
def act(reference, action):
    complaint = case_or_404(reference)
    form_class = BY_ACTION.get(action)
    if form_class is None:
        abort(404)
    if request.method == "GET" and form_class.kind not in casework.possible_events(complaint, clock.today()):
        flash(casework.out_of_order(complaint, form_class.kind, complaint.stage, clock.today()) or _("That cannot be done now."))
        return redirect(url_for(".case", reference=complaint.reference))
    # A new form starts at today, on this version of the case; a posted one has only what was sent.
    form = form_class(data=today_and_version(complaint) if request.method == "GET" else None)
    form.configure(g.landlord, complaint, form_context(complaint))
    if form.validate_on_submit():
        try:
            casework.record(complaint, form.kind, form.occurred_on.data, "staff", clock.today(),
                            staff_id=current_staff().id, data=form.event_data(complaint),
                            expected_version=form.expected_version())
            casework.save()
        except casework.EventRefused as refusal:
            db.session.rollback()  # nothing of it is kept
            form.refuse(str(refusal), refusal.field)
        else:
            flash(str(form.done))
            return redirect(url_for(".case", reference=complaint.reference))
    elif request.method == "POST" and form.expected_version() != complaint.version:
        form.refuse(_(casework.CHANGED))
    # The page now shows the case as it is, so the form carries the version shown.
    form.version.data = str(complaint.version)
    return show(complaint, form)


def form_context(complaint: Complaint) -> dict:
    """What a form's wording needs from the case: where an extension stands."""
    if casework.out_of_order(complaint, "extension_agreed", complaint.stage):
        return {}
    current, limit = casework.extension_limits(casework.milestones(complaint), casework.facts_for(complaint),
                                               complaint.stage)
    return {"extension": {"current": long_date(current), "limit": long_date(limit)}}


@dataclass
class EventRow:
    event: CaseEvent
    title: str
    who: str
    recorded: str  # when it was recorded, in UK time


def staff_emails(complaint: Complaint) -> dict[int, str]:
    """The email of each member of staff who entered the complaint or recorded an event on it."""
    ids = {e.staff_id for e in complaint.events if e.staff_id} | {complaint.entered_by} - {None}
    query = db.select(StaffMember.id, StaffMember.email).where(StaffMember.id.in_(ids))
    return dict(db.session.execute(query).all()) if ids else {}


def staff_email(emails: dict[int, str], staff_id: int) -> str:
    return emails.get(staff_id) or _("a member of staff whose account has gone")


def event_rows(complaint: Complaint, emails: dict[int, str]) -> list[EventRow]:
    rows = []
    for e in complaint.events:
        if e.actor == "staff":
            who = staff_email(emails, e.staff_id)
        elif e.actor == "resident":
            who = _("the resident, on their complaint page")
        else:
            who = _("the system")
        rows.append(EventRow(e, str(EVENT_TITLES.get(e.kind, e.kind)), who, uk_time(e.recorded_at)))
    return rows


def uk_time(moment: datetime) -> str:
    return format_datetime(as_utc(moment).astimezone(clock.LONDON), "d MMMM y 'at' HH:mm", rebase=False)


def split_answers(all_sections) -> tuple[list[Row], list[Row], list[Row], list[tuple[str, list[Row]]]]:
    """The resident's answers as words: support and contact preferences, who is complaining,
    the exclusion questions, and the rest in the resident's own sections."""
    support, who, exclusions, rest = [], [], [], []
    for title, rows in all_sections:
        others = []
        for row in rows:
            if row.step_id in SUPPORT_STEPS:
                support.append(row)
            elif row.step_id in WHO_STEPS:
                who.append(row)
            elif row.step_id.startswith("exclusion-"):
                exclusions.append(row)
            else:
                others.append(row)
        if others:
            rest.append((title, others))
    order = {step: n for n, step in enumerate(SUPPORT_STEPS)}
    return sorted(support, key=lambda r: order[r.step_id]), who, exclusions, rest


def show(complaint: Complaint, form: EventForm | None = None):
    today = clock.today()
    found = casework.milestones(complaint, today=today)
    route = build_journey(g.landlord, complaint.received_on)
    ctx = FormContext(g.landlord, complaint.answers, {}, complaint.received_on)
    support, who, exclusion_rows, rest = split_answers(sections(route, ctx))
    possible = [BY_KIND[kind] for kind in casework.possible_events(complaint, clock.today())]
    extra = {"form": form} if form is not None else {}
    emails = staff_emails(complaint)
    return render_template(
        "staff/case.html", complaint=complaint, today=today, timeline=entries(found, g.landlord.name),
        came_in=CHANNEL_WORDS.get(complaint.channel, complaint.channel),
        entered_by=staff_email(emails, complaint.entered_by) if complaint.entered_by else None,
        events=event_rows(complaint, emails), support=support, who=who, exclusion_rows=exclusion_rows, sections=rest,
        flags=complaint.exclusion_flags or [], permission=(complaint.answers.get("permission") or {}).get("permission"),
        actions=[(f.action, f.title) for f in possible], open_action=form.action if form else None,
        exclusion_names=EXCLUSION_NAMES, asked_by=ASKED_BY_WORDS, **extra)
