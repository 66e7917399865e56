"""The resident's own complaint page in Chromium at 375x667: each private link opens its own
complaint and no other; a wrong, altered, misplaced or expired link is a plain "not found"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from assistant import casework
from assistant.extensions import db
from assistant.models import Complaint

from ..integration.helpers import END, MYSELF, exclusion_answers, lodge, walk
from .helpers import assert_sound_page

pytestmark = pytest.mark.browser

LINK = re.compile(r'class="private-link"><a href="https?://[^/"]+(/[^"]+)"')
REFERENCE = re.compile(r'class="reference"[^>]*>([^<]+)<')


def lodged(live_app, slug: str, what_went_wrong: str) -> tuple[str, str]:
    """A complaint lodged through the dialogue (by the test client, to be quick): (reference, link path)."""
    client = live_app.test_client()
    steps = [(step, {"description": what_went_wrong} if step == "what-went-wrong" else data) for step, data in MYSELF]
    walk(client, slug, steps + exclusion_answers(live_app, slug) + END)
    lodge(client, slug)
    sent = client.get(f"/{slug}/complain/sent").get_data(as_text=True)
    return REFERENCE.search(sent).group(1), LINK.search(sent).group(1)


def assert_not_found(page, path: str) -> None:
    response = page.goto(path)
    assert response.status == 404, path
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("main")).not_to_contain_text("Your complaint")
    assert_sound_page(page)


def test_each_private_link_opens_its_own_complaint_and_no_other(page, live_app):
    ada = lodged(live_app, "kennett", "Ada's kitchen window will not close.")
    bob = lodged(live_app, "kennett", "Bob's front door lock is broken.")
    for (reference, path), own, other in ((ada, "Ada's kitchen", "Bob's front door"),
                                          (bob, "Bob's front door", "Ada's kitchen")):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Your complaint {reference}")
        expect(page.get_by_role("main")).to_contain_text(own)
        expect(page.get_by_role("main")).not_to_contain_text(other)
        assert_sound_page(page)

    path = ada[1]
    token = path.rsplit("/", 1)[1]
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert_not_found(page, path.replace(token, changed))  # one character altered
    assert_not_found(page, path.replace("/kennett/", "/west-kent/"))  # the right token, another landlord
    assert_not_found(page, f"/kennett/complaint/{ada[0]}")  # the reference is not a key


def test_a_link_expires_a_year_and_a_month_after_the_complaint_ends(page, live_app):
    reference, path = lodged(live_app, "west-kent", "The communal heating has failed again.")
    with live_app.app_context():
        complaint = db.session.execute(db.select(Complaint).filter_by(reference=reference)).scalar_one()
        casework.record(complaint, "closed", date(2026, 11, 24), "staff", date(2026, 11, 24),
                        data={"reason": "Resolved with the resident"})
        db.session.commit()
    try:
        live_app.config["TODAY"] = "2027-12-25"  # 396 days on: still there
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Your complaint {reference}")
        expect(page.get_by_role("main")).to_contain_text("It is closed.")
        live_app.config["TODAY"] = "2027-12-26"
        assert_not_found(page, path)
    finally:
        live_app.config["TODAY"] = "2026-11-24"


def test_a_printout_shows_how_each_date_was_worked_out(page, live_app):
    _reference, path = lodged(live_app, "kctmo", "The lift has been broken for a month.")
    page.goto(path)
    closed = page.locator("details:not([open])")
    count = closed.count()
    assert count > 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(closed).to_have_count(0)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(closed).to_have_count(count)
