"""The caseload: /<slug>/staff/complaints, a landlord's open complaints, soonest deadline first.

Query string (a GET form, so a filtered list is a link): `q` (a whole reference, or the start of
the resident's name), `stage` (1 or 2), `overdue` ("yes"), and `after` or `before` (where the
page starts: the last or first row of the page before, as "deadline.received.id").

Nothing is worked out again for each row: the next deadline is stored with the complaint and kept
up to date by every event (assistant/casework.py), and each page is read straight from an index
in the order shown (models.CASELOAD_ORDER), starting from a row rather than counting past the
pages before it, so the 2,000th page costs what the first does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import g, render_template, request, url_for
from flask_babel import format_date, format_number
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import String, and_, func, literal, or_, tuple_
from wtforms import StringField

from .. import clock
from ..extensions import db
from ..forms.fields import Checkboxes, Radios
from ..forms.intake import CHANNELS
from ..models import CASELOAD_ORDER, Complaint
from ..policy.calendar import WorkingDays, calendar_for
from .access import login_required
from .auth import bp

PAGE_SIZE = 50
SOON_WORKING_DAYS = 2
CHANNEL_WORDS = {"online": _l("Online"), **dict(CHANNELS)}
STATUS_WORDS = {"overdue": _l("Overdue"), "soon": _l("Due soon"), "on-track": _l("On track"),
                "none": _l("No deadline")}
# The highest character there is: every name starting with a text sorts before the text followed by it.
LAST_CHARACTER = "\U0010ffff"


class FilterForm(FlaskForm):
    """Read from the query string. It changes nothing, so it needs no CSRF token."""

    class Meta:
        csrf = False

    q = StringField(_l("Reference or name"), filters=[lambda text: " ".join((text or "").split())[:100]],
                    description=_l("A whole complaint reference, or the start of the resident’s name"))
    stage = Radios(_l("Stage"), default="",
                   choices=[("", _l("Any stage")), ("1", _l("Stage 1")), ("2", _l("Stage 2"))])
    overdue = Checkboxes(_l("Deadline"), choices=[("yes", _l("Overdue only"))])


@dataclass(frozen=True)
class Filters:
    search: str = ""
    stage: int | None = None
    overdue: bool = False

    @classmethod
    def from_form(cls, form: FilterForm) -> Filters:
        stage = form.stage.data
        return cls(form.q.data or "", int(stage) if stage in ("1", "2") else None, "yes" in (form.overdue.data or []))

    def query_args(self) -> dict:
        """The filters as they appear in a link: only those that are set."""
        args = {"q": self.search, "stage": self.stage, "overdue": "yes" if self.overdue else None}
        return {name: value for name, value in args.items() if value}


# --- where a page starts ------------------------------------------------------------------------

Position = tuple[date, date, int]  # a row's place in CASELOAD_ORDER: (deadline or date.max, received, id)


def position_of(row) -> Position:
    return row.next_deadline or date.max, row.received_on, row.id


def position_text(position: Position) -> str:
    return ".".join(str(part) for part in position)  # e.g. "2026-12-08.2026-11-24.1234"


def parse_position(text: str | None) -> Position | None:
    """A position from a link; anything else (mistyped, tampered with) means the first page."""
    try:
        deadline, received, row_id = (text or "").split(".")
        return date.fromisoformat(deadline), date.fromisoformat(received), int(row_id)
    except ValueError:
        return None


# --- the query ----------------------------------------------------------------------------------

def reference_forms(text: str) -> list[str]:
    """How a typed reference is stored: spaces ignored, any capitals, and the dashes put back if
    none were typed ("kclt 7k2f 9qx" and "KCLT7K2F9QX" are both KCLT-7K2F-9QX)."""
    compact = "".join(text.split()).upper()
    forms = [compact]
    if "-" not in compact and len(compact) > 7:
        forms.append(f"{compact[:-7]}-{compact[-7:-3]}-{compact[-3:]}")
    return forms


def name_matches(text: str):
    """Residents' names starting with the text, whatever the capitals, read from the index on
    lower(resident_name) (models.py); or with a later word starting with it, as a caseworker
    searching by surname expects (checked on the landlord's open complaints the caseload index
    already narrows to). Both sides go through the database's own lower()."""
    name = func.lower(Complaint.resident_name, type_=String)
    typed = func.lower(literal(text, String), type_=String)
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    later_word = name.like(func.lower(literal("% " + escaped + "%", String), type_=String), escape="\\")
    if db.session.get_bind().dialect.name == "sqlite":
        # SQLite uses an index for LIKE only on a bare column; this range is the same test.
        return or_(and_(name >= typed, name < typed.concat(LAST_CHARACTER)), later_word)
    # PostgreSQL uses its text_pattern_ops index for LIKE 'text%', whatever the collation.
    return or_(name.like(func.lower(literal(escaped, String), type_=String).concat("%"), escape="\\"), later_word)


def ended_with_reference(landlord_slug: str, search: str) -> str | None:
    """The reference of a closed or refused complaint that the search names whole: the caseload
    lists open ones only, but a caseworker looking one up by its reference must still reach it."""
    if not search:
        return None
    return db.session.execute(db.select(Complaint.reference).where(
        Complaint.landlord == landlord_slug, Complaint.status != "open",
        Complaint.reference.in_(reference_forms(search)))).scalar()


