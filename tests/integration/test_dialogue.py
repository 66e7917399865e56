"""The resident's dialogue through the Flask test client: every step, every branch, every refusal."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from assistant.dialogue.exclusion_flags import exclusion_step_id
from assistant.extensions import db
from assistant.forms.reasons import exclusion_reason
from assistant.models import Complaint, Draft, OutboxMessage
from assistant.policy.exclusions import Treatment
from assistant.policy.profiles import landlords, load_profiles

from .helpers import END, MYSELF, answer, exclusion_answers, lodge, token, walk

SLUGS = ["kennett", "inspiring", "west-kent", "kctmo", "support-trust"]
REFERENCE = re.compile(r"\b([A-HJ-NP-Z2-9]{2,6}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{3})\b")
ADVOCATE = [
    ("who-is-complaining", {"who": "someone-else"}),
    ("advocate-details", {"name": "Sam Advocate", "relationship": "support-worker", "organisation": "Age UK",
                          "email": "sam@example.org"}),
    ("resident-details", {"name": "Ada Resident", "address": "1 High Street\nKennett CB8 7QF"}),
    ("permission", {"permission": "not-yet"}),
] + MYSELF[1:]


def complaints(app):
    with app.app_context():
        return db.session.execute(db.select(Complaint)).scalars().all()


def page(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize("slug", SLUGS)
def test_a_resident_can_complain_to_each_landlord(app, client, slug):
    walk(client, slug, MYSELF + exclusion_answers(app, slug) + END)
    assert lodge(client, slug).headers["Location"].endswith(f"/{slug}/complain/sent")
    confirmation = page(client.get(f"/{slug}/complain/sent"))
    reference = REFERENCE.search(confirmation).group(1)
    prefix = app.extensions["landlords"][slug].reference_prefix
    assert reference.startswith(prefix + "-")
    [complaint] = complaints(app)
    assert complaint.reference == reference and complaint.landlord == slug
    assert complaint.answers["contact-details"]["phone"] == "07700 900982"
    assert complaint.received_on.isoformat() == "2026-11-24"
    assert complaint.exclusion_flags == []
    # The private link opens the resident's own page, which shows what they sent.
    link = re.search(r'class="private-link"><a href="([^"]+)"', confirmation).group(1)
    own = client.get(link.replace("http://localhost", ""))
    assert own.status_code == 200 and "The boiler was repaired three times" in page(own) and reference in page(own)


def test_an_advocate_complains_with_permission_recorded_and_gets_the_email(app, client):
    walk(client, "kennett", ADVOCATE[:3])
    permission = page(client.get("/kennett/complain/permission"))
    assert "will ask the resident for written permission" in permission
    walk(client, "kennett", ADVOCATE[3:] + exclusion_answers(app, "kennett") + END[:2]
         + [("contact-preference", {"method": "email"})])
    check = page(client.get("/kennett/complain/check"))
    assert "Sam Advocate" in check and "Not yet" in check and "Your contact details" not in check
    lodge(client, "kennett")
    [complaint] = complaints(app)
    assert complaint.answers["permission"] == {"permission": "not-yet"}
    assert complaint.answers["advocate-details"]["relationship"] == "support-worker"
    assert "contact-details" not in complaint.answers
    with app.app_context():
        [email] = db.session.execute(db.select(OutboxMessage)).scalars().all()
    assert email.to == "sam@example.org" and complaint.reference in email.subject


def test_a_resident_with_only_a_phone_gets_no_email_and_a_full_confirmation(app, client):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    lodge(client, "kennett")
    with app.app_context():
        assert db.session.execute(db.select(OutboxMessage)).scalars().all() == []
    confirmation = page(client.get("/kennett/complain/sent"))
    assert "must acknowledge your complaint by" in confirmation and "private-link" in confirmation


def test_danger_shows_emergency_contacts_before_anything_else(client):
    walk(client, "west-kent", MYSELF[:1])
    response = answer(client, "west-kent", "danger", {"danger": "yes"})
    assert response.headers["Location"].endswith("/complain/emergency")
    emergency = page(client.get("/west-kent/complain/emergency"))
    assert "call 999" in emergency and "0800 111 999" in emergency and "01732 749400" in emergency
    # Each number can be tapped to call, and stays in order inside a right-to-left sentence.
    assert '<a href="tel:0800111999"><bdi dir="ltr">0800 111 999</bdi></a>' in emergency
    assert answer(client, "west-kent", "emergency", {}).headers["Location"].endswith("/complain/what-went-wrong")


def test_a_first_repair_report_is_explained_and_the_resident_can_still_complain(app, client):
    walk(client, "west-kent", MYSELF[:5])
    response = answer(client, "west-kent", "reported-before", {"reported": "no"})
    assert response.headers["Location"].endswith("/complain/service-request")
    explained = page(client.get("/west-kent/complain/service-request"))
    assert "service request" in explained and "01732 749400" in explained and "still make a complaint" in explained
    response = answer(client, "west-kent", "service-request", {"choice": "complain"})
    assert response.headers["Location"].endswith("/complain/exclusion-service-request") is False
    assert "/complain/exclusion-" in response.headers["Location"]


def test_choosing_to_report_a_repair_instead_stops_with_the_repair_channels_and_keeps_the_answers(client):
    walk(client, "west-kent", MYSELF[:5] + [("reported-before", {"reported": "no"})])
    response = answer(client, "west-kent", "service-request", {"choice": "report-instead"})
    assert response.headers["Location"].endswith("/complain/stopped")
    stopped = page(client.get("/west-kent/complain/stopped"))
    assert "You have not sent a complaint" in stopped and "help@wkha.org.uk" in stopped
    assert "/complain/service-request" in stopped  # they can change their mind
    assert client.get("/west-kent/complain/check").headers["Location"].endswith("/complain/stopped")


def test_a_policy_that_lists_no_exclusion_a_resident_can_answer_asks_none(app, client):
    # The Support Trust's surviving text excludes only abuse (the landlord's judgement) and
    # service requests (the "reported before?" question): nothing to ask.
    assert exclusion_answers(app, "support-trust") == []
    walk(client, "support-trust", MYSELF)
    assert client.get("/support-trust/complain/outcome").status_code == 200


@pytest.mark.parametrize("slug", [s for s in SLUGS if s != "support-trust"])
def test_each_exclusion_answered_yes_is_explained_and_can_be_sent_anyway_with_its_flag(app, client, slug):
    questions = exclusion_answers(app, slug)
    first_step = questions[0][0]
    walk(client, slug, MYSELF + [(first_step, {"answer": "yes"})] + questions[1:])
    result = page(client.get(f"/{slug}/complain/exclusion-result"))
    landlord = app.extensions["landlords"][slug]
    assert "may not be able to take this complaint" in result
    assert "must tell you why in writing" in result and "Housing Ombudsman" in result
    kind = first_step.removeprefix("exclusion-").replace("-", "_")
    assert escape(landlord.exclusion(kind).clause) in result  # the policy's own words, traceable
    walk(client, slug, [("exclusion-result", {"choice": "continue"})] + END)
    lodge(client, slug)
    [complaint] = complaints(app)
    assert complaint.exclusion_flags == [kind]


def every_asked_exclusion():
    return [(slug, exclusion_step_id(e.kind), e.kind) for slug, landlord in landlords(load_profiles()).items()
            for e in landlord.exclusions if e.treatment is Treatment.ASKED]


@pytest.mark.parametrize("slug, step, kind", every_asked_exclusion())
def test_every_exclusion_of_every_landlord_is_explained_alone_and_flagged(app, client, slug, step, kind):
    """Yes to this one question, no to the rest: this reason alone, in plain words and the
    policy's own, with where else to go; the flag is stored with the complaint."""
    landlord = app.extensions["landlords"][slug]
    questions = [(s, {"answer": "yes" if s == step else "no"}) for s, _data in exclusion_answers(app, slug)]
    walk(client, slug, MYSELF + questions)
    with app.test_request_context():
        reason = exclusion_reason(kind, landlord)
    result = page(client.get(f"/{slug}/complain/exclusion-result"))
    assert escape(reason) in result and escape(landlord.exclusion(kind).clause) in result
    if landlord.exclusion(kind).where_else:
        assert escape(landlord.exclusion(kind).where_else) in result
    walk(client, slug, [("exclusion-result", {"choice": "continue"})] + END)
    lodge(client, slug)
    [complaint] = complaints(app)
    assert complaint.exclusion_flags == [kind]


