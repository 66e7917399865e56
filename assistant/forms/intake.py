"""What staff record about a complaint they take for a resident: how and when it came in."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired

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
    received_on = DateInput(_l("When was it received?"),
                            description=_l("Every deadline counts from this date. For a letter or email, the day it arrived."))

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if not any(self.received_on.parts.values()) and not self.received_on.errors:
            self.received_on.errors = [_l("Enter the date it was received")]
            ok = False
        return ok
