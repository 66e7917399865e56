"""Fields that follow the GOV.UK Design System patterns and clean what is typed into them."""

from __future__ import annotations

from datetime import date

from flask_babel import format_number
from flask_babel import lazy_gettext as _l
from wtforms import Field, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .. import clock
from .text import clean_text


class CleanedMixin:
    """Cleans what was typed; if markup had to be removed, says so once so the resident can check.
    Too long is said in words too, with the text kept, never cut short or left to the database."""

    removed_markup = False

    def __init__(self, label=None, validators=None, max_length: int = 200, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.max_length = max_length

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        self.data, self.removed_markup = clean_text(self.data)

    def pre_validate(self, form):
        if self.removed_markup:
            raise ValidationError(_l("We removed code or HTML from what you typed. Check it still says what you mean, then continue."))
        if len(self.data or "") > self.max_length:
            raise ValidationError(_l("%(field)s must be %(max)s characters or fewer", field=self.label.text,
                                     max=format_number(self.max_length)))


class Text(CleanedMixin, StringField):
    """One line: a name, an organisation, a reference. 200 characters is more than any needs (and
    what the database keeps of a resident's name)."""


class LongText(CleanedMixin, TextAreaField):
    """A textarea shown with a character count (max_length is read by the template)."""

    def __init__(self, label=None, validators=None, max_length: int = 3000, **kwargs):
        super().__init__(label, validators, max_length=max_length, **kwargs)


class Radios(RadioField):
    """Radios with an optional hint under each choice."""

    def __init__(self, label=None, validators=None, choice_hints=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.choice_hints = choice_hints or {}

    def pre_validate(self, form):
        # WTForms' own "Not a valid choice" is not a sentence a resident can act on.
        if self.data is not None and self.data not in {value for value, _label in self.choices}:
            raise ValidationError(_l("Select one of the options"))


class Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label=None, validators=None, choice_hints=None, exclusive=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.choice_hints = choice_hints or {}
        self.exclusive = exclusive  # a "none of these" choice that cannot be ticked with others

    def pre_validate(self, form):
        allowed = {value for value, _label in self.choices}
        if any(value not in allowed for value in self.data or []):
            raise ValidationError(_l("Select from the options shown"))
        if self.exclusive and self.exclusive in (self.data or []) and len(self.data) > 1:
            raise ValidationError(_l("Select “%(none)s” on its own, or untick it",
                                     none=dict(self.choices)[self.exclusive]))


# Whole sentences, one per missing part: a part's name glued into a sentence breaks other
# languages' grammar (STYLE.md, 10).
MISSING_PART = {
    "day": _l("%(field)s must include a day"),
    "month": _l("%(field)s must include a month"),
    "year": _l("%(field)s must include a year"),
}


class DateInput(Field):
    """Day, month and year boxes (GOV.UK date input). Stored as an ISO date string.

    "Not in the future" follows the app's clock (assistant.clock, which tests freeze);
    `future_allowed` is for a date still to come, such as an extension's new date."""

    def __init__(self, label=None, validators=None, future_allowed: bool = False, error_name=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.parts = {"day": "", "month": "", "year": ""}
        self.future_allowed = future_allowed
        # What the errors call the date where the label is a question ("The date it started must
        # be a real date", not "When did it start? must be ..."); the label itself otherwise.
        self.error_name = error_name

    def process(self, formdata, data=None, extra_filters=None):
        self.process_errors = []
        self.data = None
        if formdata is not None and any(f"{self.name}-{p}" in formdata for p in self.parts):
            self.parts = {p: clean_text(formdata.get(f"{self.name}-{p}", ""))[0][:8] for p in self.parts}
            self.raw_data = [self.parts]
            self._parse()
        else:
            value = data if data is not None else self.default
            if isinstance(value, dict):  # typed but unchecked parts, saved for later
                self.parts = {p: str(value.get(p, "")) for p in self.parts}
                self._parse()
                return
            if isinstance(value, str) and value:
                value = date.fromisoformat(value)
            if isinstance(value, date):
                self.data = value
                self.parts = {"day": str(value.day), "month": str(value.month), "year": str(value.year)}

    def _parse(self):
        try:
            self.data = date(int(self.parts["year"]), int(self.parts["month"]), int(self.parts["day"]))
        except (ValueError, OverflowError):
            self.data = None

    def pre_validate(self, form):
        name = self.error_name or self.label.text
        missing = [p for p, v in self.parts.items() if not v]
        if len(missing) == 3:
            return  # "required" is the validators' business
        if missing:
            raise ValidationError(MISSING_PART[missing[0]] % {"field": name})
        if self.data is None:
            raise ValidationError(_l("%(field)s must be a real date", field=name))
        if self.data.year < 1900:
            raise ValidationError(_l("%(field)s must be after 1900", field=name))
        if not self.future_allowed and self.data > clock.today():
            raise ValidationError(_l("%(field)s must be today or in the past", field=name))

    def _value(self):
        return self.parts

    @property
    def stored(self) -> str | None:
        return self.data.isoformat() if self.data else None