def test_stopping_at_an_exclusion_says_where_else_to_go(app, client):
    walk(client, "kctmo", MYSELF + [(s, {"answer": "yes"}) for s, _ in exclusion_answers(app, "kctmo")])
    response = answer(client, "kctmo", "exclusion-result", {"choice": "stop"})
    assert response.headers["Location"].endswith("/complain/stopped")
    stopped = page(client.get("/kctmo/complain/stopped"))
    assert "Where else you can go" in stopped and "0300 111 3000" in stopped
    assert complaints(app) == []


def test_an_old_complaint_is_flagged_from_the_date_already_given(app, client):
    old = [("when-it-started", {"started_on-day": "1", "started_on-month": "1", "started_on-year": "2024", "ongoing": "no"})]
    walk(client, "west-kent", MYSELF[:3] + old + MYSELF[4:] + exclusion_answers(app, "west-kent"))
    result = page(client.get("/west-kent/complain/exclusion-result"))
    assert "more than 12 months ago" in result
    assert "The Code gives you 12 months" in result  # West Kent's 6 months is stricter than the Code allows


def test_a_long_problem_that_stopped_recently_is_counted_from_when_it_stopped(app, client):
    when = [("when-it-started", {"started_on-day": "1", "started_on-month": "1", "started_on-year": "2020", "ongoing": "no",
                                 "stopped_on-day": "1", "stopped_on-month": "10", "stopped_on-year": "2026"})]
    walk(client, "west-kent", MYSELF[:3] + when + MYSELF[4:] + exclusion_answers(app, "west-kent"))
    assert client.get("/west-kent/complain/outcome").status_code == 200  # no exclusion page on the way
    walk(client, "west-kent", END)
    check = page(client.get("/west-kent/complain/check"))
    assert "If it has stopped, when did it last happen? (optional)" in check and "1 October 2026" in check


