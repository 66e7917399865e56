"""Whole journeys with the mouse, in Chromium at 375x667, with axe on every page on the way."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    ADVOCATE,
    REFERENCE,
    RESIDENT,
    STARTED,
    Choose,
    answer,
    asked_exclusions,
    assert_error_summary,
    assert_sound_page,
    press,
    question_path,
    start,
    step_url,
    walk,
)

pytestmark = pytest.mark.browser

SLUGS = ["kennett", "inspiring", "west-kent", "kctmo", "support-trust"]


def send_and_confirm(page, landlord) -> str:
    """From the check page: send, see the confirmation, open the private link. The reference."""
    press(page, "Send my complaint")
    expect(page).to_have_url(re.compile(rf"/{landlord.slug}/complain/sent$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Complaint sent")
    assert_sound_page(page)
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    assert reference.startswith(f"{landlord.reference_prefix}-")
    private_link = page.get_by_role("link", name=re.compile(rf"\/{landlord.slug}\/complaint\/"))
    private_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your complaint {reference}")
    assert_sound_page(page)
    return reference


@pytest.mark.parametrize("slug", SLUGS)
def test_a_resident_makes_a_complaint(page, landlords, slug):
    landlord = landlords[slug]
    start(page, slug)
    walk(page, slug, question_path(landlord), RESIDENT)

    expect(page).to_have_url(step_url(slug, "check"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending your complaint")
    assert_sound_page(page)
    main = page.get_by_role("main")
    for words in ("Myself", "The boiler was repaired three times", "3 September 2025", "Health or wellbeing",
                  "Fix the boiler properly.", "Large print", "Ada Resident", "07700 900982", "Text message"):
        expect(main).to_contain_text(words)

    send_and_confirm(page, landlord)
    expect(page.get_by_role("main")).to_contain_text("The boiler was repaired three times")
    # Sent is sent: the check page now leads to the confirmation, not a second complaint.
    page.goto(f"/{slug}/complain/check")
    expect(page).to_have_url(step_url(slug, "sent"))


def test_an_advocate_complains_for_a_resident_and_changes_an_answer(page, landlords):
    landlord = landlords["kennett"]
    start(page, "kennett")
    walk(page, "kennett", question_path(landlord, someone_else=True), ADVOCATE)

    expect(page).to_have_url(step_url("kennett", "check"))
    assert_sound_page(page)
    main = page.get_by_role("main")
    for words in ("Someone else", "Sam Advocate", "Support worker", "sam@example.com", "Ada Resident",
                  "Yes, they have signed a permission form", "Email"):
        expect(main).to_contain_text(words)
    expect(main).not_to_contain_text("Your contact details")

    # "Change" names what it changes, goes to the question, and comes back to the check page.
    page.get_by_role("link", name="Change Has the resident given permission for you to complain for them?").click()
    expect(page).to_have_url(re.compile(r"/kennett/complain/permission\?return=check$"))
    expect(page.get_by_role("radio", name="Yes, they have signed a permission form")).to_be_checked()
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", re.compile(r"/kennett/complain/check$"))
    answer(page, [Choose("Not yet")])
    press(page, "Continue")
    expect(page).to_have_url(step_url("kennett", "check"))
    expect(main).to_contain_text("Not yet")

    send_and_confirm(page, landlord)
    expect(page.get_by_role("main")).to_contain_text("Sam Advocate")


def test_someone_in_danger_is_shown_who_to_call_first(page):
    start(page, "kctmo")
    walk(page, "kctmo", ["who-is-complaining"], RESIDENT)
    answer(page, [Choose("Yes")])
    press(page, "Continue")

    expect(page).to_have_url(step_url("kctmo", "emergency"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    expect(page.get_by_role("note")).to_contain_text("call 999 now")
    expect(page.get_by_role("main")).to_contain_text("0800 111 999")
    assert_sound_page(page)
    page.get_by_role("button", name="Continue with my complaint").click()
    expect(page).to_have_url(step_url("kctmo", "what-went-wrong"))
    page.get_by_role("link", name="Back").click()
    expect(page).to_have_url(step_url("kctmo", "emergency"))


def test_a_first_report_is_offered_as_a_service_request(page, landlords):
    landlord = landlords["west-kent"]
    start(page, "west-kent")
    walk(page, "west-kent", question_path(landlord)[:5], RESIDENT, check=False)
    expect(page).to_have_url(step_url("west-kent", "reported-before"))
    answer(page, [Choose("No, this is the first time I am telling them")])
    press(page, "Continue")

    expect(page).to_have_url(step_url("west-kent", "service-request"))
    expect(page.get_by_role("heading", level=1)).to_have_text("This may be a service request")
    assert_sound_page(page)
    answer(page, [Choose("Report it as a repair or service request instead")])
    press(page, "Continue")

    expect(page).to_have_url(step_url("west-kent", "stopped"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You have not sent a complaint")
    main = page.get_by_role("main")
    expect(main).to_contain_text(f"To report a repair or ask for a service, contact {landlord.name}:")
    assert_sound_page(page)
    # They may change their mind: the link goes back to the choice, and on to the complaint.
    page.get_by_role("link", name="Change your answer and send a complaint after all").click()
    expect(page).to_have_url(step_url("west-kent", "service-request"))
    answer(page, [Choose("Carry on with my complaint")])
    press(page, "Continue")
    expect(page).to_have_url(step_url("west-kent", asked_exclusions(landlord)[0]))


def test_an_exclusion_is_explained_and_the_resident_may_stop(page, landlords):
    landlord = landlords["inspiring"]
    questions = asked_exclusions(landlord)
    start(page, "inspiring")
    walk(page, "inspiring", question_path(landlord)[:6], RESIDENT, check=False)

    expect(page).to_have_url(step_url("inspiring", questions[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Has anyone started a court case about this?")
    answer(page, [Choose("Yes")])
    press(page, "Continue")
    walk(page, "inspiring", questions[1:], RESIDENT)

    expect(page).to_have_url(step_url("inspiring", "exclusion-result"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{landlord.name} may not be able to take this complaint")
    expect(page.get_by_role("main")).to_contain_text("A court case has started about it.")
    assert_sound_page(page)
    answer(page, [Choose("Stop here: I will go elsewhere")])
    press(page, "Continue")

    expect(page).to_have_url(step_url("inspiring", "stopped"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You have not sent a complaint")
    expect(page.get_by_role("main")).to_contain_text("A court case has started about it.")
    assert_sound_page(page)
    # Going on after all: the same page, the other choice, and the journey carries on.
    page.get_by_role("link", name="Change your answer and send a complaint after all").click()
    expect(page).to_have_url(step_url("inspiring", "exclusion-result"))
    answer(page, [Choose("Send my complaint anyway")])
    press(page, "Continue")
    expect(page).to_have_url(step_url("inspiring", "outcome"))


def test_save_and_come_back_later(page, new_context):
    start(page, "kctmo")
    walk(page, "kctmo", ["who-is-complaining", "danger"], RESIDENT, check=False)
    page.get_by_label("What went wrong?", exact=True).fill("The lift has been broken for a month.")
    press(page, "Save and come back later")

    expect(page).to_have_url(step_url("kctmo", "save"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers are saved")
    assert_sound_page(page)
    resume_url = page.get_by_role("link", name=re.compile(r"\/kctmo\/complain\/resume\/")).get_attribute("href")

    press(page, "Send the link")
    assert_error_summary(page)
    assert_sound_page(page)
    page.get_by_label("Email address", exact=True).fill("ada@example.com")
    press(page, "Send the link")
    expect(page.get_by_role("status")).to_contain_text("We have sent the link to ada@example.com.")
    assert_sound_page(page)

    # Another browser, with nothing but the link: the answers come back, at the next question.
    elsewhere = new_context().new_page()
    elsewhere.goto(resume_url)
    expect(elsewhere).to_have_url(step_url("kctmo", "when-it-started"))
    elsewhere.get_by_role("link", name="Back").click()
    what_went_wrong = elsewhere.get_by_label("What went wrong?", exact=True)
    expect(what_went_wrong).to_have_value("The lift has been broken for a month.")

    page.get_by_role("link", name="Carry on with my complaint now").click()
    expect(page).to_have_url(step_url("kctmo", "when-it-started"))


def test_half_an_answer_can_be_saved_and_is_checked_on_return(page):
    start(page, "support-trust")
    walk(page, "support-trust", ["who-is-complaining", "danger", "what-went-wrong"], RESIDENT, check=False)
    page.get_by_role("group", name=STARTED).get_by_label("Day", exact=True).fill("3")
    press(page, "Save and come back later")
    expect(page).to_have_url(step_url("support-trust", "save"))

    page.get_by_role("link", name="Carry on with my complaint now").click()
    expect(page).to_have_url(step_url("support-trust", "when-it-started"))
    expect(page.get_by_role("group", name=STARTED).get_by_label("Day", exact=True)).to_have_value("3")
    assert_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("The date it started must include a month")
    assert_sound_page(page)
