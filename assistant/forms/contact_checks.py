"""Checks for ways of reaching someone: email, a UK phone number, and at least one of them."""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from wtforms.validators import StopValidation, ValidationError


def optional_email(form, field):
    if not field.data:
        raise StopValidation()
    try:
        # Deliverability needs DNS; checking the form of the address is enough here.
        field.data = validate_email(field.data, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationError(_l("Enter an email address in the correct format, like name@example.com"))


# Ofcom keeps these ranges for drama and examples; phonenumbers calls them invalid, but our own
# hints use them, so a resident copying the example format must not be told it is wrong.
_OFCOM_EXAMPLES = re.compile(r"^(?:1632960\d{3}|7700900\d{3}|2079460\d{3})$")
_UK_REGIONS = ("GB", "GG", "JE", "IM")


def uk_number(value: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 44 and _OFCOM_EXAMPLES.match(national):
        return number
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) not in _UK_REGIONS:
        return None
    return number


def is_mobile(value: str) -> bool:
    """A number a text can reach: a UK mobile (07, but not 070 personal or 076 pager numbers)."""
    number = uk_number(value or "")
    if number is None:
        return False
    national = phonenumbers.national_significant_number(number)
    return national.startswith("7") and not national.startswith(("70", "76"))


def optional_uk_phone(form, field):
    if not field.data:
        raise StopValidation()
    number = uk_number(field.data)
    if number is None:
        raise ValidationError(_l("Enter a UK phone number, like 01632 960 001 or 07700 900 982"))
    field.data = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def at_least_one_way(form, message) -> bool:
    """Email, phone or post: a resident with a phone and no email is as normal as any other."""
    if form.email.data or form.phone.data or form.address.data or form.email.errors or form.phone.errors:
        return True
    form.email.errors = [*form.email.errors, message]
    return False