def matching(landlord_slug: str, filters: Filters, today: date) -> list:
    """The conditions for this landlord's open complaints that the filters let through."""
    conditions = [Complaint.landlord == landlord_slug, Complaint.status == "open"]
    if filters.stage:
        conditions.append(Complaint.stage == filters.stage)
    if filters.overdue:
        conditions.append(CASELOAD_ORDER[0] < today)
    if filters.search:
        # A whole reference finds that complaint; anything else is the start of a name.
        found = db.session.execute(db.select(Complaint.id).where(
            Complaint.landlord == landlord_slug, Complaint.reference.in_(reference_forms(filters.search)))).scalar()
        conditions.append(Complaint.id == found if found is not None else name_matches(filters.search))
    return conditions


@dataclass
class Page:
    rows: list
    total: int
    previous: Position | None = None  # where the pages either side start, if there are any
    next: Position | None = None


def read_page(conditions: list, after: Position | None, before: Position | None, size: int = PAGE_SIZE) -> Page:
    key = CASELOAD_ORDER[0]
    query = db.select(Complaint.id, Complaint.reference, Complaint.resident_name, Complaint.channel,
                      Complaint.stage, Complaint.received_on, Complaint.next_deadline,
                      Complaint.next_milestone).where(*conditions)
    # The first condition of each pair lets the index start at the right place; the second
    # settles rows that share a deadline.
    if before:
        query = query.where(key <= before[0], tuple_(*CASELOAD_ORDER) < before)
        query = query.order_by(*(column.desc() for column in CASELOAD_ORDER))
    else:
        if after:
            query = query.where(key >= after[0], tuple_(*CASELOAD_ORDER) > after)
        query = query.order_by(*CASELOAD_ORDER)
    rows = list(db.session.execute(query.limit(size + 1)))
    more, rows = len(rows) > size, rows[:size]
    if before:
        rows.reverse()
    total = db.session.execute(db.select(func.count()).select_from(Complaint).where(*conditions)).scalar_one()
    page = Page(rows, total)
    if rows:
        page.previous = position_of(rows[0]) if (more if before else after) else None
        page.next = position_of(rows[-1]) if (before or more) else None
    return page


# --- what each row says -------------------------------------------------------------------------

def deadline_status(deadline: date | None, today: date, soon_until: date) -> str:
    """Overdue once the deadline has passed; due soon from SOON_WORKING_DAYS working days before
    it (the calendar's, in soon_until); else on track; "none" when no landlord deadline is open."""
    if deadline is None:
        return "none"
    if deadline < today:
        return "overdue"
    return "soon" if deadline <= soon_until else "on-track"


def soon_until(calendar: WorkingDays, today: date) -> date:
    return calendar.add(today, SOON_WORKING_DAYS)


@dataclass(frozen=True)
class Row:
    reference: str
    name: str
    channel: str
    stage: int
    received_on: date
    deadline: date | None
    milestone: str
    status: str

    @property
    def status_words(self) -> str:
        return str(STATUS_WORDS[self.status])


# What the landlord must do by each deadline, as a caseworker reads it (the resident's page says
# the same from the resident's side).
TO_DO = {
    "stage1_acknowledge_by": _l("Acknowledge the complaint"),
    "stage1_respond_by": _l("Send the stage 1 answer"),
    "stage1_respond_by_extended": _l("Send the stage 1 answer (extended date)"),
    "stage2_acknowledge_by": _l("Acknowledge the stage 2 request"),
    "stage2_respond_by": _l("Send the final answer"),
    "stage2_respond_by_extended": _l("Send the final answer (extended date)"),
    "stage3_acknowledge_by": _l("Acknowledge the stage 3 request"),
    "stage3_respond_by": _l("Send the stage 3 answer"),
}


def row_of(found, landlord_name: str, today: date, soon: date) -> Row:
    to_do = TO_DO.get(found.next_milestone or "")
    return Row(found.reference, found.resident_name, str(CHANNEL_WORDS.get(found.channel, found.channel)),
               found.stage, found.received_on, found.next_deadline, str(to_do) if to_do else "",
               deadline_status(found.next_deadline, today, soon))


# --- the page -----------------------------------------------------------------------------------

@bp.route("/complaints")
@login_required
def caseload():
    form = FilterForm(formdata=request.args)
    filters = Filters.from_form(form)
    today = clock.today()
    soon = soon_until(calendar_for(g.landlord.nation), today)
    after, before = parse_position(request.args.get("after")), parse_position(request.args.get("before"))
    page = read_page(matching(g.landlord.slug, filters, today), after, None if after else before)
    args = filters.query_args()
    links = {"previous": page.previous and url_for(".caseload", before=position_text(page.previous), **args),
             "next": page.next and url_for(".caseload", after=position_text(page.next), **args)}
    return render_template("staff/caseload.html", form=form, filters=filters, page=page, links=links,
                           total=format_number(page.total), paged=bool(after or before),
                           ended=ended_with_reference(g.landlord.slug, filters.search),
                           rows=[row_of(r, g.landlord.name, today, soon) for r in page.rows],
                           short_date=lambda day: format_date(day, "d MMMM y"))
