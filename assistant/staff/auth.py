"""Staff sign-in and sign-out at /<slug>/staff/, and a home page that says who is signed in."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import utcnow
from ..resident import add_landlord, load_landlord
from . import accounts, throttle
from .access import current_staff, end, login_required, safe_next, start
from .forms import SignInForm, SignOutForm
from .models import StaffMember

bp = Blueprint("staff", __name__, url_prefix="/<landlord_slug>/staff")
bp.url_value_preprocessor(load_landlord)
bp.url_defaults(add_landlord)

__all__ = ["bp", "current_staff", "login_required"]


@bp.after_request
def staff_only(response):
    # Staff pages show residents' details: no copies in caches or the back button after sign-out,
    # and nothing for a search engine (the header covers what has no <meta>, such as a redirect).
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@bp.context_processor
def staff_globals():
    staff = current_staff()
    return {"staff": staff, "sign_out_form": SignOutForm() if staff else None}


@bp.route("/", methods=["GET", "POST"])
def sign_in():
    if request.method == "GET" and current_staff() is not None:
        return redirect(url_for(".home"))
    form = SignInForm()
    if form.validate_on_submit():
        member = check_credentials(form)
        if member is not None:
            start(member)
            return redirect(safe_next(request.args.get("next")) or url_for(".home"))
    form.password.data = ""  # never sent back to the browser
    return render_template("staff/sign-in.html", form=form)


def check_credentials(form: SignInForm) -> StaffMember | None:
    """The account, or None with the reason added to the form: too many tries, or the one
    message that does not say whether the email address has an account."""
    slug, address = g.landlord.slug, request.remote_addr or "unknown"
    email = accounts.lookup_email(form.email.data)
    if throttle.locked(slug, email, address):
        form.refuse(_("You have tried to sign in too many times. Wait %(minutes)s minutes, then try again.",
                      minutes=int(throttle.LOCKOUT.total_seconds() // 60)))
        return None
    throttle.slow_down(slug, email, address)
    member = accounts.authenticate(slug, email, form.password.data)
    if member is None:
        throttle.record_failure(slug, email, address)
        form.refuse(_("Enter a correct email address and password"))
        return None
    throttle.clear(slug, email)
    member.last_sign_in_at = utcnow()
    db.session.commit()
    return member


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    if not SignOutForm().validate_on_submit():
        if current_staff() is not None:
            flash(_("You are still signed in: the page had timed out. Try signing out again."))
        return redirect(url_for(".home"))
    end()
    flash(_("You have signed out"))
    return redirect(url_for(".sign_in"))


@bp.route("/home")
@login_required
def home():
    return render_template("staff/home.html", idle_minutes=current_app.config["STAFF_IDLE_MINUTES"])
