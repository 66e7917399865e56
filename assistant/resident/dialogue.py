"""The resident's complaint dialogue: one URL per question, the same beats for every step.

guard (may this step be shown yet?) -> load the saved answers -> build the form -> on POST
validate and save -> redirect to the next step (Post/Redirect/Get). The route itself lives in
the journey (assistant.dialogue); this module only connects it to HTTP.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from wtforms import StringField
from wtforms.validators import InputRequired

from .. import mail
from ..dialogue import build_journey
from ..dialogue.exclusion_flags import flags
from ..extensions import db
from ..forms import Form, FormContext, build_form
from ..forms.contact_checks import optional_email
from ..casework import refresh_deadlines
from ..models import AccessLink, Complaint, token_hash
from ..references import new_reference, new_token
from . import add_landlord, assisted, drafts, load_landlord
from .summary import invalid_steps, sections

bp = Blueprint("dialogue", __name__, url_prefix="/<landlord_slug>")
bp.url_value_preprocessor(load_landlord)
bp.url_defaults(add_landlord)
bp.before_request(assisted.guard)
bp.after_request(assisted.private)
bp.context_processor(assisted.template_context)


def lodged_key() -> str:
    return "assisted_lodged" if assisted.is_assisted() else "lodged"


def journey(answers):
    return build_journey(g.landlord, assisted.received_on(answers), assisted.is_assisted())


def answers_now():
    draft = drafts.current(g.landlord)
    return draft, (dict(draft.answers) if draft else {})


def context(answers, params=None) -> FormContext:
    return FormContext(g.landlord, answers, dict(params or {}), assisted.received_on(answers), assisted.is_assisted())


def step_url(step, back_to_check=False):
    return url_for(".step", step_id=step.id, **({"return": "check"} if back_to_check else {}))


@bp.route("/")
def start():
    first = journey({}).steps[0]
    return render_template("staff/assisted-start.html" if assisted.is_assisted() else "start.html", first_step=first)


@bp.route("/complain/<step_id>", methods=["GET", "POST"])
def step(step_id):
    draft, answers = answers_now()
    route = journey(answers)
    current_step = route.get(step_id) or abort(404)
    back_to_check = request.args.get("return") == "check"
    if not route.may_show(step_id, answers):
        return out_of_order(route, answers)

    ctx = context(answers, current_step.params)
    if request.method == "POST":
        form = build_form(current_step, ctx, formdata=request.form)
        valid = form.validate()
        if not form.csrf_token.errors:
            if form.save_later.data:
                draft = drafts.current_or_new(g.landlord, str(get_locale()), assisted.staff_id())
                if valid:
                    draft.set_answer(step_id, form.answers())
                else:
                    draft.set_unchecked(step_id, form.typed())
                db.session.commit()
                return redirect(url_for(".save"))
            if valid:
                draft = drafts.current_or_new(g.landlord, str(get_locale()), assisted.staff_id())
                draft.set_answer(step_id, form.answers())
                db.session.commit()
                return redirect(after(route, step_id, dict(draft.answers), back_to_check))
    else:
        unchecked = (draft.unchecked or {}).get(step_id) if draft else None
        form = build_form(current_step, ctx, saved=unchecked or answers.get(step_id))
        if unchecked:
            form.show_problems()

    previous = route.previous_step(step_id, answers)
    back = url_for(".check") if back_to_check else (step_url(previous) if previous else url_for(".start"))
    return render_template(f"steps/{template_name(step_id)}.html", form=form, step=current_step, back=back,
                           flags=flags(g.landlord, answers, assisted.received_on(answers)), answers=answers)


def template_name(step_id: str) -> str:
    return "exclusion-question" if step_id.startswith("exclusion-") and step_id != "exclusion-result" else step_id


def after(route, step_id, answers, back_to_check):
    """Where a saved answer leads: the stop page, the next question, or the check page."""
    if route.stopped_at(answers):
        return url_for(".stopped")
    if back_to_check:
        missing = route.first_unanswered(answers)
        return step_url(missing, back_to_check=True) if missing else url_for(".check")
    following = route.next_step(step_id, answers)
    return step_url(following) if following else url_for(".check")


def out_of_order(route, answers):
    """A step opened before its turn (a bookmark, a stale tab): go to the question that is next."""
    if not answers and not drafts.resume_token(g.landlord) and request.method == "POST":
        # The session has gone (cookies cleared, a new browser): say so, and how to get back.
        return render_template("session-ended.html"), 400
    stopped = route.stopped_at(answers)
    if stopped:
        return redirect(url_for(".stopped"))
    missing = route.first_unanswered(answers)
    if missing is None:
        return redirect(url_for(".check"))
    if answers:
        flash(_("Answer this question first. Your other answers are saved."))
    return redirect(step_url(missing))


@bp.route("/complain/stopped")
def stopped():
    draft, answers = answers_now()
    route = journey(answers)
    at = route.stopped_at(answers)
    if at is None:
        return redirect(url_for(".start"))
    return render_template("stopped.html", stopped_at=at, flags=flags(g.landlord, answers, assisted.received_on(answers)),
                           change=step_url(at), back=step_url(at))


class LodgeForm(Form):
    """The check page's button: a form of its own so that lodging is CSRF-protected too."""

    csrf_message = _l("This page timed out or was sent from somewhere else, so your complaint has not been sent "
                      "yet. Check your answers, then send it.")


