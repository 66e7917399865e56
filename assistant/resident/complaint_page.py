"""The resident's own complaint page, reached only through its private link."""

from __future__ import annotations

from flask import Blueprint, abort, g, render_template

from .. import clock
from ..dialogue import build_journey
from ..extensions import db
from ..forms import FormContext
from ..models import AccessLink, Complaint, token_hash
from . import add_landlord, load_landlord
from .summary import sections

bp = Blueprint("complaint", __name__, url_prefix="/<landlord_slug>/complaint")
bp.url_value_preprocessor(load_landlord)
bp.url_defaults(add_landlord)


def by_token(token: str) -> Complaint:
    # The token, not the reference, opens a complaint; a wrong one is a plain "not found".
    complaint = db.session.execute(
        db.select(Complaint).join(AccessLink)
        .where(AccessLink.token_hash == token_hash(token), Complaint.landlord == g.landlord.slug)
    ).scalar_one_or_none()
    if complaint is None:
        abort(404)
    return complaint


@bp.route("/<token>")
def show(token):
    complaint = by_token(token)
    route = build_journey(g.landlord, complaint.received_on)
    ctx = FormContext(g.landlord, complaint.answers, {}, complaint.received_on)
    return render_template("complaint.html", complaint=complaint, sections=sections(route, ctx), today=clock.today())
