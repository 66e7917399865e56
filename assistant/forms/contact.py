"""How to reach the person complaining, and how they would like to be contacted."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import DataRequired, InputRequired, Optional

from .base import StepForm
from .contact_checks import at_least_one_way, is_mobile, optional_email, optional_uk_phone
from .fields import LongText, Radios, Text


class ContactDetailsForm(StepForm):
    question = _l("Your contact details")
    name = Text(_l("Full name"), validators=[DataRequired(_l("Enter your full name"))])
    email = Text(_l("Email address (optional)"), description=_l("We will send you a link to your complaint."),
                 validators=[optional_email])
    phone = Text(_l("Phone number (optional)"), description=_l("A mobile or landline, for calls or texts."),
                 validators=[optional_uk_phone])
    address = LongText(_l("Postal address (optional)"), max_length=300, validators=[Optional()])
    tenancy_reference = Text(_l("Tenancy reference (optional)"), validators=[Optional()])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        return at_least_one_way(self, _l("Enter at least one way to contact you: email, phone or post")) and ok


# method -> (the detail it needs, the message when it is missing)
METHOD_NEEDS = {
    "email": ("email", _l("You have not given an email address. Go back and add one, or choose another way")),
    "phone": ("phone", _l("You have not given a phone number. Go back and add one, or choose another way")),
    "text": ("phone", _l("Texts need a UK mobile number. Go back and add one, or choose another way")),
    "letter": ("address", _l("You have not given a postal address. Go back and add one, or choose another way")),
}


class ContactPreferenceForm(StepForm):
    question = _l("How would you like to be contacted?")
    heading_field = "method"
    method = Radios(_l("How would you like to be contacted?"), choices=[
        ("email", _l("Email")),
        ("phone", _l("Phone call")),
        ("text", _l("Text message")),
        ("letter", _l("Letter")),
    ], validators=[DataRequired(_l("Select how you would like to be contacted"))])

    def contact_details(self) -> dict:
        step = "advocate-details" if self.context.for_someone_else else "contact-details"
        return self.context.answers.get(step, {})

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if ok and self.method.data:
            detail, message = METHOD_NEEDS[self.method.data]
            value = self.contact_details().get(detail)
            if not value or (self.method.data == "text" and not is_mobile(value)):
                self.method.errors = [message]
                ok = False
        return ok
