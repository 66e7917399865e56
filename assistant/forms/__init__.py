"""One WTForms form per step of the journey, looked up by the step's id."""

from __future__ import annotations

from ..dialogue.engine import Step
from ..dialogue.exclusion_flags import EXCLUSION_STEP_PREFIX
from . import about_you, assisted_wording, contact, exclusions, intake, outcome, problem, support
from .base import Form, FormContext, StepForm

FORMS: dict[str, type[StepForm]] = {
    "how-it-came-in": intake.HowItCameInForm,
    "who-is-complaining": about_you.WhoIsComplainingForm,
    "advocate-details": about_you.AdvocateDetailsForm,
    "resident-details": about_you.ResidentDetailsForm,
    "permission": about_you.PermissionForm,
    "danger": problem.DangerForm,
    "emergency": problem.EmergencyForm,
    "what-went-wrong": problem.WhatWentWrongForm,
    "when-it-started": problem.WhenItStartedForm,
    "what-it-affected": problem.WhatItAffectedForm,
    "reported-before": problem.ReportedBeforeForm,
    "service-request": problem.ServiceRequestForm,
    "exclusion-result": exclusions.ExclusionResultForm,
    "outcome": outcome.OutcomeForm,
    "adjustments": support.AdjustmentsForm,
    "contact-details": contact.ContactDetailsForm,
    "contact-preference": contact.ContactPreferenceForm,
}


def form_class(step: Step) -> type[StepForm]:
    if step.id.startswith(EXCLUSION_STEP_PREFIX) and step.id != "exclusion-result":
        return exclusions.ExclusionQuestionForm
    return FORMS[step.id]


def build_form(step: Step, context: FormContext, formdata=None, saved=None, meta=None) -> StepForm:
    """The step's form, filled from what was posted, or else from what was saved, and worded for
    whoever is filling it in."""
    form = form_class(step)(formdata=formdata, data=saved or {}, meta=meta or {})
    form.configure(context)
    if context.assisted:
        assisted_wording.apply(form, step.id)
    return form


__all__ = ["FORMS", "FormContext", "StepForm", "build_form", "form_class"]
