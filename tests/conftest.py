"""Shared fixtures: an app on a fresh database per test, a frozen clock, and a test client
that audits every page it fetches (the HTML parses, title and lang are there, ids are unique)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from collections import Counter

import html5lib
import pytest
from flask.testing import FlaskClient

from assistant import create_app
from assistant.extensions import db

TODAY = "2026-11-24"  # a Tuesday
TRANSLATIONS = Path(__file__).resolve().parents[1] / "assistant" / "translations"


def pytest_sessionstart(session):
    """Compile the catalogues, as set-up does: a stale or missing .mo silently shows English."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        with po.open("rb") as source:
            catalogue = read_po(source, locale=po.parts[-3])
        with po.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalogue)


class AuditingClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code < 300:
            audit(response.get_data(as_text=True))
        return response


def audit(page: str) -> None:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parse(page)
    assert not [e for e in parser.errors if e[1] not in ("unexpected-end-tag-before-html",)], parser.errors[:3]
    root = tree
    assert root.get("lang"), "every page needs <html lang>"
    assert root.get("dir") in ("ltr", "rtl")
    title = root.find("head/title")
    assert title is not None and title.text and title.text.strip(), "every page needs a <title>"
    ids = Counter(e.get("id") for e in root.iter() if e.get("id"))
    duplicates = [i for i, n in ids.items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    for form in root.iter("form"):
        if (form.get("method") or "get").lower() == "post":
            assert form.find(".//input[@name='csrf_token']") is not None, "every POST form carries a CSRF token"
    assert not re.search(r"%\(\w+\)s", page), "an unformatted placeholder reached the page"


def database_url() -> str:
    return os.environ.get("TEST_DATABASE_URL", "sqlite://")


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url(),
        "SECRET_KEY": "test",
        "TODAY": TODAY,
        "SERVER_NAME": "localhost",
        "PROFILE_DIR": os.environ.get("TEST_PROFILE_DIR"),
    })
    app.test_client_class = AuditingClient
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()