def test_it_cannot_stop_before_it_started(client):
    step_until(client, "when-it-started")
    html = page(answer(client, "kennett", "when-it-started", {
        "started_on-day": "1", "started_on-month": "10", "started_on-year": "2026", "ongoing": "no",
        "stopped_on-day": "1", "stopped_on-month": "9", "stopped_on-year": "2026"}))
    assert "The date it last happened must be the same as or after the date it started" in html
    assert 'href="#stopped_on-day"' in html


def test_seven_months_ago_is_not_flagged_even_where_the_policy_says_six(app, client):
    when = [("when-it-started", {"started_on-day": "1", "started_on-month": "4", "started_on-year": "2026", "ongoing": "no"})]
    walk(client, "west-kent", MYSELF[:3] + when + MYSELF[4:] + exclusion_answers(app, "west-kent"))
    assert client.get("/west-kent/complain/outcome").status_code == 200


# --- validation: every question page, submitted empty, says what to do and keeps the page ---

EMPTY_STEPS = [
    ("who-is-complaining", [], "Select who the complaint is for", "who"),
    ("danger", MYSELF[:1], "Select yes if anyone is in danger now", "danger"),
    ("what-went-wrong", MYSELF[:2], "Enter what went wrong", "description"),
    ("when-it-started", MYSELF[:3], "Enter when it started", "started_on-day"),
    ("what-it-affected", MYSELF[:4], "Select what it has affected", "affected"),
    ("reported-before", MYSELF[:5], "Select whether you have reported this before", "reported"),
]


@pytest.mark.parametrize("step, before, message, anchor", EMPTY_STEPS)
def test_an_empty_answer_gets_an_error_summary_linked_to_the_field(client, step, before, message, anchor):
    walk(client, "kennett", before)
    response = answer(client, "kennett", step, {})
    assert response.status_code == 200
    html = page(response)
    assert "<title>Error: " in html
    assert f'<a href="#{anchor}">{message}</a>' in html
    assert f'id="{anchor}"' in html


