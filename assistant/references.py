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


# The NATO alphabet, which staff and residents on a crackly line both know.
_SPOKEN = {
    "A": "Alpha", "B": "Bravo", "C": "Charlie", "D": "Delta", "E": "Echo", "F": "Foxtrot", "G": "Golf",
    "H": "Hotel", "J": "Juliett", "K": "Kilo", "L": "Lima", "M": "Mike", "N": "November", "P": "Papa",
    "Q": "Quebec", "R": "Romeo", "S": "Sierra", "T": "Tango", "U": "Uniform", "V": "Victor", "W": "Whiskey",
    "X": "X-ray", "Y": "Yankee", "Z": "Zulu",
}


def spoken_reference(reference: str) -> str:
    """e.g. "KCLT-7K2" -> "K Kilo, C Charlie, L Lima, T Tango / 7, K Kilo, 2"."""
    groups = []
    for group in reference.split("-"):
        groups.append(", ".join(f"{c} {_SPOKEN[c]}" if c in _SPOKEN else c for c in group))
    return " / ".join(groups)
