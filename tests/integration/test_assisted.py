"""Assisted digital: staff enter a complaint taken by phone, letter or in person through the very
same dialogue, worded for them, with how and when it came in."""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.extensions import db
from assistant.models import Complaint, OutboxMessage

from .helpers import END, MYSELF, answer, exclusion_answers, lodge, sign_in_staff, staff_member, walk

NEW = "kennett/staff/new"
# A letter that arrived last Friday, 20 November 2026 (today is Tuesday 24 November).
INTAKE = ("how-it-came-in", {"channel": "letter", "received_on-day": "20", "received_on-month": "11",
                             "received_on-year": "2026", "language": "en"})


@pytest.fixture
def staff(app, client):
    sign_in_staff(client, staff_member(app))
    return client


def page(response) -> str:
    return response.get_data(as_text=True)


def complaint(app) -> Complaint:
    with app.app_context():
        found = db.session.execute(db.select(Complaint)).scalar_one()
        db.session.expunge(found)
        return found


def test_only_signed_in_staff_can_enter_a_complaint(app, client):
    response = client.get(f"/{NEW}/complain/how-it-came-in")
    assert response.status_code == 302 and "/kennett/staff/?next=" in response.headers["Location"]
    assert client.get(f"/{NEW}/").status_code == 302


def test_staff_of_another_landlord_cannot_enter_complaints_for_this_one(app, client):
    sign_in_staff(client, staff_member(app, "west-kent", "wk@example.org"), "west-kent")
    assert "/kennett/staff/" in client.get(f"/{NEW}/complain/how-it-came-in").headers["Location"]


def test_the_same_steps_worded_for_staff_with_intake_first(staff):
    start = page(staff.get(f"/{NEW}/"))
    assert "New complaint" in start and f"/{NEW}/complain/how-it-came-in" in start
    intake = page(staff.get(f"/{NEW}/complain/how-it-came-in"))
    assert "How did the complaint come in?" in intake and "From a councillor or MP" in intake
    walk(staff, NEW, [INTAKE])
    who = page(staff.get(f"/{NEW}/complain/who-is-complaining"))
    assert "<title>Who is making the complaint? – Kennett Community Land Trust</title>" in who
    assert "The resident" in who and "Staff: you are entering a complaint for a resident." in who
    walk(staff, NEW, MYSELF + exclusion_answers(staff.application, "kennett") + END[:2])
    contact = page(staff.get(f"/{NEW}/complain/contact-details"))
    assert "The resident’s full name" in contact and "Your full name" not in contact
    assert "We will send them a link" in contact


def test_a_letter_from_last_week_counts_from_the_day_it_arrived(app, staff):
    walk(staff, NEW, [INTAKE] + MYSELF + exclusion_answers(app, "kennett") + END)
    check = page(staff.get(f"/{NEW}/complain/check"))
    assert "How it came in" in check and "Letter" in check and "20 November 2026" in check
    assert lodge(staff, NEW).headers["Location"].endswith(f"/{NEW}/complain/sent")
    lodged = complaint(app)
    assert lodged.received_on == date(2026, 11, 20) and lodged.channel == "letter"
    assert lodged.entered_by is not None and lodged.resident_name == "Ada Resident"
    # Kennett acknowledges in 2 working days from Friday 20 November: Monday 23, Tuesday 24.
    assert lodged.deadlines["stage1_acknowledge_by"] == "2026-11-24"


def test_the_confirmation_gives_the_reference_to_read_out_and_texts_a_phone_only_resident(app, staff):
    walk(staff, NEW, [INTAKE] + MYSELF + exclusion_answers(app, "kennett") + END)  # phone only, prefers text
    lodge(staff, NEW)
    sent = page(staff.get(f"/{NEW}/complain/sent"))
    reference = complaint(app).reference
    assert reference in sent and "Kilo" in sent and "We have sent the resident a text" in sent
    with app.app_context():
        [text] = db.session.execute(db.select(OutboxMessage)).scalars().all()
    assert text.channel == "text" and text.to == "07700 900982" and reference in text.body
    link = re.search(r"http://localhost(\S+)", text.body).group(1)
    assert reference in page(app.test_client().get(link))


def test_email_preference_gets_an_email(app, staff):
    end = END[:2] + [("contact-details", {"name": "Ada Resident", "email": "ada@example.org"}),
                     ("contact-preference", {"method": "email"})]
    walk(staff, NEW, [INTAKE] + MYSELF + exclusion_answers(app, "kennett") + end)
    lodge(staff, NEW)
    with app.app_context():
        [email] = db.session.execute(db.select(OutboxMessage)).scalars().all()
    assert email.channel == "email" and email.to == "ada@example.org"


def test_letter_preference_shows_a_letter_to_print_with_the_private_link(app, staff):
    end = END[:2] + [("contact-details", {"name": "Ada Resident", "address": "1 High Street\nKennett"}),
                     ("contact-preference", {"method": "letter"})]
    walk(staff, NEW, [INTAKE] + MYSELF + exclusion_answers(app, "kennett") + end)
    lodge(staff, NEW)
    assert "Show the letter to print" in page(staff.get(f"/{NEW}/complain/sent"))
    letter = page(staff.get(f"/{NEW}/complain/letter"))
    assert "1 High Street" in letter and "/kennett/complaint/" in letter and complaint(app).reference in letter
    with app.app_context():
        assert db.session.execute(db.select(OutboxMessage)).scalars().all() == []


def test_an_advocate_calling_for_the_resident_is_recorded_with_permission(app, staff):
    advocate = [("who-is-complaining", {"who": "someone-else"}),
                ("advocate-details", {"name": "Cllr Jo Bloggs", "relationship": "councillor", "phone": "01632 960001"}),
                ("resident-details", {"name": "Ada Resident", "address": "1 High Street"}),
                ("permission", {"permission": "signed-form"})]
    walk(staff, NEW, [INTAKE] + advocate + MYSELF[1:] + exclusion_answers(app, "kennett") + END[:2]
         + [("contact-preference", {"method": "phone"})])
    lodge(staff, NEW)
    lodged = complaint(app)
    assert lodged.answers["advocate-details"]["relationship"] == "councillor"
    assert lodged.answers["permission"]["permission"] == "signed-form"
    assert lodged.resident_name == "Ada Resident"
    # A landline cannot take a text and a call cannot carry a link: a letter, to the resident's address.
    assert "Show the letter to print" in page(staff.get(f"/{NEW}/complain/sent"))


@pytest.mark.parametrize("parts, message", [(("1", "1", "2027"), "must be today or in the past"),
                                            (("", "", ""), "Enter the date it was received")])
def test_the_received_date_is_checked(staff, parts, message):
    day, month, year = parts
    html = page(answer(staff, NEW, "how-it-came-in", {"channel": "phone", "language": "en", "received_on-day": day,
                                                      "received_on-month": month, "received_on-year": year}))
    assert message in html


def test_residents_and_staff_drafts_do_not_mix(app, client):
    walk(client, "kennett", MYSELF[:2])
    sign_in_staff(client, staff_member(app))
    assert client.get(f"/{NEW}/complain/danger").headers["Location"].endswith("/complain/how-it-came-in")
