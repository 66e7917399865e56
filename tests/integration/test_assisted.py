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


def test_the_letter_and_messages_go_in_the_language_staff_asked_the_resident_for(app, staff):
    """The member of staff works in English; the resident asked for Welsh letters and Urdu
    emails: what goes to the resident is in their language, and the case records it."""
    welsh = ("how-it-came-in", {**INTAKE[1], "language": "cy"})
    end = END[:2] + [("contact-details", {"name": "Ada Resident", "address": "1 High Street\nKennett"}),
                     ("contact-preference", {"method": "letter"})]
    walk(staff, NEW, [welsh] + MYSELF + exclusion_answers(app, "kennett") + end)
    lodge(staff, NEW)
    reference = complaint(app).reference
    assert complaint(app).locale == "cy"
    sent = page(staff.get(f"/{NEW}/complain/sent"))
    assert '<html lang="en"' in sent and "Show the letter to print" in sent  # staff pages stay English
    letter = page(staff.get(f"/{NEW}/complain/letter"))
    assert '<html lang="cy" dir="ltr">' in letter and f"Eich cwyn {reference}" in letter
    assert "Dydd Gwener 20 Tachwedd 2026" in letter  # received on the day the letter came, in Welsh
    case = page(staff.get(f"/kennett/staff/complaints/{reference}"))
    assert '<span lang="cy">Cymraeg</span> (Welsh)' in case


def test_an_email_goes_in_the_residents_language(app, client):
    sign_in_staff(client, staff_member(app))
    urdu = ("how-it-came-in", {**INTAKE[1], "language": "ur"})
    end = END[:2] + [("contact-details", {"name": "Ada Resident", "email": "ada@example.org"}),
                     ("contact-preference", {"method": "email"})]
    walk(client, NEW, [urdu] + MYSELF + exclusion_answers(app, "kennett") + end)
    lodge(client, NEW)
    with app.app_context():
        [email] = db.session.execute(db.select(OutboxMessage)).scalars().all()
    assert email.subject.startswith("Kennett Community Land Trust کو آپ کی شکایت")
    assert "Kennett" in email.body and "آپ" in email.body


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
    assert "has not been sent" not in page(staff.get(f"/{NEW}/complain/sent"))


def test_a_landline_and_no_address_means_reading_out_the_reference_and_how_to_find_the_complaint(app, staff):
    end = END[:2] + [("contact-details", {"name": "Ada Resident", "phone": "01632 960001"}),
                     ("contact-preference", {"method": "phone"})]
    walk(staff, NEW, [INTAKE] + MYSELF + exclusion_answers(app, "kennett") + end)
    lodge(staff, NEW)
    sent = page(staff.get(f"/{NEW}/complain/sent"))
    assert complaint(app).reference in sent and "Read the reference to the caller" in sent
    assert "Their private link has not been sent" in sent and "no mobile number, email address or postal address" in sent
    assert "“Find my complaint”" in sent and "the phone number they gave" in sent
    assert 'href="http://localhost/kennett/complaint/find"' in sent
    assert "ask them for a mobile number or a postal address" in sent
    assert "Print this letter and post it to them" not in sent
    with app.app_context():
        assert db.session.execute(db.select(OutboxMessage)).scalars().all() == []  # nothing sent anywhere


def test_staff_see_their_own_words_on_every_page_and_residents_keep_theirs(app, client):
    steps = MYSELF[:5] + [("reported-before", {"reported": "not-sure"})] + exclusion_answers(app, "kennett") + END
    walk(client, "kennett", steps)
    resident = page(client.get("/kennett/complain/check"))
    for words in ("Check your answers before sending your complaint", "About you", "What you would like to happen",
                  "Support you need", "How to contact you", "Now send your complaint", "you confirm that the details",
                  "Send my complaint", "Have you reported this to Kennett Community Land Trust before?",
                  "Is it about your own job, as someone who works for Kennett Community Land Trust?", "I am not sure"):
        assert words in resident, words
    saved = page(client.get("/kennett/complain/save"))
    assert "Your answers are saved" in saved and "Email me the link" in saved and "Carry on with my complaint now" in saved

    staff = app.test_client()
    sign_in_staff(staff, staff_member(app))
    walk(staff, NEW, [INTAKE] + steps)
    check = page(staff.get(f"/{NEW}/complain/check"))
    for words in ("<title>Check the answers before sending the complaint", "About the resident",
                  "What they would like to happen", "Support they need", "How to contact them", "Now send the complaint",
                  "read the answers back to the caller", ">Send the complaint</button>", "They are not sure",
                  "Ask the caller: have they reported this to Kennett Community Land Trust before?",
                  "Ask the caller: is it about their own job, as someone who works for Kennett Community Land Trust?"):
        assert words in check, words
    assert "Send my complaint" not in check and "About you" not in check
    question = page(staff.get(f"/{NEW}/complain/exclusion-staff-employment"))
    assert "<title>Ask the caller: is it about their own job" in question and "They are not sure" in question
    saved = page(staff.get(f"/{NEW}/complain/save"))
    assert "The answers are saved" in saved and "Email the link" in saved and "Carry on with the complaint now" in saved
    assert "opens only for signed-in staff" in saved


