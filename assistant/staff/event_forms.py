"""One small form for each thing staff record on a case (assistant/casework.py keeps the rules).

Every form carries the version of the case it was drawn from, in a hidden field: not an answer,
but the check that nobody else changed the case while this person was working on it.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms.validators import DataRequired, Optional

from .. import clock
from ..forms.fields import DateInput, LongText, Radios, Text
from ..resident.timeline_words import DECISIONS
from .forms import StaffForm

POINTS = 5  # rows of "point and decision" on an answer form

# The exclusions a policy may list (assistant/policy/exclusions.py), named for staff.
EXCLUSION_NAMES = {
    "time_limit": _l("Raised more than 12 months after the issue, or after the resident became aware of it"),
    "legal_proceedings": _l("Legal proceedings have started (a claim has been filed at court)"),
    "already_dealt_with": _l("Already dealt with under the complaints process"),
    "other_organisation": _l("About a service another organisation provides"),
    "policy_challenge": _l("A challenge to a law or a policy itself"),
    "insurance_claim": _l("Only about an insurance claim"),
    "staff_employment": _l("About the complainant’s own employment"),
    "another_resident": _l("About another resident’s behaviour"),
    "alternative_process": _l("Has its own process, such as antisocial behaviour or mutual exchange"),
    "serious_allegation": _l("A serious allegation for another process, such as the police or safeguarding"),
    "service_request": _l("A first request for a service, not a complaint"),
    "unreasonable_behaviour": _l("Unreasonable or vexatious behaviour"),
    "anonymous": _l("Made anonymously"),
}
# The exclusions the Code accepts, whatever a policy lists (shared/DOMAIN.md, rule 3).
CODE_EXCLUSIONS = ("time_limit", "legal_proceedings", "already_dealt_with")
# How a resident asked for stage 2 when staff record it ("online": from their complaint page).
ASKED_BY = [
    ("phone", _l("Phone call")),
    ("email", _l("Email")),
    ("letter", _l("Letter")),
    ("in-person", _l("In person")),
    ("other", _l("Another way")),
]
ASKED_BY_WORDS = dict(ASKED_BY) | {"online": _l("Online, from their complaint page")}


def when(label, hint=None):
    return DateInput(label, description=hint, validators=[DataRequired(_l("Enter the date"))])


def required(message):
    return [DataRequired(message)]


class EventForm(StaffForm):
    kind = ""  # the event it records (casework.KINDS)
    action = ""  # its URL: /<slug>/staff/complaints/<reference>/<action>
    title = _l("Record something")  # the action's heading, link and button
    done = _l("Recorded.")  # said once it is recorded

    version = HiddenField()

    def configure(self, landlord, complaint, context: dict) -> None:
        """Adjust wording and choices to this landlord and case. `context` holds what the
        case page worked out (the extension's limits)."""
        self.intro = ""

    def answer_fields(self):
        return [f for f in self if f.name not in ("csrf_token", "version")]

    def event_data(self, complaint) -> dict:
        return {}

    def expected_version(self) -> int:
        """The version of the case this form was drawn from (-1 if it did not say: changed)."""
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return -1

    def refuse(self, message: str, field: str | None = None) -> None:
        """A refusal's reason, by the answer it is about (else the first), for the error summary."""
        target = self[field] if field and field in self else self.answer_fields()[0]
        target.errors = [*target.errors, message]


class AcknowledgeForm(EventForm):
    kind, action = "acknowledged", "acknowledge"
    title = _l("Acknowledge the complaint")
    done = _l("The acknowledgement is recorded. The resident can see the complaint definition on their complaint page.")

    occurred_on = when(_l("Date acknowledged"), _l("The day the acknowledgement was sent. For example, 25 11 2026."))
    definition = LongText(_l("The complaint definition: the issues"), max_length=3000,
                          description=_l("In words the resident will read: they see it on their complaint page."),
                          validators=required(_l("Enter the issues the complaint is about")))
    outcomes = LongText(_l("The outcomes the resident wants"), max_length=3000,
                        validators=required(_l("Enter the outcomes the resident wants")))
    outside_remit = LongText(_l("Anything outside the landlord’s remit (optional)"), max_length=3000,
                             description=_l("Which parts, and why. Leave it blank if every part is within it."),
                             validators=[Optional()])

    def configure(self, landlord, complaint, context):
        super().configure(landlord, complaint, context)
        self.outside_remit.label.text = _l("Anything outside %(landlord)s’s remit (optional)", landlord=landlord.name)

    def event_data(self, complaint):
        return {"definition": self.definition.data, "outcomes": self.outcomes.data,
                "outside_remit": self.outside_remit.data or ""}


class ExtensionForm(EventForm):
    kind, action = "extension_agreed", "extend"
    title = _l("Agree an extension")
    done = _l("The extension is recorded. The resident can see the new date on their complaint page.")

    occurred_on = when(_l("Date the extension was agreed"),
                       _l("It must be agreed in writing with the resident by the deadline, with the reason, the new "
                          "date and the Housing Ombudsman’s contact details."))
    new_date = DateInput(_l("New date for the answer"), future_allowed=True,
                         validators=[DataRequired(_l("Enter the new date for the answer"))])
    reason = LongText(_l("Reason for the extension"), max_length=3000,
                      description=_l("The resident sees this on their complaint page."),
                      validators=required(_l("Enter the reason for the extension")))

    def configure(self, landlord, complaint, context):
        super().configure(landlord, complaint, context)
        limits = context.get("extension")
        if limits:
            self.intro = _l("The current deadline for the stage %(stage)s answer is %(current)s. The Complaint "
                            "Handling Code allows it to go no later than %(limit)s.", stage=complaint.stage, **limits)

    def event_data(self, complaint):
        return {"stage": complaint.stage, "new_date": self.new_date.stored, "reason": self.reason.data}


class RefuseForm(EventForm):
    kind, action = "refused", "refuse"
    title = _l("Refuse to accept the complaint")
    done = _l("The refusal is recorded. The resident is told why, and that they can take it to the Housing Ombudsman.")

    occurred_on = when(_l("Date of the decision"))
    exclusion = Radios(_l("Which exclusion applies?"), choices=[],
                       validators=required(_l("Select which exclusion applies")))
    reason = LongText(_l("Why it applies to this complaint"), max_length=3000,
                      description=_l("Judge this complaint on its own facts. The resident sees this, with their right "
                                     "to take the refusal to the Housing Ombudsman."),
                      validators=required(_l("Enter why the exclusion applies to this complaint")))

    def configure(self, landlord, complaint, context):
        super().configure(landlord, complaint, context)
        own = [e.kind for e in landlord.exclusions]
        kinds = [*CODE_EXCLUSIONS, *(k for k in own if k not in CODE_EXCLUSIONS)]
        self.exclusion.choices = [(k, EXCLUSION_NAMES.get(k, k)) for k in kinds]
        flagged = set(complaint.exclusion_flags or [])
        self.exclusion.choice_hints = {
            k: _l("The resident’s answers flagged this.") if k in flagged else _l("In %(landlord)s’s policy.",
                                                                                 landlord=landlord.name)
            for k in kinds if k in flagged or k not in CODE_EXCLUSIONS}
        self.exclusion.description = _l("The exclusions the Complaint Handling Code accepts, then any others in "
                                        "%(landlord)s’s policy.", landlord=landlord.name)

    def event_data(self, complaint):
        return {"exclusion": self.exclusion.data, "reason": self.reason.data}


def point_row(n: int):
    return (Text(_l("Point %(n)s", n=n), max_length=500, validators=[Optional()]),
            Radios(_l("Decision on point %(n)s", n=n), choices=list(DECISIONS.items()), validators=[Optional()]))


class AnswerForm(EventForm):
    kind, action = "stage1_response", "stage-1-answer"
    title = _l("Record the stage 1 answer")
    done = _l("The stage 1 answer is recorded. The resident can see it, and ask for stage 2, on their complaint page.")

    occurred_on = when(_l("Date the answer was sent"))
    point_1, decision_1 = point_row(1)
    point_2, decision_2 = point_row(2)
    point_3, decision_3 = point_row(3)
    point_4, decision_4 = point_row(4)
    point_5, decision_5 = point_row(5)
    reasons = LongText(_l("The reasons for the decisions"), max_length=6000,
                       validators=required(_l("Enter the reasons for the decisions")))
    remedy = LongText(_l("The remedy (optional)"), max_length=3000, validators=[Optional()],
                      description=_l("For example: an apology, acknowledging the fault, an explanation, putting right "
                                     "a delay, reconsidering a decision, correcting records, money, or changing a "
                                     "policy or practice."))
    actions = LongText(_l("Outstanding actions, each with the date it will be done by (optional)"), max_length=3000,
                       validators=[Optional()])

    def configure(self, landlord, complaint, context):
        super().configure(landlord, complaint, context)
        self.point_1.description = _l("One point of the complaint in each box, up to %(n)s. Leave the rest blank.",
                                      n=POINTS)

    def rows(self):
        return [(self[f"point_{n}"], self[f"decision_{n}"]) for n in range(1, POINTS + 1)]

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        for n, (point, decision) in enumerate(self.rows(), start=1):
            if point.data and not decision.data and not decision.errors:
                decision.errors = [_l("Select the decision on point %(n)s", n=n)]
                ok = False
            elif decision.data and not point.data and not point.errors:
                point.errors = [_l("Enter what point %(n)s is, or leave its decision unselected", n=n)]
                ok = False
        if not any(point.data for point, _decision in self.rows()) and not self.point_1.errors:
            self.point_1.errors = [_l("Enter at least one point of the complaint and the decision on it")]
            ok = False
        return ok

    def event_data(self, complaint):
        decisions = [{"point": p.data, "decision": d.data} for p, d in self.rows() if p.data]
        return {"decisions": decisions, "reasons": self.reasons.data, "remedy": self.remedy.data or "",
                "actions": self.actions.data or ""}


class FinalAnswerForm(AnswerForm):
    kind, action = "stage2_response", "final-answer"
    title = _l("Record the final answer (stage 2)")
    done = _l("The final answer is recorded. The resident can see it on their complaint page, with how to go to the "
              "Housing Ombudsman.")


class EscalateForm(EventForm):
    kind, action = "escalated", "escalate"
    title = _l("Record a request for stage 2")
    done = _l("The request for stage 2 is recorded. The resident can see it on their complaint page.")

    occurred_on = when(_l("Date the resident asked for stage 2"))
    by = Radios(_l("How did they ask?"), choices=ASKED_BY, validators=required(_l("Select how they asked")))
    reason = LongText(_l("Their reason (optional)"), max_length=3000, validators=[Optional()],
                      description=_l("No reason is needed to ask for stage 2."))

    def event_data(self, complaint):
        return {"reason": self.reason.data or "", "by": self.by.data}


class Stage2AcknowledgeForm(EventForm):
    kind, action = "stage2_acknowledged", "acknowledge-stage-2"
    title = _l("Acknowledge the stage 2 request")
    done = _l("The stage 2 acknowledgement is recorded. The resident can see it on their complaint page.")

    occurred_on = when(_l("Date acknowledged"))
    definition = LongText(_l("What stage 2 is about"), max_length=3000,
                          description=_l("The issues still in dispute and the outcomes the resident wants. The "
                                         "resident sees this on their complaint page."),
                          validators=required(_l("Enter what stage 2 is about")))

    def event_data(self, complaint):
        return {"definition": self.definition.data}


class CloseForm(EventForm):
    kind, action = "closed", "close"
    title = _l("Close the complaint")
    done = _l("The complaint is closed. The resident can see this on their complaint page.")

    occurred_on = when(_l("Date closed"))
    reason = LongText(_l("Why it is being closed"), max_length=3000,
                      description=_l("The resident sees this on their complaint page."),
                      validators=required(_l("Enter why the complaint is being closed")))

    def event_data(self, complaint):
        return {"reason": self.reason.data}


class NoteForm(EventForm):
    kind, action = "note", "note"
    title = _l("Add an internal note")
    done = _l("The note is added. The resident does not see notes.")

    occurred_on = when(_l("Date"), _l("The day it is about."))
    text = LongText(_l("Note"), max_length=6000, description=_l("Internal: the resident never sees notes."),
                    validators=required(_l("Enter the note")))

    def event_data(self, complaint):
        return {"text": self.text.data}


FORMS = (AcknowledgeForm, AnswerForm, ExtensionForm, EscalateForm, Stage2AcknowledgeForm, FinalAnswerForm,
         RefuseForm, CloseForm, NoteForm)
BY_ACTION = {form.action: form for form in FORMS}
BY_KIND = {form.kind: form for form in FORMS}


def today_and_version(complaint) -> dict:
    """A new form's starting values: today's date, and the version of the case it is drawn from."""
    today: date = clock.today()
    return {"occurred_on": today, "version": str(complaint.version)}
