"""Every page works without JavaScript (the accessibility statement says so): a whole complaint,
its errors and the confirmation, in a browser context with JavaScript turned off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    ADVOCATE,
    REFERENCE,
    RESIDENT,
    Choose,
    answer,
    assert_accessible_without_js,
    assert_error_summary,
    assert_sound_page,
    follow_error_links,
    press,
    question_path,
    start,
    step_url,
    walk,
)

pytestmark = pytest.mark.browser


def test_a_complaint_without_javascript(no_js_context, scriptless_page, landlords):
    landlord = landlords["west-kent"]
    page = no_js_context.new_page()
    start(page, "west-kent")
    steps = question_path(landlord, someone_else=True)

    # Errors are shown by the server alone: the summary, its links, the messages by each field.
    expect(page).to_have_url(step_url("west-kent", "who-is-complaining"))
    press(page, "Continue")
    assert_error_summary(page, js=False)
    assert_sound_page(page, axe=False)
    assert_accessible_without_js(page, scriptless_page)
    follow_error_links(page, js=False)  # the browser's own jump to the field, focusing it
    answer(page, [Choose("Someone else")])
    press(page, "Continue")

    # axe has checked each of these pages with JavaScript on; app.js changes no markup, so axe
    # runs here on the pages where it could matter most: errors, the check page, the confirmation.
    walk(page, "west-kent", steps[1:], ADVOCATE, axe=False)
    expect(page).to_have_url(step_url("west-kent", "check"))
    expect(page.get_by_role("main")).to_contain_text("Sam Advocate")
    assert_sound_page(page, axe=False)
    assert_accessible_without_js(page, scriptless_page)
    press(page, "Send my complaint")

    expect(page).to_have_url(step_url("west-kent", "sent"))
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    assert_accessible_without_js(page, scriptless_page)
    page.get_by_role("link", name=re.compile(r"\/west-kent\/complaint\/")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Your complaint {reference}")


def test_the_character_count_says_the_limit_without_javascript(no_js_context):
    page = no_js_context.new_page()
    start(page, "kennett")
    walk(page, "kennett", ["who-is-complaining", "danger"], RESIDENT, check=False)
    box = page.get_by_label("What went wrong?", exact=True)
    expect(box).to_have_accessible_description(re.compile(r"You can enter up to 3,000 characters$"))
    box.fill("x" * 3001)
    press(page, "Continue")
    assert_error_summary(page, js=False)
    expect(page.get_by_role("alert")).to_contain_text("What went wrong? must be 3,000 characters or fewer")
    expect(box).to_have_value("x" * 3001)  # what they typed is kept, to shorten
