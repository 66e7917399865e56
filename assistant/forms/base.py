"""What every step's form has in common: its question, saving, and a summary for the check page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField

from ..policy.profiles import Landlord
from .fields import Checkboxes, DateInput, Radios

# Answers that are data, not words: a phone number, an email address or a reference keeps its
# order on a right-to-left page ("07700 900982" would otherwise read "900982 07700").
LEFT_TO_RIGHT = {"phone", "email", "tenancy_reference"}
# Buttons and the CSRF token are not answers.
_NOT_ANSWERS = {"csrf_token", "save_later", "submit"}


@dataclass
class FormContext:
    """What a form may need to know beyond its own fields."""

    landlord: Landlord
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    assisted: bool = False  # a member of staff is entering it for the resident

    def for_step(self, params) -> "FormContext":
        return FormContext(self.landlord, self.answers, dict(params), self.today, self.assisted)

    @property
    def for_someone_else(self) -> bool:
        return self.answers.get("who-is-complaining", {}).get("who") == "someone-else"


class Form(FlaskForm):
    """Every form of the app. Flask-WTF's "The CSRF token is missing." means nothing to a resident:
    a timed-out or forged form says instead what happened and what to do (`csrf_message`)."""

    csrf_message = _l("This page timed out or was sent from somewhere else, so we did not save it. "
                      "Check your answers below and continue.")

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.meta.csrf and self.csrf_token.errors:
            self.csrf_token.errors = [self.csrf_message]
        return ok


class StepForm(Form):
    """A question page. `question` is the <h1> and the page title, so its wording has one source."""

    question = _l("Question")
    # When the page asks one thing, its single field's label or legend is the heading.
    heading_field: str | None = None

    submit = SubmitField(_l("Continue"))
    save_later = SubmitField(_l("Save and come back later"))

    def configure(self, context: FormContext) -> None:
        """Adjust wording to this landlord and this resident. Overridden where needed."""
        self.context = context

    @property
    def heading(self) -> str:
        return str(self.question)

    def show_problems(self) -> None:
        """Validate answers saved for later, to show what still needs fixing. Nothing is being
        submitted, so there is no CSRF token to check."""
        self.validate()
        if self.meta.csrf:
            self.csrf_token.errors = []

    def answer_fields(self):
        return [f for f in self if f.name not in _NOT_ANSWERS]

    def answers(self) -> dict[str, Any]:
        """The cleaned answers, as JSON-friendly values, to save in the draft."""
        return {f.name: (f.stored if isinstance(f, DateInput) else f.data) for f in self.answer_fields()}

    def typed(self) -> dict[str, Any]:
        """What was typed, checked or not, in the shape answers() has (for "save and come back")."""
        return {f.name: (dict(f.parts) if isinstance(f, DateInput) else f.data) for f in self.answer_fields()}

    def summary(self) -> list[tuple[str, str, bool]]:
        """(question, answer as words, whether it is data to keep left to right) for each answered
        field, for the check page."""
        rows = []
        for f in self.answer_fields():
            if isinstance(f, (Radios, Checkboxes)):
                labels = dict(f.choices)
                values = f.data if isinstance(f.data, list) else ([f.data] if f.data else [])
                text = "\n".join(str(labels.get(v, v)) for v in values)
            elif isinstance(f, DateInput):
                text = format_date(f.data, "d MMMM y") if f.data else ""
            else:
                text = f.data or ""
            if text:
                rows.append((str(f.label.text), text, f.name in LEFT_TO_RIGHT))
        return rows
