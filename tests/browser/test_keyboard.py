"""A whole complaint with the keyboard alone: Tab and Shift+Tab to move, the arrow keys within a
group of radios, Space to pick, Enter to follow a link or press a button. No mouse at all."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    REFERENCE,
    RESIDENT,
    STARTED,
    SUBMIT,
    Choose,
    actions_for,
    answer_with_keyboard,
    question_path,
    step_url,
    submit_with_keyboard,
    tab_to,
)

pytestmark = pytest.mark.browser


def test_a_complaint_with_the_keyboard_alone(page, landlords):
    landlord = landlords["kennett"]
    answers = {**RESIDENT, "danger": [Choose("Yes")]}
    page.goto("/kennett/")

    # The first Tab shows the skip link; Enter on it puts the focus on the main content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    # "Start now" is a link that says it is a button: Space presses it, as it would a button.
    tab_to(page, page.get_by_role("button", name="Start now"))
    page.keyboard.press("Space")
    expect(page).to_have_url(step_url("kennett", "who-is-complaining"))

    # Sent empty: the error summary takes the focus; its link, by Enter, leads to the radios.
    submit_with_keyboard(page, "Continue")
    summary = page.get_by_role("alert", name="There is a problem")
    expect(summary).to_be_focused()
    tab_to(page, summary.get_by_role("link", name="Select who the complaint is for"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name="Myself")).to_be_focused()

    for step in question_path(landlord, danger=True):
        expect(page).to_have_url(step_url("kennett", step))
        answer_with_keyboard(page, actions_for(answers, step))
        if step == "contact-details":
            page.keyboard.press("Enter")  # Enter in a text box sends the form with its first button
        else:
            submit_with_keyboard(page, SUBMIT.get(step, "Continue"))

    expect(page).to_have_url(step_url("kennett", "check"))
    expect(page.get_by_role("main")).to_contain_text("Ada Resident")
    # Overshoot to the footer, then Shift+Tab back to the button.
    tab_to(page, page.get_by_role("contentinfo").get_by_role("link", name="Privacy"))
    tab_to(page, page.get_by_role("button", name="Send my complaint"), backwards=True)
    page.keyboard.press("Enter")

    expect(page).to_have_url(step_url("kennett", "sent"))
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    tab_to(page, page.get_by_role("link", name=re.compile(r"\/kennett\/complaint\/")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your complaint {reference}")


def test_back_links_and_checkboxes_by_keyboard(page):
    """Back by keyboard keeps the answers; Space ticks and unticks a checkbox."""
    page.goto("/support-trust/complain/who-is-complaining")
    for step in ("who-is-complaining", "danger", "what-went-wrong", "when-it-started"):
        answer_with_keyboard(page, RESIDENT[step])
        submit_with_keyboard(page, "Continue")
    expect(page).to_have_url(step_url("support-trust", "what-it-affected"))

    money = page.get_by_role("checkbox", name="Money", exact=True)
    tab_to(page, money)
    page.keyboard.press("Space")
    expect(money).to_be_checked()
    page.keyboard.press("Space")
    expect(money).not_to_be_checked()

    tab_to(page, page.get_by_role("link", name="Back"), backwards=True)
    page.keyboard.press("Enter")
    expect(page).to_have_url(step_url("support-trust", "when-it-started"))
    expect(page.get_by_role("group", name=STARTED).get_by_label("Year", exact=True)).to_have_value("2025")
    expect(page.get_by_role("group", name="Is it still happening?").get_by_role("radio", name="Yes")).to_be_checked()
