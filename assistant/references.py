"""Complaint references and private tokens.

A reference is read aloud on the phone, so it uses an alphabet without look-alikes (no I, O,
0 or 1) and is random, so that nobody can guess the next one. It is never enough on its own
to open a complaint: that needs the private token (256 bits) or the contact details given.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: 5 bits each


def _chunk(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def new_reference(prefix: str) -> str:
    """e.g. KCLT-7K2F-9QX: 35 random bits, so collisions are rare and retried by the caller."""
    return f"{prefix}-{_chunk(4)}-{_chunk(3)}"


def new_token() -> str:
    return secrets.token_urlsafe(32)
