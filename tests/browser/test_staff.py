"""A complaint taken by phone, through the whole life of its case, in Chromium at 375x667:
a member of staff enters it through the resident's own dialogue, acknowledges it and answers it;
the resident asks for stage 2 from their own page; staff acknowledge that, send the final answer
and close it. axe (WCAG 2.2 AA) checks every staff page on the way, and the resident's page too.

The app's clock is frozen at Tuesday 24 November 2026 (conftest.TODAY), so every date is today's.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from assistant.staff import accounts

from ..integration.helpers import END, MYSELF, exclusion_answers, lodge, walk
from .helpers import (
    EXCLUSION_QUESTION,
    REFERENCE,
    STARTED,
    Choose,
    Fill,
    Tick,
    answer,
    asked_exclusions,
    assert_error_summary,
    assert_sound_page,
    press,
)

pytestmark = pytest.mark.browser

SLUG = "kennett"
EMAIL = "caseworker@kennett.example"
PASSWORD = "correct horse battery staple"
TODAY = [Fill("Day", "24"), Fill("Month", "11"), Fill("Year", "2026")]

# The same questions as a resident's, in the words staff see (assistant/forms/assisted_wording.py).
CALLER = {
    "how-it-came-in": [Choose("Phone call"), *TODAY, Choose("English")],
    "who-is-complaining": [Choose("The resident")],
    "danger": [Choose("No")],
    "what-went-wrong": [Fill("What went wrong?", "The bathroom ceiling leaks whenever the neighbour showers.")],
    "when-it-started": [Fill("Day", "2", STARTED), Fill("Month", "10", STARTED), Fill("Year", "2026", STARTED),
                        Choose("Yes", group="Is it still happening?")],
    "what-it-affected": [Tick("The home")],
    "reported-before": [Choose("Yes, and they are unhappy with how it has been dealt with")],
    EXCLUSION_QUESTION: [Choose("No")],
    "outcome": [Tick("Put it right, for example do the repair"),
                Fill("In their own words, what would put it right?", "Find the leak and mend the ceiling.")],
    "adjustments": [Tick("Large print")],
    "contact-details": [Fill("The resident’s full name", "Bea Caller"),
                        Fill("Their phone number (optional)", "01488 000000"),
                        Fill("Their postal address (optional)", "2 Canal Walk\nHungerford\nRG17 0AA")],
    "contact-preference": [Choose("Letter")],
}


@pytest.fixture
def staff_account(live_app):
    with live_app.app_context():
        if accounts.find(SLUG, EMAIL) is None:
            accounts.create(SLUG, EMAIL, PASSWORD)
    live_app.config["STAFF_SIGNIN_DELAY"] = False
    return EMAIL


def sign_in(page: Page) -> None:
    page.goto(f"/{SLUG}/staff/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_sound_page(page)
    press(page, "Sign in")  # nothing typed: the error summary, then the real thing
    assert_error_summary(page)
    assert_sound_page(page)
    page.get_by_label("Email address", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    press(page, "Sign in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")
    assert_sound_page(page)


def enter_phone_complaint(page: Page, landlords) -> tuple[str, str]:
    """Staff home -> New complaint -> every question -> check -> sent. (reference, private link)"""
    page.get_by_role("link", name="New complaint, taken by phone, letter or in person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New complaint")
    assert_sound_page(page)
    page.get_by_role("button", name="Start").click()
    exclusions = asked_exclusions(landlords[SLUG])
    steps = ["how-it-came-in", "who-is-complaining", "danger", "what-went-wrong", "when-it-started",
             "what-it-affected", "reported-before", *exclusions, "outcome", "adjustments", "contact-details",
             "contact-preference"]
    for step in steps:
        expect(page).to_have_url(re.compile(rf"/{SLUG}/staff/new/complain/{step}$"))
        assert_sound_page(page)
        answers = CALLER.get(step, CALLER[EXCLUSION_QUESTION])
        answer(page, answers)
        press(page, "Continue")

    expect(page).to_have_url(re.compile(rf"/{SLUG}/staff/new/complain/check$"))
    assert_sound_page(page)
    main = page.get_by_role("main")
    for words in ("Phone call", "24 November 2026", "The bathroom ceiling leaks", "Bea Caller", "01488 000000"):
        expect(main).to_contain_text(words)
    press(page, "Send the complaint")

    expect(page.get_by_role("heading", level=1)).to_have_text("Complaint entered")
    assert_sound_page(page)
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    # Letter was their choice: staff print a letter, in the resident's words, holding their link.
    page.get_by_role("link", name="Show the letter to print").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your complaint {reference}")
    assert_sound_page(page)
    expect(page.get_by_role("main")).to_contain_text("Bea Caller")
    link = page.locator(".private-link").inner_text().strip()  # printed, so text rather than a link
    assert re.search(rf"/{SLUG}/complaint/[\w-]{{22,}}$", link), link
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Complaint entered")
    page.get_by_role("link", name="Open the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Complaint {reference}")
    assert_sound_page(page)
    return reference, link


def record(page: Page, action: str, fields: list, done: str) -> None:
    """On the case page: open an action, fill it in, send it, and see it recorded."""
    page.get_by_role("link", name=action, exact=True).click()
    expect(page.get_by_role("button", name=action, exact=True)).to_be_visible()
    assert_sound_page(page)
    answer(page, fields)
    press(page, action)
    expect(page.get_by_role("status")).to_contain_text(done)
    assert_sound_page(page)


def test_a_phone_complaint_from_the_call_to_closing(page, new_context, landlords, staff_account):
    sign_in(page)
    reference, link = enter_phone_complaint(page, landlords)

    # The caseload lists it, with its next deadline in words.
    page.get_by_role("navigation", name="Staff").get_by_role("link", name="Caseload").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open complaints")
    assert_sound_page(page)
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_have_count(1)
    row.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Complaint {reference}")
    # Their adjustments come first: large print, and the letters in English.
    expect(page.locator(".panel").first).to_contain_text("Large print")

    # A form sent half-filled says what is missing, on the same page, and records nothing.
    page.get_by_role("link", name="Acknowledge the complaint", exact=True).click()
    press(page, "Acknowledge the complaint")
    assert_error_summary(page)
    assert_sound_page(page)
    page.get_by_role("link", name="Cancel").click()

    record(page, "Acknowledge the complaint",
           [*TODAY, Fill("The complaint definition: the issues", "Water leaks through the bathroom ceiling."),
            Fill("The outcomes the resident wants", "The leak found and the ceiling mended.")],
           "The acknowledgement is recorded.")
    record(page, "Record the stage 1 answer",
           [*TODAY, Fill("Point 1", "The leak was not found on three visits."),
            Choose("Partly upheld", group="Decision on point 1"),
            Fill("The reasons for the decisions", "Two visits missed the upstairs pipe.")],
           "The stage 1 answer is recorded.")

    # The resident, with nothing but the link from their letter, asks for stage 2.
    resident = new_context().new_page()
    resident.goto(link)
    expect(resident.get_by_role("heading", level=1)).to_have_text(f"Your complaint {reference}")
    expect(resident.get_by_role("main")).to_contain_text("Water leaks through the bathroom ceiling.")
    expect(resident.get_by_role("main")).to_contain_text("Partly upheld")
    assert_sound_page(resident)
    resident.get_by_label("Why are you unhappy with the stage 1 answer? (optional)").fill("The ceiling is still wet.")
    resident.get_by_role("button", name="Ask for stage 2").click()
    expect(resident.get_by_role("status")).to_be_visible()
    expect(resident.get_by_role("main")).to_contain_text("stage 2")
    assert_sound_page(resident)

    page.reload()
    expect(page.get_by_role("main")).to_contain_text("Online, from their complaint page")
    record(page, "Acknowledge the stage 2 request",
           [*TODAY, Fill("What stage 2 is about", "Whether the leak has now been found and mended.")],
           "The stage 2 acknowledgement is recorded.")
    record(page, "Record the final answer (stage 2)",
           [*TODAY, Fill("Point 1", "The leak is still not mended."), Choose("Upheld", group="Decision on point 1"),
            Fill("The reasons for the decisions", "A plumber found the pipe; the ceiling is being replaced.")],
           "The final answer is recorded.")
    record(page, "Close the complaint",
           [*TODAY, Fill("Why it is being closed", "The final answer has been sent.")],
           "The complaint is closed.")
    expect(page.get_by_role("main")).to_contain_text("Closed.")

    # The resident sees it closed, and where to go next: the Housing Ombudsman.
    resident.reload()
    expect(resident.get_by_role("main")).to_contain_text("It is closed.")
    expect(resident.get_by_role("main")).to_contain_text("Housing Ombudsman")
    expect(resident.get_by_role("button", name="Ask for stage 2")).to_have_count(0)
    assert_sound_page(resident)

    # Signing out ends the staff pages: the caseload asks for sign-in again.
    page.get_by_role("button", name="Sign out").click()
    page.goto(f"/{SLUG}/staff/complaints")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_every_staff_form_and_view_passes_axe(page, live_app, staff_account):
    """The pages the phone complaint's life does not pass through: each other action's form, with
    its errors; the caseload filtered, searched and empty; a refused case."""
    client = live_app.test_client()
    walk(client, SLUG, MYSELF + exclusion_answers(live_app, SLUG) + END)
    lodge(client, SLUG)
    sent = client.get(f"/{SLUG}/complain/sent").get_data(as_text=True)
    reference = re.search(r'class="reference"[^>]*>([^<]+)<', sent).group(1)

    sign_in(page)
    case = f"/{SLUG}/staff/complaints/{reference}"
    for action in ("refuse", "close", "note"):
        page.goto(f"{case}/{action}")
        assert_sound_page(page)
        page.get_by_role("main").locator("form[method=post] button[type=submit]").last.click()
        assert_error_summary(page)
        assert_sound_page(page)
    record(page, "Acknowledge the complaint",
           [*TODAY, Fill("The complaint definition: the issues", "The boiler."), Fill("The outcomes the resident wants", "A repair.")],
           "The acknowledgement is recorded.")
    for action in ("extend", "escalate"):
        page.goto(f"{case}/{action}")
        if page.url.endswith(f"/{action}"):  # offered now (escalation only once the answer is late)
            assert_sound_page(page)
    for query in ("?stage=1", "?overdue=yes", "?q=nobody-at-all", f"?q={reference.lower()}"):
        page.goto(f"/{SLUG}/staff/complaints{query}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Open complaints")
        assert_sound_page(page)
    page.goto(case)
    record(page, "Refuse to accept the complaint",
           [*TODAY, Choose("Legal proceedings have started (a claim has been filed at court)"),
            Fill("Why it applies to this complaint", "A claim was filed at the county court on 1 November.")],
           "The refusal is recorded.")
    expect(page.get_by_role("main")).to_contain_text("Refused: not accepted as a complaint.")
    page.goto(f"/{SLUG}/staff/complaints?q={reference}")
    page.get_by_role("link", name=f"Open the case {reference}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Complaint {reference}")
    assert_sound_page(page)
