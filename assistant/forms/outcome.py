"""The outcome the resident wants (the Code's remedies, in plain words)."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired, Optional

from .base import StepForm
from .fields import Checkboxes, LongText


class OutcomeForm(StepForm):
    question = _l("What would you like to happen?")
    outcomes = Checkboxes(_l("What would you like to happen?"), choices=[
        ("apology", _l("An apology")),
        ("explanation", _l("An explanation of what happened")),
        ("put-right", _l("Put it right, for example do the repair")),
        ("compensation", _l("Compensation or a refund")),
        ("change", _l("Change how things are done, so it does not happen again")),
        ("something-else", _l("Something else")),
    ], description=_l("Select all that apply."), validators=[InputRequired(_l("Select what you would like to happen"))])
    put_right = LongText(_l("In your own words, what would put it right?"), max_length=1500,
                         description=_l("Optional, unless you chose “Something else”."), validators=[Optional()])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if "something-else" in (self.outcomes.data or []) and not self.put_right.data and not self.put_right.errors:
            self.put_right.errors = [_l("Enter what would put it right")]
            ok = False
        return ok