def test_the_page_title_is_the_question_then_the_landlord(client):
    html = page(client.get("/kennett/complain/who-is-complaining"))
    assert "<title>Who is this complaint for? – Kennett Community Land Trust</title>" in html
    assert '<h1 class="fieldset__heading">Who is this complaint for?</h1>' in html


def test_the_advocate_must_give_a_way_to_be_reached_and_say_how_they_know_the_resident(client):
    walk(client, "kennett", ADVOCATE[:1])
    html = page(answer(client, "kennett", "advocate-details", {"name": "Sam", "relationship": "other"}))
    assert "Enter at least one way to contact you" in html and "Say how you know the resident" in html


def step_until(client, step):
    """Answer the resident's questions up to (not including) `step`."""
    steps = MYSELF + [("exclusion-staff-employment", {"answer": "no"})] + END
    names = [s for s, _ in steps]
    walk(client, "kennett", steps[: names.index(step)])


@pytest.mark.parametrize("data, message", [
    ({"description": "x" * 3001}, "must be 3,000 characters or fewer"),
    ({"description": "  \u200b\u200b  "}, "Enter what went wrong"),
    ({"description": "\u202e\u200b\x00\x07"}, "Enter what went wrong"),
    ({"description": "<script>alert(1)</script>The lift is broken"}, "We removed code or HTML"),
])
def test_bad_description_input_gets_a_clear_message(client, data, message):
    step_until(client, "what-went-wrong")
    html = page(answer(client, "kennett", "what-went-wrong", data))
    assert message in html
    assert "<script>alert" not in html


def test_a_name_too_long_for_one_line_is_refused_with_the_text_kept(client):
    """A one-line answer has a limit too, said in words: never cut short, never a database error."""
    step_until(client, "contact-details")
    name = "Ada " + "Lovelace" * 30
    html = page(answer(client, "kennett", "contact-details", {"name": name, "phone": "07700 900982"}))
    assert "Full name must be 200 characters or fewer" in html
    assert name in html


@pytest.mark.parametrize("text", [
    "র‍্যাব এসেছিল",  # Bengali ra-phala: a zero-width joiner inside the word
    "می‌خواهم",  # a zero-width non-joiner, as Urdu and Persian typing uses
    "👨‍👩‍👧 my family",  # one emoji made of three, joined
    "‏نافذة مكسورة",  # a right-to-left mark
])
def test_joiners_and_direction_marks_that_scripts_need_are_kept(app, client, text):
    step_until(client, "what-went-wrong")
    assert answer(client, "kennett", "what-went-wrong", {"description": text}).status_code == 302
    with app.app_context():
        saved = db.session.execute(db.select(Draft)).scalar_one().answers["what-went-wrong"]["description"]
    assert saved == text.strip()


def test_html_is_removed_and_the_cleaned_text_is_shown_back_then_accepted(app, client):
    step_until(client, "what-went-wrong")
    html = page(answer(client, "kennett", "what-went-wrong", {"description": "<b>Lift</b> broken <img src=x onerror=alert(1)> since May"}))
    assert "Lift broken" in html and "onerror" not in html
    response = answer(client, "kennett", "what-went-wrong", {"description": "Lift broken  since May"})
    assert response.status_code == 302


def test_text_that_only_looks_like_markup_is_kept_as_typed_and_escaped_on_output(app, client):
    step_until(client, "what-went-wrong")
    assert answer(client, "kennett", "what-went-wrong", {"description": "Waited <2 weeks & then >3 more"}).status_code == 302
    walk(client, "kennett", MYSELF[3:] + [("exclusion-staff-employment", {"answer": "no"})] + END)
    check = page(client.get("/kennett/complain/check"))
    assert "Waited &lt;2 weeks &amp; then &gt;3 more" in check


