"""Every question page sent empty once: the error summary (focused, linking to the fields), the
inline errors, and axe on the page with its errors showing. Between them the two journeys reach
every kind of question page there is."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import (
    ADVOCATE,
    RESIDENT,
    STARTED,
    SUBMIT,
    Choose,
    actions_for,
    answer,
    assert_error_summary,
    assert_sound_page,
    follow_error_links,
    press,
    question_path,
    start,
    step_url,
)

pytestmark = pytest.mark.browser

NO_QUESTION = {"emergency"}  # an interruption page: nothing to leave empty

# Answers that also take in the pages only some answers lead to: the emergency page, the
# service request page and the exclusion result page.
ADVOCATE_EVERY_PAGE = {
    **ADVOCATE,
    "danger": [Choose("Yes")],
    "reported-before": [Choose("No, this is the first time I am telling them")],
    "service-request": [Choose("Carry on with my complaint")],
    "exclusion-already-dealt-with": [Choose("I am not sure")],
    "exclusion-other-organisation": [Choose("Yes")],
    "exclusion-result": [Choose("Send my complaint anyway")],
}


@pytest.mark.parametrize(("answers", "journey"), [
    (RESIDENT, {}),
    (ADVOCATE_EVERY_PAGE, {"someone_else": True, "danger": True, "first_report": True, "flagged": True}),
], ids=["resident", "advocate"])
def test_each_question_page_sent_empty(page, landlords, answers, journey):
    slug = "kctmo"  # its policy has the exclusion questions that ADVOCATE_EVERY_PAGE answers
    start(page, slug)
    for step in question_path(landlords[slug], **journey):
        expect(page).to_have_url(step_url(slug, step))
        if step not in NO_QUESTION:
            press(page, "Continue")
            expect(page).to_have_url(step_url(slug, step))  # the same page, now with its errors
            assert_error_summary(page)
            assert_sound_page(page)
            follow_error_links(page)
        answer(page, actions_for(answers, step))
        press(page, SUBMIT.get(step, "Continue"))
    expect(page).to_have_url(step_url(slug, "check"))


def test_an_answer_that_does_not_fit_is_explained(page):
    """Errors that are not about an empty page: a date that is not real, "Something else" with
    nothing said, a way of contact that was not given."""
    start(page, "kennett")
    for step in ("who-is-complaining", "danger", "what-went-wrong"):
        answer(page, RESIDENT[step])
        press(page, "Continue")

    answer(page, RESIDENT["when-it-started"])
    page.get_by_role("group", name=STARTED).get_by_label("Day", exact=True).fill("31")
    page.get_by_role("group", name=STARTED).get_by_label("Month", exact=True).fill("2")
    press(page, "Continue")
    assert_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("The date it started must be a real date")
    assert_sound_page(page)
    page.get_by_role("group", name=STARTED).get_by_label("Day", exact=True).fill("28")
    press(page, "Continue")

    answer(page, RESIDENT["what-it-affected"])
    press(page, "Continue")
    answer(page, RESIDENT["reported-before"])
    press(page, "Continue")
    answer(page, RESIDENT["exclusion-question"])
    press(page, "Continue")

    expect(page).to_have_url(step_url("kennett", "outcome"))
    page.get_by_role("checkbox", name="Something else", exact=True).check()
    press(page, "Continue")
    assert_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("Enter what would put it right")
    assert_sound_page(page)
    page.get_by_label("In your own words, what would put it right?", exact=True).fill("Replace the boiler.")
    press(page, "Continue")

    answer(page, RESIDENT["adjustments"])
    press(page, "Continue")
    answer(page, RESIDENT["contact-details"])
    press(page, "Continue")
    answer(page, [Choose("Letter")])
    press(page, "Continue")
    assert_error_summary(page)
    expect(page.get_by_role("alert")).to_contain_text("You have not given a postal address")
    assert_sound_page(page)