def test_every_exclusion_question_a_policy_can_ask_has_staff_wording():
    from assistant.forms.assisted_wording import EXCLUSION_QUESTIONS
    from assistant.policy.exclusions import KINDS, Treatment

    assert set(EXCLUSION_QUESTIONS) == {kind for kind, how in KINDS.items() if how is Treatment.ASKED}


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


# --- a draft stays in the flow that made it -------------------------------------------------------

def saved_link(client, prefix: str, step: str = "who-is-complaining", data: dict | None = None) -> str:
    """Save a draft for later (as "Save and come back later" does) and return its resume path."""
    answer(client, prefix, step, data or {"who": "myself"}, button="save_later")
    link = re.search(r'class="private-link"><a href="http://localhost([^"]+)"', page(client.get(f"/{prefix}/complain/save")))
    return link.group(1)


def test_a_staff_drafts_link_resumes_only_for_signed_in_staff_of_that_landlord(app, staff):
    walk(staff, NEW, [INTAKE])
    link = saved_link(staff, NEW)
    token_part = link.rsplit("/", 1)[1]
    assert link == f"/{NEW}/complain/resume/{token_part}"
    # Anyone else, in the resident's flow: a plain not found, and nothing is lodged as online.
    anyone = app.test_client()
    assert anyone.get(f"/kennett/complain/resume/{token_part}").status_code == 404
    assert anyone.get("/kennett/complain/check").headers["Location"].endswith("/kennett/")
    # Signed out, the staff link asks for sign-in; another landlord's staff cannot use it either.
    assert "/kennett/staff/?next=" in anyone.get(link).headers["Location"]
    other = app.test_client()
    sign_in_staff(other, staff_member(app, "west-kent", "wk@example.org"), "west-kent")
    assert other.get(link).status_code == 302
    assert other.get(f"/west-kent/staff/new/complain/resume/{token_part}").status_code == 404
    # A colleague at the same landlord carries on where it was left.
    colleague = app.test_client()
    sign_in_staff(colleague, staff_member(app, email="colleague@example.org"))
    assert colleague.get(link).headers["Location"].endswith(f"/{NEW}/complain/danger")
    with app.app_context():
        assert db.session.execute(db.select(Complaint)).scalars().all() == []


def test_a_residents_draft_link_does_not_open_in_the_staff_flow(app, staff):
    resident = app.test_client()
    link = saved_link(resident, "kennett")
    assert link.startswith("/kennett/complain/resume/")
    assert resident.get(link).status_code == 302
    assert staff.get(f"/{NEW}/complain/resume/{link.rsplit('/', 1)[1]}").status_code == 404


# --- headers and the session ------------------------------------------------------------------------

def test_staff_pages_of_the_dialogue_are_not_stored_nor_indexed_and_residents_pages_are_as_before(app, client, staff):
    for url in (f"/{NEW}/", f"/{NEW}/complain/how-it-came-in"):
        response = staff.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert app.test_client().get(f"/{NEW}/").headers["Cache-Control"] == "no-store"  # the way to sign-in too
    assert staff.get("/kennett/staff/home").headers["X-Robots-Tag"] == "noindex, nofollow"
    resident = client.get("/kennett/complain/who-is-complaining")
    assert "no-store" not in resident.headers.get("Cache-Control", "") and "X-Robots-Tag" not in resident.headers


def test_a_staff_session_is_not_kept_after_the_browser_closes_but_a_residents_draft_is(app, staff):
    entered = answer(staff, NEW, *INTAKE)
    assert "Expires=" not in entered.headers["Set-Cookie"]
    resident = answer(app.test_client(), "kennett", "who-is-complaining", {"who": "myself"})
    assert "Expires=" in resident.headers["Set-Cookie"]