@pytest.mark.parametrize("parts, message", [
    (("31", "2", "2026"), "must be a real date"),
    (("1", "13", "2026"), "must be a real date"),
    (("x", "y", "z"), "must be a real date"),
    (("1", "", "2026"), "must include a month"),
    (("1", "1", "2027"), "must be today or in the past"),
    (("1", "1", "1850"), "must be after 1900"),
    (("99999999", "1", "2026"), "must be a real date"),
])
def test_wrong_dates_get_a_clear_message_and_keep_what_was_typed(client, parts, message):
    step_until(client, "when-it-started")
    day, month, year = parts
    html = page(answer(client, "kennett", "when-it-started", {"started_on-day": day, "started_on-month": month,
                                                                "started_on-year": year, "ongoing": "no"}))
    assert f"The date it started {message}" in html  # named in words, not by the question
    assert f'name="started_on-year" type="text" inputmode="numeric" value="{year}"' in html
    assert 'value="no" checked' in html


def test_a_forged_choice_is_refused_in_words(client):
    html = page(answer(client, "kennett", "who-is-complaining", {"who": "administrator"}))
    assert "Select one of the options" in html


@pytest.mark.parametrize("data, message", [
    ({"name": "A"}, "Enter at least one way to contact you"),
    ({"name": "A", "email": "not-an-email"}, "Enter an email address in the correct format"),
    ({"name": "A", "phone": "12345"}, "Enter a UK phone number"),
    ({"name": "", "phone": "07700 900982"}, "Enter your full name"),
])
def test_contact_details_are_checked(client, data, message):
    step_until(client, "contact-details")
    assert message in page(answer(client, "kennett", "contact-details", data))


@pytest.mark.parametrize("details, method, message", [
    ({"name": "A", "phone": "01632 960001"}, "text", "Texts need a UK mobile number"),
    ({"name": "A", "phone": "01632 960001"}, "email", "You have not given an email address"),
    ({"name": "A", "email": "a@example.org"}, "letter", "You have not given a postal address"),
    ({"name": "A", "email": "a@example.org"}, "phone", "You have not given a phone number"),
])
def test_the_preferred_contact_method_needs_the_matching_detail(client, details, method, message):
    step_until(client, "contact-details")
    walk(client, "kennett", [("contact-details", details)])
    assert message in page(answer(client, "kennett", "contact-preference", {"method": method}))


@pytest.mark.parametrize("data, message", [
    ({"needs": ["interpreter"]}, "Enter which language the interpreter should speak"),
    ({"needs": ["translation"]}, "Enter which language letters should be in"),
    ({"needs": ["support-worker"]}, "Enter the support worker’s name and how to reach them"),
    ({"needs": ["none", "audio"]}, "on its own"),
    ({}, "Select the support you need"),
])
def test_adjustments_ask_for_what_they_need_to_be_acted_on(client, data, message):
    step_until(client, "adjustments")
    assert message in page(answer(client, "kennett", "adjustments", data))


def test_something_else_as_an_outcome_needs_words(client):
    step_until(client, "outcome")
    assert "Enter what would put it right" in page(answer(client, "kennett", "outcome", {"outcomes": ["something-else"]}))


# --- CSRF, order, sessions: nothing typed is lost, nothing forged is saved ---

@pytest.mark.parametrize("csrf", [None, "forged", "ImFiYyI.aaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbb"])
def test_a_missing_or_forged_csrf_token_saves_nothing_and_shows_the_answers_again(app, client, csrf):
    walk(client, "kennett", MYSELF[:2])
    data = {"description": "The lift has been broken for a month", "submit": "go"}
    if csrf:
        data["csrf_token"] = csrf
    response = client.post("/kennett/complain/what-went-wrong", data=data)
    assert response.status_code == 200
    html = page(response)
    assert "we did not save it" in html and "The lift has been broken for a month" in html
    with app.app_context():
        [draft] = db.session.execute(db.select(Draft)).scalars().all()
        assert "what-went-wrong" not in draft.answers


def test_a_step_opened_out_of_order_goes_to_the_next_question_to_answer(client):
    walk(client, "kennett", MYSELF[:2])
    response = client.get("/kennett/complain/outcome")
    assert response.status_code == 302 and response.headers["Location"].endswith("/complain/what-went-wrong")
    assert "Answer this question first" in page(client.get(response.headers["Location"]))


