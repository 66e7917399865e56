"""Making and finding staff accounts. No Flask request here: the command line uses it too.

Its messages are for whoever runs the command line, so they are plain English (there is no
request to choose a language from).
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from . import passwords
from .models import StaffMember


class AccountError(ValueError):
    """A reason an account cannot be made, as one line for the person making it."""


def normalise_email(text: str) -> str:
    try:
        # Deliverability needs DNS; the form of the address is enough here.
        return validate_email(text.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise AccountError(f"{text!r} is not a valid email address: {error}") from None


def lookup_email(text: str) -> str:
    """What a typed address is looked up as: normalised if it can be, else lower-cased as typed."""
    try:
        return normalise_email(text)
    except AccountError:
        return text.strip().lower()[:320]


def find(landlord_slug: str, email: str) -> StaffMember | None:
    return db.session.execute(
        db.select(StaffMember).where(StaffMember.landlord == landlord_slug, StaffMember.email == email)
    ).scalar_one_or_none()


def check_new(landlord_slug: str, email: str) -> str:
    """The normalised email, if no account at this landlord has it yet."""
    email = normalise_email(email)
    if find(landlord_slug, email) is not None:
        raise AccountError(f"There is already a staff account for {email} at {landlord_slug}.")
    return email


def create(landlord_slug: str, email: str, password: str) -> StaffMember:
    email = check_new(landlord_slug, email)
    if passwords.too_short(password):
        raise AccountError(f"The password must be at least {passwords.MIN_LENGTH} characters long.")
    member = StaffMember(landlord=landlord_slug, email=email, password_hash=passwords.hash_password(password))
    db.session.add(member)
    try:
        db.session.commit()
    except IntegrityError:  # made by someone else at the same moment
        db.session.rollback()
        raise AccountError(f"There is already a staff account for {email} at {landlord_slug}.") from None
    return member


def authenticate(landlord_slug: str, email: str, password: str) -> StaffMember | None:
    """The account, if the password is right. Takes as long for an unknown email as for a known one."""
    member = find(landlord_slug, email)
    ok = passwords.verify(member.password_hash if member else None, password)
    return member if ok else None


def for_landlord(landlord_slug: str) -> list[StaffMember]:
    return list(db.session.execute(
        db.select(StaffMember).where(StaffMember.landlord == landlord_slug).order_by(StaffMember.email)
    ).scalars())
