"""The same storage on PostgreSQL, as in production: JSON answers, the unique draft guard, resume.

Runs where a PostgreSQL server listens on 127.0.0.1:5432 (the development and CI machines). A
user's fresh machine has none and uses SQLite, so there it is skipped, with the reason; in CI a
missing server is a failure.
"""

from __future__ import annotations

import os
import re
import uuid

import psycopg
import pytest

from assistant import create_app
from assistant.extensions import db
from assistant.models import Complaint

from .helpers import END, MYSELF, exclusion_answers, token, walk

SERVER = os.environ.get("TEST_POSTGRES_SERVER", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def pg_app(monkeypatch):
    try:
        admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must test PostgreSQL, but none answers at {SERVER}: {exc}")
        pytest.skip(f"no PostgreSQL server at {SERVER} (SQLite is the default)")
    name = f"assistant_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    # Through DATABASE_URL, as in production (a plain postgresql:// URL, as hosts hand them out).
    monkeypatch.setenv("DATABASE_URL", SERVER.rsplit("/", 1)[0] + "/" + name)
    app = create_app({"TESTING": True, "SECRET_KEY": "pg", "TODAY": "2026-11-24", "SERVER_NAME": "localhost"})
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        admin.execute(f'DROP DATABASE "{name}"')
        admin.close()


def test_lodging_once_and_reading_it_back_on_postgresql(pg_app):
    client = pg_app.test_client()
    walk(client, "kctmo", MYSELF + exclusion_answers(pg_app, "kctmo") + END)
    csrf = token(client, "/kctmo/complain/check")
    client.post("/kctmo/complain/check", data={"csrf_token": csrf})
    client.post("/kctmo/complain/check", data={"csrf_token": csrf})
    with pg_app.app_context():
        [complaint] = db.session.execute(db.select(Complaint)).scalars().all()
        assert complaint.answers["what-it-affected"]["affected"] == ["home", "health"]
    sent = client.get("/kctmo/complain/sent").get_data(as_text=True)
    link = re.search(r'class="private-link"><a href="http://localhost([^"]+)"', sent).group(1)
    assert complaint.reference in pg_app.test_client().get(link).get_data(as_text=True)


def test_resume_on_postgresql(pg_app):
    client = pg_app.test_client()
    walk(client, "kennett", MYSELF[:2])
    page = client.get("/kennett/complain/save").get_data(as_text=True)
    link = re.search(r'class="private-link"><a href="http://localhost([^"]+)"', page).group(1)
    other = pg_app.test_client()
    assert other.get(link).headers["Location"].endswith("/complain/what-went-wrong")
