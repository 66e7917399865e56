"""The staff case page and the events staff record on it: everything the resident gave, the same
timeline they see, each event with who and when, the rules that refuse what makes no sense,
two people on one case at once, and who may open it at all.

Dates are worked out by hand from the Kennett Community Land Trust's policy and the Complaint
Handling Code, for a complaint received on Tuesday 24 November 2026 (no bank holiday until
Christmas Day, Friday 25 December; Boxing Day falls on a Saturday, so Monday 28 December is its
substitute; New Year's Day is Friday 1 January 2027).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant import casework
from assistant.extensions import db
from assistant.models import CaseEvent, Complaint
from assistant.staff import accounts

from .helpers import END, MYSELF, exclusion_answers, lodge, token, walk

PASSWORD = "correct horse battery staple"
ADA = "ada@kennett.example"
BOB = "bob@kennett.example"
CHANGED = "This case changed while you were working on it"
VERSION = re.compile(r'name="version" type="hidden" value="(\d+)"')
ADVOCATE = [
    ("who-is-complaining", {"who": "someone-else"}),
    ("advocate-details", {"name": "Sam Advocate", "relationship": "support-worker", "email": "sam@example.org"}),
    ("resident-details", {"name": "Ada Resident", "address": "1 High Street"}),
    ("permission", {"permission": "not-yet"}),
] + MYSELF[1:]
ADVOCATE_END = END[:2] + [("contact-preference", {"method": "email"})]


@pytest.fixture(autouse=True)
def no_waiting(app):
    app.config["STAFF_SIGNIN_DELAY"] = False


def page(response) -> str:
    return response.get_data(as_text=True)


def staff_client(app, email=ADA, slug="kennett"):
    """A browser signed in as a member of staff (the account is made if it is not there yet)."""
    with app.app_context():
        if accounts.find(slug, email) is None:
            accounts.create(slug, email, PASSWORD)
    browser = app.test_client()
    url = f"/{slug}/staff/"
    response = browser.post(url, data={"csrf_token": token(browser, url), "email": email, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def lodged(app, slug="kennett", steps=None, end=END) -> tuple[object, str, str]:
    """A complaint lodged through the resident's own journey: (their browser, their private
    page, the reference)."""
    resident = app.test_client()
    walk(resident, slug, (steps or MYSELF) + exclusion_answers(app, slug) + end)
    lodge(resident, slug)
    sent = page(resident.get(f"/{slug}/complain/sent"))
    link = re.search(r'class="private-link"><a href="http://localhost([^"]+)"', sent).group(1)
    with app.app_context():
        reference = db.session.execute(db.select(Complaint.reference)).scalar_one()
    return resident, link, reference


def case_url(reference, action=None, slug="kennett"):
    return f"/{slug}/staff/complaints/{reference}" + (f"/{action}" if action else "")


def date_fields(name: str, day: date) -> dict:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def act(browser, reference, action, data, on: date | None = None, version=None, slug="kennett"):
    """Post an action's form as a browser would: the CSRF token and the version of the case
    from a page just drawn (or the version given), the date, the answers."""
    html = page(browser.get(case_url(reference, slug=slug)))
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    if version is None:
        version = current_version(browser.application)
    form = {"csrf_token": csrf, "version": str(version), **(date_fields("occurred_on", on) if on else {}), **data}
    return browser.post(case_url(reference, action, slug), data=form)


def current_version(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(Complaint.version)).scalar_one()


def the_complaint(app) -> Complaint:
    with app.app_context():
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        db.session.expunge(complaint)
        return complaint


def events(app) -> list[tuple[str, date, dict]]:
    with app.app_context():
        return [(e.kind, e.occurred_on, e.data) for e in db.session.execute(
            db.select(CaseEvent).order_by(CaseEvent.id)).scalars()]


def record(app, kind, on, **data):
    """An event recorded straight through casework, to set a case up for the test."""
    with app.app_context():
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        casework.record(complaint, kind, on, "staff", date(2026, 12, 31), data=data)
        db.session.commit()


def at(app, day: str):
    app.config["TODAY"] = day


ACK = {"definition": "The boiler has failed three times since September.",
       "outcomes": "A working boiler and an apology.", "outside_remit": ""}
ANSWER = {"point_1": "The boiler repairs", "decision_1": "upheld", "point_2": "Staff attitude",
          "decision_2": "not-upheld", "reasons": "Three visits failed to fix it.", "remedy": "An apology and £50.",
          "actions": "New boiler fitted by 18 December 2026."}
FINAL = {"point_1": "The boiler repairs", "decision_1": "partly-upheld", "reasons": "The new boiler was fitted late.",
         "remedy": "A further £25.", "actions": ""}


# --- the page ---------------------------------------------------------------------------------

def test_the_case_page_shows_support_needs_first_then_everything_the_resident_gave(app):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    response = staff.get(case_url(reference))
    html = page(response)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert f"<title>Complaint {reference} – Kennett Community Land Trust</title>" in html
    # Reasonable adjustments and contact preferences, at the very top, before anything else.
    support = html.index("Reasonable adjustments and contact preferences")
    assert support < html.index("Who is complaining") < html.index("What the resident sent")
    assert support < html.index("Large print") < html.index("Text message") < html.index("Who is complaining")
    assert "Ada Resident" in html and "07700 900982" in html
    assert "The boiler was repaired three times and still does not work." in html
    assert "Fix the boiler properly." in html
    # The exclusion questions, answered no: nothing flagged.
    assert "Is it about your own job, as someone who works for Kennett Community Land Trust?" in html
    assert "None of the resident’s answers touch an exclusion." in html
    # The same timeline as the resident's: Kennett acknowledges within 2 working days (Thursday
    # 26 November) and answers by Tuesday 8 December (14 days, earlier than 14 working days).
    assert '<time datetime="2026-11-26">Thursday 26 November 2026</time>' in html
    assert '<time datetime="2026-12-08">Tuesday 8 December 2026</time>' in html
    assert "Next: Kennett Community Land Trust acknowledges your complaint, by Thursday 26 November 2026." in html
    assert "Nothing has been recorded yet." in html
    # Only what makes sense now: no answer or extension before the acknowledgement, no stage 2 yet.
    for offered in ("Acknowledge the complaint", "Refuse to accept the complaint",
                    "Close the complaint", "Add an internal note"):
        assert offered in html
    for not_yet in ("Agree an extension", "Record the stage 1 answer", "Record a request for stage 2",
                    "Acknowledge the stage 2 request", "Record the final answer"):
        assert not_yet not in html


def test_the_timeline_markup_is_the_same_as_on_the_residents_page(app):
    resident, link, reference = lodged(app)
    staff = staff_client(app)
    timeline = re.compile(r'<ol class="timeline">.*?</ol>', re.S)
    assert timeline.search(page(staff.get(case_url(reference)))).group(0) == \
        timeline.search(page(resident.get(link))).group(0)


def test_an_advocates_case_shows_them_and_warns_when_permission_is_not_yet_given(app):
    _resident, _link, reference = lodged(app, steps=ADVOCATE, end=ADVOCATE_END)
    html = page(staff_client(app).get(case_url(reference)))
    assert "Sam Advocate" in html and "Support worker" in html and "1 High Street" in html
    assert "Not yet" in html and "Ask the resident for written permission" in html
    assert html.index("Reasonable adjustments") < html.index("Sam Advocate")


def test_flagged_exclusions_are_shown_with_the_policys_words(app):
    resident = app.test_client()
    questions = exclusion_answers(app, "kennett")
    walk(resident, "kennett", MYSELF + [(questions[0][0], {"answer": "yes"})] + questions[1:]
         + [("exclusion-result", {"choice": "continue"})] + END)
    lodge(resident, "kennett")
    complaint = the_complaint(app)
    [kind] = complaint.exclusion_flags
    html = page(staff_client(app).get(case_url(complaint.reference)))
    assert "touch these exclusions" in html and "a flag is not a refusal" in html
    clause = app.extensions["landlords"]["kennett"].exclusion(kind).clause
    assert clause[:40].replace("'", "&#39;") in html
    # On the refusal form, the flagged exclusion is marked.
    form = page(staff_client(app).get(case_url(complaint.reference, "refuse")))
    assert "The resident’s answers flagged this." in form


def test_an_unknown_reference_or_action_is_not_found(app):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    assert staff.get(case_url("KCLT-2222-222")).status_code == 404
    assert staff.get(case_url(reference, "delete")).status_code == 404
    assert staff.get(case_url(reference.lower())).status_code == 200  # as typed from a letter


# --- every action, accepted and shown to the resident -----------------------------------------

def test_every_action_is_recorded_with_who_and_when_and_shown_to_the_resident(app):
    resident, link, reference = lodged(app)
    staff = staff_client(app)

    at(app, "2026-11-25")
    response = act(staff, reference, "acknowledge", ACK, on=date(2026, 11, 25))
    assert response.status_code == 302 and response.headers["Location"] == case_url(reference)
    html = page(staff.get(case_url(reference)))
    assert "The acknowledgement is recorded." in html
    assert re.search(rf"Recorded by {ADA} on \d+ \w+ \d{{4}} at \d\d:\d\d\.", html)
    mine = page(resident.get(link))
    assert "Your complaint was acknowledged" in mine and ACK["definition"] in mine and ACK["outcomes"] in mine

    # Acknowledged Wednesday 25 November: the Code's 10 working days run to Wednesday 9 December, but
    # Kennett's 14 days from receipt (Tuesday 8 December) is earlier and still stands.
    assert the_complaint(app).deadlines["stage1_respond_by"] == "2026-12-08"

    at(app, "2026-12-07")
    assert act(staff, reference, "extend", {"reason": "The engineer's report is due on 10 December.",
                                            **date_fields("new_date", date(2026, 12, 15))},
               on=date(2026, 12, 7)).status_code == 302
    mine = page(resident.get(link))
    assert "An extension was agreed" in mine and "New date for the stage 1 answer: Tuesday 15 December 2026" in mine
    complaint = the_complaint(app)
    assert complaint.deadlines["stage1_respond_by_extended"] == "2026-12-15"
    assert (complaint.next_milestone, complaint.next_deadline) == ("stage1_respond_by_extended", date(2026, 12, 15))

    at(app, "2026-12-14")
    assert act(staff, reference, "stage-1-answer", ANSWER, on=date(2026, 12, 14)).status_code == 302
    mine = page(resident.get(link))
    assert "Stage 1 answer sent" in mine and "The boiler repairs: <strong>Upheld</strong>" in mine
    assert "Staff attitude: <strong>Not upheld</strong>" in mine and "An apology and £50." in mine
    assert "New boiler fitted by 18 December 2026." in mine and "Ask for stage 2" in mine

    at(app, "2026-12-15")
    assert act(staff, reference, "escalate", {"by": "phone", "reason": "Still cold."},
               on=date(2026, 12, 15)).status_code == 302
    complaint = the_complaint(app)
    # Kennett acknowledges stage 2 within 2 working days of Tuesday 15 December: Thursday 17 December.
    assert complaint.stage == 2 and complaint.deadlines["stage2_acknowledge_by"] == "2026-12-17"
    assert "Stage 2 was asked for" in page(resident.get(link))
    assert "How they asked: Phone call" in page(staff.get(case_url(reference)))

    at(app, "2026-12-16")
    assert act(staff, reference, "acknowledge-stage-2", {"definition": "Whether £50 is enough."},
               on=date(2026, 12, 16)).status_code == 302
    mine = page(resident.get(link))
    assert "Your stage 2 request was acknowledged" in mine and "Whether £50 is enough." in mine

    at(app, "2026-12-23")
    assert act(staff, reference, "final-answer", FINAL, on=date(2026, 12, 23)).status_code == 302
    mine = page(resident.get(link))
    assert "Final answer sent (stage 2)" in mine and "Partly upheld" in mine and "A further £25." in mine
    assert "This is the final answer" in mine
    # The Ombudsman can be asked within 12 months of the final answer.
    assert the_complaint(app).deadlines["ombudsman_refer_by"] == "2027-12-23"

    assert act(staff, reference, "note", {"text": "Resident thanked us by phone."},
               on=date(2026, 12, 23)).status_code == 302
    assert act(staff, reference, "close", {"reason": "Both stages are finished."},
               on=date(2026, 12, 23)).status_code == 302
    complaint = the_complaint(app)
    assert complaint.status == "closed" and complaint.next_deadline is None
    mine = page(resident.get(link))
    assert "Your complaint was closed" in mine and "Both stages are finished." in mine and "It is closed." in mine
    assert "Resident thanked us" not in mine

    html = page(staff.get(case_url(reference)))
    assert "Internal: not shown to the resident" in html and "Resident thanked us by phone." in html
    assert [kind for kind, _on, _data in events(app)] == [
        "acknowledged", "extension_agreed", "stage1_response", "escalated", "stage2_acknowledged",
        "stage2_response", "note", "closed"]
    with app.app_context():
        staff_id = accounts.find("kennett", ADA).id
        recorded = db.session.execute(db.select(CaseEvent)).scalars()
        assert {(e.actor, e.staff_id) for e in recorded} == {("staff", staff_id)}
    # A closed case offers only a note.
    assert "Add an internal note" in html and "Acknowledge the complaint" not in html


def test_the_event_data_has_the_documented_shapes(app):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    act(staff, reference, "acknowledge", {**ACK, "outside_remit": "The gas supply."}, on=date(2026, 11, 24))
    act(staff, reference, "stage-1-answer", ANSWER, on=date(2026, 11, 24))
    assert events(app) == [
        ("acknowledged", date(2026, 11, 24), {**ACK, "outside_remit": "The gas supply."}),
        ("stage1_response", date(2026, 11, 24), {
            "decisions": [{"point": "The boiler repairs", "decision": "upheld"},
                          {"point": "Staff attitude", "decision": "not-upheld"}],
            "reasons": ANSWER["reasons"], "remedy": ANSWER["remedy"], "actions": ANSWER["actions"]}),
    ]


def test_a_resident_asking_for_stage_2_shows_on_the_case_page(app):
    resident, link, reference = lodged(app)
    record(app, "acknowledged", date(2026, 11, 25), **ACK)
    record(app, "stage1_response", date(2026, 12, 4), decisions=[{"point": "Boiler", "decision": "upheld"}],
           reasons="Slow.", remedy="", actions="")
    at(app, "2026-12-07")
    resident.post(link, data={"csrf_token": token(resident, link), "reason": "Still cold"})
    html = page(staff_client(app).get(case_url(reference)))
    assert "Stage 2 asked for" in html and "Recorded by the resident, on their complaint page" in html
    assert "How they asked: Online, from their complaint page" in html and "Still cold" in html
    assert "Acknowledge the stage 2 request" in html


def test_refusing_tells_the_resident_why_and_about_the_ombudsman_and_ends_the_case(app):
    resident, link, reference = lodged(app)
    staff = staff_client(app)
    response = act(staff, reference, "refuse", {"exclusion": "legal_proceedings",
                                                "reason": "Your disrepair claim was filed at court on 2 November."},
                   on=date(2026, 11, 24))
    assert response.status_code == 302
    complaint = the_complaint(app)
    assert complaint.status == "refused" and complaint.next_deadline is None
    mine = page(resident.get(link))
    assert "Kennett Community Land Trust said it cannot take your complaint" in mine
    assert "Your disrepair claim was filed at court on 2 November." in mine
    assert "A court case has started about it." in mine
    assert "you can ask the Housing Ombudsman to look at this refusal" in mine
    html = page(staff.get(case_url(reference)))
    assert "Exclusion: Legal proceedings have started" in html
    assert "Refused: not accepted as a complaint." in html


# --- refusals: a clear message, and nothing changed -------------------------------------------

def snapshot(app):
    complaint = the_complaint(app)
    return len(events(app)), complaint.deadlines, complaint.next_deadline, complaint.status, complaint.stage, \
        complaint.version


ANSWERED = [("acknowledged", date(2026, 11, 25), ACK),
            ("stage1_response", date(2026, 12, 4), {"decisions": [], "reasons": "r", "remedy": "", "actions": ""})]
ESCALATED = [*ANSWERED, ("escalated", date(2026, 12, 7), {"reason": "", "by": "phone"})]


@pytest.mark.parametrize("before, action, data, on, message", [
    ([], "stage-1-answer", ANSWER, "2026-11-25", "Acknowledge the complaint before recording the stage 1 answer."),
    (ANSWERED[:1], "acknowledge", ACK, "2026-11-26", "This complaint has already been acknowledged."),
    (ANSWERED[:1], "escalate", {"by": "phone"}, "2026-11-26",
     "Stage 2 can only be asked for once the stage 1 answer has been sent, or its deadline has passed."),
    # The stage 1 answer is late from Wednesday 9 December: then the resident need not wait for it.
    (ANSWERED[:1], "escalate", {"by": "phone"}, "2026-12-08",
     "Stage 2 can only be asked for once the stage 1 answer has been sent, or its deadline has passed."),
    (ESCALATED, "escalate", {"by": "letter"}, "2026-12-08", "Stage 2 has already been asked for."),
    (ANSWERED, "acknowledge-stage-2", {"definition": "x"}, "2026-12-07",
     "Stage 2 can only be acknowledged once the resident has asked for it."),
    (ESCALATED, "final-answer", FINAL, "2026-12-08",
     "Acknowledge the stage 2 request before recording the final answer."),
    (ANSWERED, "stage-1-answer", ANSWER, "2026-12-07", "The stage 1 answer has already been recorded."),
    (ANSWERED, "extend", {"reason": "r", **date_fields("new_date", date(2026, 12, 20))}, "2026-12-07",
     "The stage 1 answer has already been sent: there is no stage 1 deadline left to extend."),
    ([], "extend", {"reason": "r", **date_fields("new_date", date(2026, 12, 10))}, "2026-11-24",
     "Acknowledge the complaint first: the limit on an extension counts from the acknowledgement."),
    # Agreed on the day of the deadline (Tuesday 8 December) but only recorded on 31 December.
    (ANSWERED[:1], "extend", {"reason": "r", **date_fields("new_date", date(2026, 12, 15))}, "2026-12-08",
     "An extension must be recorded by the deadline it extends, Tuesday 8 December 2026, which has passed."),
    (ANSWERED, "refuse", {"exclusion": "legal_proceedings", "reason": "Court."}, "2026-12-07",
     "The stage 1 answer has been sent, so the complaint was accepted: it can no longer be refused."),
    ([("closed", date(2026, 11, 24), {"reason": "Withdrawn."})], "acknowledge", ACK, "2026-11-25",
     "This complaint is closed: nothing more can be recorded on it but a note."),
    ([("refused", date(2026, 11, 24), {"exclusion": "legal_proceedings", "reason": "Court."})], "close",
     {"reason": "x"}, "2026-11-25", "This complaint was not accepted: nothing more can be recorded on it but a note."),
    # Dates: not before receipt, not before what it follows, not in the future.
    ([], "acknowledge", ACK, "2026-11-23", "The date cannot be before the complaint was received."),
    (ANSWERED[:1], "stage-1-answer", ANSWER, "2026-11-24",
     "The date cannot be before the acknowledgement, on Wednesday 25 November 2026."),
    (ANSWERED, "close", {"reason": "x"}, "2026-12-01",
     "The date cannot be before the stage 1 answer, on Friday 4 December 2026."),
    ([], "note", {"text": "x"}, "2027-01-05", "Date must be today or in the past"),
    ([], "acknowledge", ACK, "2027-01-05", "Date acknowledged must be today or in the past"),
])
def test_an_event_that_makes_no_sense_is_refused_with_a_reason_and_changes_nothing(app, before, action, data, on,
                                                                                 message):
    _resident, _link, reference = lodged(app)
    for kind, when, values in before:
        record(app, kind, when, **values)
    at(app, "2026-12-31")
    staff = staff_client(app)
    was = snapshot(app)
    response = act(staff, reference, action, data, on=date.fromisoformat(on))
    html = page(response)
    assert response.status_code == 200
    assert "There is a problem" in html and html.count(message) == 2  # the summary, and by the answer
    assert "<title>Error: Complaint" in html
    assert snapshot(app) == was


def test_what_cannot_be_done_now_is_not_offered_and_says_why_if_opened(app):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    response = staff.get(case_url(reference, "final-answer"))
    assert response.headers["Location"] == case_url(reference)
    assert "Acknowledge the stage 2 request before recording the final answer." in page(staff.get(case_url(reference)))


def test_incomplete_forms_say_what_to_enter(app):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    html = page(act(staff, reference, "acknowledge", {"definition": "", "outcomes": "", "occurred_on-day": "",
                                                      "occurred_on-month": "", "occurred_on-year": ""}))
    assert "Enter the date" in html and "Enter the issues the complaint is about" in html
    assert 'href="#occurred_on-day"' in html  # the error links to the first date box
    record(app, "acknowledged", date(2026, 11, 24), **ACK)
    html = page(act(staff, reference, "stage-1-answer", {"point_1": "Boiler", "decision_2": "upheld", "reasons": "r"},
                    on=date(2026, 11, 24)))
    assert "Select the decision on point 1" in html and "Enter what point 2 is" in html
    html = page(act(staff, reference, "stage-1-answer", {"reasons": "r"}, on=date(2026, 11, 24)))
    assert "Enter at least one point of the complaint and the decision on it" in html
    html = page(act(staff, reference, "refuse", {"exclusion": "made-up", "reason": "x"}, on=date(2026, 11, 24)))
    assert "Select one of the options" in html
    assert len(events(app)) == 1


# --- extensions: the Code's maximum, worked out by hand ---------------------------------------
# Received Tuesday 24 November 2026, acknowledged Wednesday 25 November. Kennett's stage 1 answer
# is due Tuesday 8 December (14 days from receipt, earlier than its 14 working days and than the
# Code's 10 working days from the acknowledgement, Wednesday 9 December). The Code's extension is
# 10 working days from its own date: 10, 11, 14, 15, 16, 17, 18, 21, 22, 23 December, so no
# stage 1 answer can be promised later than Wednesday 23 December.

def extend(app, staff, reference, agreed: str, new_date: str, stage_today: str | None = None):
    at(app, stage_today or agreed)
    return act(staff, reference, "extend", {"reason": "Waiting for a survey.",
                                            **date_fields("new_date", date.fromisoformat(new_date))},
               on=date.fromisoformat(agreed))


@pytest.mark.parametrize("agreed, new_date, message", [
    ("2026-12-08", "2026-12-23", None),  # on the deadline day, to the Code's last day: fine
    ("2026-11-30", "2026-12-09", None),
    ("2026-12-08", "2026-12-24", "The new date cannot be after Wednesday 23 December 2026, the latest the "
                                 "policy and the Complaint Handling Code allow for the stage 1 answer."),
    ("2026-12-09", "2026-12-15", "An extension must be agreed by the deadline it extends, Tuesday 8 December 2026. "
                                 "This one was agreed after that deadline."),
    ("2026-12-07", "2026-12-08", "The new date must be after the current deadline, Tuesday 8 December 2026."),
    ("2026-12-07", "2026-12-01", "The new date must be after the current deadline, Tuesday 8 December 2026."),
])
def test_a_stage_1_extension_is_agreed_in_time_and_within_the_codes_maximum(app, agreed, new_date, message):
    _resident, _link, reference = lodged(app)
    record(app, "acknowledged", date(2026, 11, 25), **ACK)
    staff = staff_client(app)
    was = snapshot(app)
    response = extend(app, staff, reference, agreed, new_date)
    if message is None:
        assert response.status_code == 302
        assert the_complaint(app).deadlines["stage1_respond_by_extended"] == new_date
    else:
        assert message in page(response)
        assert snapshot(app) == was


def test_a_second_extension_may_go_up_to_the_codes_maximum_but_no_further(app):
    _resident, _link, reference = lodged(app)
    record(app, "acknowledged", date(2026, 11, 25), **ACK)
    staff = staff_client(app)
    assert extend(app, staff, reference, "2026-12-08", "2026-12-15").status_code == 302
    was = snapshot(app)
    # The deadline it extends is now the agreed Tuesday 15 December.
    assert "agreed after that deadline" in page(extend(app, staff, reference, "2026-12-16", "2026-12-18"))
    html = page(extend(app, staff, reference, "2026-12-15", "2026-12-24"))
    assert ("Together, extensions cannot take the stage 1 answer past Wednesday 23 December 2026, the latest the "
            "policy and the Complaint Handling Code allow.") in html
    assert snapshot(app) == was
    assert extend(app, staff, reference, "2026-12-15", "2026-12-23").status_code == 302
    assert the_complaint(app).deadlines["stage1_respond_by_extended"] == "2026-12-23"
    # At the maximum, no further extension is offered.
    assert "Agree an extension" not in page(staff.get(case_url(reference)))


def test_a_stage_2_extension_has_the_codes_20_working_days(app):
    # Stage 1 answered Friday 4 December; stage 2 asked for Monday 7 December, acknowledged Tuesday 8.
    # Kennett answers within 14 working days of the request: 8-11, 14-18, 21-24 December (13), then
    # Christmas Day and Monday 28 (Boxing Day's substitute) are skipped: Tuesday 29 December. The
    # Code's 20 working days from the acknowledgement run to Friday 8 January 2027 (skipping 25 and
    # 28 December and 1 January), and its extension 20 more, to Friday 5 February 2027.
    _resident, _link, reference = lodged(app)
    for kind, when, values in ESCALATED:
        record(app, kind, when, **values)
    record(app, "stage2_acknowledged", date(2026, 12, 8), definition="x")
    assert the_complaint(app).deadlines["stage2_respond_by"] == "2026-12-29"
    staff = staff_client(app)
    html = page(extend(app, staff, reference, "2026-12-29", "2027-02-08"))
    assert ("The new date cannot be after Friday 5 February 2027, the latest the policy and the Complaint "
            "Handling Code allow for the stage 2 answer.") in html
    assert extend(app, staff, reference, "2026-12-29", "2027-02-05").status_code == 302
    assert events(app)[-1] == ("extension_agreed", date(2026, 12, 29),
                               {"stage": 2, "new_date": "2027-02-05", "reason": "Waiting for a survey."})
    complaint = the_complaint(app)
    assert complaint.deadlines["stage2_respond_by_extended"] == "2027-02-05"
    assert complaint.next_deadline == date(2027, 2, 5)


def test_the_extension_form_says_where_the_deadline_and_the_maximum_are(app):
    _resident, _link, reference = lodged(app)
    record(app, "acknowledged", date(2026, 11, 25), **ACK)
    html = page(staff_client(app).get(case_url(reference, "extend")))
    assert ("The current deadline for the stage 1 answer is Tuesday 8 December 2026. The Complaint Handling Code "
            "allows it to go no later than Wednesday 23 December 2026.") in html


# --- two people on one case -------------------------------------------------------------------

def test_the_second_of_two_people_acting_at_once_is_told_the_case_changed_and_the_first_is_kept(app):
    _resident, _link, reference = lodged(app)
    ada, bob = staff_client(app, ADA), staff_client(app, BOB)
    # Both open the acknowledgement form on the same version of the case.
    versions = [VERSION.search(page(b.get(case_url(reference, "acknowledge")))).group(1) for b in (ada, bob)]
    assert versions[0] == versions[1]
    assert act(ada, reference, "acknowledge", ACK, on=date(2026, 11, 24), version=versions[0]).status_code == 302
    response = act(bob, reference, "acknowledge", {**ACK, "definition": "Bob's wording."}, on=date(2026, 11, 24),
                   version=versions[1])
    html = page(response)
    assert response.status_code == 200 and CHANGED in html
    assert ACK["definition"] in html  # the page now shows what Ada recorded
    assert "Bob&#39;s wording." in html  # and Bob's typing is still in the form
    assert [(kind, data["definition"]) for kind, _on, data in events(app)] == [("acknowledged", ACK["definition"])]
    # A note, which moves no date, still moves the case on.
    version = current_version(app)
    assert act(ada, reference, "note", {"text": "Called the resident."}, on=date(2026, 11, 24)).status_code == 302
    assert CHANGED in page(act(bob, reference, "note", {"text": "Mine."}, on=date(2026, 11, 24), version=version))
    assert [kind for kind, _on, _data in events(app)] == ["acknowledged", "note"]
    # Having seen the case as it is now, Bob can add his note.
    assert act(bob, reference, "note", {"text": "Mine."}, on=date(2026, 11, 24)).status_code == 302


def test_a_form_that_does_not_say_which_version_it_was_drawn_from_is_refused(app):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    assert CHANGED in page(act(staff, reference, "note", {"text": "x"}, on=date(2026, 11, 24), version=""))
    assert events(app) == []


def test_a_write_that_lands_between_reading_and_saving_is_refused_too(app):
    lodged(app)
    with app.test_request_context():
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        # Someone else's event is saved after this case was read ...
        db.session.execute(db.update(Complaint).values(version=Complaint.version + 1)
                           .execution_options(synchronize_session=False))
        casework.record(complaint, "note", date(2026, 11, 24), "staff", date(2026, 11, 24), data={"text": "x"},
                        expected_version=complaint.version)
        with pytest.raises(casework.CaseChanged, match=CHANGED):
            casework.save()
        assert db.session.execute(db.select(db.func.count(CaseEvent.id))).scalar() == 0


def test_the_rules_speak_plain_english_outside_a_request_too(app):
    lodged(app)
    with app.app_context():  # as on the command line
        complaint = db.session.execute(db.select(Complaint)).scalar_one()
        casework.record(complaint, "acknowledged", date(2026, 11, 25), "staff", date(2026, 12, 1), data=ACK)
        with pytest.raises(casework.EventRefused, match="the acknowledgement, on Wednesday 25 November 2026"):
            casework.record(complaint, "closed", date(2026, 11, 24), "staff", date(2026, 12, 1), data={"reason": "x"})


def test_the_audit_log_has_no_way_to_change_or_remove_an_event(app):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    act(staff, reference, "note", {"text": "First."}, on=date(2026, 11, 24))
    for method in (staff.put, staff.patch, staff.delete):
        assert method(case_url(reference)).status_code == 405
        assert method(case_url(reference, "note")).status_code == 405
    html = page(staff.get(case_url(reference)))
    assert "Edit" not in html and "Delete" not in html
    assert [data for _kind, _on, data in events(app)] == [{"text": "First."}]


# --- who may open a case ----------------------------------------------------------------------

def test_staff_of_another_landlord_cannot_find_this_case(app):
    _resident, _link, reference = lodged(app)
    west_kent = staff_client(app, "carol@westkent.example", slug="west-kent")
    assert west_kent.get(case_url(reference, slug="west-kent")).status_code == 404
    csrf = token(west_kent, "/west-kent/staff/home")
    response = west_kent.post(case_url(reference, "note", slug="west-kent"), data={
        "csrf_token": csrf, "version": "1", "text": "x", **date_fields("occurred_on", date(2026, 11, 24))})
    assert response.status_code == 404
    # Their session opens nothing under Kennett's address either.
    assert west_kent.get(case_url(reference)).headers["Location"].startswith("/kennett/staff/")
    assert events(app) == []


def test_a_resident_session_cannot_reach_the_case_page(app):
    resident, _link, reference = lodged(app)
    response = resident.get(case_url(reference))
    assert response.status_code == 302 and response.headers["Location"].startswith("/kennett/staff/?next=")


def test_without_signing_in_the_case_page_asks_you_to_sign_in_and_nothing_is_recorded(app, client):
    _resident, _link, reference = lodged(app)
    response = client.get(case_url(reference))
    assert response.headers["Location"] == f"/kennett/staff/?next=/kennett/staff/complaints/{reference}"
    response = client.post(case_url(reference, "note"), data={"text": "x", "version": "1",
                                                               **date_fields("occurred_on", date(2026, 11, 24))})
    assert response.status_code == 302 and response.headers["Location"] == "/kennett/staff/"
    assert events(app) == []


@pytest.mark.parametrize("action, data", [
    ("acknowledge", ACK),
    ("extend", {"reason": "r", **date_fields("new_date", date(2026, 12, 1))}),
    ("refuse", {"exclusion": "legal_proceedings", "reason": "r"}),
    ("stage-1-answer", ANSWER),
    ("escalate", {"by": "phone"}),
    ("acknowledge-stage-2", {"definition": "d"}),
    ("final-answer", FINAL),
    ("close", {"reason": "r"}),
    ("note", {"text": "t"}),
])
def test_every_action_needs_its_csrf_token(app, action, data):
    _resident, _link, reference = lodged(app)
    staff = staff_client(app)
    response = staff.post(case_url(reference, action), data={
        "version": str(current_version(app)), **date_fields("occurred_on", date(2026, 11, 24)), **data})
    assert response.status_code == 200
    assert "This page timed out or was sent from somewhere else. Try again." in page(response)
    assert events(app) == []


def test_staff_can_record_an_escalation_once_the_stage_1_answer_is_late(app):
    _resident, _link, reference = lodged(app)
    record(app, "acknowledged", date(2026, 11, 25), **ACK)
    at(app, "2026-12-09")
    staff = staff_client(app)
    assert act(staff, reference, "escalate", {"by": "phone"}, on=date(2026, 12, 9)).status_code == 302
    assert the_complaint(app).stage == 2


def test_west_kents_own_extension_limit_binds_it_where_it_is_shorter_than_the_codes(app):
    # West Kent: stage 1 answer 10 working days from receipt (Tuesday 24 November -> Tuesday 8 December),
    # extension "up to a further 10 working days" from that deadline -> Tuesday 22 December; the Code's
    # limit counts from its own later deadline, so the policy's is the earlier and binds.
    _resident, _link, reference = lodged(app, slug="west-kent")
    staff = staff_client(app, slug="west-kent")
    record(app, "acknowledged", date(2026, 11, 25), **ACK)
    at(app, "2026-12-01")
    html = page(act(staff, reference, "extend", {"reason": "r", **date_fields("new_date", date(2026, 12, 23))},
                    on=date(2026, 12, 1), slug="west-kent"))
    assert "The new date cannot be after Tuesday 22 December 2026" in html


# --- how it came in -------------------------------------------------------------------------------

def test_the_case_page_says_how_the_complaint_came_in_when_and_who_entered_it(app):
    staff = staff_client(app)
    intake = ("how-it-came-in", {"channel": "phone", "received_on-day": "20", "received_on-month": "11",
                                 "received_on-year": "2026", "language": "en"})
    walk(staff, "kennett/staff/new", [intake] + MYSELF + exclusion_answers(app, "kennett") + END)
    lodge(staff, "kennett/staff/new")
    html = page(staff_client(app, BOB).get(case_url(the_complaint(app).reference)))
    # Near the top: under the heading, before the resident's support needs.
    top = html[html.index("<h1"):html.index("Reasonable adjustments and contact preferences")]
    for words in ("How it came in", "Phone call", "Received", "Friday 20 November 2026", "Entered by", ADA):
        assert words in top, words


def test_a_complaint_made_online_says_so_on_the_case_page(app):
    _resident, _link, reference = lodged(app)
    html = page(staff_client(app).get(case_url(reference)))
    top = html[html.index("<h1"):html.index("Reasonable adjustments and contact preferences")]
    assert "Online" in top and "Tuesday 24 November 2026" in top
    assert "The resident or their advocate, online" in top and ADA not in top
