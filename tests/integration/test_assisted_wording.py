"""Staff entering a complaint are never spoken to as if they were the resident: every page of the
staff flow, for every landlord (so every kind of exclusion question a profile asks), walked
through the advocate's path, the emergency page, a service request, an exclusion flagged, the
stop page for each, the check, save and confirmation pages; and then the resident calling for
themselves, for the page that takes their contact details."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import html5lib

from .helpers import END, MYSELF, answer, exclusion_answers, lodge, sign_in_staff, staff_member

# What a page says *to* the person using it: its title, headings, labels, legends, hints,
# buttons and links, and the questions on the check page. The paragraphs a member of staff reads
# out to the caller (a service request explained, an exclusion explained, emergency numbers) are
# not among them, so no resident's words need excusing here.
SPOKEN_TAGS = {"title", "h1", "h2", "h3", "label", "legend", "button", "a", "dt"}
# The one "you" that is right: a character count speaks to whoever is typing, here the member of staff.
TO_THE_TYPIST = "character-count__message"
PERSONAL = re.compile(r"\b(?:I|me|my|mine|myself|you|your|yours|yourself)\b", re.I)
INTAKE = ("how-it-came-in", {"channel": "phone", "received_on-day": "24", "received_on-month": "11",
                             "received_on-year": "2026", "language": "en"})


def spoken(html: str) -> list[str]:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    site = tree.find("head/title").text.rsplit(" – ", 1)[-1]
    texts = []
    for element in tree.iter():
        classes = (element.get("class") or "").split()
        if TO_THE_TYPIST not in classes and (element.tag in SPOKEN_TAGS or "hint" in classes):
            text = " ".join("".join(element.itertext()).split())
            texts.append(text.removesuffix(f" – {site}"))
    return texts


class Recorder:
    """Every page a member of staff is shown, in the order they see them."""

    def __init__(self, client, slug):
        self.client, self.slug, self.pages = client, slug, []

    def visit(self, url: str) -> None:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        self.pages.append((urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1], response.get_data(as_text=True)))

    def answer(self, steps) -> None:
        for step, data in steps:
            response = answer(self.client, f"{self.slug}/staff/new", step, data)
            assert response.status_code == 302, (step, response.get_data(as_text=True)[:2000])
            self.visit(response.headers["Location"])


def advocate_path(app, slug) -> list[tuple[str, dict]]:
    """Someone calling for the resident, with someone in danger, first told it is a service
    request and stopping there, then carrying on; every exclusion touched, stopping, carrying on."""
    exclusions = exclusion_answers(app, slug, "yes")
    flagged = [("exclusion-result", {"choice": "stop"}), ("exclusion-result", {"choice": "continue"})]
    return [
        INTAKE,
        ("who-is-complaining", {"who": "someone-else"}),
        ("advocate-details", {"name": "Cllr Jo Bloggs", "relationship": "councillor", "phone": "01632 960001"}),
        ("resident-details", {"name": "Ada Resident", "address": "1 High Street"}),
        ("permission", {"permission": "not-yet"}),
        ("danger", {"danger": "yes"}),
        ("emergency", {}),
        *MYSELF[2:5],
        ("reported-before", {"reported": "no"}),
        ("service-request", {"choice": "report-instead"}),
        ("service-request", {"choice": "complain"}),
        *exclusions,
        *(flagged if exclusions else []),
        *END[:2],
        ("contact-preference", {"method": "phone"}),
    ]


def staff_pages(app, client) -> list[tuple[str, str]]:
    pages = []
    for slug in app.extensions["landlords"]:
        sign_in_staff(client, staff_member(app, slug, f"caseworker@{slug}.example"), slug)
        new = f"/{slug}/staff/new"
        seen = Recorder(client, slug)
        seen.visit(f"{new}/")
        seen.visit(f"{new}/complain/how-it-came-in")
        seen.answer(advocate_path(app, slug))
        seen.visit(f"{new}/complain/save")
        assert lodge(client, f"{slug}/staff/new").status_code == 302
        seen.visit(f"{new}/complain/sent")
        # The resident calling for themselves, for their contact details. (The letter to print is
        # written to the resident, in their language, so it is not walked.)
        seen.answer([INTAKE, *MYSELF, *exclusion_answers(app, slug), *END])
        pages += seen.pages
    return pages


def test_no_staff_page_speaks_to_the_member_of_staff_as_the_resident(app, client):
    pages = staff_pages(app, client)
    said = {(name, text) for name, html in pages for text in spoken(html) if PERSONAL.search(text)}
    visited = {name for name, _html in pages}
    # Every kind of page was seen, for the walk to mean anything.
    assert {"new", "advocate-details", "permission", "emergency", "service-request", "stopped",
            "exclusion-legal-proceedings", "exclusion-staff-employment", "exclusion-result",
            "contact-details", "check", "save", "sent"} <= visited
    assert said == set()


def test_the_check_for_words_to_the_resident_finds_them():
    html = ('<html><head><title>Check your answers – Kennett</title></head><body><h1>About the resident</h1>'
            '<div class="hint">Give their best guess</div><button>Send my complaint</button>'
            '<p>You can still send it.</p><label>If I may</label><a href="/">Carry on with my complaint</a>'
            '<div class="hint character-count__message">You can enter up to 300 characters</div></body></html>')
    assert [t for t in spoken(html) if PERSONAL.search(t)] == [
        "Check your answers", "Send my complaint", "If I may", "Carry on with my complaint"]
