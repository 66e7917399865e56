"""Assisted digital: a member of staff takes a complaint by phone, letter or in person and enters
it through the very same dialogue, registered a second time under /<slug>/staff/new/.

This module holds the few things that differ: who may use it, the words its pages use, the day
the complaint counts from, and how the resident gets their private link (by the way they chose to
be contacted, or a letter).
"""

from __future__ import annotations

from datetime import date

from flask import g, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import clock, mail
from ..forms import assisted_wording
from ..forms.contact_checks import is_mobile
from ..models import Complaint
from ..staff.access import current_staff, login_required
from ..staff.auth import staff_only

NAME = "assisted"  # the second registration's name: endpoints are "assisted.step" and so on


def is_assisted() -> bool:
    return request.blueprint == NAME


def guard():
    """before_request: only signed-in staff of this landlord may use the assisted registration."""
    if is_assisted():
        return login_required(lambda: None)()
    return None


def private(response):
    """after_request: the assisted pages show a resident's details, as staff pages do."""
    return staff_only(response) if is_assisted() else response


def template_context() -> dict:
    """context_processor: whether staff are entering the complaint and, if so, their words for
    the pages the forms do not word (the check and save pages, why an exclusion may apply)."""
    if not is_assisted():
        return {"assisted": False, "staff_words": {}}
    return {"assisted": True, "staff_words": assisted_wording.PAGES,
            "exclusion_reason": assisted_wording.exclusion_reason}


def staff_id() -> int | None:
    staff = current_staff() if is_assisted() else None
    return staff.id if staff else None


def received_on(answers: dict) -> date:
    """The day the complaint counts as received: today online; the day staff say it came in."""
    intake = answers.get("how-it-came-in") or {}
    if is_assisted() and intake.get("received_on"):
        return date.fromisoformat(intake["received_on"])
    return clock.today()


def resident_locale(answers: dict, current: str) -> str:
    """The resident's language: the one they used online, or the one staff asked them for."""
    if is_assisted():
        return (answers.get("how-it-came-in") or {}).get("language") or "en"
    return current


def channel(answers: dict) -> str:
    return (answers.get("how-it-came-in") or {}).get("channel", "online") if is_assisted() else "online"


def contact_for(answers: dict) -> dict:
    """The details of whoever should be contacted: the resident, or the advocate acting for them."""
    return answers.get("contact-details") or answers.get("advocate-details") or {}


def postal_address(answers: dict) -> str:
    """Where a letter goes: the contact's address, else the resident's."""
    return contact_for(answers).get("address") or (answers.get("resident-details") or {}).get("address", "")


def deliver_link(complaint: Complaint, token: str) -> str:
    """Send the resident their private link by the way they chose: "email", "text", "letter" when
    staff must post it, or "unsent" when nothing can carry it.

    A phone call cannot carry a link, so a caller who chose phone gets a text where they gave a
    mobile, else a letter; with only a landline and no address, staff read out the reference and
    say how to find the complaint with it instead."""
    answers = complaint.answers
    method = (answers.get("contact-preference") or {}).get("method")
    details = contact_for(answers)
    link = url_for("complaint.show", landlord_slug=complaint.landlord, token=token, _external=True)
    with force_locale(complaint.locale):  # the resident's language, not the member of staff's
        body = render_template("email/lodged.txt", complaint=complaint, link=link)
        subject = _("Your complaint to %(landlord)s: %(reference)s", landlord=g.landlord.name,
                    reference=complaint.reference)
    if method == "email" and details.get("email"):
        mail.send(details["email"], subject, body)
        return "email"
    if method in ("text", "phone") and is_mobile(details.get("phone", "")):
        mail.send_text(details["phone"], body)
        return "text"
    return "letter" if postal_address(answers) else "unsent"
