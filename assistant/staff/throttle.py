"""Slowing down, then refusing, repeated failed sign-ins.

Failures are counted per account (landlord and email, whether or not the account exists, so the
lockout gives nothing away) and per address. Each failure adds a small delay before the next
check; after ACCOUNT_LIMIT failures for one account, or ADDRESS_LIMIT from one address, within
WINDOW, sign-in is refused for LOCKOUT (a refused attempt is not checked, so it is not counted).
A successful sign-in clears the account's failures.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from flask import current_app

from ..extensions import db
from ..models import utcnow
from .models import SignInFailure, as_utc

ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
KEEP = timedelta(days=1)
STEP_SECONDS = 0.25
MAX_DELAY_SECONDS = 1.0


def _recent(condition, limit: int) -> list[datetime]:
    """The newest `limit` failures matching the condition, newest first."""
    rows = db.session.execute(
        db.select(SignInFailure.at).where(*condition).order_by(SignInFailure.at.desc()).limit(limit)
    ).scalars()
    return [as_utc(at) for at in rows]


def locked_until(failures: list[datetime], limit: int) -> datetime | None:
    """When a lockout ends, if the newest `limit` failures (newest first) came within WINDOW."""
    if len(failures) < limit or failures[0] - failures[limit - 1] > WINDOW:
        return None
    return failures[0] + LOCKOUT


def _account(landlord_slug: str, email: str):
    return (SignInFailure.landlord == landlord_slug, SignInFailure.email == email)


def _address(address: str):
    return (SignInFailure.address == address,)


def locked(landlord_slug: str, email: str, address: str, now: datetime | None = None) -> bool:
    now = now or utcnow()
    ends = [locked_until(_recent(_account(landlord_slug, email), ACCOUNT_LIMIT), ACCOUNT_LIMIT),
            locked_until(_recent(_address(address), ADDRESS_LIMIT), ADDRESS_LIMIT)]
    return any(end is not None and now < end for end in ends)


def delay_seconds(landlord_slug: str, email: str, address: str, now: datetime | None = None) -> float:
    """A quarter of a second for each recent failure for this account (or each 4 from this
    address), at most a second."""
    since = (now or utcnow()) - WINDOW
    account = len([at for at in _recent(_account(landlord_slug, email), ACCOUNT_LIMIT) if at > since])
    address_count = len([at for at in _recent(_address(address), ADDRESS_LIMIT) if at > since])
    return min(STEP_SECONDS * max(account, address_count // 4), MAX_DELAY_SECONDS)


def slow_down(landlord_slug: str, email: str, address: str) -> None:
    """Wait before checking a password. STAFF_SIGNIN_DELAY: True sleeps, False does not (tests),
    or a function to call with the seconds."""
    seconds = delay_seconds(landlord_slug, email, address)
    sleep = current_app.config.get("STAFF_SIGNIN_DELAY", True)
    if not seconds or not sleep:
        return
    (sleep if callable(sleep) else time.sleep)(seconds)


def record_failure(landlord_slug: str, email: str, address: str) -> None:
    now = utcnow()
    db.session.execute(db.delete(SignInFailure).where(SignInFailure.at < now - KEEP))
    db.session.add(SignInFailure(landlord=landlord_slug, email=email[:320], address=address[:64], at=now))
    db.session.commit()


def clear(landlord_slug: str, email: str) -> None:
    db.session.execute(db.delete(SignInFailure).where(*_account(landlord_slug, email)))
