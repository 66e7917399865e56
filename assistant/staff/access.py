"""Who is signed in, and the guard for staff pages.

The session holds {"id", "landlord", "since", "seen"} under "staff": the account, the landlord it
was signed in for, when it was signed in and when it was last used (seconds since the epoch). A
session is good only under its own landlord's URLs, only until STAFF_IDLE_MINUTES pass without a
staff page being opened, and only until that member of staff signs out (on any device).
"""

from __future__ import annotations

from functools import wraps

from flask import current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import utcnow
from .models import StaffMember, as_utc

KEY = "staff"


def _now() -> float:
    return utcnow().timestamp()


def start(member: StaffMember) -> None:
    """Sign in: a fresh session (nothing from before survives), not kept after the browser closes."""
    session.clear()
    now = _now()
    session[KEY] = {"id": member.id, "landlord": member.landlord, "since": now, "seen": now}
    g.staff = member


def end() -> None:
    """Sign out: this session, and any copy of it, is over."""
    member = current_staff()
    if member is not None:
        member.signed_out_at = utcnow()
        db.session.commit()
    session.pop(KEY, None)
    g.staff = None


def _ours() -> dict | None:
    """The session's staff entry, if it was signed in for this URL's landlord."""
    data = session.get(KEY)
    landlord = g.get("landlord")  # none on an error page for an unknown slug
    return data if isinstance(data, dict) and landlord and data.get("landlord") == landlord.slug else None


def _idle(data: dict) -> bool:
    limit = current_app.config["STAFF_IDLE_MINUTES"] * 60
    return _now() - float(data.get("seen", 0)) > limit


def current_staff() -> StaffMember | None:
    """The member of staff signed in for this URL's landlord, or None (not signed in, signed in
    for another landlord, idle too long, signed out since, or the account is gone). Does not
    count as activity."""
    if "staff" not in g:
        data = _ours()
        member = db.session.get(StaffMember, data.get("id")) if data and not _idle(data) else None
        g.staff = member if member is not None and _valid_for(member, data) else None
    return g.staff


def _valid_for(member: StaffMember, data: dict) -> bool:
    if member.landlord != data["landlord"]:
        return False
    return member.signed_out_at is None or float(data.get("since", 0)) > as_utc(member.signed_out_at).timestamp()


def login_required(view):
    """For staff views under /<landlord_slug>/staff: without a good session, go to sign-in (saying
    why if the session went idle); with one, the request counts as activity."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if current_staff() is None:
            data = _ours()
            if data and _idle(data):
                end()
                flash(_("You were signed out after %(minutes)s minutes without activity",
                        minutes=current_app.config["STAFF_IDLE_MINUTES"]))
            back_to = request.full_path.rstrip("?") if request.method == "GET" else None
            return redirect(url_for("staff.sign_in", next=back_to))
        session[KEY] = {**session[KEY], "seen": _now()}
        return view(*args, **kwargs)

    return guarded


def safe_next(target: str | None) -> str | None:
    """A page to return to after signing in: only this landlord's staff pages, never another site."""
    prefix = f"/{g.landlord.slug}/staff/"
    if target and target.startswith(prefix) and not any(c in target for c in "\\\r\n"):
        return target
    return None
