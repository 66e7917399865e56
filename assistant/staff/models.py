"""Staff accounts, and the failed sign-ins that slow down and then refuse password guessing."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..models import utcnow


def as_utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; everything stored is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class StaffMember(db.Model):
    __table_args__ = (UniqueConstraint("landlord", "email"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    landlord: Mapped[str] = mapped_column(String(60), index=True)
    email: Mapped[str] = mapped_column(String(320))  # lower-cased: one account per address per landlord
    password_hash: Mapped[str] = mapped_column(String(255))  # the plain password is never stored
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # Sessions begun before this are over: a copy of a signed-out session cookie opens nothing.
    signed_out_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SignInFailure(db.Model):
    """One failed sign-in. Counted per (landlord, email) and per address; kept for a day at most."""

    __table_args__ = (
        Index("ix_sign_in_failure_account", "landlord", "email", "at"),
        Index("ix_sign_in_failure_address", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    landlord: Mapped[str] = mapped_column(String(60))
    email: Mapped[str] = mapped_column(String(320))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
