"""What is stored: drafts (saved at every step), lodged complaints, and the mail outbox."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

from sqlalchemy import (
    DDL,
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    func,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def token_hash(token: str) -> str:
    """Tokens are stored only as hashes: a leaked database gives no working links."""
    return hashlib.sha256(token.encode()).hexdigest()


class Draft(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    landlord: Mapped[str] = mapped_column(String(60), index=True)
    resume_hash: Mapped[str] = mapped_column(String(64), unique=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    # What was typed on a page that did not pass its checks yet ("save and come back later"):
    # kept so that nothing typed is ever lost, shown again when the page is opened.
    unchecked: Mapped[dict] = mapped_column(JSON, default=dict)
    locale: Mapped[str] = mapped_column(String(10), default="en")
    # Set when a member of staff is entering a complaint taken by phone, letter or in person.
    staff_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    def set_answer(self, step_id: str, values: dict) -> None:
        # Reassign whole dicts: SQLAlchemy only notices a JSON column change on assignment.
        self.answers = {**(self.answers or {}), step_id: values}
        self.unchecked = {k: v for k, v in (self.unchecked or {}).items() if k != step_id}

    def set_unchecked(self, step_id: str, values: dict) -> None:
        self.unchecked = {**(self.unchecked or {}), step_id: values}


class Complaint(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    landlord: Mapped[str] = mapped_column(String(60), index=True)
    # One complaint per draft, enforced by the database: a double click, a refresh or a
    # replayed form can never lodge a second one.
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), unique=True)
    answers: Mapped[dict] = mapped_column(JSON)
    exclusion_flags: Mapped[list] = mapped_column(JSON, default=list)
    nation: Mapped[str] = mapped_column(String(20))  # whose bank holidays its deadlines use
    locale: Mapped[str] = mapped_column(String(10), default="en")
    received_on: Mapped[date] = mapped_column(Date)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The resident's name, kept apart from the answers so staff can search 100,000 cases by it.
    resident_name: Mapped[str] = mapped_column(String(200), default="", index=True)
    # How it came in: "online" (the resident or an advocate, themselves), or the channel staff
    # took it through ("phone", "in-person", "letter", "email", "social-media", "councillor-or-mp").
    channel: Mapped[str] = mapped_column(String(20), default="online")
    entered_by: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the staff member, if any
    # Where the case stands, kept up to date by every event (assistant/casework.py).
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open, refused, closed
    stage: Mapped[int] = mapped_column(Integer, default=1)
    # A cache of the timeline function, so a caseload of 100,000 sorts without recomputing it;
    # `flask --app assistant deadlines recompute` rebuilds it when bank-holiday data changes.
    deadlines: Mapped[dict] = mapped_column(JSON, default=dict)
    next_deadline: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    next_milestone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Two people acting on one case at once: the second write fails instead of losing the first.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    events: Mapped[list["CaseEvent"]] = relationship(order_by="CaseEvent.id", back_populates="complaint")

    __mapper_args__ = {"version_id_col": version}


# The caseload (assistant/staff/caseload.py) reads a landlord's open complaints in this order a
# page at a time, straight from an index: soonest deadline first, none last (a far date stands in
# for none, the same in SQLite and PostgreSQL), then oldest first.
NO_DEADLINE = literal_column(f"'{date.max.isoformat()}'")  # 9999-12-31
CASELOAD_ORDER = (func.coalesce(Complaint.next_deadline, NO_DEADLINE), Complaint.received_on, Complaint.id)
Index("ix_complaint_caseload", Complaint.landlord, Complaint.status, *CASELOAD_ORDER)
Index("ix_complaint_caseload_stage", Complaint.landlord, Complaint.status, Complaint.stage, *CASELOAD_ORDER)
# Finding open complaints by the start of the resident's name, whatever its capitals.
Index("ix_complaint_name_search", Complaint.landlord, Complaint.status,
      func.lower(Complaint.resident_name).label("name_lower"), postgresql_ops={"name_lower": "text_pattern_ops"})


class AccessLink(db.Model):
    """A private link to one complaint. There may be several (the confirmation page, "find my
    complaint"), so sending a new one never breaks one the resident already has."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    complaint: Mapped[Complaint] = relationship()


class CaseEvent(db.Model):
    """Something that happened to a complaint: the append-only audit log of the case.

    Rows are only ever added: the listeners below refuse any update or delete through the app.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[date] = mapped_column(Date)  # the date it happened (deadlines count from it)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(20))  # "resident", "staff" or "system"
    staff_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    visible_to_resident: Mapped[bool] = mapped_column(Boolean, default=True)

    complaint: Mapped[Complaint] = relationship(back_populates="events")


@event.listens_for(CaseEvent, "before_update")
@event.listens_for(CaseEvent, "before_delete")
def _audit_log_is_append_only(mapper, connection, target):
    raise PermissionError("case events are an append-only audit log")


# The database itself refuses too, so a bulk UPDATE or DELETE (which the ORM's events above never
# see) or a stray script cannot rewrite the log either.
_REFUSE = "case events are an append-only audit log"
for _change in ("UPDATE", "DELETE"):
    event.listen(CaseEvent.__table__, "after_create", DDL(
        f"CREATE TRIGGER case_event_no_{_change.lower()} BEFORE {_change} ON case_event "
        f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END").execute_if(dialect="sqlite"))
event.listen(CaseEvent.__table__, "after_create", DDL(
    "CREATE OR REPLACE FUNCTION case_event_append_only() RETURNS trigger AS $$ "
    f"BEGIN RAISE EXCEPTION '{_REFUSE}'; END $$ LANGUAGE plpgsql; "
    "CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event "
    "FOR EACH ROW EXECUTE FUNCTION case_event_append_only()").execute_if(dialect="postgresql"))


class OutboxMessage(db.Model):
    """Every email and text the app sends, kept so the demo works without SMTP or a text
    gateway, and so nothing sent goes unseen."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), default="email")  # "email" or "text"
    to: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
