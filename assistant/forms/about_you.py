"""Who is complaining: the resident, or someone acting for them with their permission."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import DataRequired, InputRequired, Optional

from .base import StepForm
from .contact_checks import at_least_one_way, optional_email, optional_uk_phone
from .fields import LongText, Radios, Text

RELATIONSHIPS = [
    ("family", _l("Family member")),
    ("friend", _l("Friend")),
    ("support-worker", _l("Support worker")),
    ("advocacy-organisation", _l("Advocacy organisation")),
    ("councillor", _l("Councillor")),
    ("mp", _l("MP")),
    ("other", _l("Other")),
]


class WhoIsComplainingForm(StepForm):
    question = _l("Who is this complaint for?")
    heading_field = "who"
    who = Radios(_l("Who is this complaint for?"), choices=[
        ("myself", _l("Myself")),
        ("someone-else", _l("Someone else")),
    ], choice_hints={"someone-else": _l("For example, a family member, a friend or someone you support or represent.")},
        validators=[InputRequired(_l("Select who the complaint is for"))])


class AdvocateDetailsForm(StepForm):
    question = _l("About you, the person complaining for someone else")
    name = Text(_l("Your full name"), validators=[DataRequired(_l("Enter your full name"))])
    relationship = Radios(_l("How do you know the resident?"), choices=RELATIONSHIPS,
                          validators=[DataRequired(_l("Select how you know the resident"))])
    relationship_other = Text(_l("If other, say how"), validators=[Optional()])
    organisation = Text(_l("Organisation (optional)"), description=_l("If you are complaining as part of your job."),
                        validators=[Optional()])
    email = Text(_l("Your email address"), validators=[optional_email])
    phone = Text(_l("Your phone number"), validators=[optional_uk_phone])
    address = LongText(_l("Your postal address"), max_length=300, validators=[Optional()])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.relationship.data == "other" and not self.relationship_other.data:
            self.relationship_other.errors.append(_l("Say how you know the resident"))
            ok = False
        return at_least_one_way(self, _l("Enter at least one way to contact you: email, phone or post")) and ok


class ResidentDetailsForm(StepForm):
    question = _l("About the resident")
    name = Text(_l("The resident’s full name"), validators=[DataRequired(_l("Enter the resident’s full name"))])
    address = LongText(_l("The resident’s address"), max_length=300,
                       validators=[DataRequired(_l("Enter the resident’s address"))])
    tenancy_reference = Text(_l("Tenancy reference (optional)"), description=_l("It is on letters and rent statements. Leave it blank if you do not know it."),
                             validators=[Optional()])


class PermissionForm(StepForm):
    question = _l("Has the resident given permission for you to complain for them?")
    heading_field = "permission"
    permission = Radios(_l("Has the resident given permission for you to complain for them?"), choices=[
        ("signed-form", _l("Yes, they have signed a permission form")),
        ("with-me-agrees", _l("Yes, they are with me now and agree")),
        ("not-yet", _l("Not yet")),
    ], choice_hints={
        "not-yet": _l("You can carry on. The landlord will ask the resident for written permission before it shares details of the complaint with you."),
    }, validators=[DataRequired(_l("Select whether the resident has given permission"))])
