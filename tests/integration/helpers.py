"""Driving the dialogue through the test client as a browser would: GET the page, read its
CSRF token, POST the answers."""

from __future__ import annotations

import re

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def token(client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code, page.headers.get("Location"))
    return TOKEN.search(page.get_data(as_text=True)).group(1)


def answer(client, slug: str, step: str, data: dict, query: str = "", button: str = "submit"):
    url = f"/{slug}/complain/{step}{query}"
    form = {"csrf_token": token(client, url), button: "go", **data}
    return client.post(url, data=form)


# A resident complaining for themselves, the shortest way through (no exclusion touched).
MYSELF = [
    ("who-is-complaining", {"who": "myself"}),
    ("danger", {"danger": "no"}),
    ("what-went-wrong", {"description": "The boiler was repaired three times and still does not work."}),
    ("when-it-started", {"started_on-day": "3", "started_on-month": "9", "started_on-year": "2026", "ongoing": "yes"}),
    ("what-it-affected", {"affected": ["home", "health"]}),
    ("reported-before", {"reported": "yes"}),
]
END = [
    ("outcome", {"outcomes": ["apology", "put-right"], "put_right": "Fix the boiler properly."}),
    ("adjustments", {"needs": ["large-print"]}),
    ("contact-details", {"name": "Ada Resident", "phone": "07700 900982"}),
    ("contact-preference", {"method": "text"}),
]


def exclusion_answers(app, slug: str, value: str = "no") -> list[tuple[str, dict]]:
    from assistant.dialogue.exclusion_flags import exclusion_step_id
    from assistant.policy.exclusions import Treatment

    landlord = app.extensions["landlords"][slug]
    return [(exclusion_step_id(e.kind), {"answer": value}) for e in landlord.exclusions if e.treatment is Treatment.ASKED]


def walk(client, slug: str, steps) -> None:
    for step, data in steps:
        response = answer(client, slug, step, data)
        assert response.status_code == 302, (step, response.get_data(as_text=True)[:3000])


def lodge(client, slug: str):
    return client.post(f"/{slug}/complain/check", data={"csrf_token": token(client, f"/{slug}/complain/check")})


STAFF_PASSWORD = "correct horse battery staple"


def staff_member(app, slug: str = "kennett", email: str = "caseworker@example.org") -> str:
    """Create a staff account (as `flask staff create` does) and return its email."""
    from assistant.staff import accounts

    with app.app_context():
        accounts.create(slug, email, STAFF_PASSWORD)
    app.config["STAFF_SIGNIN_DELAY"] = False
    return email


def sign_in_staff(client, email: str, slug: str = "kennett"):
    url = f"/{slug}/staff/"
    response = client.post(url, data={"csrf_token": token(client, url), "email": email, "password": STAFF_PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return response
