"""Browser tests: Debian's Chromium, driven by Playwright (pytest-playwright), against the app
served for real on 127.0.0.1. One browser for the session; a new context (fresh cookies) per test."""

from __future__ import annotations

import os
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from werkzeug.serving import WSGIRequestHandler, make_server

from assistant import create_app
from assistant.extensions import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 375, "height": 667}  # a small phone: the size most residents will use
TODAY = "2026-11-24"
# A page of this app loads in milliseconds: give up after 10s, not Playwright's 30s, yet leave
# room for a busy two-core CI machine (expect's own 5s is raised to match).
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser cannot be downloaded here, so the suite uses Debian's. Without it
    # the tests fail (in CI and locally alike): a browser suite that skips proves nothing.
    if not os.access(CHROMIUM, os.X_OK):
        ci = " (CI is set)" if os.environ.get("CI") else ""
        pytest.fail(f"{CHROMIUM} is missing{ci}: install it with `make browser` "
                    "(apt-get install chromium fonts-noto-core)", pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    database = tmp_path_factory.mktemp("browser") / "assistant.db"
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "SECRET_KEY": "browser-tests",
        "TODAY": TODAY,
    })
    yield app
    with app.app_context():
        db.engine.dispose()


class QuietHandler(WSGIRequestHandler):
    """No line per request (a journey makes dozens); errors are still logged."""

    def log_request(self, code="-", size="-"):
        pass


@pytest.fixture(scope="session")
def live_url(live_app):
    """The app on a free port (the OS picks it), served from a daemon thread. Named live_url, not
    base_url, so that pytest-base-url's fixture of that name is left alone."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_url):
    # base_url lets tests write page.goto("/kennett/"); en-GB is what a UK phone sends.
    return {**browser_context_args, "base_url": live_url, "viewport": VIEWPORT, "locale": "en-GB"}


@pytest.fixture
def context(new_context):
    context = new_context()
    context.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(f"{error.page.url if error.page else ''}: {error.error}"))
    # Nothing is fetched from anywhere but the app itself: no fonts, scripts or trackers from a
    # third party (privacy, and speed on a slow phone network).
    elsewhere: list[str] = []
    context.on("request", lambda request: None if urlsplit(request.url).scheme in ("data", "blob", "about")
               or urlsplit(request.url).hostname == "127.0.0.1" else elsewhere.append(request.url))
    yield context
    assert not errors, f"uncaught JavaScript errors: {errors}"
    assert not elsewhere, f"requests to third parties: {elsewhere}"


@pytest.fixture
def no_js_context(new_context):
    context = new_context(java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def scriptless_page(new_context):
    """JavaScript on (axe needs it) but app.js blocked: for axe on what a no-JS browser shows."""
    context = new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.route("**/static/app.js", lambda route: route.abort())
    return context.new_page()


@pytest.fixture
def landlords(live_app):
    """slug -> Landlord, as the app loaded them from the profiles."""
    return live_app.extensions["landlords"]
