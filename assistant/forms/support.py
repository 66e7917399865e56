"""Reasonable adjustments (Equality Act 2010) and how the landlord should contact them."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired, Optional

from .base import StepForm
from .fields import Checkboxes, LongText, Text

# choice -> the follow-up field it needs
NEEDS_DETAIL = {
    "interpreter": ("interpreter_language", _l("Enter which language the interpreter should speak")),
    "translation": ("translation_language", _l("Enter which language letters should be in")),
    "support-worker": ("support_worker", _l("Enter the support worker’s name and how to reach them")),
}


class AdjustmentsForm(StepForm):
    question = _l("Do you need any support or changes to how we deal with you?")
    needs = Checkboxes(_l("Do you need any support or changes to how we deal with you?"), choices=[
        ("large-print", _l("Large print")),
        ("audio", _l("Audio")),
        ("easy-read", _l("Easy read")),
        ("braille", _l("Braille")),
        ("bsl", _l("British Sign Language (BSL) interpreter")),
        ("interpreter", _l("An interpreter for another spoken language")),
        ("translation", _l("Letters in another language")),
        ("support-worker", _l("Contact through my support worker")),
        ("home-visit", _l("A home visit")),
        ("more-time", _l("More time to reply")),
        ("none", _l("No, I do not need any of these")),
    ], exclusive="none", description=_l("Select all that apply. The landlord must make reasonable adjustments under the Equality Act 2010."),
        validators=[InputRequired(_l("Select the support you need, or select “No, I do not need any of these”"))])
    interpreter_language = Text(_l("Which spoken language?"), validators=[Optional()])
    translation_language = Text(_l("Which language should letters be in?"), validators=[Optional()])
    support_worker = Text(_l("Support worker’s name and how to reach them"), validators=[Optional()])
    times_to_avoid = LongText(_l("Are there times we should not contact you? (optional)"), max_length=300,
                              description=_l("For example, not before 10am, or not on Fridays."), validators=[Optional()])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        for choice, (name, message) in NEEDS_DETAIL.items():
            field = self[name]
            if choice in (self.needs.data or []) and not field.data and not field.errors:
                field.errors = [message]
                ok = False
        return ok