@bp.route("/complain/check", methods=["GET", "POST"])
def check():
    draft, answers = answers_now()
    route = journey(answers)
    if draft is None:
        lodged = session.get(lodged_key(), {}).get(g.landlord.slug)
        return redirect(url_for(".sent") if lodged else url_for(".start"))
    if not route.is_complete(answers):
        return out_of_order(route, answers)
    ctx = context(answers)
    form = LodgeForm()
    if form.validate_on_submit():
        bad = invalid_steps(route, ctx)
        if bad:
            flash(_("Check this answer before you send your complaint."))
            return redirect(step_url(route.get(bad[0]), back_to_check=True))
        return lodge(route, draft)
    return render_template("check.html", form=form, sections=sections(route, ctx),
                           back=step_url(route.path(answers)[-1]))


def lodge(route, draft):
    """Lodge the complaint exactly once: the database's unique draft_id is the final guard."""
    existing = db.session.execute(db.select(Complaint).where(Complaint.draft_id == draft.id)).scalar_one_or_none()
    if existing is not None:
        return redirect(url_for(".sent"))
    answers = route.relevant_answers(draft.answers)
    today = assisted.received_on(answers)
    token = new_token()
    for _attempt in range(5):
        complaint = Complaint(
            reference=new_reference(g.landlord.reference_prefix), landlord=g.landlord.slug, draft_id=draft.id,
            answers=answers, exclusion_flags=flags(g.landlord, answers, today), nation=g.landlord.nation,
            locale=assisted.resident_locale(answers, str(get_locale())), received_on=today, status="open", stage=1,
            resident_name=resident_name(answers), channel=assisted.channel(answers), entered_by=assisted.staff_id())
        refresh_deadlines(complaint)
        db.session.add(complaint)
        db.session.add(AccessLink(complaint=complaint, token_hash=token_hash(token)))
        try:
            db.session.commit()
            break
        except IntegrityError:
            db.session.rollback()
            if db.session.execute(db.select(Complaint.id).where(Complaint.draft_id == draft.id)).first():
                return redirect(url_for(".sent"))  # the other click won: show its confirmation
    else:
        abort(500)
    delivery = assisted.deliver_link(complaint, token) if assisted.is_assisted() else None
    session[lodged_key()] = {**session.get(lodged_key(), {}),
                             g.landlord.slug: {"id": complaint.id, "token": token, "delivery": delivery}}
    drafts.forget(g.landlord)
    email = contact_email(answers)
    if email and not assisted.is_assisted():
        link = url_for("complaint.show", token=token, _external=True)
        mail.send(email, _("Your complaint to %(landlord)s: %(reference)s", landlord=g.landlord.name, reference=complaint.reference),
                  render_template("email/lodged.txt", complaint=complaint, link=link))
    return redirect(url_for(".sent"))


def resident_name(answers) -> str:
    details = answers.get("contact-details") or answers.get("resident-details") or {}
    return details.get("name", "")


def contact_email(answers) -> str | None:
    details = answers.get("contact-details") or answers.get("advocate-details") or {}
    return details.get("email") or None


@bp.route("/complain/sent")
def sent():
    lodged, complaint = lodged_complaint()
    if complaint is None:
        return redirect(url_for(".start"))
    acknowledge_by = date.fromisoformat(complaint.deadlines["stage1_acknowledge_by"])
    return render_template("staff/assisted-sent.html" if assisted.is_assisted() else "sent.html",
                           complaint=complaint, acknowledge_by=acknowledge_by, delivery=lodged.get("delivery"),
                           link=url_for("complaint.show", token=lodged["token"], _external=True),
                           email=contact_email(complaint.answers))


def lodged_complaint():
    lodged = session.get(lodged_key(), {}).get(g.landlord.slug)
    return lodged, (db.session.get(Complaint, lodged["id"]) if lodged else None)


@bp.route("/complain/letter")
def letter():
    """A letter to post to the resident (staff only): their reference, private link and what happens next."""
    lodged, complaint = lodged_complaint()
    if complaint is None or not assisted.is_assisted():
        abort(404)
    with force_locale(complaint.locale):  # the letter is in the resident's language
        return render_template("letters/lodged.html", complaint=complaint, contact=assisted.contact_for(complaint.answers),
                               address=assisted.postal_address(complaint.answers),
                               acknowledge_by=date.fromisoformat(complaint.deadlines["stage1_acknowledge_by"]),
                               link=url_for("complaint.show", token=lodged["token"], _external=True),
                               back=url_for(".sent"))


class SendLinkForm(Form):
    csrf_message = _l("This page timed out or was sent from somewhere else, so we did not send the link. "
                      "Check the email address and send it again.")

    email = StringField(_l("Email address"), validators=[InputRequired(_l("Enter an email address")), optional_email])


@bp.route("/complain/save", methods=["GET", "POST"])
def save():
    token = drafts.resume_token(g.landlord)
    draft = drafts.current(g.landlord)
    if draft is None:
        return redirect(url_for(".start"))
    link = url_for(".resume", token=token, _external=True)
    form = SendLinkForm()
    sent_to = None
    if form.validate_on_submit():
        mail.send(form.email.data, _("Your saved complaint to %(landlord)s", landlord=g.landlord.name),
                  render_template("email/resume.txt", link=link))
        sent_to = form.email.data
    next_step = continue_url(draft)
    return render_template("save.html", link=link, form=form, sent_to=sent_to, next_step=next_step, back=next_step)


def continue_url(draft):
    answers = dict(draft.answers)
    route = journey(answers)
    if route.stopped_at(answers):
        return url_for(".stopped")
    missing = route.first_unanswered(answers)
    return step_url(missing) if missing else url_for(".check")


@bp.route("/complain/resume/<token>")
def resume(token):
    draft = drafts.by_token(g.landlord, token)
    if draft is None:
        abort(404)
    lodged = db.session.execute(db.select(Complaint).where(Complaint.draft_id == draft.id)).scalar_one_or_none()
    if lodged is not None:
        return render_template("already-sent.html", complaint=lodged)
    drafts.remember(g.landlord, token)
    return redirect(continue_url(draft))
