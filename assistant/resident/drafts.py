"""The resident's draft: found through a token in their session or their resume link.

The session holds only the draft's resume token (per landlord); the answers live in the
database, so a lost session loses nothing that the resume link cannot bring back. A draft
belongs to the flow that made it: a member of staff's (Draft.staff_id set) is found only in the
assisted registration, whose guard admits only this landlord's signed-in staff; a resident's
only in the resident's. A link used in the other flow finds nothing, so a staff draft can never
be lodged as made online, nor a resident's draft be opened as staff.
"""

from __future__ import annotations

from flask import session

from ..extensions import db
from ..models import Draft, token_hash
from ..policy.profiles import Landlord
from ..references import new_token
from .assisted import is_assisted


def _key() -> str:
    # Staff entering a complaint keep their draft apart from any the browser has as a resident.
    return "assisted_drafts" if is_assisted() else "drafts"


def _tokens() -> dict[str, str]:
    return session.get(_key(), {})


def current(landlord: Landlord) -> Draft | None:
    token = _tokens().get(landlord.slug)
    return by_token(landlord, token) if token else None


def by_token(landlord: Landlord, token: str) -> Draft | None:
    this_flow = Draft.staff_id.is_not(None) if is_assisted() else Draft.staff_id.is_(None)
    return db.session.execute(
        db.select(Draft).where(Draft.resume_hash == token_hash(token), Draft.landlord == landlord.slug, this_flow)
    ).scalar_one_or_none()


def remember(landlord: Landlord, token: str) -> None:
    if not is_assisted():
        # A resident's answers survive closing the browser; a staff session must not (staff/access.py).
        session.permanent = True
    session[_key()] = {**_tokens(), landlord.slug: token}


def forget(landlord: Landlord) -> None:
    session[_key()] = {k: v for k, v in _tokens().items() if k != landlord.slug}


def resume_token(landlord: Landlord) -> str | None:
    return _tokens().get(landlord.slug)


def current_or_new(landlord: Landlord, locale: str, staff_id: int | None = None) -> Draft:
    """This browser's draft, or a new one; either way it keeps the language they are using now."""
    draft = current(landlord)
    if draft is not None:
        draft.locale = locale
    if draft is None:
        token = new_token()
        draft = Draft(landlord=landlord.slug, resume_hash=token_hash(token), answers={}, unchecked={}, locale=locale,
                      staff_id=staff_id)
        db.session.add(draft)
        remember(landlord, token)
    return draft
