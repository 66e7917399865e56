"""The caseload at /<slug>/staff/complaints: this landlord's open complaints, soonest deadline
first, each with its next deadline and whether it is overdue, due soon or on track, in words and
colour; filtered by stage and overdue, searched by reference or name, a page at a time."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode

import pytest
from sqlalchemy import insert

from assistant import casework
from assistant.extensions import db
from assistant.models import Complaint, Draft
from assistant.policy.calendar import calendar_for
from assistant.staff import accounts
from assistant.staff.caseload import PAGE_SIZE, deadline_status, soon_until

from .helpers import END, MYSELF, exclusion_answers, lodge, token, walk

EMAIL, PASSWORD = "caseworker@kennett.example", "correct horse battery staple"
URL = "/kennett/staff/complaints"
TODAY = date(2026, 11, 24)  # conftest's frozen "today": a Tuesday


@pytest.fixture
def signed_in(app, client):
    app.config["STAFF_SIGNIN_DELAY"] = False
    with app.app_context():
        accounts.create("kennett", EMAIL, PASSWORD)
    url = "/kennett/staff/"
    response = client.post(url, data={"csrf_token": token(client, url), "email": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    return client


def complaint(reference: str, *, landlord: str = "kennett", name: str = "Ada Resident", status: str = "open",
              stage: int = 1, deadline: date | None = date(2026, 12, 8), milestone: str = "stage1_respond_by",
              received: date = date(2026, 11, 20), channel: str = "online") -> dict:
    """A complaint row as casework stores it, ready to insert."""
    return {"reference": reference, "landlord": landlord, "answers": {}, "nation": "england",
            "received_on": received, "status": status, "stage": stage, "next_deadline": deadline,
            "next_milestone": milestone if deadline else None, "resident_name": name, "channel": channel,
            "deadlines": {milestone: deadline.isoformat()} if deadline else {}}


def add(app, *rows: dict) -> None:
    """Insert the complaints, each with the draft it was lodged from."""
    with app.app_context():
        start = db.session.execute(db.select(db.func.max(Draft.id))).scalar() or 0
        rows = [{**row, "draft_id": start + n} for n, row in enumerate(rows, 1)]
        db.session.execute(insert(Draft), [{"id": row["draft_id"], "landlord": row["landlord"],
                                            "resume_hash": f"{row['draft_id']:064d}", "answers": {}} for row in rows])
        db.session.execute(insert(Complaint), rows)
        db.session.commit()


def html(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.headers.get("Location")
    return response.get_data(as_text=True)


def references(page: str) -> list[str]:
    return re.findall(r'<a class="caseload__reference" href="/kennett/staff/complaints/[^"]+">([^<]+)</a>', page)


def link(page: str, rel: str) -> str | None:
    found = re.search(rf'<a class="pagination__link" href="([^"]+)" rel="{rel}"', page)
    return found.group(1).replace("&amp;", "&") if found else None


# --- who may see it -----------------------------------------------------------------------------

def test_without_signing_in_it_goes_to_sign_in_and_back(client):
    response = client.get(URL + "?stage=2")
    assert response.status_code == 302
    assert response.headers["Location"] == "/kennett/staff/?next=/kennett/staff/complaints?stage%3D2"


def test_the_staff_home_page_links_to_it(signed_in):
    assert f'<a href="{URL}">Caseload</a>' in html(signed_in, "/kennett/staff/home")


def test_only_this_landlords_open_complaints_are_listed(app, signed_in):
    add(app, complaint("KCLT-AAAA-AAA"), complaint("KCLT-BBBB-BBB", status="closed", deadline=None),
        complaint("KCLT-CCCC-CCC", status="refused", deadline=None),
        complaint("WKHA-DDDD-DDD", landlord="west-kent"))
    page = html(signed_in)
    assert references(page) == ["KCLT-AAAA-AAA"]
    assert re.search(r"<p>\s*1 open complaint\s*</p>", page) and "WKHA-DDDD-DDD" not in page
    # Searching for another landlord's complaint by its reference finds nothing either.
    assert references(html(signed_in, URL + "?q=WKHA-DDDD-DDD")) == []


# --- order and what each row says --------------------------------------------------------------

def test_soonest_deadline_first_then_oldest_then_those_without_a_deadline(app, signed_in):
    add(app, complaint("KCLT-LATE-222", deadline=date(2026, 12, 20)),
        complaint("KCLT-NONE-222", deadline=None),
        complaint("KCLT-SOON-NEW", deadline=date(2026, 11, 26), received=date(2026, 11, 24)),
        complaint("KCLT-SOON-OLD", deadline=date(2026, 11, 26), received=date(2026, 11, 10)),
        complaint("KCLT-PAST-222", deadline=date(2026, 11, 2)))
    assert references(html(signed_in)) == ["KCLT-PAST-222", "KCLT-SOON-OLD", "KCLT-SOON-NEW", "KCLT-LATE-222",
                                           "KCLT-NONE-222"]


def row_of(page: str, reference: str) -> str:
    return re.search(rf'<tr class="caseload__row[^"]*">\s*<th scope="row"[^>]*><a[^>]*>{reference}</a>.*?</tr>',
                     page, re.S).group(0)


@pytest.mark.parametrize("deadline, words, colour", [
    (date(2026, 11, 23), "Overdue", "tag--overdue"),  # yesterday
    (date(2026, 11, 24), "Due soon", "tag--soon"),  # today is not overdue yet
    (date(2026, 11, 26), "Due soon", "tag--soon"),  # Thursday: 2 working days from Tuesday
    (date(2026, 11, 27), "On track", "tag--on-track"),  # Friday: 3
    (None, "No deadline", "tag--none"),
])
def test_each_row_says_in_words_and_colour_whether_it_is_overdue_due_soon_or_on_track(
        app, signed_in, deadline, words, colour):
    add(app, complaint("KCLT-2222-222", deadline=deadline))
    row = row_of(html(signed_in), "KCLT-2222-222")
    assert f'<strong class="tag {colour}">{words}</strong>' in row


def test_a_row_gives_the_reference_link_name_channel_stage_dates_and_what_is_due(app, signed_in):
    add(app, complaint("KCLT-7K2F-9QX", name="Bronwen Hughes", stage=2, channel="phone",
                       received=date(2026, 10, 5), deadline=date(2026, 12, 1), milestone="stage2_respond_by"))
    row = row_of(html(signed_in), "KCLT-7K2F-9QX")
    assert 'href="/kennett/staff/complaints/KCLT-7K2F-9QX"' in row
    cells = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells == ["On track", "1 December 2026 Send the final answer",
                     "Bronwen Hughes", "2", "5 October 2026", "Phone call"]
    assert '<time datetime="2026-10-05">' in row and 'datetime="2026-12-01"' in row


def test_the_table_has_a_caption_headers_and_a_labelled_scrolling_region(app, signed_in):
    add(app, complaint("KCLT-2222-222"))
    page = html(signed_in)
    assert '<div class="table-scroll" role="region" aria-labelledby="caseload-caption" tabindex="0">' in page
    assert '<caption id="caseload-caption"' in page
    assert page.count('<th scope="col">') == 7 and page.count('<th scope="row"') == 1


def test_a_complaint_lodged_online_is_listed_and_follows_its_events(app, client, signed_in):
    # The resident's own session, in another browser.
    resident = app.test_client()
    walk(resident, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    lodge(resident, "kennett")
    with app.app_context():
        lodged = db.session.execute(db.select(Complaint)).scalar_one()
        reference = lodged.reference
    row = row_of(html(signed_in), reference)
    # Received Tuesday 24 November; Kennett acknowledges within 2 working days: Thursday 26th.
    assert "Ada Resident" in row and "Online" in row and "24 November 2026" in row
    assert "26 November 2026" in row and "Acknowledge the complaint" in row and "Due soon" in row

    with app.app_context():
        lodged = db.session.execute(db.select(Complaint)).scalar_one()
        casework.record(lodged, "acknowledged", date(2026, 11, 24), "staff", TODAY,
                        data={"definition": "The boiler repairs."})
        db.session.commit()
    # Acknowledged: next is the stage 1 answer, 14 days from receipt (as on the resident's page).
    row = row_of(html(signed_in), reference)
    assert "8 December 2026" in row and "Send the stage 1 answer" in row and "On track" in row


# --- filters and search -------------------------------------------------------------------------

@pytest.fixture
def mixed(app):
    add(app, complaint("KCLT-2222-ONE", stage=1, deadline=date(2026, 11, 20)),  # overdue
        complaint("KCLT-2222-TWO", stage=2, deadline=date(2026, 11, 23), milestone="stage2_respond_by"),  # overdue
        complaint("KCLT-3333-ONE", stage=1, deadline=date(2026, 12, 20)),
        complaint("KCLT-3333-TWO", stage=2, deadline=date(2027, 1, 20), milestone="stage2_respond_by"))


@pytest.mark.parametrize("query, expected", [
    ("?stage=1", ["KCLT-2222-ONE", "KCLT-3333-ONE"]),
    ("?stage=2", ["KCLT-2222-TWO", "KCLT-3333-TWO"]),
    ("?stage=", ["KCLT-2222-ONE", "KCLT-2222-TWO", "KCLT-3333-ONE", "KCLT-3333-TWO"]),  # any stage
    ("?stage=7", ["KCLT-2222-ONE", "KCLT-2222-TWO", "KCLT-3333-ONE", "KCLT-3333-TWO"]),  # not a stage: ignored
    ("?overdue=yes", ["KCLT-2222-ONE", "KCLT-2222-TWO"]),
    ("?stage=2&overdue=yes", ["KCLT-2222-TWO"]),
])
def test_filters_by_stage_and_overdue(signed_in, mixed, query, expected):
    assert references(html(signed_in, URL + query)) == expected


def test_the_filter_form_is_a_get_form_that_shows_what_is_set(signed_in, mixed):
    page = html(signed_in, URL + "?stage=2&overdue=yes&q=ada")
    form = re.search(r'<form class="filters" method="get".*?</form>', page, re.S).group(0)
    assert 'value="2" checked' in form and 'value="yes" checked' in form and 'value="ada"' in form
    assert "Clear filters" in form
    assert "1 open complaint matches" in page


@pytest.mark.parametrize("typed", ["KCLT-7K2F-9QX", "kclt-7k2f-9qx", " kclt - 7k2f - 9qx ", "KCLT 7K2F 9QX",
                                   "kclt7k2f9qx"])
def test_search_by_reference_ignores_spaces_and_capitals(app, signed_in, typed):
    add(app, complaint("KCLT-7K2F-9QX"), complaint("KCLT-7K2F-9QY"))
    assert references(html(signed_in, URL + "?" + urlencode({"q": typed}))) == ["KCLT-7K2F-9QX"]


@pytest.mark.parametrize("typed, expected", [
    ("ada", ["KCLT-2222-AAA", "KCLT-2222-BBB"]),  # the start of the name, any capitals
    ("ADA  LOVE", ["KCLT-2222-AAA"]),  # spaces run together
    ("Ada Lovelace", ["KCLT-2222-AAA"]),
    ("o'b", ["KCLT-2222-DDD"]),
    ("lovelace", ["KCLT-2222-AAA"]),  # a surname: the start of a later word
    ("okafor", ["KCLT-2222-BBB"]),
    ("ace", []),  # the start of a word only, not the middle of one
    ("%", []), ("_da", []),  # nothing typed is a wildcard
])
def test_search_by_the_start_of_the_residents_name(app, signed_in, typed, expected):
    add(app, complaint("KCLT-2222-AAA", name="Ada Lovelace", deadline=date(2026, 12, 1)),
        complaint("KCLT-2222-BBB", name="Adaeze Okafor", deadline=date(2026, 12, 2)),
        complaint("KCLT-2222-CCC", name="Grace Hopper"),
        complaint("KCLT-2222-DDD", name="O'Brien Siobhan"),
        complaint("KCLT-2222-EEE", name="Ada Closed", status="closed", deadline=None))
    assert references(html(signed_in, URL + "?" + urlencode({"q": typed}))) == expected


@pytest.mark.parametrize("status", ["closed", "refused"])
def test_a_closed_or_refused_complaint_looked_up_by_reference_is_still_reached(app, signed_in, status):
    add(app, complaint("KCLT-7K2F-9QX", status=status, deadline=None))
    page = html(signed_in, URL + "?q=kclt7k2f9qx")
    assert "KCLT-7K2F-9QX is closed or was not accepted, so it is not in this list." in page
    assert '<a href="/kennett/staff/complaints/KCLT-7K2F-9QX">Open the case KCLT-7K2F-9QX</a>' in page
    assert "Open the case" not in html(signed_in, URL + "?q=ada")  # a name search lists open ones only


def test_nothing_found_says_so(signed_in, mixed):
    page = html(signed_in, URL + "?q=nobody")
    assert "0 open complaints match" in page and "No open complaints match." in page
    assert "<table" not in page


# --- pages --------------------------------------------------------------------------------------

def test_pages_of_fifty_with_next_and_previous_links_that_keep_the_filters(app, signed_in):
    # 120 open stage 1 complaints, due a day apart, and one at stage 2 that the filter leaves out.
    add(app, *[complaint(f"KCLT-{n:04d}-AAA", deadline=date.fromordinal(TODAY.toordinal() + n)) for n in range(120)],
        complaint("KCLT-STG2-AAA", stage=2, deadline=TODAY))
    expected = [f"KCLT-{n:04d}-AAA" for n in range(120)]
    first = html(signed_in, URL + "?stage=1")
    assert references(first) == expected[:PAGE_SIZE] and link(first, "prev") is None
    assert "120 open complaints match" in first
    second = html(signed_in, link(first, "next"))
    assert "stage=1" in link(first, "next") and references(second) == expected[PAGE_SIZE:2 * PAGE_SIZE]
    third = html(signed_in, link(second, "next"))
    assert references(third) == expected[2 * PAGE_SIZE:] and link(third, "next") is None
    back = html(signed_in, link(third, "prev"))
    assert references(back) == references(second)
    assert references(html(signed_in, link(back, "prev"))) == expected[:PAGE_SIZE]
    assert link(html(signed_in, link(back, "prev")), "prev") is None


def test_complaints_sharing_a_deadline_are_neither_skipped_nor_repeated_across_pages(app, signed_in):
    add(app, *[complaint(f"KCLT-{n:04d}-BBB", deadline=date(2026, 12, 1)) for n in range(PAGE_SIZE + 5)])
    first = html(signed_in)
    second = html(signed_in, link(first, "next"))
    assert sorted(references(first) + references(second)) == [f"KCLT-{n:04d}-BBB" for n in range(PAGE_SIZE + 5)]


@pytest.mark.parametrize("cursor", ["after=nonsense", "after=2026-13-01.2026-11-01.1", "before=1.2.3", "after="])
def test_a_mangled_page_link_shows_the_first_page(app, signed_in, cursor):
    add(app, complaint("KCLT-2222-222"))
    assert references(html(signed_in, f"{URL}?{cursor}")) == ["KCLT-2222-222"]


def test_a_page_past_the_end_says_so_and_links_to_the_first(app, signed_in):
    add(app, complaint("KCLT-2222-222"))
    page = html(signed_in, URL + "?after=9999-12-31.2026-11-01.99")
    assert "There are no more open complaints." in page and f'<a href="{URL}">Go to the first page</a>' in page


# --- the rule for "due soon", by hand -----------------------------------------------------------

@pytest.mark.parametrize("today, deadline, expected", [
    (date(2026, 11, 24), date(2026, 11, 23), "overdue"),
    (date(2026, 11, 24), date(2026, 11, 24), "soon"),
    (date(2026, 11, 24), date(2026, 11, 26), "soon"),  # Tuesday + 2 working days: Thursday
    (date(2026, 11, 24), date(2026, 11, 27), "on-track"),
    (date(2026, 11, 27), date(2026, 12, 1), "soon"),  # Friday + 2 working days: Tuesday, over the weekend
    (date(2026, 11, 27), date(2026, 12, 2), "on-track"),
    # Thursday 24 December 2026: Christmas Day (Friday), the weekend and Boxing Day's substitute
    # (Monday 28th) do not count, so 2 working days reach Wednesday 30 December.
    (date(2026, 12, 24), date(2026, 12, 30), "soon"),
    (date(2026, 12, 24), date(2026, 12, 31), "on-track"),
    (date(2026, 11, 24), None, "none"),
])
def test_due_soon_means_within_two_working_days(today, deadline, expected):
    assert deadline_status(deadline, today, soon_until(calendar_for("england"), today)) == expected
