"""Staff accounts and sign-in: accounts made on the command line, sign-in and sign-out at
/<slug>/staff/, idle expiry, throttled guessing, CSRF on every form, and no way across from a
resident's session or another landlord's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import request

from assistant import create_app
from assistant.extensions import db
from assistant.models import utcnow
from assistant.staff import accounts
from assistant.staff.access import KEY
from assistant.staff.models import SignInFailure, StaffMember

from .helpers import answer, token

EMAIL = "ada.lovelace@kennett.example"
PASSWORD = "correct horse battery staple"
GENERIC = "Enter a correct email address and password"
LOCKED = "You have tried to sign in too many times. Wait 15 minutes, then try again."


@pytest.fixture(autouse=True)
def no_waiting(app):
    app.config["STAFF_SIGNIN_DELAY"] = False


@pytest.fixture
def ada(app):
    with app.app_context():
        accounts.create("kennett", EMAIL, PASSWORD)


def sign_in(client, email=EMAIL, password=PASSWORD, slug="kennett", query="", **kwargs):
    url = f"/{slug}/staff/{query}"
    return client.post(url, data={"csrf_token": token(client, url), "email": email, "password": password}, **kwargs)


def page(response) -> str:
    return response.get_data(as_text=True)


def staff_rows(app, slug="kennett") -> list[StaffMember]:
    with app.app_context():
        return accounts.for_landlord(slug)


def create(app, *args, password=PASSWORD):
    return app.test_cli_runner().invoke(args=["staff", "create", *args], input=password + "\n")


# --- the command line -------------------------------------------------------------------------

def test_create_reads_a_piped_password_and_stores_only_its_hash(app):
    result = create(app, "--landlord", "kennett", "--email", "  Ada.Lovelace@Kennett.EXAMPLE ")
    assert result.exit_code == 0, result.output
    assert result.output == f"Created a staff account for {EMAIL} at Kennett Community Land Trust.\n"
    assert PASSWORD not in result.output
    [member] = staff_rows(app)
    assert member.email == EMAIL  # lower-cased, so the same person cannot get two accounts
    assert member.password_hash.startswith("scrypt:")
    assert PASSWORD not in member.password_hash
    assert member.last_sign_in_at is None


def test_list_shows_one_email_a_line_with_its_date_for_that_landlord_only(app):
    for email in ("zoe@kennett.example", "bob@kennett.example"):
        assert create(app, "--landlord", "kennett", "--email", email).exit_code == 0
    assert create(app, "--landlord", "west-kent", "--email", "carol@westkent.example").exit_code == 0
    result = app.test_cli_runner().invoke(args=["staff", "list", "--landlord", "kennett"])
    assert result.exit_code == 0
    today = utcnow().strftime("%Y-%m-%d")
    assert result.output == f"bob@kennett.example\tcreated {today}\nzoe@kennett.example\tcreated {today}\n"


@pytest.mark.parametrize("args, password, message", [
    # An unknown landlord is named, with the ones there are.
    (["--landlord", "nowhere", "--email", "a@b.example"], PASSWORD, "No landlord called 'nowhere'. Known landlords:"),
    (["--landlord", "kennett", "--email", "not-an-email"], PASSWORD, "'not-an-email' is not a valid email address"),
    # 11 characters: one short.
    (["--landlord", "kennett", "--email", "new@kennett.example"], "elevenchars", "at least 12 characters long"),
    (["--landlord", "kennett", "--email", "new@kennett.example"], "", "at least 12 characters long"),
    # The same address in other capitals is the same account.
    (["--landlord", "kennett", "--email", EMAIL.upper()], PASSWORD,
     f"There is already a staff account for {EMAIL} at kennett."),
])
def test_create_refuses_with_one_clear_line(app, ada, args, password, message):
    result = create(app, *args, password=password)
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.output
    assert [m.email for m in staff_rows(app)] == [EMAIL]


def test_the_same_email_may_have_an_account_at_another_landlord(app, ada):
    assert create(app, "--landlord", "west-kent", "--email", EMAIL).exit_code == 0
    assert [m.email for m in staff_rows(app, "west-kent")] == [EMAIL]


def test_list_refuses_an_unknown_landlord(app):
    result = app.test_cli_runner().invoke(args=["staff", "list", "--landlord", "nowhere"])
    assert result.exit_code != 0 and "No landlord called 'nowhere'" in result.output


# --- signing in and out -----------------------------------------------------------------------

def test_sign_in_page_is_for_staff_and_not_indexed(client):
    response = client.get("/kennett/staff/")
    html = page(response)
    assert "<title>Sign in – Kennett Community Land Trust</title>" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'autocomplete="current-password"' in html
    assert response.headers["Cache-Control"] == "no-store"


def test_signing_in_leads_to_a_page_that_says_who_and_for_which_landlord(app, client, ada):
    response = sign_in(client, email="  ADA.Lovelace@kennett.example")
    assert response.status_code == 302 and response.headers["Location"] == "/kennett/staff/home"
    home = page(client.get("/kennett/staff/home"))
    assert "<title>Staff home – Kennett Community Land Trust</title>" in home
    assert f"You are signed in as {EMAIL}, for Kennett Community Land Trust." in home
    assert "Sign out" in home
    with app.app_context():
        assert db.session.execute(db.select(StaffMember)).scalar_one().last_sign_in_at is not None
    # Already signed in: the sign-in page goes straight to the home page.
    assert client.get("/kennett/staff/").headers["Location"] == "/kennett/staff/home"


@pytest.mark.parametrize("email, password", [
    (EMAIL, "wrong password entirely"),
    ("nobody@kennett.example", PASSWORD),  # no such account: the same words
    ("not an email", PASSWORD),
])
def test_a_failed_sign_in_says_the_same_thing_whatever_was_wrong(client, ada, email, password):
    response = sign_in(client, email=email, password=password)
    html = page(response)
    assert response.status_code == 200
    assert "<title>Error: Sign in – Kennett Community Land Trust</title>" in html
    assert html.count(GENERIC) == 2  # the error summary and the message by the field
    assert '<a href="#email">' + GENERIC in html
    assert password not in html  # the password is never sent back
    assert client.get("/kennett/staff/home").status_code == 302


def test_blank_fields_are_asked_for(client, ada):
    html = page(sign_in(client, email="", password=""))
    assert "Enter your email address" in html and "Enter your password" in html
    assert GENERIC not in html


def test_sign_in_without_a_csrf_token_does_not_sign_in(client, ada):
    response = client.post("/kennett/staff/", data={"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 200
    assert "This page timed out or was sent from somewhere else. Try again." in page(response)
    assert client.get("/kennett/staff/home").headers["Location"].startswith("/kennett/staff/")
    with client.session_transaction() as session:
        assert KEY not in session


def test_sign_out_needs_its_csrf_token(client, ada):
    sign_in(client)
    response = client.post("/kennett/staff/sign-out")
    assert response.headers["Location"] == "/kennett/staff/home"
    assert "You are still signed in" in page(client.get("/kennett/staff/home"))

    response = client.post("/kennett/staff/sign-out", data={"csrf_token": token(client, "/kennett/staff/home")})
    assert response.headers["Location"] == "/kennett/staff/"
    assert "You have signed out" in page(client.get("/kennett/staff/"))
    assert client.get("/kennett/staff/home").status_code == 302


def test_a_copy_of_a_signed_out_session_opens_nothing(client, ada):
    sign_in(client)
    with client.session_transaction() as session:
        copied = dict(session)
    client.post("/kennett/staff/sign-out", data={"csrf_token": token(client, "/kennett/staff/home")})
    with client.session_transaction() as session:
        session.update(copied)
    assert client.get("/kennett/staff/home").status_code == 302
    # Signing in again starts a session that works.
    assert sign_in(client).status_code == 302
    assert client.get("/kennett/staff/home").status_code == 200


def test_signing_in_starts_a_fresh_session(client, ada):
    answer(client, "kennett", "who-is-complaining", {"who": "myself"})
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    sign_in(client)
    with client.session_transaction() as session:
        assert set(session) == {KEY}  # the resident's draft and anything planted are gone


def test_after_sign_in_it_returns_only_to_this_landlords_staff_pages(client, ada):
    response = client.get("/kennett/staff/home")
    assert response.headers["Location"] == "/kennett/staff/?next=/kennett/staff/home"
    assert sign_in(client, query="?next=/kennett/staff/home").headers["Location"] == "/kennett/staff/home"


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/kennett/staff/", "/west-kent/staff/home",
                                    "/kennett/complain/check"])
def test_a_return_address_elsewhere_is_ignored(client, ada, target):
    response = sign_in(client, query=f"?next={target}")
    assert response.headers["Location"] == "/kennett/staff/home"


def test_an_unknown_landlord_has_no_staff_pages(client):
    assert client.get("/nowhere/staff/").status_code == 404


# --- who may see what -------------------------------------------------------------------------

def test_a_kennett_session_opens_nothing_under_another_landlord(app, client, ada):
    sign_in(client)
    response = client.get("/west-kent/staff/home")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/west-kent/staff/")
    assert "Signed in as" not in page(client.get("/west-kent/staff/"))
    # Nor does a Kennett password open West Kent: accounts belong to one landlord.
    assert GENERIC in page(sign_in(client, slug="west-kent"))
    # The Kennett session itself is untouched.
    assert client.get("/kennett/staff/home").status_code == 200


def test_a_resident_session_never_reaches_a_staff_page(client, ada):
    assert answer(client, "kennett", "who-is-complaining", {"who": "myself"}).status_code == 302
    response = client.get("/kennett/staff/home")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/kennett/staff/?")


def test_a_deleted_account_is_signed_out(app, client, ada):
    sign_in(client)
    with app.app_context():
        db.session.execute(db.delete(StaffMember))
        db.session.commit()
    assert client.get("/kennett/staff/home").status_code == 302


# --- idle expiry ------------------------------------------------------------------------------

def idle_for(client, minutes: float) -> None:
    with client.session_transaction() as session:
        session[KEY] = {**session[KEY], "seen": session[KEY]["seen"] - minutes * 60}


def test_a_session_idle_too_long_is_ended_with_a_reason(client, ada):
    sign_in(client)
    idle_for(client, 31)
    response = client.get("/kennett/staff/home")
    assert response.headers["Location"] == "/kennett/staff/?next=/kennett/staff/home"
    assert "You were signed out after 30 minutes without activity" in page(client.get(response.headers["Location"]))
    with client.session_transaction() as session:
        assert KEY not in session


def test_each_staff_page_opened_counts_as_activity(client, ada):
    sign_in(client)
    idle_for(client, 29)
    assert client.get("/kennett/staff/home").status_code == 200
    idle_for(client, 29)  # 58 minutes since sign-in, but only 29 since the last page
    assert client.get("/kennett/staff/home").status_code == 200


def test_the_idle_limit_is_a_setting(app, client, ada):
    app.config["STAFF_IDLE_MINUTES"] = 5
    sign_in(client)
    idle_for(client, 6)
    response = client.get("/kennett/staff/home", follow_redirects=True)
    assert "You were signed out after 5 minutes without activity" in page(response)


# --- throttling -------------------------------------------------------------------------------

def test_five_failures_lock_the_account_for_15_minutes_even_with_the_right_password(app, client, ada):
    for _ in range(5):
        assert GENERIC in page(sign_in(client, password="not the password"))
    html = page(sign_in(client))
    assert LOCKED in html and GENERIC not in html
    assert client.get("/kennett/staff/home").status_code == 302
    # Refused tries are not checked, so they do not count: 15 minutes after the fifth failure it opens.
    with app.app_context():
        for failure in db.session.execute(db.select(SignInFailure)).scalars():
            failure.at = failure.at - timedelta(minutes=15, seconds=1)
        db.session.commit()
    assert sign_in(client).headers["Location"] == "/kennett/staff/home"


def test_an_unknown_email_locks_the_same_way_so_the_lockout_gives_nothing_away(client, ada):
    for _ in range(5):
        sign_in(client, email="nobody@kennett.example")
    assert LOCKED in page(sign_in(client, email="nobody@kennett.example"))
    # Another account from the same address is not locked by that.
    assert sign_in(client).status_code == 302


def test_a_successful_sign_in_clears_the_accounts_failures(client, ada):
    for _ in range(4):
        sign_in(client, password="not the password")
    assert sign_in(client).status_code == 302
    client.post("/kennett/staff/sign-out", data={"csrf_token": token(client, "/kennett/staff/home")})
    for _ in range(4):
        assert GENERIC in page(sign_in(client, password="not the password"))
    assert sign_in(client).status_code == 302


def test_twenty_failures_from_one_address_lock_that_address(app, client, ada):
    with app.app_context():
        for n in range(20):  # four emails at most each, so no single account is locked
            db.session.add(SignInFailure(landlord="west-kent", email=f"guess{n % 5}@example.com",
                                         address="203.0.113.9"))
        db.session.commit()
    from_there = {"environ_base": {"REMOTE_ADDR": "203.0.113.9"}}
    assert LOCKED in page(sign_in(client, **from_there))
    assert sign_in(client, environ_base={"REMOTE_ADDR": "198.51.100.7"}).status_code == 302


def test_failures_slow_the_next_try_a_little_more_each_time_up_to_a_second(app, client, ada):
    waits = []
    app.config["STAFF_SIGNIN_DELAY"] = waits.append
    for _ in range(5):
        sign_in(client, password="not the password")
    assert waits == [0.25, 0.5, 0.75, 1.0]  # none before the first try
    sign_in(client)  # locked: refused at once, without checking
    assert waits == [0.25, 0.5, 0.75, 1.0]


@pytest.mark.parametrize("proxies, seen", [("1", "203.0.113.7"), ("0", "10.0.0.1")])
def test_the_address_throttling_counts_is_the_callers_behind_a_trusted_proxy(monkeypatch, proxies, seen):
    """With TRUSTED_PROXIES set, failed sign-ins are counted against each person's own address,
    not the proxy's (which would lock every member of staff out together); without it, a forged
    X-Forwarded-For is ignored."""
    monkeypatch.setenv("TRUSTED_PROXIES", proxies)
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "t",
                      "SERVER_NAME": "localhost", "STAFF_SIGNIN_DELAY": False})
    addresses = []
    app.before_request(lambda: addresses.append(request.remote_addr))
    app.test_client().get("/", headers={"X-Forwarded-For": "203.0.113.7"}, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert addresses == [seen]
