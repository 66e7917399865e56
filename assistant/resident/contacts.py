"""The ways a complaint's resident (or their advocate) can be reached, and matching one given."""

from __future__ import annotations

import phonenumbers


def resident_contacts(answers: dict) -> list[tuple[str, str]]:
    """(kind, value) pairs: ("email", ...) and ("phone", ...) from the contact or advocate step."""
    found = []
    for step in ("contact-details", "advocate-details"):
        details = answers.get(step) or {}
        for kind in ("email", "phone"):
            if details.get(kind):
                found.append((kind, details[kind]))
    return found


def _phone(value: str) -> str | None:
    try:
        return phonenumbers.format_number(phonenumbers.parse(value, "GB"), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return None


def matches_contact(kind: str, stored: str, given: str) -> bool:
    given = (given or "").strip()
    if kind == "email":
        return given.casefold() == stored.casefold()
    return _phone(given) is not None and _phone(given) == _phone(stored)
