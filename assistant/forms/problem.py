"""What went wrong: danger first, then their own words, when, what it affected, and whether
it is a complaint or a first report (a service request)."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import DataRequired, InputRequired, Optional

from .base import StepForm
from .fields import Checkboxes, DateInput, LongText, Radios, Text

DESCRIPTION_LIMIT = 3000


class DangerForm(StepForm):
    question = _l("Is anyone in danger now?")
    heading_field = "danger"
    danger = Radios(_l("Is anyone in danger now?"), choices=[("yes", _l("Yes")), ("no", _l("No"))],
                    description=_l("For example, you can smell gas, there is a fire, water is coming in, electrics are unsafe, or serious damp and mould is making someone ill."),
                    validators=[InputRequired(_l("Select yes if anyone is in danger now"))])


class EmergencyForm(StepForm):
    """An interruption page: the emergency contacts, then a way on to the complaint."""

    question = _l("Get help now")
    submit_label = _l("Continue with my complaint")

    def answers(self):
        return {"seen": "yes"}


class WhatWentWrongForm(StepForm):
    question = _l("What went wrong?")
    heading_field = "description"
    description = LongText(_l("What went wrong?"), max_length=DESCRIPTION_LIMIT,
                           description=_l("Tell us in your own words. You do not need to use the word “complaint”. Include what happened, who was involved and anything you have already tried."),
                           validators=[DataRequired(_l("Enter what went wrong"))])

    def configure(self, context):
        super().configure(context)
        if context.for_someone_else:
            self.description.description = _l("Tell us in your own words what went wrong for the resident. Include what happened, who was involved and anything already tried.")


class WhenItStartedForm(StepForm):
    question = _l("When did it start?")
    started_on = DateInput(_l("When did it start?"), error_name=_l("The date it started"), description=_l("For example, 27 3 2026. If you do not know the exact day, give your best guess."))
    ongoing = Radios(_l("Is it still happening?"), choices=[("yes", _l("Yes")), ("no", _l("No"))],
                     validators=[InputRequired(_l("Select yes if it is still happening"))])
    # The 12 months a complaint is normally made within run from when the problem happened, or
    # when the resident found out (the Code, 5.1 and 5.2): for a problem that went on for years
    # and stopped last month, the start is the wrong date to count from.
    stopped_on = DateInput(_l("If it has stopped, when did it last happen? (optional)"),
                           error_name=_l("The date it last happened"),
                           description=_l("If you only found out about it later, give the date you found out."))

    def validate(self, extra_validators=None):
        # DateInput reads three boxes, so InputRequired (which reads raw input) cannot see them.
        ok = super().validate(extra_validators)
        if not any(self.started_on.parts.values()) and not self.started_on.errors:
            self.started_on.errors = [_l("Enter when it started")]
            ok = False
        started, stopped = self.started_on.data, self.stopped_on.data
        if started and stopped and stopped < started and not self.stopped_on.errors:
            self.stopped_on.errors = [_l("The date it last happened must be the same as or after the date it started")]
            ok = False
        return ok


class WhatItAffectedForm(StepForm):
    question = _l("What has it affected?")
    heading_field = "affected"
    affected = Checkboxes(_l("What has it affected?"), choices=[
        ("home", _l("The home")),
        ("health", _l("Health or wellbeing")),
        ("money", _l("Money")),
        ("family", _l("Family or household")),
        ("safety", _l("Safety")),
        ("work", _l("Work, school or college")),
        ("something-else", _l("Something else")),
    ], description=_l("Select all that apply."), validators=[InputRequired(_l("Select what it has affected"))])
    affected_other = Text(_l("What else has it affected? (optional)"), validators=[Optional()])


class ReportedBeforeForm(StepForm):
    question = _l("Have you reported this to %(landlord)s before?")
    heading_field = "reported"
    reported = Radios(_l("Have you reported this before?"), choices=[
        ("yes", _l("Yes, and I am unhappy with how it has been dealt with")),
        ("no", _l("No, this is the first time I am telling them")),
        ("not-sure", _l("I am not sure")),
    ], validators=[DataRequired(_l("Select whether you have reported this before"))])

    def configure(self, context):
        super().configure(context)
        self.reported.label.text = _l("Have you reported this to %(landlord)s before?", landlord=context.landlord.name)

    @property
    def heading(self):
        return str(self.reported.label.text)


class ServiceRequestForm(StepForm):
    """Explains a service request versus a complaint; the resident decides, and may complain."""

    question = _l("This may be a service request")
    heading_field = "choice"
    choice = Radios(_l("What would you like to do?"), choices=[
        ("complain", _l("Carry on with my complaint")),
        ("report-instead", _l("Report it as a repair or service request instead")),
    ], validators=[InputRequired(_l("Select what you would like to do"))])
