"""The pages outside the question journey: the landlord list, each start page, the accessibility
and privacy pages, and "page not found"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_sound_page

pytestmark = pytest.mark.browser

SLUGS = ["kennett", "inspiring", "west-kent", "kctmo", "support-trust"]


def test_the_landlord_list_leads_to_each_landlords_start_page(page, landlords):
    page.goto("/")
    assert page.viewport_size == {"width": 375, "height": 667}
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a complaint to your landlord")
    assert_sound_page(page)
    names = page.get_by_role("main").get_by_role("link")
    expect(names).to_have_text([landlord.name for landlord in landlords.values()])
    page.get_by_role("link", name=landlords["kctmo"].name, exact=True).click()
    expect(page).to_have_url(re.compile(r"/kctmo/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Make a complaint to {landlords['kctmo'].name}")


@pytest.mark.parametrize("slug", SLUGS)
def test_start_page(page, landlords, slug):
    landlord = landlords[slug]
    response = page.goto(f"/{slug}/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Make a complaint to {landlord.name}")
    # The landlord's own colour is used for the header, links and buttons: axe checks its contrast.
    assert_sound_page(page)
    expect(page.get_by_role("link", name=landlord.name, exact=True)).to_be_visible()
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who is this complaint for?")


@pytest.mark.parametrize(("link", "heading"), [("Accessibility", "Accessibility statement"), ("Privacy", "Privacy")])
def test_footer_pages(page, link, heading):
    page.goto("/kennett/")
    page.get_by_role("contentinfo").get_by_role("link", name=link, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_sound_page(page)


@pytest.mark.parametrize("path", ["/no-such-page", "/no-such-landlord/", "/kennett/complaint/not-a-real-token",
                                  "/kennett/complain/no-such-question"])
def test_page_not_found(page, path):
    response = page.goto(path)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_sound_page(page)
    page.get_by_role("link", name="Go to the start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a complaint to your landlord")
