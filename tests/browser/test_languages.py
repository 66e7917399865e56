"""Every language the service ships, a whole resident journey in Chromium at 375x667: chosen from
the language list on the start page, kept on every page after it (`<html lang dir>` right), with
axe (WCAG 2.2 AA) passing on every page, the error state included, and known strings shown in the
language. A missing or stale compiled catalogue silently shows English, so every page's words are
checked against the catalogue. Each right-to-left page is kept as a screenshot under
artifacts/screenshots/<language>/ for a person to look at.

Answers are given by the fields' names and values (the same data as the integration tests), so
the journey needs no English; the buttons are found by their names in the page's language.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from playwright.sync_api import Page, expect

from assistant.config import settings
from assistant.extensions import db
from assistant.models import Complaint

from ..integration.helpers import END, MYSELF, exclusion_answers
from .helpers import REFERENCE, assert_sound_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
SETTINGS = settings(str(ROOT / "instance"))
LANGUAGES = [code for code in SETTINGS["LANGUAGES"] if code != "en"]
RIGHT_TO_LEFT = set(SETTINGS["RIGHT_TO_LEFT"])
SLUGS = ["kennett", "inspiring", "west-kent", "kctmo", "support-trust"]
RECEIVED = date(2026, 11, 24)  # the live app's frozen today


@cache
def catalogue(code: str) -> dict:
    with (ROOT / "assistant" / "translations" / code / "LC_MESSAGES" / "messages.po").open("rb") as source:
        return {message.id: message.string for message in read_po(source) if message.id}


# Words that some languages rightly share with English ("Error:" is Spanish too); every other
# string looked up here must differ, which is what shows the catalogue is really in use.
SAME_IN_SOME_LANGUAGES = {"Error:"}


def t(code: str, english: str, **values) -> str:
    """The catalogue's words for `english`, as the page should show them."""
    words = catalogue(code)[english]
    assert words and (words != english or english in SAME_IN_SOME_LANGUAGES), f"{code} has no translation of {english!r}"
    return words % values if values else words


def fill(page: Page, data: dict) -> None:
    """Answer a question page by its fields' names and values."""
    for name, value in data.items():
        if isinstance(value, list):
            for choice in value:
                page.locator(f"input[name='{name}'][value='{choice}']").check()
        elif page.locator(f"input[type=radio][name='{name}']").count():
            page.locator(f"input[name='{name}'][value='{value}']").check()
        else:
            page.locator(f"[name='{name}']").fill(value)


def assert_in_language(page: Page, code: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", code)
    expect(html).to_have_attribute("dir", "rtl" if code in RIGHT_TO_LEFT else "ltr")
    languages = page.get_by_role("navigation", name=t(code, "Language"))
    expect(languages.locator(f"a[lang='{code}']")).to_have_attribute("aria-current", "true")


def keep_screenshot(page: Page, code: str, name: str) -> None:
    if code in RIGHT_TO_LEFT:
        folder = SCREENSHOTS / code
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def check_page(page: Page, code: str, name: str, error: bool = False) -> None:
    assert_in_language(page, code)
    assert_sound_page(page, error_prefix=t(code, "Error:") + " ")
    keep_screenshot(page, code, name + ("-error" if error else ""))


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_whole_journey_in_each_language(page, live_app, landlords, code):
    slug = SLUGS[LANGUAGES.index(code) % len(SLUGS)]
    landlord = landlords[slug]
    page.goto(f"/{slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")  # the phone asks for en-GB
    page.locator(f"nav.languages a[lang='{code}']").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(code, "Make a complaint to %(landlord)s", landlord=landlord.name))
    check_page(page, code, "start")
    page.get_by_role("button", name=t(code, "Start now")).click()

    steps = MYSELF + exclusion_answers(live_app, slug) + END
    for number, (step, data) in enumerate(steps):
        expect(page).to_have_url(re.compile(rf"/{slug}/complain/{step}$"))
        check_page(page, code, f"{number + 1:02d}-{step}")
        if number == 0:
            # Sent empty, the page says what is wrong in the language, and says it first.
            page.get_by_role("button", name=t(code, "Continue"), exact=True).click()
            expect(page).to_have_title(re.compile("^" + re.escape(t(code, "Error:"))))
            expect(page.get_by_role("alert", name=t(code, "There is a problem"))).to_be_visible()
            check_page(page, code, f"{number + 1:02d}-{step}", error=True)
        fill(page, data)
        if step == "what-went-wrong":  # the character count counts down in the language
            left = re.escape(t(code, "Characters left: %(count)s", count="COUNT")).replace("COUNT", r"[\d.,\s]+")
            expect(page.locator("#description-info")).to_have_text(re.compile(f"^{left}$"))
        page.get_by_role("button", name=t(code, "Continue"), exact=True).click()

    expect(page).to_have_url(re.compile(rf"/{slug}/complain/check$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(code, "Check your answers before sending your complaint"))
    check_page(page, code, "check")
    # Data keeps its order in any script: the phone number reads 07700 900982, not 900982 07700.
    expect(page.locator("dd bdi[dir=ltr]", has_text="07700 900982")).to_have_count(1)
    page.get_by_role("button", name=t(code, "Send my complaint")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t(code, "Complaint sent"))
    check_page(page, code, "sent")
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.match(reference), reference  # the reference stays as it is, in any script
    page.locator(".private-link a").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t(code, "Your complaint %(reference)s", reference=reference))
    check_page(page, code, "complaint")
    main = page.get_by_role("main")
    # Dates in words, formatted by Babel for the language ("dydd Mawrth 24 Tachwedd 2026").
    expect(main).to_contain_text(t(code, "Received on %(date)s.",
                                   date=format_date(RECEIVED, "EEEE d MMMM y", locale=code)))
    expect(main).to_contain_text(t(code, "Your rights"))

    with live_app.app_context():
        stored = db.session.execute(db.select(Complaint).filter_by(reference=reference)).scalar_one()
        assert stored.locale == code  # letters and messages go out in it
