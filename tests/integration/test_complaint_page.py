"""The resident's own complaint page: timeline, rights, escalation, calendar file, finding it again."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from assistant import casework
from assistant.extensions import db
from assistant.models import CaseEvent, Complaint, OutboxMessage

from .helpers import END, MYSELF, exclusion_answers, lodge, token, walk


def lodged(app, client, slug="kennett", end=END):
    walk(client, slug, MYSELF + exclusion_answers(app, slug) + end)
    lodge(client, slug)
    sent = client.get(f"/{slug}/complain/sent").get_data(as_text=True)
    return re.search(r'class="private-link"><a href="http://localhost([^"]+)"', sent).group(1)


def record(app, kind, on, **data):
    with app.app_context():
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        casework.record(complaint, kind, on, "staff", date(2026, 12, 31), data=data)
        db.session.commit()


def test_the_timeline_shows_projected_dates_in_words_with_time_elements(app, client):
    html = client.get(lodged(app, client)).get_data(as_text=True)
    # Received Tuesday 24 November 2026. Kennett acknowledges in 2 working days: Wed 25, Thu 26.
    assert '<time datetime="2026-11-26">Thursday 26 November 2026</time>' in html
    assert "Kennett Community Land Trust acknowledges your complaint" in html
    # Stage 1 answer: 14 days from receipt (8 December) is earlier than 14 working days (14 December)
    # and than the Code's 10 working days from the acknowledgement (the Code's ack-by is Tue 1 Dec:
    # 2,3,4,7,8,9,10,11,14,15 -> Tuesday 15 December).
    assert '<time datetime="2026-12-08">Tuesday 8 December 2026</time>' in html
    assert "How this date was worked out" in html and "We show the earlier date" in html
    assert html.index("2026-11-26") < html.index("2026-12-08")  # an ordered list, in date order
    assert "Due" in html


def test_rights_and_the_out_of_date_8_week_rule_are_stated(app, client):
    html = client.get(lodged(app, client)).get_data(as_text=True)
    assert "0300 111 3000" in html and "PO Box 152, Liverpool L33 7WQ" in html
    assert "designated person" in html and "It is free" in html
    assert "That rule ended on 1 October 2022" in html


def test_kctmo_residents_are_told_of_two_stages_and_the_right_ombudsman(app, client):
    html = client.get(lodged(app, client, "kctmo")).get_data(as_text=True)
    assert "allows only two" in html and "names the wrong ombudsman" in html


def test_overdue_deadlines_say_so_in_words_and_what_to_do(app, client):
    link = lodged(app, client)
    app.config["TODAY"] = "2026-12-01"
    html = client.get(link).get_data(as_text=True)
    assert "Overdue" in html and "This is late" in html


def test_escalation_button_appears_once_the_stage_1_answer_is_recorded_and_moves_the_deadlines(app, client):
    link = lodged(app, client)
    assert "Ask for stage 2" not in client.get(link).get_data(as_text=True)
    record(app, "acknowledged", date(2026, 11, 25), definition="The boiler repairs.")
    record(app, "stage1_response", date(2026, 12, 4), decisions=[{"point": "Boiler", "decision": "partly-upheld"}],
           reasons="We were slow.", remedy="An engineer visit.")
    app.config["TODAY"] = "2026-12-07"
    html = client.get(link).get_data(as_text=True)
    assert "Ask for stage 2" in html and "The boiler repairs." in html and "Partly upheld" in html
    csrf = token(client, link)
    response = client.post(link, data={"csrf_token": csrf, "reason": "Still no heating"})
    assert response.status_code == 302
    html = client.get(link).get_data(as_text=True)
    assert "You have asked for stage 2" in html and "Ask for stage 2</h2>" not in html
    # Stage 2 acknowledged within 2 working days of Monday 7 December (Kennett): Wednesday 9 December.
    assert '<time datetime="2026-12-09">' in html
    with app.app_context():
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        assert complaint.stage == 2 and complaint.deadlines["stage2_acknowledge_by"] == "2026-12-09"
        assert complaint.events[-1].actor == "resident" and complaint.events[-1].data["reason"] == "Still no heating"
    # A replayed escalation does nothing more.
    client.post(link, data={"csrf_token": csrf})
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(CaseEvent.id)).where(CaseEvent.kind == "escalated")).scalar() == 1


def test_internal_notes_are_never_shown_to_the_resident(app, client):
    link = lodged(app, client)
    record(app, "note", date(2026, 11, 24), text="Tenant called twice; secret internal remark")
    assert "secret internal remark" not in client.get(link).get_data(as_text=True)


def test_the_audit_log_cannot_be_edited_or_deleted(app, client):
    lodged(app, client)
    record(app, "acknowledged", date(2026, 11, 25), definition="x")
    with app.app_context():
        event = db.session.execute(db.select(CaseEvent)).scalar_one()
        event.data = {"definition": "changed"}
        with pytest.raises(PermissionError):
            db.session.commit()
        db.session.rollback()
        db.session.delete(db.session.execute(db.select(CaseEvent)).scalar_one())
        with pytest.raises(PermissionError):
            db.session.commit()


@pytest.mark.parametrize("statement", ["update", "delete"])
def test_the_database_refuses_bulk_changes_to_the_audit_log_too(app, client, statement):
    lodged(app, client)
    record(app, "acknowledged", date(2026, 11, 25), definition="x")
    with app.app_context():
        change = update(CaseEvent).values(data={"definition": "changed"}) if statement == "update" else delete(CaseEvent)
        with pytest.raises(DatabaseError, match="append-only"):
            db.session.execute(change)
        db.session.rollback()
        assert db.session.execute(db.select(CaseEvent.data)).scalar_one() == {"definition": "x"}


def test_the_deadlines_download_as_a_calendar_file(app, client):
    link = lodged(app, client)
    response = client.get(link + "/deadlines.ics")
    assert response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20261126" in body and "UID:KCLT-" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert client.get("/kennett/complaint/wrong-token/deadlines.ics").status_code == 404


@pytest.mark.parametrize("given", ["07700 900982", "+447700900982", "07700900982"])
def test_find_my_complaint_by_phone_sends_a_new_link_by_text_and_old_links_keep_working(app, client, given):
    link = lodged(app, client)
    reference = db_reference(app)
    other = app.test_client()
    csrf = token(other, "/kennett/complaint/find")
    html = other.post("/kennett/complaint/find", data={"csrf_token": csrf, "reference": reference.lower(),
                                                       "contact": given}).get_data(as_text=True)
    assert "If the reference and the contact details match" in html
    with app.app_context():
        [text] = db.session.execute(db.select(OutboxMessage)).scalars().all()
    assert text.channel == "text" and text.to == "07700 900982"
    new_link = re.search(r"http://localhost(\S+)", text.body).group(1)
    assert new_link != link
    assert reference in other.get(new_link).get_data(as_text=True)
    assert other.get(link).status_code == 200


def test_find_my_complaint_by_email(app, client):
    end = END[:2] + [("contact-details", {"name": "Ada", "email": "Ada@Example.org"}),
                     ("contact-preference", {"method": "email"})]
    lodged(app, client, end=end)
    reference = db_reference(app)
    other = app.test_client()
    other.post("/kennett/complaint/find", data={"csrf_token": token(other, "/kennett/complaint/find"),
                                               "reference": reference, "contact": "ada@example.org"})
    with app.app_context():
        emails = db.session.execute(db.select(OutboxMessage).where(OutboxMessage.subject.contains(reference))).scalars().all()
    assert len(emails) == 2  # the confirmation, then the new link


@pytest.mark.parametrize("reference, contact", [("KCLT-2222-222", "07700 900982"), (None, "07700 900111"),
                                                (None, "someone@example.org")])
def test_find_my_complaint_says_the_same_whether_or_not_anything_matches(app, client, reference, contact):
    lodged(app, client)
    other = app.test_client()
    response = other.post("/kennett/complaint/find", data={"csrf_token": token(other, "/kennett/complaint/find"),
                                                           "reference": reference or db_reference(app), "contact": contact})
    assert "If the reference and the contact details match" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(OutboxMessage)).scalars().all() == []


def test_find_my_complaint_stops_sending_after_a_few_links_a_day(app, client):
    """The lodging link and three found ones make four in a day; the fifth ask sends nothing, and
    the page says the same as ever."""
    lodged(app, client)
    reference, other = db_reference(app), app.test_client()
    for _ in range(5):
        response = other.post("/kennett/complaint/find", data={
            "csrf_token": token(other, "/kennett/complaint/find"), "reference": reference, "contact": "07700 900982"})
        assert "If the reference and the contact details match" in response.get_data(as_text=True)
    with app.app_context():
        assert len(db.session.execute(db.select(OutboxMessage)).scalars().all()) == 3


def test_a_reference_from_another_landlord_finds_nothing(app, client):
    lodged(app, client)
    other = app.test_client()
    other.post("/west-kent/complaint/find", data={"csrf_token": token(other, "/west-kent/complaint/find"),
                                                 "reference": db_reference(app), "contact": "07700 900982"})
    with app.app_context():
        assert db.session.execute(db.select(OutboxMessage)).scalars().all() == []


def test_the_recompute_command_refreshes_open_complaints_deadlines(app, client):
    lodged(app, client)
    with app.app_context():
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        complaint.deadlines = {"stage1_acknowledge_by": "2000-01-01"}  # as if computed with old holiday data
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["deadlines", "recompute"])
    assert result.exit_code == 0 and "1 changed" in result.output
    with app.app_context():
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        assert complaint.deadlines["stage1_acknowledge_by"] == "2026-11-26"
        assert complaint.next_milestone == "stage1_acknowledge_by"
        assert complaint.next_deadline == date(2026, 11, 26)


def db_reference(app) -> str:
    with app.app_context():
        return db.session.execute(db.select(Complaint.reference)).scalar_one()


def test_a_resident_whose_stage_1_answer_is_late_can_ask_for_stage_2_without_waiting(app, client):
    link = lodged(app, client)
    record(app, "acknowledged", date(2026, 11, 25), definition="The boiler repairs.")
    # Kennett's stage 1 answer is due by Tuesday 8 December 2026; on the 8th it is not late yet.
    app.config["TODAY"] = "2026-12-08"
    assert "Ask for stage 2</h2>" not in client.get(link).get_data(as_text=True)
    app.config["TODAY"] = "2026-12-09"
    html = client.get(link).get_data(as_text=True)
    assert "Ask for stage 2</h2>" in html and "This is late" in html
    client.post(link, data={"csrf_token": token(client, link)})
    with app.app_context():
        assert db.session.execute(db.select(Complaint)).scalar_one().stage == 2


def test_a_link_lasts_as_long_as_the_ombudsman_window_after_the_complaint_ends(app, client):
    """Open: the link always works. Closed on 24 November 2026: it works for 396 days (the
    Ombudsman's 12 months and a month's grace), to Thursday 25 December 2027, then is "not found"."""
    link = lodged(app, client)
    app.config["TODAY"] = "2028-06-01"
    assert client.get(link).status_code == 200  # still open, however long it takes
    app.config["TODAY"] = "2026-11-24"
    record(app, "closed", date(2026, 11, 24), reason="Resolved")
    for today, status in (("2027-12-25", 200), ("2027-12-26", 404)):
        app.config["TODAY"] = today
        assert client.get(link).status_code == status, today
        assert client.get(link + "/deadlines.ics").status_code == status, today
    assert "Page not found" in client.get(link).get_data(as_text=True)


@pytest.mark.parametrize("lang, words", [
    ("en", "5 working days from Friday 18 December 2026 (the day your complaint was received), skipping "
           "Christmas Day and Boxing Day (substitute day)"),
    ("cy", "Dydd Nadolig a Gŵyl San Steffan (diwrnod yn ei le)"),
    ("pl", "Boże Narodzenie i drugi dzień świąt Bożego Narodzenia (Boxing Day) (dzień zastępczy)"),
])
def test_how_a_date_was_worked_out_names_the_bank_holidays_in_the_residents_language(app, client, lang, words):
    """Received Friday 18 December 2026: the Code's 5 working days to acknowledge skip Christmas Day
    (Friday 25) and the Boxing Day substitute (Monday 28), so run to Tuesday 29 December."""
    app.config["TODAY"] = "2026-12-18"
    link = lodged(app, client)
    html = client.get(f"{link}?lang={lang}").get_data(as_text=True)
    assert words in html