def test_a_step_opened_with_no_answers_at_all_goes_to_the_first_question(client):
    response = client.get("/kennett/complain/outcome")
    assert response.headers["Location"].endswith("/complain/who-is-complaining")


def test_posting_a_later_step_after_the_session_is_lost_gets_a_friendly_page(client):
    response = client.post("/kennett/complain/outcome", data={"outcomes": ["apology"], "csrf_token": "x"})
    assert response.status_code == 400 and "Your session has ended" in page(response)


@pytest.mark.parametrize("url", ["/nobody/", "/kennett/complain/no-such-step", "/kennett/complaint/not-a-token",
                                 "/kennett/complain/resume/not-a-token"])
def test_unknown_pages_are_a_plain_not_found(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "Page not found" in page(response)


def test_save_and_come_back_later_keeps_even_unchecked_answers_and_resumes_in_another_browser(app, client):
    walk(client, "kennett", MYSELF[:3])
    # Half-typed date: not valid yet, but it must not be lost.
    response = answer(client, "kennett", "when-it-started", {"started_on-day": "3", "started_on-month": "9"},
                      button="save_later")
    assert response.headers["Location"].endswith("/complain/save")
    saved = page(client.get("/kennett/complain/save"))
    link = re.search(r'class="private-link"><a href="([^"]+)"', saved).group(1)
    sent = client.post("/kennett/complain/save", data={"csrf_token": token(client, "/kennett/complain/save"),
                                                       "email": "ada@example.org"})
    assert "We have sent the link to ada@example.org" in page(sent)
    with app.app_context():
        [email] = db.session.execute(db.select(OutboxMessage)).scalars().all()
    assert link in email.body

    other = app.test_client()  # a new browser, or an expired session
    resumed = other.get(link.replace("http://localhost", ""))
    assert resumed.headers["Location"].endswith("/complain/when-it-started")
    html = page(other.get("/kennett/complain/when-it-started"))
    assert 'name="started_on-day" type="text" inputmode="numeric" value="3"' in html
    assert "must include a year" in html


def test_save_and_come_back_on_the_first_page_creates_the_draft(client):
    response = answer(client, "kennett", "who-is-complaining", {"who": "myself"}, button="save_later")
    assert response.headers["Location"].endswith("/complain/save")
    assert client.get("/kennett/complain/danger").status_code == 200


def test_changing_an_answer_from_the_check_page_returns_there(app, client):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    check = page(client.get("/kennett/complain/check"))
    assert "/kennett/complain/what-went-wrong?return=check" in check
    response = answer(client, "kennett", "what-went-wrong", {"description": "Changed words"}, query="?return=check")
    assert response.headers["Location"].endswith("/kennett/complain/check")
    assert "Changed words" in page(client.get("/kennett/complain/check"))


def test_a_change_that_opens_a_new_branch_asks_only_the_new_questions_then_returns(app, client):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    response = answer(client, "kennett", "danger", {"danger": "yes"}, query="?return=check")
    assert response.headers["Location"].endswith("/complain/emergency?return=check")
    response = answer(client, "kennett", "emergency", {}, query="?return=check")
    assert response.headers["Location"].endswith("/kennett/complain/check")


def test_the_check_page_needs_every_answer(client):
    walk(client, "kennett", MYSELF[:3])
    assert client.get("/kennett/complain/check").headers["Location"].endswith("/complain/when-it-started")


def test_a_double_click_a_refresh_or_a_replay_never_lodges_twice(app, client):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    csrf = token(client, "/kennett/complain/check")
    first = client.post("/kennett/complain/check", data={"csrf_token": csrf})
    second = client.post("/kennett/complain/check", data={"csrf_token": csrf})
    assert first.headers["Location"].endswith("/complain/sent")
    assert second.headers["Location"].endswith("/complain/sent")
    assert len(complaints(app)) == 1
    # Back to the check page after sending: it leads to the confirmation, not a second complaint.
    assert client.get("/kennett/complain/check").headers["Location"].endswith("/complain/sent")


def test_a_lodged_drafts_resume_link_says_it_was_sent(app, client):
    walk(client, "kennett", MYSELF[:1])
    answer(client, "kennett", "danger", {"danger": "no"}, button="save_later")
    link = re.search(r'class="private-link"><a href="([^"]+)"', page(client.get("/kennett/complain/save"))).group(1)
    walk(client, "kennett", MYSELF[2:] + exclusion_answers(app, "kennett") + END)
    lodge(client, "kennett")
    again = page(client.get(link.replace("http://localhost", "")))
    assert "already been sent" in again


def test_every_step_is_validated_again_before_lodging(app, client):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    with app.app_context():
        draft = db.session.execute(db.select(Draft)).scalar_one()
        draft.set_answer("contact-details", {"name": "A", "phone": "not a phone"})
        db.session.commit()
    response = lodge(client, "kennett")
    assert response.headers["Location"].endswith("/complain/contact-details?return=check")
    assert complaints(app) == []


def test_a_private_link_opens_only_its_own_complaint_and_only_under_its_landlord(app, client):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    lodge(client, "kennett")
    link = re.search(r'class="private-link"><a href="http://localhost([^"]+)"', page(client.get("/kennett/complain/sent"))).group(1)
    token_part = link.rsplit("/", 1)[1]
    assert len(token_part) >= 43  # 256 bits, URL-safe base64
    assert app.test_client().get(link).status_code == 200  # anyone with the link: it is the key
    assert app.test_client().get(f"/west-kent/complaint/{token_part}").status_code == 404
    assert app.test_client().get(link[:-1] + ("A" if link[-1] != "A" else "B")).status_code == 404
    reference = complaints(app)[0].reference
    assert app.test_client().get(f"/kennett/complaint/{reference}").status_code == 404


def test_references_are_unique_and_readable_aloud(app):
    from assistant.references import ALPHABET, new_reference

    assert not set("IO01") & set(ALPHABET)
    references = {new_reference("KCLT") for _ in range(2000)}
    assert len(references) == 2000
    assert all(REFERENCE.fullmatch(r) for r in references)


def test_the_language_comes_from_the_query_then_cookie_and_unknown_ones_are_ignored(client):
    response = client.get("/kennett/?lang=xx")
    assert '<html lang="en" dir="ltr">' in page(response)
    assert "lang=" not in (response.headers.get("Set-Cookie") or "")


def test_landlord_list_and_static_pages(client):
    index = page(client.get("/"))
    for name in ("Kennett Community Land Trust", "West Kent"):
        assert name in index
    assert client.get("/accessibility").status_code == 200
    assert client.get("/privacy").status_code == 200


def test_the_start_page_gives_other_ways_to_complain_and_says_no_magic_word_is_needed(client):
    html = page(client.get("/west-kent/"))
    assert "Start now" in html and "01732 749400" in html and "help@wkha.org.uk" in html
    assert "You do not need to use the word “complaint”" in html
    assert "gives you 12 months" in html  # West Kent's 6-month limit is corrected


@pytest.mark.parametrize("step", ["who-is-complaining", "danger", "what-went-wrong", "when-it-started",
                                  "what-it-affected", "outcome", "adjustments", "contact-details"])
def test_garbage_posted_to_any_step_never_causes_a_server_error(app, client, step):
    walk(client, "kennett", MYSELF + exclusion_answers(app, "kennett") + END)
    csrf = token(client, f"/kennett/complain/{step}")
    garbage = {"csrf_token": csrf, "submit": "x", "who": ["a", "b"], "danger": "\x00", "description": "\ud7ff" * 10,
               "started_on-day": "-1", "started_on-month": "1e9", "started_on-year": "٢٠٢٦", "affected": "nope",
               "outcomes": ["x"], "needs": ["none", "none"], "email": "@" * 400, "phone": "+" * 50, "name": "\u202e" * 3}
    response = client.post(f"/kennett/complain/{step}", data=garbage)
    assert response.status_code in (200, 302)


def test_an_oversized_post_gets_a_clear_page_not_a_crash(app, client):
    walk(client, "kennett", MYSELF[:2])
    response = client.post("/kennett/complain/what-went-wrong", data={"description": "x" * 300_000, "csrf_token": "x"})
    assert response.status_code == 413 and "too long" in page(response)
