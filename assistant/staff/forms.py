"""The staff forms: sign-in and sign-out, both FlaskForms so both carry a CSRF token."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired

from ..forms import Form


class StaffForm(Form):
    csrf_message = _l("This page timed out or was sent from somewhere else. Try again.")


class SignInForm(StaffForm):
    email = StringField(_l("Email address"), validators=[InputRequired(_l("Enter your email address"))])
    password = PasswordField(_l("Password"), validators=[InputRequired(_l("Enter your password"))])

    def answer_fields(self):
        """The fields a CSRF error in the error summary links to (see macros/forms.html)."""
        return [self.email, self.password]

    def refuse(self, message) -> None:
        """One error for the pair, on the email field: it never says which of the two was wrong."""
        self.email.errors = [*self.email.errors, message]


class SignOutForm(StaffForm):
    pass
