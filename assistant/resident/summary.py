"""Answers as words, grouped by section: the check page and the resident's complaint page."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from ..dialogue.engine import Journey
from ..forms import FormContext, assisted_wording, build_form, form_class
from ..forms.fields import DateInput

SECTION_TITLES = {
    "intake": _l("How it came in"),
    "about-you": _l("About you"),
    "what-went-wrong": _l("What went wrong"),
    "exclusions": _l("Whether the landlord can take it"),
    "outcome": _l("What you would like to happen"),
    "support": _l("Support you need"),
    "contact": _l("How to contact you"),
}


@dataclass
class Row:
    step_id: str
    question: str
    answer: str
    left_to_right: bool = False


def sections(journey: Journey, context: FormContext) -> list[tuple[str, list[Row]]]:
    titles = {**SECTION_TITLES, **assisted_wording.SECTION_TITLES} if context.assisted else SECTION_TITLES
    out = []
    for section, steps in journey.sections(context.answers).items():
        rows = []
        for step in steps:
            if step.id not in context.answers:
                continue
            # Read-only: no CSRF token to make for a form nobody will post.
            form = build_form(step, context.for_step(step.params), saved=context.answers[step.id], meta={"csrf": False})
            for question, answer, left_to_right in form.summary():
                # A single-question page shows its heading, which names the landlord where needed.
                shown = form.heading if form.heading_field else question
                rows.append(Row(step.id, shown, answer, left_to_right))
        if rows:
            out.append((str(titles[section]), rows))
    return out


def as_formdata(step, saved: dict) -> MultiDict:
    """Saved answers turned back into posted form data, to re-validate a step before lodging."""
    data = MultiDict()
    fields = form_class(step)(meta={"csrf": False})
    for field in fields:
        value = saved.get(field.name)
        if isinstance(field, DateInput):
            if value:
                y, m, d = value.split("-")
                data.add(f"{field.name}-day", str(int(d)))
                data.add(f"{field.name}-month", str(int(m)))
                data.add(f"{field.name}-year", y)
        elif isinstance(value, list):
            for v in value:
                data.add(field.name, v)
        elif value is not None:
            data.add(field.name, value)
    return data


def invalid_steps(journey: Journey, context: FormContext) -> list[str]:
    """Every step on the path validated again, as if posted now ("re-validate all steps")."""
    bad = []
    for step in journey.path(context.answers):
        saved = context.answers.get(step.id)
        if saved is None:
            bad.append(step.id)
            continue
        form = build_form(step, context.for_step(step.params), formdata=as_formdata(step, saved), meta={"csrf": False})
        if not form.validate():
            bad.append(step.id)
    return bad
