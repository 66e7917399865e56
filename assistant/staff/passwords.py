"""Passwords are kept only as scrypt hashes; checking one takes the same time whether or not the
account exists, so timing cannot tell anyone which email addresses have accounts."""

from __future__ import annotations

import secrets
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 12


def too_short(password: str) -> bool:
    return len(password) < MIN_LENGTH


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def verify(password_hash: str | None, password: str) -> bool:
    """True if the password matches; with no hash (no such account), the same work, then False."""
    if password_hash is None:
        check_password_hash(_dummy_hash(), password)
        return False
    return check_password_hash(password_hash, password)


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(24))
