"""What staff record about a complaint they take for a resident: how and when it came in."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired

from ..i18n import language_name, language_name_in_english
from .base import StepForm
from .fields import DateInput, Radios

CHANNELS = [
    ("phone", _l("Phone call")),
    ("in-person", _l("In person")),
    ("letter", _l("Letter")),
    ("email", _l("Email")),
    ("social-media", _l("Social media")),
    ("councillor-or-mp", _l("From a councillor or MP")),
]


class HowItCameInForm(StepForm):
    question = _l("How did the complaint come in?")
    channel = Radios(_l("How did it come in?"), choices=CHANNELS,
                     validators=[InputRequired(_l("Select how the complaint came in"))])
    received_on = DateInput(_l("When was it received?"), error_name=_l("The date it was received"),
                            description=_l("Every deadline counts from this date. For a letter or email, the day it arrived."))
    language = Radios(_l("Which language should letters and messages to the resident be in?"),
                      default="en", validators=[InputRequired(_l("Select a language"))])

    def configure(self, context):
        super().configure(context)
        # The languages the service ships, each named in English and in itself, so staff can ask.
        self.language.choices = [
            (code, language_name_in_english(code) if code == "en"
             else f"{language_name_in_english(code)} ({language_name(code)})")
            for code in current_app.config["LANGUAGES"]
        ]

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if not any(self.received_on.parts.values()) and not self.received_on.errors:
            self.received_on.errors = [_l("Enter the date it was received")]
            ok = False
        return ok
