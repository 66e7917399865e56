"""The resident's own complaint page: reached only through a private link, it shows their
timeline, what they can do at each point, their rights, and what they sent."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Response, abort, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func
from wtforms import StringField
from wtforms.validators import DataRequired, Optional

from .. import casework, clock, mail
from ..dialogue import build_journey
from ..extensions import db
from ..forms import Form, FormContext
from ..forms.fields import LongText, Text
from ..models import AccessLink, Complaint, token_hash, utcnow
from ..policy.check import check
from ..references import new_token
from . import add_landlord, calendar_file, load_landlord
from .contacts import matches_contact, resident_contacts
from .summary import sections
from .timeline_words import code_gives_you, entries

bp = Blueprint("complaint", __name__, url_prefix="/<landlord_slug>/complaint")
bp.url_value_preprocessor(load_landlord)
bp.url_defaults(add_landlord)

# Events the resident sees, in words; internal notes are never shown.
EVENT_TITLES = {
    "acknowledged": _l("Your complaint was acknowledged"),
    "extension_agreed": _l("An extension was agreed"),
    "refused": _l("%(landlord)s said it cannot take your complaint"),
    "stage1_response": _l("Stage 1 answer sent"),
    "escalated": _l("Stage 2 was asked for"),
    "stage2_acknowledged": _l("Your stage 2 request was acknowledged"),
    "stage2_response": _l("Final answer sent (stage 2)"),
    "closed": _l("Your complaint was closed"),
}


def by_token(token: str) -> Complaint:
    # The token, not the reference, opens a complaint; a wrong or expired one is a plain "not found".
    complaint = db.session.execute(
        db.select(Complaint).join(AccessLink)
        .where(AccessLink.token_hash == token_hash(token), Complaint.landlord == g.landlord.slug)
    ).scalar_one_or_none()
    if complaint is None or link_expired(complaint):
        abort(404)
    return complaint


def link_expired(complaint: Complaint) -> bool:
    """A link outlives its complaint only as long as the resident may still refer it to the
    Housing Ombudsman (ACCESS_LINK_DAYS_AFTER_END, counted from the day it was closed or refused)."""
    if complaint.status not in ("closed", "refused") or not complaint.events:
        return False
    ended_on = max(event.occurred_on for event in complaint.events if event.kind in ("closed", "refused"))
    return (clock.today() - ended_on).days > current_app.config["ACCESS_LINK_DAYS_AFTER_END"]


def shortfall_kinds(profile) -> list[str]:
    """Where the policy falls short of the Code. The check compares a year of dates, so it is
    worked out once per profile and kept (profiles do not change while the app runs)."""
    cache = current_app.extensions.setdefault("shortfalls", {})
    if profile.name not in cache:
        _loaded, code = casework.profiles()
        cache[profile.name] = [s.kind for s in check(profile, code.process)]
    return cache[profile.name]


class EscalateForm(Form):
    csrf_message = _l("This page timed out or was sent from somewhere else, so you have not asked for stage 2 yet. "
                      "Ask again.")

    reason = LongText(_l("Why are you unhappy with the stage 1 answer? (optional)"), max_length=3000,
                      description=_l("You do not have to give a reason."), validators=[Optional()])


def may_escalate(complaint: Complaint, today) -> bool:
    """Once the stage 1 answer is sent, or is late, the resident may ask for stage 2 themselves."""
    return casework.out_of_order(complaint, "escalated", on=today) is None


@bp.route("/<token>", methods=["GET", "POST"])
def show(token):
    complaint = by_token(token)
    today = clock.today()
    form = EscalateForm()
    if may_escalate(complaint, today) and form.validate_on_submit():
        try:
            casework.record(complaint, "escalated", today, "resident", today, data={"reason": form.reason.data or ""})
            casework.save()
        except casework.EventRefused:
            # Staff recorded something at the same moment: show the page as it now stands.
            flash(_("Your complaint changed while you were reading it. Check it below, then ask again."))
            return redirect(url_for(".show", token=token))
        flash(_("You have asked for stage 2. %(landlord)s will acknowledge your request.", landlord=g.landlord.name))
        return redirect(url_for(".show", token=token))
    found = casework.milestones(complaint, today=today)
    shortfalls = code_gives_you(shortfall_kinds(casework.profile_for(complaint)), g.landlord.name)
    route = build_journey(g.landlord, complaint.received_on)
    ctx = FormContext(g.landlord, complaint.answers, {}, complaint.received_on)
    events = [e for e in complaint.events if e.visible_to_resident]
    return render_template(
        "complaint.html", complaint=complaint, timeline=entries(found, g.landlord.name), events=events,
        event_titles={k: str(v) % {"landlord": g.landlord.name} for k, v in EVENT_TITLES.items()},
        shortfalls=shortfalls, sections=sections(route, ctx), token=token,
        escalate_form=form if may_escalate(complaint, today) else None, today=today)


@bp.route("/<token>/deadlines.ics")
def calendar(token):
    complaint = by_token(token)
    found = casework.milestones(complaint, today=clock.today())
    body = calendar_file.ics(complaint, entries(found, g.landlord.name), url_for(".show", token=token, _external=True))
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{complaint.reference}.ics"'})


class FindForm(Form):
    reference = Text(_l("Complaint reference"), description=_l("For example, KCLT-7K2F-9QX."),
                     validators=[DataRequired(_l("Enter your complaint reference"))])
    contact = StringField(_l("The email address or phone number you gave"),
                          validators=[DataRequired(_l("Enter the email address or phone number you gave"))])


@bp.route("/find", methods=["GET", "POST"])
def find():
    form = FindForm()
    if form.validate_on_submit():
        reference = form.reference.data.strip().upper().replace(" ", "")
        complaint = db.session.execute(db.select(Complaint).where(
            Complaint.reference == reference, Complaint.landlord == g.landlord.slug)).scalar_one_or_none()
        if complaint is not None:
            given = form.contact.data
            for kind, value in resident_contacts(complaint.answers):
                if matches_contact(kind, value, given):
                    if links_sent_today(complaint) < current_app.config["FIND_LINKS_PER_DAY"]:
                        send_new_link(complaint, kind, value)
                    break
        # The same answer whether or not anything matched, so nobody can probe for complaints.
        return render_template("find-sent.html")
    return render_template("find.html", form=form)


def links_sent_today(complaint: Complaint) -> int:
    """Links made for this complaint in the last 24 hours: "Find my complaint" stops sending after
    a few, so nobody who knows a reference and a phone number can flood the resident with texts."""
    since = utcnow() - timedelta(days=1)
    return db.session.execute(db.select(func.count(AccessLink.id)).where(
        AccessLink.complaint_id == complaint.id, AccessLink.created_at >= since)).scalar()


def send_new_link(complaint: Complaint, kind: str, value: str) -> None:
    token = new_token()
    db.session.add(AccessLink(complaint=complaint, token_hash=token_hash(token)))
    db.session.commit()
    link = url_for(".show", token=token, _external=True)
    body = render_template("email/find.txt", complaint=complaint, link=link)
    if kind == "email":
        mail.send(value, _("Your complaint to %(landlord)s: %(reference)s", landlord=g.landlord.name,
                           reference=complaint.reference), body)
    else:
        mail.send_text(value, body)
